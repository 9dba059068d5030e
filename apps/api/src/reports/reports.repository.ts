import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { DummyValue, GenerateSql } from '../database/generate-sql';
import type { RoundStatusValue } from '../rounds/round-lifecycle';
import { ReportExportEntity, type ExportOutcome } from './report-export.entity';
import type { PairingRowRecord } from './report-rows';

/**
 * What a report covers: one round (any status: a draft exports for review),
 * or the whole event — every round that was published (published, closed, or
 * cancelled after publication); drafts are not yet anything to report.
 */
export interface ReportScope {
  eventId: string;
  roundId?: string;
}

/** Where a keyset page starts: after this table of this round. */
export interface RowPosition {
  roundId: string;
  tableNumber: number;
}

const SCORE_BUCKETS = 10;

/** `$1` is the event, `$2` the round or null. */
const IN_SCOPE = `r.event_id = $1 AND (CASE WHEN $2::uuid IS NULL THEN r.published_at IS NOT NULL ELSE r.id = $2::uuid END)`;

/**
 * One row per meeting, in round then table order. Personal data is filtered
 * here, in SQL, so that what a participant did not share never leaves the
 * database: name, email, company and role only when in their `shared_fields`.
 * The attendee's id is always there, so two people of the same name (or with
 * no name shared) can be told apart.
 */
function pairingRowsQuery(scope: ReportScope, page?: { after?: RowPosition; limit: number }): [string, unknown[]] {
  const parameters: unknown[] = [scope.eventId, scope.roundId ?? null];
  let after = '';
  if (page?.after) {
    parameters.push(page.after.roundId, page.after.tableNumber);
    after = `AND (r.starts_at, r.id, m.table_number) > ((SELECT starts_at FROM rounds WHERE id = $3::uuid), $3::uuid, $4::int)`;
  }
  let limit = '';
  if (page) {
    parameters.push(page.limit);
    limit = `LIMIT $${parameters.length}`;
  }
  const sql = `
    WITH page AS (
      SELECT m.id, r.id AS round_id, r.name AS round_name, r.starts_at AS round_starts_at, m.table_number, m.table_label,
             m.starts_at, m.ends_at, m.status, m.score, m.reasons
        FROM (SELECT r.id, r.name, r.starts_at FROM rounds r WHERE ${IN_SCOPE} ORDER BY r.starts_at, r.id) r
             CROSS JOIN LATERAL (SELECT * FROM meetings m WHERE m.round_id = r.id ORDER BY m.table_number) m
       WHERE true ${after}
       ORDER BY r.starts_at, r.id, m.table_number
       ${limit}
    )
    SELECT page.id, page.round_id, page.round_name, page.table_number, page.table_label, page.starts_at, page.ends_at,
           page.status, page.score, page.reasons,
           COALESCE((
             SELECT json_agg(json_build_object(
                      'id', a.id,
                      'name', CASE WHEN 'name' = ANY(a.shared_fields) THEN a.name END,
                      'email', CASE WHEN 'email' = ANY(a.shared_fields) THEN a.email END,
                      'company', CASE WHEN 'company' = ANY(a.shared_fields) THEN a.company END,
                      'role', CASE WHEN 'role' = ANY(a.shared_fields) THEN a.role END,
                      'noShow', p.no_show,
                      'shares', a.shared_fields)
                    ORDER BY CASE WHEN 'name' = ANY(a.shared_fields) THEN lower(a.name) END NULLS LAST, a.id)
               FROM meeting_participants p JOIN attendees a ON a.id = p.attendee_id
              WHERE p.meeting_id = page.id), '[]'::json) AS participants,
           (SELECT json_build_object(
                     'responses', count(*),
                     'met', count(*) FILTER (WHERE f.met),
                     'meanRating', avg(f.rating),
                     -- Null, not 0, when nobody answered the question: "no answer" is not "nobody would".
                     'wouldMeetAgain', CASE WHEN count(f.would_meet_again) > 0 THEN count(*) FILTER (WHERE f.would_meet_again) END)
              FROM feedback f WHERE f.meeting_id = page.id) AS feedback
      FROM page
     ORDER BY page.round_starts_at, page.round_id, page.table_number`;
  return [sql, parameters];
}

export interface ScoreBucket {
  from: number;
  to: number;
  count: number;
}

export interface RoundScores {
  roundId: string;
  name: string;
  status: RoundStatusValue;
  startsAt: Date;
  /** Meetings not cancelled. */
  meetings: number;
  /** Pairs at those meetings (a trio holds three). */
  pairs: number;
  meanScore: number | null;
  minScore: number | null;
  maxScore: number | null;
  /** Pair scores in equal buckets shared by all the rounds of the report. */
  distribution: ScoreBucket[];
}

