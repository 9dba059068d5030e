import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, type EntityManager } from 'typeorm';
import { AttendeeEntity } from '../attendees/attendee.entity';
import { attendeeSearchSql, containsPattern } from '../attendees/attendee-search';
import { partnerProfileSql } from '../attendees/attendee-view';
import { jsonObjectSql } from '../common/entity-json';
import { preparedQuery } from '../common/prepared-statement';
import { DummyValue, GenerateSql } from '../database/generate-sql';
import type { LimitHit } from '../rate-limit/counted-in-statement';
import { countHitsSql } from '../rate-limit/postgres-limit-store';
import { FeedbackEntity } from './feedback.entity';
import { MeetingEntity, MeetingParticipantEntity, type MeetingStatusValue } from './meeting.entity';
import { MeetingsWhen } from './models/meeting-views.model';
import { NOT_YET_PUBLISHED, sqlList, VISIBLE_TO_ATTENDEES } from './round-lifecycle';
import type { PackedRoundPlan } from './round-plan-writer';
import { RoundTablesReader, type RoundTables, type RoundTablesCaller, type StoredTables } from './round-tables-reader';

/** A draft's meeting as the publishing check reads it: its members in one order (by id). */
export interface SeatedMeeting {
  id: string;
  table_label: string;
  members: string[];
}

export type FeedbackRecord = Pick<FeedbackEntity, 'meetingId' | 'attendeeId' | 'met' | 'rating' | 'wouldMeetAgain' | 'note' | 'updatedAt'>;

/**
 * Every query of the meetings aggregate: `meetings`, their `meeting_participants`, the event-wide
 * pair registry `event_pairs` (whose constraints forbid a repeated pair), and the participants'
 * `feedback`. Statements that belong to a use case's transaction take its `manager`. Each method's
 * SQL is snapshotted in queries/meetings.repository.sql.
 */
