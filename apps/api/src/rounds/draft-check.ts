import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHardRuleChecker, type HardRule, type MatchingRules } from '@pairwise/matching';
import { DataSource, type EntityManager } from 'typeorm';
import { MeetingRequestsRepository } from '../meeting-requests/meeting-requests.repository';
import { MeetingsRepository, type SeatedMeeting } from './meetings.repository';
import type { RoundRoster } from './round-roster';
import { RoundRosterRepository } from './round-roster.repository';
import { TalksRepository } from '../talks/talks.repository';
import { AvailabilityRepository } from '../availability/availability.repository';
import { RoundsRepository } from './rounds.repository';
import { tablePlace } from './table-place';

/**
 * Why a seat of a draft is no longer allowed: a hard rule of the matching library
 * (`blocked` — a block or a conflict of interest —, `already-met`, `no-common-language`, and the
 * organisers' rules the draft was generated with: `meeting-rule`, `same-company`), one of the two people may no
 * longer be matched at all (`no-consent`, `opted-out`, `not-present`), one of them is now
 * busy during the round (`busy`: a talk, its office hours, a granted slot — TalksRepository.busyDuring — or an accepted
 * meeting request's slot of its own — MeetingRequestsRepository.slotHoldersDuring), one of
 * them is now outside their availability windows for the round (`unavailable`; AvailabilityRepository.unavailableDuring), the
 * meeting lost everyone but one person (`alone`: their partner was deleted), or the two were seated together
 * for a meeting request that has been withdrawn (or has expired) since (`request-withdrawn`: attendeeA asked,
 * attendeeB was asked) — the round would force a meeting nobody asks for any more.
 */
export type DraftRule =
  | Extract<HardRule, 'blocked' | 'already-met' | 'no-common-language' | 'meeting-rule' | 'same-company'>
  | 'no-consent'
  | 'opted-out'
  | 'not-present'
  | 'busy'
  | 'unavailable'
  | 'alone'
  | 'request-withdrawn';

/**
 * One pair of a draft's meeting that breaks a rule now. `attendeeA` is the one who may no longer
 * be matched when that is the rule; `attendeeB` is null only for `alone`.
 */
export interface DraftProblem {
  meetingId: string;
  table: string;
  rule: DraftRule;
  attendeeA: string;
  attendeeB: string | null;
}

const NOT_ELIGIBLE_RULE: Record<RoundRoster['notEligible'][number]['reason'], DraftRule> = {
  NO_CONSENT: 'no-consent',
  OPTED_OUT: 'opted-out',
  NOT_PRESENT: 'not-present',
};

interface Override {
  details: { tables?: Record<string, string[]>; violations?: { rule: string; attendeeA: string; attendeeB: string }[] };
  overriddenRules: string[];
}

const pairKey = (rule: string, a: string, b: string) => (a < b ? `${rule}:${a}:${b}` : `${rule}:${b}:${a}`);

/**
 * What a draft's meetings break *now*, judged with the same rules as the generation: a draft is a
 * snapshot, and between generating and publishing people block each other, withdraw consent, opt
 * out of the round or check out. The rules are the matching library's (`createHardRuleChecker`).
 * Publishing refuses a draft with a problem (rounds.service.ts), and the organisers' review lists
 * the same problems before they press publish.
 *
 * A rule an organiser overrode on purpose (a forced swap or move, with its reason, in
 * round_adjustments) is not a problem for the pair it was overridden for; a rule that appeared
 * since is. Eligibility cannot be overridden (swaps refuse to seat someone not eligible).
 *
 * Reads the round's meetings, its roster and its overrides; publishing passes its transaction's
 * `manager` (after locking the round) so the check and the flip see the same draft.
 */