/** The KPIs of an event (or of one round, for the attendee and speaker figures the event's). */
export interface EventStatsData {
  attendeesRegistered: number;
  attendeesPresent: number;
  attendeesMatched: number;
  meetingsScheduled: number;
  meetingsHeld: number;
  meetingsNoShow: number;
  meetingsCancelled: number;
  rounds: RoundScores[];
  crossCompanyShare: number | null;
  crossRoleShare: number | null;
  repeatPairs: number;
  feedbackResponses: number;
  feedbackMeanRating: number | null;
  wouldMeetAgainShare: number | null;
  speakerSlotsRequested: number;
  speakerSlotsGranted: number;
}

const share = (part: number, whole: number) => (whole ? part / whole : null);
const num = (value: unknown) => (value === null || value === undefined ? null : Number(value));

const round3 = (value: number) => Math.round(value * 1000) / 1000;

/** Snapshot arguments: an event's report, and one round's. */
const SCOPE: ReportScope = { eventId: DummyValue.UUID };
const ROUND_SCOPE: ReportScope = { eventId: DummyValue.UUID, roundId: DummyValue.OTHER_UUID };

/** What an export's audit row records when it starts. */
export type ExportStart = Pick<ReportExportEntity, 'eventId' | 'roundId' | 'accountId' | 'channel' | 'format' | 'requestId'>;

/** How an export ended, for its audit row. */
export interface ExportEnd {
  outcome: Exclude<ExportOutcome, 'STARTED'>;
  rows: number;
  finishedAt: Date;
}

/**
 * The read model of pairing reports and KPIs (rounds, meetings, participants, feedback and speaker slots
 * of one event, read together), and the audit trail of exports (`report_exports`). Every read takes
 * the `manager` of the one read-only snapshot the service opens (inSnapshot), so a file's summary and
 * rows agree. Each method's SQL is snapshotted in queries/reports.repository.sql.
 */
