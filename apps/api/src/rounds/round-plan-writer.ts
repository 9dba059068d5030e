import { randomUUID } from 'node:crypto';
import { SCORE_SCALE, type Bye, type Profile, type RoundPlan } from '@pairwise/matching';
import type { EntityManager } from 'typeorm';
import type { MeetingsRepository } from './meetings.repository';
import { meetingMix } from './meeting-mix';
import { storedReasons } from './meeting-reasons';
import type { RoundEntity, StoredRoundStats } from './round.entity';
import type { RoundRoster } from './round-roster';

/** The library's reasons for a bye, as `rounds.stats.leftOut` stores them. */
const BYE_REASONS = {
  'odd-count': 'ODD_COUNT',
  'no-compatible-partner': 'NO_COMPATIBLE_PARTNER',
  'no-compatible-table': 'NO_COMPATIBLE_TABLE',
  busy: 'BUSY',
} as const satisfies Record<Bye['reason'], string>;

/** A bye of the matching library as `rounds.stats.leftOut` stores it. */
export function toLeftOut(bye: Bye): { attendeeId: string; reason: (typeof BYE_REASONS)[Bye['reason']] } {
  return { attendeeId: bye.id, reason: BYE_REASONS[bye.reason] };
}

/** Two attendees' ids as one key, in either order: `low high`. */
export function pairKey(a: string, b: string): string {
  return a < b ? `${a} ${b}` : `${b} ${a}`;
}

/** The label a meeting stores: the organiser's, else `Table <n>`; how it reads on each surface: table-place.ts. */
export function tableLabel(round: { readonly tables: readonly string[] }, tableNumber: number): string {
  return round.tables[tableNumber - 1] ?? `Table ${tableNumber}`;
}

/** What packing a plan needs besides the plan: the round's table labels, who sits out as UNAVAILABLE, who asked whom. */
export interface PackingContext {
  tables: readonly string[];
  /** Who of the plan's busy people sit out because they are outside their availability windows (UNAVAILABLE rather than BUSY). */
  unavailable: readonly string[];
  /**
   * For each accepted meeting request given as a must-meet pair, keyed `low high` (pairKey), who asked — a
   * must-meet table's reasons say so. Entries, so that it crosses to the worker thread as plain data.
   */
  requesters: readonly (readonly [string, string])[];
}

/**
 * A round plan as the draft stores it, prepared where the plan is made (the matching worker thread,
 * `packRoundPlan`): one JSON document per table written, the round's figures and its must-meet report.
 * Only these cross back to the main thread — not the plan's object graph with its sentences — and the
 * main thread hands the documents to PostgreSQL as they are (one parameter each, no per-row work).
 */
export interface PackedRoundPlan {
  /** `[{ id, table_number, table_label, score, reasons }]`: reasons as data naming people by id (meeting-reasons.ts). */
  meetings: string;
  /** `[{ m, a }]`: meeting id, attendee id. */
  participants: string;
  /** `[{ l, h, m }]`: the pair's lower and higher attendee id, their meeting. */
  pairs: string;
  meetingCount: number;
  /** The round's figures but for the roster's attendees who could not be matched (added by writeRoundPlan). */
  stats: StoredRoundStats;
  /** The plan's must-meet report (which accepted meeting requests were seated, and why not the others). */
  mustMeet: RoundPlan['mustMeet'];
}

/**
 * The plan as the draft stores it (see PackedRoundPlan), with new meeting ids. Pure but for the ids:
 * it runs in the matching worker. `profiles` are the round's (planRound's input): their company and
 * role give the meetings' mix.
 */
export function packRoundPlan(plan: RoundPlan, context: PackingContext, profiles: readonly Pick<Profile, 'id' | 'company' | 'role'>[]): PackedRoundPlan {
  const requesters = new Map(context.requesters);
  const meetingIds = plan.meetings.map(() => randomUUID());
  // Reasons as data naming people by id; the plan's sentences (with names) are not stored.
  const meetings = plan.meetings.map((m, index) => ({
    id: meetingIds[index],
    table_number: m.table,
    table_label: tableLabel(context, m.table),
    score: m.score,
    reasons: storedReasons(m.edges, (a, b) => (m.mustMeet ? (requesters.get(pairKey(a, b)) ?? null) : null)),
  }));
  const participants: { m: string; a: string }[] = [];
  const pairs: { l: string; h: string; m: string }[] = [];
  plan.meetings.forEach((meeting, index) => {
    const m = meetingIds[index]!;
    for (const a of meeting.members) participants.push({ m, a });
    for (const { a, b } of meeting.edges) pairs.push(a < b ? { l: a, h: b, m } : { l: b, h: a, m });
  });
  return {
    meetings: JSON.stringify(meetings),
    participants: JSON.stringify(participants),
    pairs: JSON.stringify(pairs),
    meetingCount: meetings.length,
    stats: roundStats(plan, profiles, new Set(context.unavailable)),
    mustMeet: plan.mustMeet,
  };
}

/**
 * Replaces the round's meetings with the packed plan's, in bulk (one statement per table, whatever
 * the size): meetings, participants, and the event-wide pair registry whose constraints forbid a
 * repeated pair. Returns the round's figures, with the roster's attendees who could not be matched.
 */
export async function writeRoundPlan(
  meetings: MeetingsRepository,
  manager: EntityManager,
  round: RoundEntity,
  plan: PackedRoundPlan,
  roster: Pick<RoundRoster, 'notEligible'>,
): Promise<StoredRoundStats> {
  const startsAt = round.startsAt;
  const endsAt = new Date(startsAt.getTime() + round.durationMinutes * 60_000);
  await meetings.replaceRoundMeetings({ id: round.id, eventId: round.eventId, startsAt, endsAt }, plan, manager);
  return { ...plan.stats, leftOut: [...plan.stats.leftOut, ...roster.notEligible] };
}

function roundStats(plan: RoundPlan, profiles: readonly Pick<Profile, 'id' | 'company' | 'role'>[], unavailable: ReadonlySet<string>): StoredRoundStats {
  const { stats } = plan;
  return {
    eligible: profiles.length,
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
      new Map(profiles.map((p) => [p.id, p])),
    ),
    certifiedOptimal: stats.optimality.certified,
    optimalityGap: stats.optimality.gap,
    scoreUpperBound: stats.optimality.upperBound / SCORE_SCALE,
    fairnessCost: stats.fairness.mode === 'none' ? null : stats.fairness.cost,
    text: stats.text === null ? null : { people: stats.text.people, vocabulary: stats.text.vocabulary, rank: stats.text.rank, explainedVariance: stats.text.explainedVariance, share: stats.text.share },
    worstServed: stats.worstServed.map(({ id, score }) => ({ attendeeId: id, score })),
    // The planner sat them out as busy; outside their availability windows says why better.
    leftOut: plan.byes.map((bye) => (bye.reason === 'busy' && unavailable.has(bye.id) ? { attendeeId: bye.id, reason: 'UNAVAILABLE' } : toLeftOut(bye))),
  };
}
