import { defineErrorReasons, type DomainError, type ReasonOf } from '../common/domain-error';
import { describeDraftProblems, type DraftProblem } from './draft-check';
import type { RosterCount } from './round-roster';

/** Why a round, its draft or its meetings were refused. */
export const roundsError = defineErrorReasons('RoundsErrorReason', 'Why a round, its draft or its meetings were refused.', {
  ROUND_NOT_FOUND: { category: 'NOT_FOUND', description: 'No round of this event has this id or name.' },
  AMBIGUOUS_ROUND_NAME: { category: 'BAD_USER_INPUT', description: 'Several rounds of the event have this name: give an id (the message lists them).' },
  NOT_ENOUGH_ATTENDEES: { category: 'CONFLICT', description: 'Fewer than two attendees may be matched (present, consenting, not opted out); the message counts the others.' },
  GENERATION_IN_PROGRESS: { category: 'CONFLICT', description: 'A round of this event is being generated right now: try again when it is done.' },
  ROUND_ALREADY_GENERATED: { category: 'CONFLICT', description: 'The round already has a draft: review it, or generate again with `regenerate: true`.' },
  ROUND_NOT_DRAFT: { category: 'CONFLICT', description: 'Only a round in DRAFT (or a generated draft, with `regenerate`) can be generated.' },
  MATCHING_INPUT_INVALID: { category: 'BAD_USER_INPUT', description: 'The matching refused the round’s input (a profile or a weight); reported in the failed generation’s `progress.error`.' },
  ROUND_NOT_GENERATED: { category: 'CONFLICT', description: 'Only a generated draft can be adjusted or published.' },
  ROUND_EMPTY: { category: 'CONFLICT', description: 'The draft has no meeting: there is nothing to publish.' },
  DRAFT_BREAKS_HARD_RULES: { category: 'CONFLICT', description: 'The draft breaks rules that changed since it was generated; `extensions.violations` lists the pairs.' },
  ROUND_NOT_PUBLISHED: { category: 'CONFLICT', description: 'Only a published round can be closed or have its no-shows marked.' },
  ROUND_ALREADY_PUBLISHED: { category: 'CONFLICT', description: 'The round is already published: attendees can no longer opt in or out of it themselves.' },
  ROUND_NOT_STARTED: { category: 'CONFLICT', description: 'The round has not started: it cannot be closed yet (cancel it instead).' },
  ROUND_NOT_CANCELLABLE: { category: 'CONFLICT', description: 'A round in this status cannot be cancelled.' },
  SWAP_SELF: { category: 'BAD_USER_INPUT', description: 'A swap needs two different attendees (field `attendeeB`).' },
  NOT_SEATED: { category: 'BAD_USER_INPUT', description: 'Neither attendee of the swap has a meeting in this round.' },
  SAME_TABLE: { category: 'BAD_USER_INPUT', description: 'The attendees already meet each other, or the attendee is already at that table.' },
  TABLE_FULL: { category: 'BAD_USER_INPUT', description: 'The table is full (three at most in a pairs round, the table size in a table round): swap instead.' },
  WOULD_LEAVE_ALONE: { category: 'CONFLICT', description: 'Moving the attendee would leave their partner alone: swap instead.' },
  OVERRIDE_NEEDS_REASON: { category: 'BAD_USER_INPUT', description: 'Forcing a change that breaks a hard rule needs a reason (field `reason`).' },
  NOT_ELIGIBLE: { category: 'BAD_USER_INPUT', description: 'Only present, consenting, opted-in attendees of this event can be seated.' },
  HARD_RULE: { category: 'CONFLICT', description: 'The change breaks a hard rule; `extensions.violations` says which, between whom. Force it with a reason to override.' },
  NOT_A_PARTICIPANT: { category: 'BAD_USER_INPUT', description: 'The attendee is not at this meeting (field `attendeeId`).' },
  ROUNDS_OVERLAP: { category: 'CONFLICT', description: 'The round would overlap another round of the event that is not cancelled (each holds [start, start + duration)); the message names it.' },
  TABLES_WITH_MAXMIN: { category: 'BAD_USER_INPUT', description: 'A table round (`tableSize`) maximises the total: fairness must be NONE (field `fairness`).' },
});
export const RoundsErrorReason = roundsError.reason;
export type RoundsErrorReason = ReasonOf<typeof roundsError>;

/** A round needs two people who may be matched; says how many there are and why the others may not. */
export function notEnoughAttendees(count: RosterCount): DomainError {
  const { NOT_PRESENT, NO_CONSENT, OPTED_OUT } = count.notEligible;
  const why = [
    NOT_PRESENT && `${NOT_PRESENT} not checked in (present: false)`,
    NO_CONSENT && `${NO_CONSENT} without consent to matchmaking`,
    OPTED_OUT && `${OPTED_OUT} opted out of this round`,
  ].filter(Boolean);
  const who = count.eligible === 0 ? 'Nobody in this event can' : 'Only 1 attendee can';
  return roundsError(
    RoundsErrorReason.NOT_ENOUGH_ATTENDEES,
    `${who} be matched in this round; it takes 2 who are present, consent to matchmaking and did not opt out` +
      (why.length ? ` (the others: ${why.join(', ')})` : ' (the event has no other attendee)'),
  );
}

export function roundEmpty(): DomainError {
  return roundsError(RoundsErrorReason.ROUND_EMPTY, 'This draft has no meeting: there is nothing to publish (see leftOut for why nobody was seated)');
}

export function roundNotStarted(startsAt: Date): DomainError {
  return roundsError(
    RoundsErrorReason.ROUND_NOT_STARTED,
    `This round starts at ${startsAt.toISOString()}: close it once its conversations are over (closing marks every meeting as held), or cancel it`,
  );
}

/** The offending pairs go in `extensions.violations`, as for a swap that breaks a hard rule (HARD_RULE). */
export function draftBreaksRules(problems: readonly DraftProblem[]): DomainError {
  return roundsError(
    RoundsErrorReason.DRAFT_BREAKS_HARD_RULES,
    `This draft breaks rules that changed since it was generated: ${describeDraftProblems(problems)}. ` +
      'Generate it again (regenerate: true) or fix those tables with swapAttendees or moveAttendee, then publish.',
    { details: { violations: problems.map(({ meetingId, table, rule, attendeeA, attendeeB }) => ({ meetingId, table, rule, attendeeA, attendeeB })) } },
  );
}

/** Two rounds of an event may not run at once: an attendee can sit at one table at a time. */
export function roundsOverlap(other: { name: string; startsAt: Date; durationMinutes: number }): DomainError {
  const endsAt = new Date(other.startsAt.getTime() + other.durationMinutes * 60_000);
  return roundsError(
    RoundsErrorReason.ROUNDS_OVERLAP,
    `This round would overlap the round “${other.name}” (${other.startsAt.toISOString()} to ${endsAt.toISOString()}); ` +
      'two rounds of an event may not overlap: start this one when the other ends, or cancel the other',
  );
}