@Injectable()
export class ReportsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Makes the caller's REPEATABLE READ transaction a read-only snapshot, without JIT: the report's
   * queries are many small index lookups, and compiling them costs more than it saves.
   */
  @GenerateSql({ transaction: true })
  async readOnlySnapshot(manager: EntityManager): Promise<void> {
    await manager.query('SET TRANSACTION READ ONLY');
    await manager.query('SET LOCAL jit = off');
  }

  /** A page of report rows, in round then table order, after `page.after` when given. */
  @GenerateSql(
    { name: 'first', params: [SCOPE, { limit: 51 }], transaction: true },
    { name: 'after', params: [ROUND_SCOPE, { after: { roundId: DummyValue.OTHER_UUID, tableNumber: 3 }, limit: 51 }], transaction: true },
  )
  pairingRows(scope: ReportScope, page: { after?: RowPosition; limit: number }, manager: EntityManager): Promise<PairingRowRecord[]> {
    const [sql, parameters] = pairingRowsQuery(scope, page);
    return manager.query(sql, parameters);
  }

  /**
   * Every row of a scope from a server-side cursor (pg-query-stream: a batch of rows at a time, pulled
   * only as fast as the consumer takes them); the statement is pairingRowsQuery's without a page.
   * Leaving the loop early — an abandoned download — closes the cursor at once. Not snapshotted: a
   * cursor opened and never read would hold its connection.
   */
  async *streamPairingRows(scope: ReportScope, manager: EntityManager): AsyncGenerator<PairingRowRecord> {
    if (!manager.queryRunner) throw new Error('streamPairingRows runs in the snapshot of a query runner');
    const [sql, parameters] = pairingRowsQuery(scope);
    const stream = await manager.queryRunner.stream(sql, parameters);
    try {
      for await (const record of stream) yield record as PairingRowRecord;
    } finally {
      if (!stream.destroyed) stream.destroy();
    }
  }

  /** The most people at one meeting of the scope (a topic table seats up to 8), 0 with no meeting. */
  @GenerateSql({ params: [ROUND_SCOPE], transaction: true })
  async largestMeeting(scope: ReportScope, manager: EntityManager): Promise<number> {
    const [row] = await manager.query(
      `SELECT coalesce(max(seated), 0)::int AS n FROM (
         SELECT count(*) AS seated FROM meeting_participants p JOIN meetings m ON m.id = p.meeting_id JOIN rounds r ON r.id = m.round_id
          WHERE ${IN_SCOPE} GROUP BY m.id) sizes`,
      [scope.eventId, scope.roundId ?? null],
    );
    return row.n;
  }

  /** How many meetings a scope holds (for progress bars and totals). */
  @GenerateSql({ params: [SCOPE], transaction: true })
  async countMeetings(scope: ReportScope, manager: EntityManager): Promise<number> {
    const [row] = await manager.query(`SELECT count(*)::int AS n FROM meetings m JOIN rounds r ON r.id = m.round_id WHERE ${IN_SCOPE}`, [
      scope.eventId,
      scope.roundId ?? null,
    ]);
    return row.n;
  }

  /**
   * The KPIs, in a handful of aggregate queries (run them in one snapshot:
   * see ReportsService.inSnapshot). Definitions, for whoever checks them by hand:
   * - matched: attendees at a meeting that was not cancelled;
   * - scheduled: meetings not cancelled (held + no-show + still to happen);
   * - scores: pair scores (each pair at a table; a trio holds three), meetings not cancelled;
   * - cross-company / cross-role: meetings whose participants all have different
   *   companies (roles), case-insensitively, among meetings where all are known;
   * - repeat pairs: two people who actually met (neither a no-show, meeting not
   *   cancelled or a no-show) at more than one meeting — must be 0;
   * - feedback: mean of the ratings given; share of "would meet again" among those who answered it;
   * - speaker slots: requests for the event's talks; granted = holding a slot of published office hours.
   */
  @GenerateSql({ params: [SCOPE], transaction: true })
  async stats(scope: ReportScope, manager: EntityManager): Promise<EventStatsData> {
    const p = [scope.eventId, scope.roundId ?? null];
    const [attendees] = await manager.query(
      `SELECT count(*)::int AS registered, count(*) FILTER (WHERE present)::int AS present FROM attendees WHERE event_id = $1`,
      [scope.eventId],
    );
    const [meetings] = await manager.query(
      `SELECT count(*) FILTER (WHERE m.status <> 'CANCELLED')::int AS scheduled,
              count(*) FILTER (WHERE m.status = 'HELD')::int AS held,
              count(*) FILTER (WHERE m.status = 'NO_SHOW')::int AS no_show,
              count(*) FILTER (WHERE m.status = 'CANCELLED')::int AS cancelled,
              (SELECT count(DISTINCT mp.attendee_id)::int FROM meeting_participants mp JOIN meetings mm ON mm.id = mp.meeting_id
                 JOIN rounds r ON r.id = mm.round_id WHERE ${IN_SCOPE} AND mm.status <> 'CANCELLED') AS matched
         FROM meetings m JOIN rounds r ON r.id = m.round_id WHERE ${IN_SCOPE}`,
      p,
    );
    const [mix] = await manager.query(
      `SELECT count(*) FILTER (WHERE companies_known AND companies = people)::int AS cross_company,
              count(*) FILTER (WHERE companies_known)::int AS companies_known,
              count(*) FILTER (WHERE roles_known AND roles = people)::int AS cross_role,
              count(*) FILTER (WHERE roles_known)::int AS roles_known
         FROM (SELECT count(*) AS people,
                      count(DISTINCT lower(btrim(a.company))) AS companies,
                      bool_and(coalesce(btrim(a.company), '') <> '') AS companies_known,
                      count(DISTINCT lower(btrim(a.role))) AS roles,
                      bool_and(coalesce(btrim(a.role), '') <> '') AS roles_known
                 FROM meetings m JOIN rounds r ON r.id = m.round_id
                 JOIN meeting_participants mp ON mp.meeting_id = m.id JOIN attendees a ON a.id = mp.attendee_id
                WHERE ${IN_SCOPE} AND m.status <> 'CANCELLED'
                GROUP BY m.id) tables`,
      p,
    );
    const [repeats] = await manager.query(
      `SELECT count(*)::int AS n FROM (
         SELECT p1.attendee_id, p2.attendee_id
           FROM meetings m JOIN rounds r ON r.id = m.round_id
           JOIN meeting_participants p1 ON p1.meeting_id = m.id AND NOT p1.no_show
           JOIN meeting_participants p2 ON p2.meeting_id = m.id AND NOT p2.no_show AND p1.attendee_id < p2.attendee_id
          WHERE ${IN_SCOPE} AND m.status NOT IN ('CANCELLED', 'NO_SHOW')
          GROUP BY 1, 2 HAVING count(*) > 1) repeated`,
      p,
    );
    const [feedback] = await manager.query(
      `SELECT count(*)::int AS responses, avg(f.rating)::float8 AS mean_rating,
              count(*) FILTER (WHERE f.would_meet_again)::int AS again, count(f.would_meet_again)::int AS again_answered
         FROM feedback f JOIN meetings m ON m.id = f.meeting_id JOIN rounds r ON r.id = m.round_id WHERE ${IN_SCOPE}`,
      p,
    );
    const [slots] = await manager.query(
      `SELECT count(*)::int AS requested,
              count(*) FILTER (WHERE s.slot_index IS NOT NULL AND t.allocation_status = 'PUBLISHED')::int AS granted
         FROM slot_requests s JOIN talks t ON t.id = s.talk_id WHERE t.event_id = $1`,
      [scope.eventId],
    );
    return {
      attendeesRegistered: attendees.registered,
      attendeesPresent: attendees.present,
      attendeesMatched: meetings.matched,
      meetingsScheduled: meetings.scheduled,
      meetingsHeld: meetings.held,
      meetingsNoShow: meetings.no_show,
      meetingsCancelled: meetings.cancelled,
      rounds: await this.roundScores(scope, manager),
      crossCompanyShare: share(mix.cross_company, mix.companies_known),
      crossRoleShare: share(mix.cross_role, mix.roles_known),
      repeatPairs: repeats.n,
      feedbackResponses: feedback.responses,
      feedbackMeanRating: num(feedback.mean_rating),
      wouldMeetAgainShare: share(feedback.again, feedback.again_answered),
      speakerSlotsRequested: slots.requested,
      speakerSlotsGranted: slots.granted,
    };
  }

  /** Per round: meetings, pair-score mean / min / max, and the distribution in buckets common to all rounds. */
  private async roundScores(scope: ReportScope, manager: EntityManager): Promise<RoundScores[]> {
    const p = [scope.eventId, scope.roundId ?? null];
    const pairScores = `SELECT m.round_id, (e.value->>'score')::float8 AS score
                          FROM meetings m JOIN rounds r ON r.id = m.round_id,
                               jsonb_array_elements(CASE WHEN jsonb_typeof(m.reasons) = 'array' THEN m.reasons ELSE '[]'::jsonb END) e
                         WHERE ${IN_SCOPE} AND m.status <> 'CANCELLED' AND jsonb_typeof(e.value->'score') = 'number'`;
    const rounds: Record<string, unknown>[] = await manager.query(
      `SELECT r.id, r.name, r.status, r.starts_at,
              (SELECT count(*)::int FROM meetings m WHERE m.round_id = r.id AND m.status <> 'CANCELLED') AS meetings,
              s.pairs, s.mean, s.min, s.max
         FROM rounds r
         LEFT JOIN (SELECT round_id, count(*)::int AS pairs, avg(score) AS mean, min(score) AS min, max(score) AS max
                      FROM (${pairScores}) scores GROUP BY round_id) s ON s.round_id = r.id
        WHERE ${IN_SCOPE}
        ORDER BY r.starts_at, r.id`,
      p,
    );
    const mins = rounds.map((r) => num(r.min)).filter((v): v is number => v !== null);
    const maxs = rounds.map((r) => num(r.max)).filter((v): v is number => v !== null);
    const buckets = new Map<string, number[]>();
    let edges: number[] = [];
    if (mins.length) {
      const low = Math.floor(Math.min(...mins) * 10) / 10;
      const high = Math.max(Math.ceil(Math.max(...maxs) * 10) / 10, low + 0.1);
      edges = Array.from({ length: SCORE_BUCKETS + 1 }, (_, i) => low + ((high - low) * i) / SCORE_BUCKETS);
      const counts: { round_id: string; bucket: number; n: number }[] = await manager.query(
        `SELECT round_id, least(width_bucket(score, $3::float8, $4::float8, ${SCORE_BUCKETS}), ${SCORE_BUCKETS}) AS bucket, count(*)::int AS n
           FROM (${pairScores}) scores GROUP BY 1, 2`,
        [...p, low, high],
      );
      for (const { round_id, bucket, n } of counts) {
        const perRound = buckets.get(round_id) ?? new Array<number>(SCORE_BUCKETS).fill(0);
        perRound[Math.max(bucket, 1) - 1]! += n;
        buckets.set(round_id, perRound);
      }
    }
    return rounds.map((r) => ({
      roundId: r.id as string,
      name: r.name as string,
      status: r.status as RoundStatusValue,
      startsAt: r.starts_at as Date,
      meetings: r.meetings as number,
      pairs: (r.pairs as number | null) ?? 0,
      meanScore: num(r.mean),
      minScore: num(r.min),
      maxScore: num(r.max),
      distribution: edges.length && r.pairs
        ? (buckets.get(r.id as string) ?? new Array<number>(SCORE_BUCKETS).fill(0)).map((count, i) => ({ from: round3(edges[i]!), to: round3(edges[i + 1]!), count }))
        : [],
    }));
  }

  /** Opens an export's audit row (outcome STARTED). */
  @GenerateSql({ params: [{ eventId: DummyValue.UUID, roundId: null, accountId: null, channel: 'cli', format: 'csv', requestId: null }] })
  recordExportStart(start: ExportStart): Promise<ReportExportEntity> {
    return this.dataSource.getRepository(ReportExportEntity).save(start);
  }

  /** Closes an export's audit row with how it ended. */
  @GenerateSql({ params: [DummyValue.UUID, { outcome: 'COMPLETED', rows: 0, finishedAt: DummyValue.DATE }] })
  async recordExportEnd(id: string, end: ExportEnd): Promise<void> {
    await this.dataSource.getRepository(ReportExportEntity).update({ id }, end);
  }
}
