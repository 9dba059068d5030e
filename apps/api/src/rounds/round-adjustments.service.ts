import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { assessGroups, explainSitOuts, type GroupAssessment } from '@pairwise/matching';
import { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '../auth/actor';
import { assertCanManage } from '../auth/event-access';
import { notFound } from '../common/domain-error';
import { roundsError, RoundsErrorReason } from './rounds.errors';
import { eventRules } from '../matching-rules/event-rules';
import { assertCanSeeRound } from './round-visibility';
import type { MoveAttendeeInput, SwapAttendeesInput } from './inputs/round.inputs';
import { meetingMix } from './meeting-mix';
import { readStoredReasons, toStoredReasons } from './meeting-reasons';
import { MeetingsRepository } from './meetings.repository';
import type { RoundEntity, StoredRoundStats } from './round.entity';
import { RoundsRepository } from './rounds.repository';
import { toLeftOut } from './round-plan-writer';
import type { RoundRoster } from './round-roster';
import { RoundRosterRepository } from './round-roster.repository';
import { EventsRepository } from '../events/events.repository';

interface Seating {
  /** Meeting id → its members, in seat order (pair first, then the one who joined). */
  tables: Map<string, string[]>;
  /** Attendee → meeting id. */
  seatOf: Map<string, string>;
  /** The round's table size (a table round), or null for pairs. */
  tableSize: number | null;
}

/**
 * Organisers adjust a generated draft by hand. Every change is re-judged by
 * the matching library with the round's own rules: a change that breaks a
 * hard rule is refused unless forced with a reason, and every change is
 * recorded in round_adjustments.
 */
@Injectable()
export class RoundAdjustmentsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly rounds: RoundsRepository,
    private readonly meetings: MeetingsRepository,
    private readonly rosters: RoundRosterRepository,
    private readonly events: EventsRepository,
  ) {}

  async swap(actor: Actor, input: SwapAttendeesInput): Promise<RoundEntity> {
    if (input.attendeeA === input.attendeeB) throw roundsError(RoundsErrorReason.SWAP_SELF, 'Choose two different attendees', { fields: [{ field: 'attendeeB', message: 'same as attendeeA' }] });
    return this.adjust(actor, input, 'swap', (seating) => {
      const tableA = seating.seatOf.get(input.attendeeA);
      const tableB = seating.seatOf.get(input.attendeeB);
      if (!tableA && !tableB) throw roundsError(RoundsErrorReason.NOT_SEATED, 'Neither attendee has a meeting in this round');
      if (tableA && tableA === tableB) throw roundsError(RoundsErrorReason.SAME_TABLE, 'These two already meet each other');
      const changed = new Map<string, string[]>();
      const replace = (table: string, out: string, into: string) =>
        changed.set(table, (changed.get(table) ?? seating.tables.get(table)!).map((id) => (id === out ? into : id)));
      if (tableA) replace(tableA, input.attendeeA, input.attendeeB);
      if (tableB) replace(tableB, input.attendeeB, input.attendeeA);
      return changed;
    });
  }

  async move(actor: Actor, input: MoveAttendeeInput): Promise<RoundEntity> {
    return this.adjust(actor, input, 'move', (seating) => {
      const target = seating.tables.get(input.toMeetingId);
      if (!target) throw notFound('Meeting in this round');
      const from = seating.seatOf.get(input.attendeeId);
      if (from === input.toMeetingId) throw roundsError(RoundsErrorReason.SAME_TABLE, 'This attendee is already at that table');
      const capacity = seating.tableSize ?? 3;
      if (target.length >= capacity) throw roundsError(RoundsErrorReason.TABLE_FULL, `A table of this round seats ${capacity} at most: swap instead`);
      const changed = new Map<string, string[]>([[input.toMeetingId, [...target, input.attendeeId]]]);
      if (from) {
        const left = seating.tables.get(from)!.filter((id) => id !== input.attendeeId);
        if (left.length < 2) throw roundsError(RoundsErrorReason.WOULD_LEAVE_ALONE, 'Moving this attendee would leave their partner alone: swap instead');
        changed.set(from, left);
      }
      return changed;
    });
  }

  private async adjust(
    actor: Actor,
    input: { roundId: string; force?: boolean; reason?: string },
    kind: 'swap' | 'move',
    rearrange: (seating: Seating) => Map<string, string[]>,
  ): Promise<RoundEntity> {
    if (input.force && !input.reason?.trim()) {
      throw roundsError(RoundsErrorReason.OVERRIDE_NEEDS_REASON, 'Overriding a hard rule needs a reason', { fields: [{ field: 'reason', message: 'required with force' }] });
    }
    return this.dataSource.transaction(async (manager) => {
      const round = await this.rounds.lockById(input.roundId, manager);
      if (!round) throw notFound('Round');
      assertCanSeeRound(actor, round);
      assertCanManage(actor, round.eventId, 'Round');
      if (round.status !== 'GENERATED') throw roundsError(RoundsErrorReason.ROUND_NOT_GENERATED, `Only a generated draft can be adjusted; this round is ${round.status}`);
      const seating = seatingFrom(await this.meetings.seatingOf(round.id, manager), round.tableSize);
      const changed = rearrange(seating);
      const roster = await this.rosters.load(round.eventId, round.id, manager);
      const eligible = new Set(roster.profiles.map((p) => p.id));
      const newcomers = [...changed.values()].flat().filter((id) => !eligible.has(id));
      if (newcomers.length) throw roundsError(RoundsErrorReason.NOT_ELIGIBLE, 'Only present, consenting, opted-in attendees of this event can be seated');
      const event = await this.events.getById(round.eventId, manager);
      const tables = [...changed.keys()];
      const assessments = assessGroups(
        { profiles: roster.profiles, pastPairs: roster.pastPairs, rules: round.rules ?? eventRules(event.matchingSettings), seed: round.seed ?? round.id },
        tables.map((table) => changed.get(table)!),
      );
      const violations = assessments.flatMap((a) => a.violations);
      if (violations.length && !input.force) {
        const list = violations.map((v) => `${v.rule} (${v.a} / ${v.b})`).join(', ');
        throw roundsError(RoundsErrorReason.HARD_RULE, `This change breaks a hard rule: ${list}. Force it with a reason to override.`, {
          details: { violations: violations.map((v) => ({ rule: v.rule, attendeeA: v.a, attendeeB: v.b })) },
        });
      }
      // Empty every changed table first: an attendee may move between two of them (once per round is a constraint).
      await this.meetings.unseat(tables, manager);
      for (const [index, table] of tables.entries()) await this.seatMeeting(manager, round, table, assessments[index]!);
      await this.rounds.recordAdjustment({
        roundId: round.id,
        actorId: actor.kind === 'account' ? actor.accountId : actor.attendeeId,
        kind,
        // The pairs each rule was overridden for: publishing accepts exactly these (draft-check.ts).
        details: { ...input, tables: Object.fromEntries(changed), violations: violations.map((v) => ({ rule: v.rule, attendeeA: v.a, attendeeB: v.b })) },
        overriddenRules: [...new Set(violations.map((v) => v.rule))],
        reason: input.reason?.trim() || null,
      }, manager);
      round.stats = await refreshStats(this.meetings, manager, round, roster);
      await this.rounds.updateStats(round.id, round.stats, manager);
      return round;
    });
  }

  private async seatMeeting(manager: EntityManager, round: RoundEntity, meetingId: string, group: GroupAssessment): Promise<void> {
    await this.meetings.seat(round.id, meetingId, group.members, manager);
    for (const edge of group.edges) {
      const [low, high] = edge.a < edge.b ? [edge.a, edge.b] : [edge.b, edge.a];
      // A forced override may seat a pair that met before: the registry keeps its first meeting.
      await this.meetings.registerPair(round.eventId, low, high, meetingId, manager);
    }
    await this.meetings.setScore(meetingId, group.score, toStoredReasons(group.edges), manager);
  }
}