@Injectable()
export class MeetingsRepository {
  private readonly roundTables: RoundTablesReader;
  /** myMeetings' statement per time filter and number of caller slots (roundTablesSql). */
  private readonly roundTablesStatements = new Map<string, string>();

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    this.roundTables = new RoundTablesReader(dataSource, (when, callers) => this.runRoundTables(when, callers));
  }

  /**
   * An attendee's published round tables for `myMeetings` (the hottest read of the API: one prepared
   * statement shared by the callers of one turn of the event loop, round-tables-reader.ts).
   */
  @GenerateSql({ params: [DummyValue.UUID, DummyValue.UUID, DummyValue.UUID, MeetingsWhen.UPCOMING] })
  roundTablesOf(attendeeId: string, eventId: string, sessionId: string | null, when: MeetingsWhen, hit: LimitHit | null = null): Promise<RoundTables> {
    return this.roundTables.read(attendeeId, eventId, sessionId, when, hit);
  }

  /**
   * Runs the round-tables statement for the callers the reader batched. They go in a VALUES list of 1, 2,
   * 4 … 64 slots (the rest null), not in an array: PostgreSQL cannot tell an array parameter's length when
   * it plans, so it re-planned the statement on every execution (0.5 ms); a list of known length is planned
   * once per connection, like any prepared statement, and there are seven per time filter.
   */
  private runRoundTables(when: MeetingsWhen, callers: readonly RoundTablesCaller[]): Promise<{ tables: StoredTables }[]> {
    let slots = 1;
    while (slots < callers.length) slots *= 2;
    const key = `${when}:${slots}`;
    let sql = this.roundTablesStatements.get(key);
    if (!sql) {
      const partnerJson = partnerProfileSql(this.dataSource.getMetadata(AttendeeEntity), 'a');
      sql = roundTablesSql(when, slots, partnerJson, jsonObjectSql(this.dataSource.getMetadata(FeedbackEntity), 'f'));
      this.roundTablesStatements.set(key, sql);
    }
    // The throttler's window, limit and block (the same for every hit of a statement), then four per caller.
    const hit = callers.find((caller) => caller.hit)?.hit;
    const values: (string | number | null)[] = [hit?.ttl ?? null, hit?.limit ?? null, hit?.blockDuration ?? null];
    for (const caller of callers) values.push(caller.attendeeId, caller.eventId, caller.sessionId, caller.hit?.key ?? null);
    while (values.length < 3 + slots * 4) values.push(null);
    return preparedQuery<{ tables: StoredTables }>(this.dataSource, sql, values);
  }

  /**
   * A page of a round's meetings, by table number, after table `afterTable`; with `search`, only the
   * tables whose label, or one of whose people (as staff search attendees), contains it.
   */
  @GenerateSql({ params: [DummyValue.UUID, 0, 50] }, { name: 'searched', params: [DummyValue.UUID, 0, 50, 'ada'] })
  pageOfRound(roundId: string, afterTable: number, first: number, search?: string): Promise<MeetingEntity[]> {
    const query = this.dataSource
      .getRepository(MeetingEntity)
      .createQueryBuilder('m')
      .where('m.round_id = :roundId AND m.table_number > :afterTable', { roundId, afterTable });
    if (search) {
      query.andWhere(
        `(m.table_label ILIKE :search OR EXISTS (SELECT 1 FROM meeting_participants mp JOIN attendees a ON a.id = mp.attendee_id WHERE mp.meeting_id = m.id AND ${attendeeSearchSql('a', 'search')}))`,
        { search: containsPattern(search) },
      );
    }
    return query.orderBy('m.table_number', 'ASC').take(first).getMany();
  }

  /** The participants of these meetings with their attendee rows, in one order for every read (by attendee id). */
  @GenerateSql({ params: [[DummyValue.UUID]] })
  participantsWithAttendees(meetingIds: readonly string[]): Promise<MeetingParticipantEntity[]> {
    return this.dataSource.getRepository(MeetingParticipantEntity).find({
      where: { meetingId: In([...meetingIds]) },
      relations: { attendee: true },
      order: { attendeeId: 'ASC' },
    });
  }

  /** The meeting, its row locked until the transaction ends. */
  @GenerateSql({ params: [DummyValue.UUID] , transaction: true })
  lockById(id: string, manager: EntityManager = this.dataSource.manager): Promise<MeetingEntity | null> {
    return manager.getRepository(MeetingEntity).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  @GenerateSql({ params: [DummyValue.UUID] , transaction: true })
  getById(id: string, manager: EntityManager = this.dataSource.manager): Promise<MeetingEntity> {
    return manager.getRepository(MeetingEntity).findOneByOrFail({ id });
  }

  /** Everyone seated in a round (whom its publication concerns). */
  @GenerateSql({ params: [DummyValue.UUID] })
  async attendeeIdsOfRound(roundId: string): Promise<string[]> {
    const rows: { attendee_id: string }[] = await this.dataSource.query(`SELECT attendee_id FROM meeting_participants WHERE round_id = $1`, [roundId]);
    return rows.map((row) => row.attendee_id);
  }

  @GenerateSql({ params: [DummyValue.UUID] , transaction: true })
  participantsOf(meetingId: string, manager: EntityManager = this.dataSource.manager): Promise<MeetingParticipantEntity[]> {
    return manager.getRepository(MeetingParticipantEntity).findBy({ meetingId });
  }

  @GenerateSql({ params: [DummyValue.UUID, DummyValue.OTHER_UUID, true] , transaction: true })
  async setNoShow(meetingId: string, attendeeId: string, noShow: boolean, manager: EntityManager = this.dataSource.manager): Promise<void> {
    await manager.update(MeetingParticipantEntity, { meetingId, attendeeId }, { noShow });
  }

  @GenerateSql({ params: [DummyValue.UUID, 'HELD'] , transaction: true })
  async setStatus(id: string, status: MeetingStatusValue, manager: EntityManager = this.dataSource.manager): Promise<void> {
    await manager.update(MeetingEntity, { id }, { status });
  }

  /** The round status of a meeting the attendee sits at, when attendees may see it (else undefined). */
  @GenerateSql({ params: [DummyValue.UUID, DummyValue.OTHER_UUID] })
  visibleParticipation(meetingId: string, attendeeId: string): Promise<{ round_status: string } | undefined> {
    return this.dataSource
      .query(
        `SELECT r.status AS round_status FROM meeting_participants p JOIN rounds r ON r.id = p.round_id
          WHERE p.meeting_id = $1 AND p.attendee_id = $2 AND r.status IN ${sqlList(VISIBLE_TO_ATTENDEES)}`,
        [meetingId, attendeeId],
      )
      .then((rows: { round_status: string }[]) => rows[0]);
  }

  /** Releases an attendee's pairs at a meeting: the next generation may pair them again. */
  @GenerateSql({ params: [DummyValue.UUID, DummyValue.OTHER_UUID] , transaction: true })
  async releasePairsOf(meetingId: string, attendeeId: string, manager: EntityManager = this.dataSource.manager): Promise<void> {
    await manager.query(`DELETE FROM event_pairs WHERE meeting_id = $1 AND (attendee_low = $2 OR attendee_high = $2)`, [meetingId, attendeeId]);
  }

  /** Registers a pair at a meeting; a pair already registered keeps its first meeting. */
  @GenerateSql({ params: [DummyValue.UUID, DummyValue.UUID, DummyValue.OTHER_UUID, DummyValue.UUID] , transaction: true })
  async registerPair(eventId: string, low: string, high: string, meetingId: string, manager: EntityManager = this.dataSource.manager): Promise<void> {
    await manager.query(`INSERT INTO event_pairs (event_id, attendee_low, attendee_high, meeting_id) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`, [
      eventId,
      low,
      high,
      meetingId,
    ]);
  }

  /** A cancelled round's meetings: cancelled, and their pairs released (they may meet in a later round). */
  @GenerateSql({ params: [DummyValue.UUID] , transaction: true })
  async cancelOfRound(roundId: string, manager: EntityManager = this.dataSource.manager): Promise<void> {
    await manager.query(`DELETE FROM event_pairs WHERE meeting_id IN (SELECT id FROM meetings WHERE round_id = $1)`, [roundId]);
    await manager.query(`UPDATE meetings SET status = 'CANCELLED' WHERE round_id = $1`, [roundId]);
  }

  /** A closed round's scheduled meetings count as held (no-shows stay no-shows). */
  @GenerateSql({ params: [DummyValue.UUID] , transaction: true })
  async holdScheduledOfRound(roundId: string, manager: EntityManager = this.dataSource.manager): Promise<void> {
    await manager.query(`UPDATE meetings SET status = 'HELD' WHERE round_id = $1 AND status = 'SCHEDULED'`, [roundId]);
  }

  /**
   * Replaces a round's meetings with a plan's, in bulk (one statement per table, whatever the size):
   * meetings, participants, and the pair registry.
   */
  @GenerateSql({
    params: [
      { id: DummyValue.UUID, eventId: DummyValue.UUID, startsAt: DummyValue.DATE, endsAt: DummyValue.DATE },
      { meetings: '[]', participants: '[]', pairs: '[]' },
    ],
    transaction: true,
  })
  async replaceRoundMeetings(
    round: { id: string; eventId: string; startsAt: Date; endsAt: Date },
    plan: Pick<PackedRoundPlan, 'meetings' | 'participants' | 'pairs'>,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<void> {
    await manager.query(`DELETE FROM meetings WHERE round_id = $1`, [round.id]);
    // Each table's rows as one JSON document (packed in the matching worker): PostgreSQL parses it, the API
    // thread does no per-row work.
    await manager.query(
      `INSERT INTO meetings (id, round_id, event_id, table_number, table_label, starts_at, ends_at, score, reasons)
       SELECT m.id, $1, $2, m.table_number, m.table_label, $3, $4, m.score, m.reasons
         FROM json_to_recordset($5::json) AS m(id uuid, table_number int, table_label text, score float8, reasons jsonb)`,
      [round.id, round.eventId, round.startsAt, round.endsAt, plan.meetings],
    );
    await manager.query(
      `INSERT INTO meeting_participants (meeting_id, attendee_id, round_id) SELECT p.m, p.a, $1 FROM json_to_recordset($2::json) AS p(m uuid, a uuid)`,
      [round.id, plan.participants],
    );
    await manager.query(
      `INSERT INTO event_pairs (event_id, attendee_low, attendee_high, meeting_id)
       SELECT $1, p.l, p.h, p.m FROM json_to_recordset($2::json) AS p(l uuid, h uuid, m uuid)`,
      [round.eventId, plan.pairs],
    );
  }

  /** A round's meetings with their members (by attendee id), by table: what the publishing check judges. */
  @GenerateSql({ params: [DummyValue.UUID], transaction: true })
  seatedMeetingsOf(roundId: string, manager: Pick<EntityManager, 'query'> = this.dataSource.manager): Promise<SeatedMeeting[]> {
    return manager.query(
      `SELECT m.id, m.table_label, array_agg(p.attendee_id::text ORDER BY p.attendee_id) AS members
         FROM meetings m JOIN meeting_participants p ON p.meeting_id = m.id
        WHERE m.round_id = $1
        GROUP BY m.id ORDER BY m.table_number`,
      [roundId],
    );
  }

  /** A round's meetings (id, score, reasons) and participants: the seating a change by hand starts from. */
  @GenerateSql({ params: [DummyValue.UUID] , transaction: true })
  async seatingOf(
    roundId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<{ meetings: Pick<MeetingEntity, 'id' | 'score' | 'reasons'>[]; participants: MeetingParticipantEntity[] }> {
    const meetings = await manager.getRepository(MeetingEntity).find({ where: { roundId }, select: { id: true, score: true, reasons: true } });
    const participants = await manager.getRepository(MeetingParticipantEntity).findBy({ roundId });
    return { meetings, participants };
  }

  /** Empties these tables (participants and their pairs), before they are seated again. */
  @GenerateSql({ params: [[DummyValue.UUID]] , transaction: true })
  async unseat(meetingIds: readonly string[], manager: EntityManager = this.dataSource.manager): Promise<void> {
    await manager.query(`DELETE FROM meeting_participants WHERE meeting_id = ANY($1::uuid[])`, [meetingIds]);
    await manager.query(`DELETE FROM event_pairs WHERE meeting_id = ANY($1::uuid[])`, [meetingIds]);
  }

  /** Seats `members` at a meeting of the round. */
  @GenerateSql({ params: [DummyValue.UUID, DummyValue.UUID, [DummyValue.OTHER_UUID]] , transaction: true })
  async seat(roundId: string, meetingId: string, members: readonly string[], manager: EntityManager = this.dataSource.manager): Promise<void> {
    await manager.insert(
      MeetingParticipantEntity,
      members.map((attendeeId) => ({ meetingId, attendeeId, roundId })),
    );
  }

  /** `reasons`: the stored reasons as JSON text (meeting-reasons.ts). */
  @GenerateSql({ params: [DummyValue.UUID, 0, '[]'] , transaction: true })
  async setScore(meetingId: string, score: number, reasons: string, manager: EntityManager = this.dataSource.manager): Promise<void> {
    await manager.query(`UPDATE meetings SET score = $2, reasons = $3::jsonb WHERE id = $1`, [meetingId, score, reasons]);
  }

  /**
   * The rounds of `eventId` published after `since` in which the attendee has a seat, oldest first, with
   * their publication time: what a subscriber that reconnects missed (meetingAssigned's `since`). Compared to
   * the millisecond, the precision clients receive `publishedAt` in (PostgreSQL keeps microseconds): a cursor
   * that is a round's own `publishedAt` excludes that round.
   */
  @GenerateSql({ params: [DummyValue.UUID, DummyValue.OTHER_UUID, DummyValue.DATE] })
  roundsPublishedSince(attendeeId: string, eventId: string, since: Date): Promise<{ round_id: string; published_at: Date }[]> {
    return this.dataSource.query(
      `SELECT r.id AS round_id, r.published_at FROM meeting_participants p JOIN rounds r ON r.id = p.round_id
        WHERE p.attendee_id = $1 AND r.event_id = $2 AND date_trunc('milliseconds', r.published_at) > $3 AND r.status IN ${sqlList(VISIBLE_TO_ATTENDEES)}
        ORDER BY r.published_at, r.id`,
      [attendeeId, eventId, since],
    );
  }

  /**
   * Who of the event is seated at a published round's table (not cancelled) overlapping [startsAt, endsAt),
   * and when: the office hours never give them a slot then. Half-open, as rounds are.
   */
  @GenerateSql({ params: [DummyValue.UUID, DummyValue.DATE, DummyValue.DATE], transaction: true })
  seatsDuring(eventId: string, startsAt: Date, endsAt: Date, manager: Pick<EntityManager, 'query'> = this.dataSource.manager): Promise<{ attendee_id: string; starts_at: Date; ends_at: Date }[]> {
    return manager.query(
      `SELECT p.attendee_id, m.starts_at, m.ends_at
         FROM meeting_participants p JOIN meetings m ON m.id = p.meeting_id JOIN rounds r ON r.id = p.round_id
        WHERE r.event_id = $1 AND r.status IN ${sqlList(VISIBLE_TO_ATTENDEES)} AND m.status <> 'CANCELLED'
          AND m.starts_at < $3 AND m.ends_at > $2`,
      [eventId, startsAt, endsAt],
    );
  }

  /** The attendee's seats in rounds not yet published (what a withdrawal or an erasure takes back). */
  @GenerateSql({ params: [DummyValue.UUID] , transaction: true })
  draftSeatsOf(attendeeId: string, manager: EntityManager = this.dataSource.manager): Promise<{ round_id: string; meeting_id: string }[]> {
    return manager.query(
      `SELECT p.round_id, p.meeting_id FROM meeting_participants p JOIN rounds r ON r.id = p.round_id
        WHERE p.attendee_id = $1 AND r.status IN ${sqlList(NOT_YET_PUBLISHED)}`,
      [attendeeId],
    );
  }

  /**
   * Takes an attendee's seat at a draft's meeting away: their pairs, their seat, and their pairs in
   * the table's reasons (by id), so what is left explains those still seated. A table left with one
   * person is dissolved (that person sits out).
   */
  @GenerateSql({ params: [DummyValue.UUID, DummyValue.OTHER_UUID] , transaction: true })
  async unseatFromDraft(meetingId: string, attendeeId: string, manager: EntityManager = this.dataSource.manager): Promise<void> {
    await this.releasePairsOf(meetingId, attendeeId, manager);
    await manager.query(`DELETE FROM meeting_participants WHERE meeting_id = $1 AND attendee_id = $2`, [meetingId, attendeeId]);
    await manager.query(
      `UPDATE meetings m SET reasons = (
              SELECT coalesce(jsonb_agg(x.e ORDER BY x.n), '[]'::jsonb) FROM jsonb_array_elements(m.reasons) WITH ORDINALITY AS x(e, n)
               WHERE NOT (jsonb_typeof(x.e) = 'object' AND $2::text IN (x.e->>'a', x.e->>'b')))
        WHERE m.id = $1 AND jsonb_typeof(m.reasons) = 'array'`,
      [meetingId, attendeeId],
    );
    await manager.query(`DELETE FROM meetings WHERE id = $1 AND (SELECT count(*) FROM meeting_participants WHERE meeting_id = $1) < 2`, [meetingId]);
  }

  /** Records (or replaces) a participant's feedback on a meeting, and reads it back. */
  @GenerateSql({ params: [{ meetingId: DummyValue.UUID, attendeeId: DummyValue.OTHER_UUID, met: true, rating: 5, wouldMeetAgain: true, note: null, updatedAt: DummyValue.DATE }] })
  async saveFeedback(feedback: FeedbackRecord): Promise<FeedbackEntity> {
    const repository = this.dataSource.getRepository(FeedbackEntity);
    await repository.upsert(feedback, ['meetingId', 'attendeeId']);
    return repository.findOneByOrFail({ meetingId: feedback.meetingId, attendeeId: feedback.attendeeId });
  }

  @GenerateSql({ params: [DummyValue.UUID] })
  feedbackOf(meetingId: string): Promise<FeedbackEntity[]> {
    return this.dataSource.getRepository(FeedbackEntity).find({ where: { meetingId }, order: { attendeeId: 'ASC' } });
  }

  /**
   * Erasure: reduces every pair of `meetings.reasons` involving the attendee to its ids, score and wording
   * variant, found by id, keeping the order of the pairs (a trio's seat order is read from it). Rows whose
   * reasons are not a list are left alone.
   */
  @GenerateSql({ params: [DummyValue.UUID], transaction: true })
  async stripPairReasonsOf(attendeeId: string, manager: Pick<EntityManager, 'query'>): Promise<void> {
    await manager.query(
      `UPDATE meetings m SET reasons = (
              SELECT coalesce(jsonb_agg(CASE WHEN jsonb_typeof(x.e) = 'object' AND $1::text IN (x.e->>'a', x.e->>'b')
                                             THEN jsonb_build_object('a', x.e->'a', 'b', x.e->'b', 'score', x.e->'score', 'variant', x.e->'variant')
                                             ELSE x.e END ORDER BY x.n), '[]'::jsonb)
                FROM jsonb_array_elements(m.reasons) WITH ORDINALITY AS x(e, n))
        WHERE m.id IN (SELECT meeting_id FROM meeting_participants WHERE attendee_id = $1::text::uuid)
          AND jsonb_typeof(m.reasons) = 'array'`,
      [attendeeId],
    );
  }

  /** Erasure: the notes the attendee wrote in their feedback go; ratings stay for the statistics. */
  @GenerateSql({ params: [DummyValue.UUID], transaction: true })
  async clearFeedbackNotesOf(attendeeId: string, manager: Pick<EntityManager, 'query'>): Promise<void> {
    await manager.query(`UPDATE feedback SET note = NULL WHERE attendee_id = $1`, [attendeeId]);
  }

  /** The feedback an attendee gave, as their data export writes it. */
  @GenerateSql({ params: [DummyValue.UUID] })
  feedbackGivenBy(attendeeId: string): Promise<Record<string, unknown>[]> {
    return this.dataSource.query(
      `SELECT meeting_id AS "meetingId", met, rating, would_meet_again AS "wouldMeetAgain", note, updated_at AS "updatedAt"
         FROM feedback WHERE attendee_id = $1`,
      [attendeeId],
    );
  }
}

/**
 * One row per caller, in the order given (the throttler's window, limit and block, then `slots` groups of
 * parameters: an attendee id, their event, their session and a rate-limit key to count, null in unused
 * slots): the meetings in time order (none: an empty list), whether the event has talks and its time zone,
 * whether the caller is there, whether their session is live, and the caller's rate-limit count when a key
 * was given (counted first, in the same statement: see CountsLimitInStatement; keys unique per statement).
 */
function roundTablesSql(when: MeetingsWhen, slots: number, partnerJson: string, feedbackJson: string): string {
  const callers = Array.from({ length: slots }, (_, i) => `($${4 * i + 4}::uuid, $${4 * i + 5}::uuid, $${4 * i + 6}::uuid, $${4 * i + 7}::text, ${i + 1})`).join(', ');
  const timeFilter = when === MeetingsWhen.UPCOMING ? 'AND m.ends_at > now()' : when === MeetingsWhen.PAST ? 'AND m.ends_at <= now()' : '';
  return `WITH c (attendee_id, event_id, session_id, limit_key, position) AS (VALUES ${callers}),
     counted AS (${countHitsSql('SELECT limit_key FROM c WHERE limit_key IS NOT NULL ORDER BY limit_key', { ttl: '$1', limit: '$2', block: '$3' })})
   SELECT json_build_object(
            'limit_count', (SELECT row_to_json(n) FROM counted n WHERE n.key = c.limit_key),
            'event_has_talks', EXISTS (SELECT 1 FROM talks k WHERE k.event_id = c.event_id),
            'has_request_slots', EXISTS (SELECT 1 FROM meeting_requests q WHERE (q.requester_id = c.attendee_id OR q.recipient_id = c.attendee_id)
                                           AND q.status = 'ACCEPTED' AND q.slot_starts_at IS NOT NULL),
            'time_zone', (SELECT e.time_zone FROM events e WHERE e.id = c.event_id),
            'caller_exists', EXISTS (SELECT 1 FROM attendees s WHERE s.id = c.attendee_id AND s.event_id = c.event_id AND s.erased_at IS NULL),
            'shared_fields', (SELECT s.shared_fields FROM attendees s WHERE s.id = c.attendee_id),
            'labels', (SELECT json_object_agg(g.slug, g.label) FROM event_tags g WHERE g.event_id = c.event_id),
            'session_live', c.session_id IS NULL
                            OR EXISTS (SELECT 1 FROM sessions v WHERE v.id = c.session_id AND v.attendee_id = c.attendee_id AND v.expires_at > now()),
            'meetings', coalesce((
              SELECT json_agg(t ORDER BY t.starts_at, t.table_number) FROM (
                SELECT m.id, m.round_id, m.event_id, m.table_number, m.table_label, m.starts_at, m.ends_at, m.score, m.reasons,
                       m.status, r.name AS round_name,
                       (SELECT coalesce(json_agg(${partnerJson} ORDER BY a.id), '[]'::json)
                          FROM meeting_participants o JOIN attendees a ON a.id = o.attendee_id
                         WHERE o.meeting_id = m.id AND o.attendee_id <> p.attendee_id) AS partners,
                       CASE WHEN f.meeting_id IS NULL THEN NULL ELSE ${feedbackJson} END AS feedback
                  FROM meeting_participants p
                  JOIN meetings m ON m.id = p.meeting_id
                  JOIN rounds r ON r.id = p.round_id
                  LEFT JOIN feedback f ON f.meeting_id = p.meeting_id AND f.attendee_id = p.attendee_id
                 WHERE p.attendee_id = c.attendee_id AND r.status IN ${sqlList(VISIBLE_TO_ATTENDEES)} ${timeFilter}
              ) t), '[]'::json)
          ) AS tables
     FROM c
    WHERE c.attendee_id IS NOT NULL
    ORDER BY c.position`;
}
