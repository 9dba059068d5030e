import { conflict, type DomainError } from '../common/domain-error';
import { describeDraftProblems, type DraftProblem } from './draft-check';
import type { RosterCount } from './round-roster';

/** A round needs two people who may be matched; says how many there are and why the others may not. */
export function notEnoughAttendees(count: RosterCount): DomainError {
  const { NOT_PRESENT, NO_CONSENT, OPTED_OUT } = count.notEligible;
  const why = [
    NOT_PRESENT && `${NOT_PRESENT} not checked in (present: false)`,
    NO_CONSENT && `${NO_CONSENT} without consent to matchmaking`,
    OPTED_OUT && `${OPTED_OUT} opted out of this round`,
  ].filter(Boolean);
  const who = count.eligible === 0 ? 'Nobody in this event can' : 'Only 1 attendee can';
  return conflict(
    'NOT_ENOUGH_ATTENDEES',
    `${who} be matched in this round; it takes 2 who are present, consent to matchmaking and did not opt out` +
      (why.length ? ` (the others: ${why.join(', ')})` : ' (the event has no other attendee)'),
  );
}

export function roundEmpty(): DomainError {
  return conflict('ROUND_EMPTY', 'This draft has no meeting: there is nothing to publish (see leftOut for why nobody was seated)');
}

export function roundNotStarted(startsAt: Date): DomainError {
  return conflict(
    'ROUND_NOT_STARTED',
    `This round starts at ${startsAt.toISOString()}: close it once its conversations are over (closing marks every meeting as held), or cancel it`,
  );
}

/** The offending pairs go in `extensions.violations`, as for a swap that breaks a hard rule (HARD_RULE). */
export function draftBreaksRules(problems: readonly DraftProblem[]): DomainError {
  return conflict(
    'DRAFT_BREAKS_HARD_RULES',
    `This draft breaks rules that changed since it was generated: ${describeDraftProblems(problems)}. ` +
      'Generate it again (regenerate: true) or fix those tables with swapAttendees or moveAttendee, then publish.',
    { violations: problems.map(({ meetingId, table, rule, attendeeA, attendeeB }) => ({ meetingId, table, rule, attendeeA, attendeeB })) },
  );
}