function seatingFrom({ meetings, participants }: Awaited<ReturnType<MeetingsRepository['seatingOf']>>, tableSize: number | null): Seating {
  const tables = new Map<string, string[]>();
  for (const meeting of meetings) {
    const members = participants.filter((p) => p.meetingId === meeting.id).map((p) => p.attendeeId);
    // Keep the seat order of the stored explanation (pair first), so a trio stays "pair + joiner".
    const order = readStoredReasons(meeting.reasons).flatMap((r) => [r.a, r.b]);
    members.sort((x, y) => order.indexOf(x) - order.indexOf(y));
    tables.set(meeting.id, members);
  }
  const seatOf = new Map<string, string>();
  for (const [table, members] of tables) for (const id of members) seatOf.set(id, table);
  return { tables, seatOf, tableSize };
}

/** Review figures after a change by hand (or a withdrawal): recomputed from the stored meetings; no longer certified optimal. */
export async function refreshStats(meetingsOf: MeetingsRepository, manager: EntityManager, round: RoundEntity, roster: RoundRoster): Promise<StoredRoundStats> {
  const { meetings, participants } = await meetingsOf.seatingOf(round.id, manager);
  const perAttendee = new Map<string, number[]>();
  for (const meeting of meetings) {
    for (const reason of readStoredReasons(meeting.reasons)) {
      for (const id of [reason.a, reason.b]) perAttendee.set(id, [...(perAttendee.get(id) ?? []), reason.score]);
    }
  }
  const scores = [...perAttendee.entries()].map(([id, list]) => ({ attendeeId: id, score: list.reduce((a, b) => a + b, 0) / list.length }));
  scores.sort((x, y) => x.score - y.score || (x.attendeeId < y.attendeeId ? -1 : 1));
  const seated = new Set(participants.map((p) => p.attendeeId));
  const previous = round.stats;
  const membersOf = new Map<string, string[]>();
  for (const p of participants) membersOf.set(p.meetingId, [...(membersOf.get(p.meetingId) ?? []), p.attendeeId]);
  const members = meetings.map((m) => membersOf.get(m.id) ?? []);
  const sizes = members.map((ids) => ids.length);
  // Judged again as the planner judges it: someone unseated by hand may well have had a partner. Who was
  // busy when the draft was generated (a talk, an office-hour slot) and is still unseated stays BUSY; so does
  // UNAVAILABLE (outside their availability windows).
  const busy = new Map((previous?.leftOut ?? []).filter((entry) => entry.reason === 'BUSY' || entry.reason === 'UNAVAILABLE').map((entry) => [entry.attendeeId, entry.reason]));
  const unseated = roster.profiles.filter((p) => !seated.has(p.id)).map((p) => p.id);
  // At a table round, whom the generation found no table for and who is still unseated keeps that reason while
  // they still have someone they may meet (explainSitOuts judges people one by one, as for pairs: "odd count").
  const noTable = new Set((previous?.leftOut ?? []).filter((entry) => entry.reason === 'NO_COMPATIBLE_TABLE').map((entry) => entry.attendeeId));
  const byes = [
    ...unseated.filter((id) => busy.has(id)).map((attendeeId) => ({ attendeeId, reason: busy.get(attendeeId)! })),
    ...explainSitOuts({ profiles: roster.profiles, pastPairs: roster.pastPairs, rules: round.rules ?? undefined }, unseated.filter((id) => !busy.has(id)))
      .map(toLeftOut)
      .map((bye) => (bye.reason === 'ODD_COUNT' && noTable.has(bye.attendeeId) ? { ...bye, reason: 'NO_COMPATIBLE_TABLE' as const } : bye)),
  ];
  return {
    ...(previous ?? ({} as StoredRoundStats)),
    matched: seated.size,
    // A table round counts tables, whatever their size after changes by hand.
    pairs: round.tableSize ? 0 : sizes.filter((s) => s === 2).length,
    trios: round.tableSize ? 0 : sizes.filter((s) => s === 3).length,
    tables: round.tableSize ? sizes.length : 0,
    byes: byes.length,
    ...meetingMix(members, roster.attendees),
    totalScore: meetings.reduce((sum, m) => sum + m.score, 0),
    meanScore: scores.length ? scores.reduce((sum, s) => sum + s.score, 0) / scores.length : null,
    minScore: scores[0]?.score ?? null,
    certifiedOptimal: false,
    worstServed: scores.slice(0, 5),
    leftOut: [...byes, ...roster.notEligible],
  };
}
