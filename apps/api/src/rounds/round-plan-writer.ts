import { randomUUID } from 'node:crypto';
import { SCORE_SCALE, type Bye, type RoundPlan } from '@pairwise/matching';
import type { EntityManager } from 'typeorm';
import type { MeetingsRepository } from './meetings.repository';
import { meetingMix } from './meeting-mix';
import { toStoredReasons } from './meeting-reasons';
import type { RoundEntity, StoredRoundStats } from './round.entity';
import type { RoundRoster } from './round-roster';

/** The library's reasons for a bye, as `rounds.stats.leftOut` stores them. */
const BYE_REASONS = { 'odd-count': 'ODD_COUNT', 'no-compatible-partner': 'NO_COMPATIBLE_PARTNER', busy: 'BUSY' } as const satisfies Record<Bye['reason'], string>;

/** A bye of the matching library as `rounds.stats.leftOut` stores it. */
export function toLeftOut(bye: Bye): { attendeeId: string; reason: (typeof BYE_REASONS)[Bye['reason']] } {
  return { attendeeId: bye.id, reason: BYE_REASONS[bye.reason] };
}

/** Two attendees' ids as one key, in either order: `low high`. */
export function pairKey(a: string, b: string): string {
  return a < b ? `${a} ${b}` : `${b} ${a}`;
}

/** The label a meeting stores: the organiser's, else `Table <n>`; how it reads on each surface: table-place.ts. */
export function tableLabel(round: Pick<RoundEntity, 'tables'>, tableNumber: number): string {
  return round.tables[tableNumber - 1] ?? `Table ${tableNumber}`;
}

/**
 * Replaces the round's meetings with the plan's, in bulk (one statement per
 * table, whatever the size): meetings, participants, and the event-wide pair
 * registry whose constraints forbid a repeated pair. `unavailable`: who of the plan's busy people
 * sit out because they are outside their availability windows (UNAVAILABLE rather than BUSY).
 * `requesters`: for each accepted meeting request given as a must-meet pair, keyed `low high` (sorted ids),
 * who asked — a must-meet table's reasons say so.
 */
export async function writeRoundPlan(
  meetings: MeetingsRepository,
  manager: EntityManager,
  round: RoundEntity,
  plan: RoundPlan,
  roster: RoundRoster,
  unavailable: ReadonlySet<string> = new Set(),
  requesters: ReadonlyMap<string, string> = new Map(),
): Promise<StoredRoundStats> {
  const startsAt = round.startsAt;
  const endsAt = new Date(startsAt.getTime() + round.durationMinutes * 60_000);
  const meetingIds = plan.meetings.map(() => randomUUID());
  const planned = {
    ids: meetingIds,
    tableNumbers: plan.meetings.map((m) => m.table),
    tableLabels: plan.meetings.map((m) => tableLabel(round, m.table)),
    scores: plan.meetings.map((m) => m.score),
    // Reasons as data naming people by id; the plan's sentences (with names) are not stored.
    reasons: plan.meetings.map((m) => toStoredReasons(m.edges, (a, b) => (m.mustMeet ? (requesters.get(pairKey(a, b)) ?? null) : null))),
  };
  const participantMeeting: string[] = [];
  const participantAttendee: string[] = [];
  const pairLow: string[] = [];
  const pairHigh: string[] = [];
  const pairMeeting: string[] = [];
  plan.meetings.forEach((meeting, index) => {
    for (const member of meeting.members) {
      participantMeeting.push(meetingIds[index]!);
      participantAttendee.push(member);
    }
    for (const edge of meeting.edges) {
      pairLow.push(edge.a < edge.b ? edge.a : edge.b);
      pairHigh.push(edge.a < edge.b ? edge.b : edge.a);
      pairMeeting.push(meetingIds[index]!);
    }
  });
  await meetings.replaceRoundMeetings(
    { id: round.id, eventId: round.eventId, startsAt, endsAt },
    planned,
    { meetingIds: participantMeeting, attendeeIds: participantAttendee },
    { low: pairLow, high: pairHigh, meetingIds: pairMeeting },
    manager,
  );
  return roundStats(plan, roster, unavailable);
}

function roundStats(plan: RoundPlan, roster: RoundRoster, unavailable: ReadonlySet<string>): StoredRoundStats {
  const { stats } = plan;
  return {
    eligible: roster.profiles.length,
    matched: plan.meetings.reduce((sum, m) => sum + m.members.length, 0),
    pairs: stats.pairs,
    trios: stats.trios,
    tables: stats.tables,
    byes: stats.byes,
    totalScore: stats.totalScore,
    meanScore: stats.meanScore,
    minScore: stats.minScore,
    ...meetingMix(
      plan.meetings.map((meeting) => meeting.members),
      roster.attendees,
    ),
    certifiedOptimal: stats.optimality.certified,
    optimalityGap: stats.optimality.gap,
    scoreUpperBound: stats.optimality.upperBound / SCORE_SCALE,
    fairnessCost: stats.fairness.mode === 'none' ? null : stats.fairness.cost,
    text: stats.text === null ? null : { people: stats.text.people, vocabulary: stats.text.vocabulary, rank: stats.text.rank, explainedVariance: stats.text.explainedVariance, share: stats.text.share },
    worstServed: stats.worstServed.map(({ id, score }) => ({ attendeeId: id, score })),
    leftOut: [
      // The planner sat them out as busy; outside their availability windows says why better.
      ...plan.byes.map((bye) => (bye.reason === 'busy' && unavailable.has(bye.id) ? { attendeeId: bye.id, reason: 'UNAVAILABLE' } : toLeftOut(bye))),
      ...roster.notEligible,
    ],
  };
}