@Injectable()
export class DraftCheck {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly rounds: RoundsRepository,
    private readonly meetings: MeetingsRepository,
    private readonly rosters: RoundRosterRepository,
    private readonly talks: TalksRepository,
    private readonly availability: AvailabilityRepository,
    private readonly meetingRequests: MeetingRequestsRepository,
  ) {}

  async problemsOf(round: { id: string; eventId: string }, manager: EntityManager = this.dataSource.manager): Promise<DraftProblem[]> {
    const meetings = await this.meetings.seatedMeetingsOf(round.id, manager);
    if (!meetings.length) return [];
    const roster = await this.rosters.load(round.eventId, round.id, manager);
    const overrides = (await this.rounds.overridesOf(round.id, manager)) as Override[];
    // A talk or a slot granted since generation may now fall in the round's time.
    const { startsAt, durationMinutes, rules } = await this.rounds.getById(round.id, manager);
    const endsAt = new Date(startsAt.getTime() + durationMinutes * 60_000);
    const busy = new Set([
      ...(await this.talks.busyDuring(round.eventId, startsAt, endsAt, manager)),
      // So may an accepted meeting request's slot of its own, given since.
      ...(await this.meetingRequests.slotHoldersDuring(round.eventId, startsAt, endsAt, manager)),
    ]);
    // So may a change of someone's availability windows.
    const unavailable = new Set(await this.availability.unavailableDuring(round.eventId, startsAt, endsAt, manager));
    const problems = judgeDraft(meetings, roster, busy, unavailable, overriddenPairs(overrides), rules);
    // Pairs the generation seated for a request (a must-meet pair) that is no longer accepted, and still sit together.
    const withdrawn = (await this.meetingRequests.ofRound(round.id, manager)).filter((request) => request.planned && request.seated && !['ACCEPTED', 'FULFILLED'].includes(request.status));
    for (const request of withdrawn) {
      const meeting = meetings.find((m) => m.members.includes(request.requester_id) && m.members.includes(request.recipient_id));
      if (meeting) problems.push({ meetingId: meeting.id, table: meeting.table_label, rule: 'request-withdrawn', attendeeA: request.requester_id, attendeeB: request.recipient_id });
    }
    return problems;
  }
}

function judgeDraft(
  meetings: readonly SeatedMeeting[],
  roster: RoundRoster,
  busy: ReadonlySet<string>,
  unavailable: ReadonlySet<string>,
  overridden: ReadonlySet<string>,
  generatedWith: MatchingRules | null,
): DraftProblem[] {
  const notEligible = new Map(roster.notEligible.map((entry) => [entry.attendeeId, NOT_ELIGIBLE_RULE[entry.reason]]));
  // The hard rules alone (not the scorer, whose model takes a second to build for a few thousand people); the organisers'
  // rules as of generation (a change of rules applies to the next generation, not to a draft already reviewed).
  const rules = createHardRuleChecker(roster.profiles, { pastPairs: roster.pastPairs, rules: generatedWith ?? undefined });
  const problems: DraftProblem[] = [];
  for (const meeting of meetings) {
    const { members } = meeting;
    if (members.length < 2) {
      problems.push({ meetingId: meeting.id, table: meeting.table_label, rule: 'alone', attendeeA: members[0]!, attendeeB: null });
      continue;
    }
    for (let x = 0; x < members.length; x++) {
      for (let y = x + 1; y < members.length; y++) {
        const [a, b] = [members[x]!, members[y]!];
        const gone = notEligible.get(a) ?? notEligible.get(b);
        if (gone) {
          const [first, second] = notEligible.has(a) ? [a, b] : [b, a];
          problems.push({ meetingId: meeting.id, table: meeting.table_label, rule: gone, attendeeA: first, attendeeB: second });
          continue;
        }
        if (unavailable.has(a) || unavailable.has(b)) {
          const [first, second] = unavailable.has(a) ? [a, b] : [b, a];
          problems.push({ meetingId: meeting.id, table: meeting.table_label, rule: 'unavailable', attendeeA: first, attendeeB: second });
          continue;
        }
        if (busy.has(a) || busy.has(b)) {
          const [first, second] = busy.has(a) ? [a, b] : [b, a];
          problems.push({ meetingId: meeting.id, table: meeting.table_label, rule: 'busy', attendeeA: first, attendeeB: second });
          continue;
        }
        const rule = rules.hardRule(a, b);
        if (rule === null || overridden.has(pairKey(rule, a, b))) continue;
        // Every member is on the roster here (eligible), so only the pair rules can remain.
        problems.push({ meetingId: meeting.id, table: meeting.table_label, rule: rule as DraftRule, attendeeA: a, attendeeB: b });
      }
    }
  }
  return problems;
}

/** (rule, pair) overridden by hand. Older adjustments recorded only the rules and the tables they changed. */
function overriddenPairs(overrides: readonly Override[]): Set<string> {
  const keys = new Set<string>();
  for (const { details, overriddenRules: rules } of overrides) {
    if (details.violations) {
      for (const v of details.violations) keys.add(pairKey(v.rule, v.attendeeA, v.attendeeB));
      continue;
    }
    for (const members of Object.values(details.tables ?? {})) {
      for (let x = 0; x < members.length; x++) {
        for (let y = x + 1; y < members.length; y++) for (const rule of rules) keys.add(pairKey(rule, members[x]!, members[y]!));
      }
    }
  }
  return keys;
}

/** For people: "blocked at table A1 (id / id), alone at Table 2 (id)" (the place worded as table-place.ts says). */
export function describeDraftProblems(problems: readonly DraftProblem[]): string {
  return problems
    .map((p) => `${p.rule} at ${tablePlace(p.table, (code) => `table ${code}`)} (${[p.attendeeA, p.attendeeB].filter(Boolean).join(' / ')})`)
    .join(', ');
}
