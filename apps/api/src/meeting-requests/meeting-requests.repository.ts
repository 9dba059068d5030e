import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { decodeCursor, isCursorId, pageOf, type KeyedPage } from '../common/paging';
import { DummyValue, GenerateSql } from '../database/generate-sql';
import { DEFAULT_MEETING_REQUESTS_PER_DAY } from '../events/events.service';
import type { StoredRequestStatus } from './meeting-request.entity';

/** A request's status as people read it: the stored one, or EXPIRED for an open one past its `expires_at`. */
export type MeetingRequestStatusValue = StoredRequestStatus;

/** Open: still waiting for an answer (PENDING) or for a round (ACCEPTED). Only these expire. */
export const OPEN_STATUSES: readonly StoredRequestStatus[] = ['PENDING', 'ACCEPTED'];

/**
 * The status as read, for the `meeting_requests` row aliased `r` (named once: every read goes through it). A request
 * given a slot of its own has its time: it does not expire when the event ends.
 */
const STATUS_SQL = `CASE WHEN r.status IN ('PENDING', 'ACCEPTED') AND r.expires_at <= now() AND r.slot_starts_at IS NULL THEN 'EXPIRED' ELSE r.status END`;

export interface MeetingRequestRow {
  id: string;
  event_id: string;
  requester_id: string;
  recipient_id: string;
  message: string;
  status: MeetingRequestStatusValue;
  expires_at: Date;
  responded_at: Date | null;
  cancelled_at: Date | null;
  cancelled_by: string | null;
  round_id: string | null;
  meeting_id: string | null;
  fulfilled_at: Date | null;
  /** A slot of its own (events that give them): when, and at which table; else null. */
  slot_starts_at: Date | null;
  slot_ends_at: Date | null;
  slot_table: string | null;
  /** Why an accepted request of such an event has no slot (it waits for the next round). */
  slot_outcome: 'NO_COMMON_FREE_TIME' | null;
  /** The event's time zone, read when there is a slot (its local times are written in it). */
  time_zone: string | null;
  created_at: Date;
  /** created_at as PostgreSQL writes it (microseconds kept), for cursors. */
  created_key: string;
}

const COLUMNS = `r.id, r.event_id, r.requester_id, r.recipient_id, r.message, ${STATUS_SQL} AS status, r.expires_at, r.responded_at,
       r.cancelled_at, r.cancelled_by, r.round_id, r.meeting_id, r.fulfilled_at, r.slot_starts_at, r.slot_ends_at, r.slot_table, r.slot_outcome,
       CASE WHEN r.slot_starts_at IS NOT NULL THEN (SELECT e.time_zone FROM events e WHERE e.id = r.event_id) END AS time_zone,
       r.created_at, r.created_at::text AS created_key`;

/** What a request needs to know about the two people, read with their rows locked. */
export interface PartyRow {
  id: string;
  event_id: string;
  consent_matchmaking: boolean;
  erased: boolean;
}

/** One accepted request a round's generation must try to seat, oldest acceptance first. */
export interface MustMeetRequest {
  id: string;
  requesterId: string;
  recipientId: string;
}

/** What a round did with one request it was given (rounds.stats.meetingRequests), and whether the two sit together now. */
export interface RoundRequestRow {
  id: string;
  requester_id: string;
  recipient_id: string;
  status: MeetingRequestStatusValue;
  /** Seated together by the generation. */
  planned: boolean;
  /** Why the generation could not seat them (the matching library's must-meet reason), else null. */
  reason: string | null;
  /** Sitting at one table of the round now (after any swap or move). */
  seated: boolean;
}

/** An attendee's accepted request: the other person, and when a published round seated them, that meeting's time. */
export interface AcceptedRequestRow {
  id: string;
  other_id: string;
  status: 'ACCEPTED' | 'FULFILLED';
  meeting_id: string | null;
  starts_at: Date | null;
  ends_at: Date | null;
}

/** An accepted request's slot of its own, as one of its two people's meetings is built from it. */
export interface RequestSlotRow {
  id: string;
  event_id: string;
  time_zone: string;
  requester_id: string;
  recipient_id: string;
  message: string;
  slot_starts_at: Date;
  slot_ends_at: Date;
  slot_table: string;
}

function readPosition(parts: readonly unknown[]): { createdAt: string; id: string } | undefined {
  const [createdAt, id] = parts;
  return typeof createdAt === 'string' && !Number.isNaN(Date.parse(createdAt)) && isCursorId(id) ? { createdAt, id } : undefined;
}

/**
 * Every statement on `meeting_requests` (snapshotted in queries/meeting-requests.repository.sql). Statements
 * of a use case's transaction take its `manager`.
 */
@Injectable()
export class MeetingRequestsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * The two people of a request, their rows locked (FOR NO KEY UPDATE, in id order, so two requests between
   * the same people — either way — and two requests by one person are made one after the other: the
   * reverse check and the daily count see each other's rows).
   */
  @GenerateSql({ params: [DummyValue.UUID, DummyValue.OTHER_UUID], transaction: true })
  async lockParties(a: string, b: string, manager: EntityManager): Promise<PartyRow[]> {
    return manager.query(
      `SELECT a.id, a.event_id, a.consent_matchmaking, a.erased_at IS NOT NULL AS erased
         FROM attendees a WHERE a.id = ANY(ARRAY[$1, $2]::uuid[])
        ORDER BY a.id
          FOR NO KEY UPDATE`,
      [a, b],
    );
  }

  /**
   * What the event allows: requests per attendee per day (null: the default), its time zone (whose day the
   * quota counts), and when a request made now expires — the end of the event's last day on its clock, or
   * 14 days from now for an event without a last day.
   */
  @GenerateSql({ params: [DummyValue.UUID], transaction: true })
  async requestWindow(eventId: string, manager: EntityManager): Promise<{ perDay: number; timeZone: string; expiresAt: Date }> {
    const [row] = await manager.query(
      `SELECT e.time_zone, (e.matching_settings->>'meetingRequestsPerDay')::int AS per_day,
              coalesce(((e.ends_on + 1)::timestamp AT TIME ZONE e.time_zone), now() + interval '14 days') AS expires_at
         FROM events e WHERE e.id = $1`,
      [eventId],
    );
    return { perDay: row.per_day ?? DEFAULT_MEETING_REQUESTS_PER_DAY, timeZone: row.time_zone, expiresAt: new Date(row.expires_at) };
  }

  /** Whether either of the two has blocked the other. */
  @GenerateSql({ params: [DummyValue.UUID, DummyValue.OTHER_UUID], transaction: true })
  async blockedEitherWay(a: string, b: string, manager: EntityManager): Promise<boolean> {
    const [row] = await manager.query(
      `SELECT EXISTS (SELECT 1 FROM blocks WHERE (attendee_id = $1 AND target_id = $2) OR (attendee_id = $2 AND target_id = $1)) AS blocked`,
      [a, b],
    );
    return row.blocked === true;
  }

  /**
   * Whether the two already sat at one table of a published (or closed) round of the event, or hold an accepted
   * request's slot of their own (their meeting, as rounds count it): rounds never seat a pair twice.
   */
  @GenerateSql({ params: [DummyValue.UUID, DummyValue.OTHER_UUID], transaction: true })
  async metInPublishedRound(a: string, b: string, manager: EntityManager): Promise<boolean> {
    const [row] = await manager.query(
      `SELECT EXISTS (SELECT 1 FROM meeting_participants p1
                        JOIN meeting_participants p2 ON p2.meeting_id = p1.meeting_id
                        JOIN rounds r ON r.id = p1.round_id
                       WHERE p1.attendee_id = $1 AND p2.attendee_id = $2 AND r.status IN ('PUBLISHED', 'CLOSED'))
           OR EXISTS (SELECT 1 FROM meeting_requests q
                       WHERE ((q.requester_id = $1 AND q.recipient_id = $2) OR (q.requester_id = $2 AND q.recipient_id = $1))
                         AND q.status = 'ACCEPTED' AND q.slot_starts_at IS NOT NULL) AS met`,
      [a, b],
    );
    return row.met === true;
  }

  /** Requests `requesterId` sent since the start of today on the event's clock (`timeZone`), whatever became of them. */
  @GenerateSql({ params: [DummyValue.UUID, 'Europe/Paris'], transaction: true })
  async sentToday(requesterId: string, timeZone: string, manager: EntityManager): Promise<number> {
    const [row] = await manager.query(
      `SELECT count(*)::int AS count FROM meeting_requests
        WHERE requester_id = $1 AND created_at >= (date_trunc('day', now() AT TIME ZONE $2) AT TIME ZONE $2)`,
      [requesterId, timeZone],
    );
    return row.count;
  }

  /** An open request between the two, either way (the newest), if there is one. */
  @GenerateSql({ params: [DummyValue.UUID, DummyValue.OTHER_UUID], transaction: true })
  async openBetween(a: string, b: string, manager: EntityManager): Promise<MeetingRequestRow | undefined> {
    const [row] = await manager.query(
      `SELECT ${COLUMNS} FROM meeting_requests r
        WHERE ((r.requester_id = $1 AND r.recipient_id = $2) OR (r.requester_id = $2 AND r.recipient_id = $1))
          AND r.status IN ('PENDING', 'ACCEPTED') AND r.expires_at > now()
        ORDER BY r.created_at DESC
        LIMIT 1`,
      [a, b],
    );
    return row;
  }

  /** Writes EXPIRED on the requester's expired pending requests to the recipient, before a new one is made. */
  @GenerateSql({ params: [DummyValue.UUID, DummyValue.OTHER_UUID], transaction: true })
  async closeExpired(requesterId: string, recipientId: string, manager: EntityManager): Promise<void> {
    await manager.query(
      `UPDATE meeting_requests SET status = 'EXPIRED' WHERE requester_id = $1 AND recipient_id = $2 AND status = 'PENDING' AND expires_at <= now()`,
      [requesterId, recipientId],
    );
  }

  @GenerateSql({ params: [{ eventId: DummyValue.UUID, requesterId: DummyValue.UUID, recipientId: DummyValue.OTHER_UUID, message: DummyValue.STRING, expiresAt: DummyValue.DATE }], transaction: true })
  async insert(request: { eventId: string; requesterId: string; recipientId: string; message: string; expiresAt: Date }, manager: EntityManager): Promise<string> {
    const [row] = await manager.query(
      `INSERT INTO meeting_requests (event_id, requester_id, recipient_id, message, expires_at) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [request.eventId, request.requesterId, request.recipientId, request.message, request.expiresAt],
    );
    return row.id;
  }

  /** One request (any event's: the caller checks who may see it), locked for a change when `manager` is a transaction's. */
  @GenerateSql({ name: 'read', params: [DummyValue.UUID] }, { name: 'locked', params: [DummyValue.UUID, undefined, true], transaction: true })
  async findById(id: string, manager: EntityManager = this.dataSource.manager, lock = false): Promise<MeetingRequestRow | undefined> {
    const [row] = await manager.query(`SELECT ${COLUMNS} FROM meeting_requests r WHERE r.id = $1${lock ? ' FOR UPDATE' : ''}`, [id]);
    return row;
  }

  /** Several requests by id (in no order). */
  @GenerateSql({ params: [[DummyValue.UUID]] })
  async findByIds(ids: readonly string[]): Promise<Map<string, MeetingRequestRow>> {
    if (!ids.length) return new Map();
    const rows: MeetingRequestRow[] = await this.dataSource.query(`SELECT ${COLUMNS} FROM meeting_requests r WHERE r.id = ANY($1::uuid[])`, [ids]);
    return new Map(rows.map((row) => [row.id, row]));
  }

  /** PENDING → ACCEPTED or DECLINED (the caller checked it is pending). */
  @GenerateSql({ params: [DummyValue.UUID, true], transaction: true })
  async answer(id: string, accept: boolean, manager: EntityManager): Promise<void> {
    await manager.query(`UPDATE meeting_requests SET status = $2, responded_at = now() WHERE id = $1 AND status = 'PENDING'`, [id, accept ? 'ACCEPTED' : 'DECLINED']);
  }

  /** PENDING or ACCEPTED → CANCELLED, recording who withdrew it. */
  @GenerateSql({ params: [DummyValue.UUID, DummyValue.UUID], transaction: true })
  async cancel(id: string, by: string, manager: EntityManager): Promise<void> {
    await manager.query(`UPDATE meeting_requests SET status = 'CANCELLED', cancelled_at = now(), cancelled_by = $2 WHERE id = $1 AND status IN ('PENDING', 'ACCEPTED')`, [id, by]);
  }

  /** An attendee's requests, sent and received, newest first. */
  @GenerateSql({ params: [DummyValue.UUID] })
  async listFor(attendeeId: string): Promise<MeetingRequestRow[]> {
    return this.dataSource.query(
      `SELECT ${COLUMNS} FROM meeting_requests r
        WHERE r.requester_id = $1 OR r.recipient_id = $1
        ORDER BY r.created_at DESC, r.id DESC
        LIMIT 500`,
      [attendeeId],
    );
  }

  /** An event's requests, newest first, keyset-paginated on (created_at, id); `status` filters on the status as read. */
  @GenerateSql({ params: [DummyValue.UUID, null, 10, undefined] })
  async pageForEvent(eventId: string, status: MeetingRequestStatusValue | null, first: number, after: string | undefined): Promise<KeyedPage<MeetingRequestRow>> {
    const cursor = after ? decodeCursor(after, readPosition) : undefined;
    const rows: MeetingRequestRow[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM meeting_requests r
        WHERE r.event_id = $1 AND ($2::text IS NULL OR ${STATUS_SQL} = $2)
          AND ($3::timestamptz IS NULL OR (r.created_at, r.id) < ($3::timestamptz, $4::uuid))
        ORDER BY r.created_at DESC, r.id DESC
        LIMIT $5`,
      [eventId, status, cursor?.createdAt ?? null, cursor?.id ?? null, first + 1],
    );
    return { ...pageOf(rows, first), keyOf: (row) => [row.created_key, row.id] };
  }

  /**
   * The event's accepted requests a round's generation passes to the matching as must-meet pairs: accepted,
   * not expired, not yet fulfilled, without a slot of their own — oldest acceptance first (the library seats the earlier of two requests
   * that share a person: first accepted, first served).
   */
  @GenerateSql({ params: [DummyValue.UUID] })
  async acceptedForMatching(eventId: string, manager: Pick<EntityManager, 'query'> = this.dataSource.manager): Promise<MustMeetRequest[]> {
    const rows: { id: string; requester_id: string; recipient_id: string }[] = await manager.query(
      `SELECT r.id, r.requester_id, r.recipient_id FROM meeting_requests r
        WHERE r.event_id = $1 AND r.status = 'ACCEPTED' AND r.expires_at > now() AND r.slot_starts_at IS NULL
        ORDER BY r.responded_at, r.id`,
      [eventId],
    );
    return rows.map((row) => ({ id: row.id, requesterId: row.requester_id, recipientId: row.recipient_id }));
  }

  /**
   * At publish, in its transaction: every accepted, unexpired request (without a slot of its own: that one has
   * its time) whose two people sit at one table of the round is FULFILLED by that meeting (whether the matching seated them for the request or not: they meet),
   * and is never given to a round again. Returns the ids.
   */
  @GenerateSql({ params: [DummyValue.UUID], transaction: true })
  async fulfilInRound(roundId: string, manager: EntityManager): Promise<string[]> {
    const rows: { id: string }[] = await manager.query(
      `UPDATE meeting_requests r SET status = 'FULFILLED', fulfilled_at = now(), round_id = $1, meeting_id = seat.meeting_id
         FROM (SELECT p1.meeting_id, p1.attendee_id AS a, p2.attendee_id AS b
                 FROM meeting_participants p1 JOIN meeting_participants p2 ON p2.meeting_id = p1.meeting_id AND p2.attendee_id <> p1.attendee_id
                WHERE p1.round_id = $1) seat
        WHERE r.status = 'ACCEPTED' AND r.expires_at > now() AND r.slot_starts_at IS NULL AND seat.a = r.requester_id AND seat.b = r.recipient_id
       RETURNING r.id`,
      [roundId],
    );
    return rows.map((row) => row.id);
  }

  /**
   * The requests a round's generation was given (rounds.stats.meetingRequests), each with what the generation
   * did and whether the two sit at one table of the round now.
   */
  @GenerateSql({ params: [DummyValue.UUID] })
  async ofRound(roundId: string, manager: Pick<EntityManager, 'query'> = this.dataSource.manager): Promise<RoundRequestRow[]> {
    return manager.query(
      `SELECT r.id, r.requester_id, r.recipient_id, ${STATUS_SQL} AS status,
              coalesce((entry->>'seated')::boolean, false) AS planned, entry->>'reason' AS reason,
              EXISTS (SELECT 1 FROM meeting_participants p1 JOIN meeting_participants p2 ON p2.meeting_id = p1.meeting_id
                       WHERE p1.round_id = rd.id AND p1.attendee_id = r.requester_id AND p2.attendee_id = r.recipient_id) AS seated
         FROM rounds rd
         CROSS JOIN LATERAL jsonb_array_elements(coalesce(rd.stats->'meetingRequests', '[]'::jsonb)) WITH ORDINALITY AS e(entry, position)
         JOIN meeting_requests r ON r.id::text = entry->>'requestId'
        WHERE rd.id = $1
        ORDER BY e.position`,
      [roundId],
    );
  }

  /**
   * An attendee's accepted requests, for their schedule: still waiting for a round (no time yet) or fulfilled
   * by a meeting of a published round (its time). Oldest first.
   */
  @GenerateSql({ params: [DummyValue.UUID] })
  async acceptedFor(attendeeId: string): Promise<AcceptedRequestRow[]> {
    return this.dataSource.query(
      `SELECT r.id, CASE WHEN r.requester_id = $1 THEN r.recipient_id ELSE r.requester_id END AS other_id, r.status,
              m.id AS meeting_id, m.starts_at, m.ends_at
         FROM meeting_requests r LEFT JOIN meetings m ON m.id = r.meeting_id
        WHERE (r.requester_id = $1 OR r.recipient_id = $1)
          AND ((r.status = 'ACCEPTED' AND r.expires_at > now()) OR r.status = 'FULFILLED')
        ORDER BY coalesce(m.starts_at, r.responded_at), r.id`,
      [attendeeId],
    );
  }

  /**
   * Serialises the slot-giving of one event (a transaction-scoped advisory lock): two acceptances at once never
   * pick the same table at the same time, nor overlapping times for one person (uq_meeting_requests_slot backs it).
   */
  @GenerateSql({ params: [DummyValue.UUID], transaction: true })
  async lockSlotsOf(eventId: string, manager: EntityManager): Promise<void> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended('meeting-request-slots:' || $1::text, 0))`, [eventId]);
  }

  /**
   * The first slot at which both people are free, and the first table free then (R1…Rn), or undefined. Slots lie
   * on the grid of `minutes` from `dayStartsAt` to `dayEndsAt` of each of the event's days on its clock (from
   * today; 14 days from today for an event without a last day), start `leadMinutes` from now at the earliest,
   * and never overlap, for either person: a talk they give (and its office hours), a talk they bookmarked, an
   * office-hour slot granted to them, their table in a published round, another slot of theirs; and lie within
   * their availability windows when they set some. One statement.
   */
  @GenerateSql({ params: [DummyValue.UUID, DummyValue.UUID, DummyValue.OTHER_UUID, { minutes: 15, tables: 4, dayStartsAt: '09:00', dayEndsAt: '18:00' }, 15], transaction: true })
  async firstFreeSlot(
    eventId: string,
    a: string,
    b: string,
    settings: { minutes: number; tables: number; dayStartsAt: string; dayEndsAt: string },
    leadMinutes: number,
    manager: EntityManager,
  ): Promise<{ starts_at: Date; ends_at: Date; table_label: string } | undefined> {
    const [row] = await manager.query(
      `WITH ev AS (SELECT e.time_zone, e.starts_on, e.ends_on, (now() AT TIME ZONE e.time_zone)::date AS today FROM events e WHERE e.id = $1),
            people AS (SELECT unnest(ARRAY[$2, $3]::uuid[]) AS id),
            busy AS MATERIALIZED (
              SELECT t.starts_at AS s, t.starts_at + make_interval(mins => t.duration_minutes + t.slot_count * t.slot_minutes) AS e
                FROM talks t WHERE t.event_id = $1 AND t.speaker_id IN (SELECT id FROM people)
              UNION ALL
              SELECT t.starts_at, t.starts_at + make_interval(mins => t.duration_minutes)
                FROM talk_bookmarks k JOIN talks t ON t.id = k.talk_id WHERE k.attendee_id IN (SELECT id FROM people)
              UNION ALL
              SELECT t.starts_at + make_interval(mins => t.duration_minutes + g.slot_index * t.slot_minutes),
                     t.starts_at + make_interval(mins => t.duration_minutes + (g.slot_index + 1) * t.slot_minutes)
                FROM slot_requests g JOIN talks t ON t.id = g.talk_id WHERE g.attendee_id IN (SELECT id FROM people) AND g.slot_index IS NOT NULL
              UNION ALL
              SELECT m.starts_at, m.ends_at
                FROM meeting_participants p JOIN meetings m ON m.id = p.meeting_id JOIN rounds rd ON rd.id = p.round_id
               WHERE p.attendee_id IN (SELECT id FROM people) AND rd.status = 'PUBLISHED'
              UNION ALL
              SELECT q.slot_starts_at, q.slot_ends_at FROM meeting_requests q
               WHERE (q.requester_id IN (SELECT id FROM people) OR q.recipient_id IN (SELECT id FROM people))
                 AND q.status = 'ACCEPTED' AND q.slot_starts_at IS NOT NULL),
            windows AS MATERIALIZED (SELECT w.attendee_id, w.starts_at, w.ends_at FROM availability_windows w WHERE w.attendee_id IN (SELECT id FROM people)),
            starts AS (
              SELECT ((greatest(coalesce(ev.starts_on, ev.today), ev.today) + d) + $7::interval + make_interval(mins => k * $5)) AT TIME ZONE ev.time_zone AS s
                FROM ev
                CROSS JOIN LATERAL generate_series(0, coalesce(ev.ends_on, ev.today + 13) - greatest(coalesce(ev.starts_on, ev.today), ev.today)) d
                CROSS JOIN LATERAL generate_series(0, (extract(epoch FROM $8::interval - $7::interval)::int / 60) / $5 - 1) k),
            candidates AS (
              SELECT st.s, st.s + make_interval(mins => $5) AS e FROM starts st
               WHERE st.s >= now() + make_interval(mins => $6)
                 AND NOT EXISTS (SELECT 1 FROM busy x WHERE x.s < st.s + make_interval(mins => $5) AND x.e > st.s)
                 AND NOT EXISTS (SELECT 1 FROM people p
                                  WHERE EXISTS (SELECT 1 FROM windows w WHERE w.attendee_id = p.id)
                                    AND NOT EXISTS (SELECT 1 FROM windows w WHERE w.attendee_id = p.id AND w.starts_at <= st.s AND w.ends_at >= st.s + make_interval(mins => $5))))
       SELECT c.s AS starts_at, c.e AS ends_at, 'R' || n.n AS table_label
         FROM candidates c
         CROSS JOIN LATERAL (SELECT n FROM generate_series(1, $4) n
                              WHERE NOT EXISTS (SELECT 1 FROM meeting_requests q
                                                 WHERE q.event_id = $1 AND q.status = 'ACCEPTED' AND q.slot_table = 'R' || n
                                                   AND q.slot_starts_at < c.e AND q.slot_ends_at > c.s)
                              ORDER BY n LIMIT 1) n
        ORDER BY c.s
        LIMIT 1`,
      [eventId, a, b, settings.tables, settings.minutes, leadMinutes, settings.dayStartsAt, settings.dayEndsAt],
    );
    return row;
  }

  /** Writes the slot given to an accepted request (or, with `slot` undefined, why none was: it waits for a round). */
  @GenerateSql({ params: [DummyValue.UUID, { starts_at: DummyValue.DATE, ends_at: DummyValue.DATE, table_label: 'R1' }], transaction: true })
  async setSlot(id: string, slot: { starts_at: Date; ends_at: Date; table_label: string } | undefined, manager: EntityManager): Promise<void> {
    await manager.query(
      `UPDATE meeting_requests SET slot_starts_at = $2, slot_ends_at = $3, slot_table = $4, slot_outcome = CASE WHEN $2::timestamptz IS NULL THEN 'NO_COMMON_FREE_TIME' END
        WHERE id = $1`,
      [id, slot?.starts_at ?? null, slot?.ends_at ?? null, slot?.table_label ?? null],
    );
  }

  /**
   * Who of the event holds an accepted request's slot at some time within [startsAt, endsAt) (both people of each):
   * they are busy then, for rounds and office hours alike. Sorted ids, each once.
   */
  @GenerateSql({ params: [DummyValue.UUID, DummyValue.DATE, DummyValue.DATE], transaction: true })
  async slotHoldersDuring(eventId: string, startsAt: Date, endsAt: Date, manager: Pick<EntityManager, 'query'> = this.dataSource.manager): Promise<string[]> {
    const rows: { id: string }[] = await manager.query(
      `SELECT unnest(ARRAY[q.requester_id, q.recipient_id]) AS id FROM meeting_requests q
        WHERE q.event_id = $1 AND q.status = 'ACCEPTED' AND q.slot_starts_at < $3 AND q.slot_ends_at > $2
        GROUP BY 1 ORDER BY 1`,
      [eventId, startsAt, endsAt],
    );
    return rows.map((row) => row.id);
  }

  /** The accepted requests' slots of the event that overlap [from, to), each person of each with its time (for office hours). */
  @GenerateSql({ params: [DummyValue.UUID, DummyValue.DATE, DummyValue.DATE], transaction: true })
  slotTimesDuring(eventId: string, from: Date, to: Date, manager: Pick<EntityManager, 'query'>): Promise<{ attendee_id: string; starts_at: Date; ends_at: Date }[]> {
    return manager.query(
      `SELECT unnest(ARRAY[q.requester_id, q.recipient_id]) AS attendee_id, q.slot_starts_at AS starts_at, q.slot_ends_at AS ends_at
         FROM meeting_requests q
        WHERE q.event_id = $1 AND q.status = 'ACCEPTED' AND q.slot_starts_at < $3 AND q.slot_ends_at > $2`,
      [eventId, from, to],
    );
  }

  /**
   * An attendee's accepted requests with a slot of their own, with the other person and the event's time zone,
   * for myMeetings, the schedule and the calendar feed; `when` as myMeetings filters (on the slot's end).
   */
  @GenerateSql({ params: [DummyValue.UUID, 'ALL'] })
  slotsOf(attendeeId: string, when: 'UPCOMING' | 'PAST' | 'ALL'): Promise<RequestSlotRow[]> {
    return this.dataSource.query(
      `SELECT r.id, r.event_id, e.time_zone, r.requester_id, r.recipient_id, r.message, r.slot_starts_at, r.slot_ends_at, r.slot_table
         FROM meeting_requests r JOIN events e ON e.id = r.event_id
        WHERE (r.requester_id = $1 OR r.recipient_id = $1) AND r.status = 'ACCEPTED' AND r.slot_starts_at IS NOT NULL
          AND ($2 = 'ALL' OR ($2 = 'UPCOMING') = (r.slot_ends_at > now()))
        ORDER BY r.slot_starts_at, r.id`,
      [attendeeId, when],
    );
  }

  /** Erasure: the attendee's requests, sent and received, messages included. */
  @GenerateSql({ params: [DummyValue.UUID], transaction: true })
  async deleteAllOf(attendeeId: string, manager: Pick<EntityManager, 'query'>): Promise<void> {
    await manager.query(`DELETE FROM meeting_requests WHERE requester_id = $1 OR recipient_id = $1`, [attendeeId]);
  }
}
