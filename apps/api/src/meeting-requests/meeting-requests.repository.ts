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

/** The status as read, for the `meeting_requests` row aliased `r` (named once: every read goes through it). */
const STATUS_SQL = `CASE WHEN r.status IN ('PENDING', 'ACCEPTED') AND r.expires_at <= now() THEN 'EXPIRED' ELSE r.status END`;

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
  created_at: Date;
  /** created_at as PostgreSQL writes it (microseconds kept), for cursors. */
  created_key: string;
}

const COLUMNS = `r.id, r.event_id, r.requester_id, r.recipient_id, r.message, ${STATUS_SQL} AS status, r.expires_at, r.responded_at,
       r.cancelled_at, r.cancelled_by, r.round_id, r.meeting_id, r.fulfilled_at, r.created_at, r.created_at::text AS created_key`;

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

  /** Whether the two already sat at one table of a published (or closed) round of the event: rounds never seat a pair twice. */
  @GenerateSql({ params: [DummyValue.UUID, DummyValue.OTHER_UUID], transaction: true })
  async metInPublishedRound(a: string, b: string, manager: EntityManager): Promise<boolean> {
    const [row] = await manager.query(
      `SELECT EXISTS (SELECT 1 FROM meeting_participants p1
                        JOIN meeting_participants p2 ON p2.meeting_id = p1.meeting_id
                        JOIN rounds r ON r.id = p1.round_id
                       WHERE p1.attendee_id = $1 AND p2.attendee_id = $2 AND r.status IN ('PUBLISHED', 'CLOSED')) AS met`,
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
   * not expired, not yet fulfilled — oldest acceptance first (the library seats the earlier of two requests
   * that share a person: first accepted, first served).
   */
  @GenerateSql({ params: [DummyValue.UUID] })
  async acceptedForMatching(eventId: string, manager: Pick<EntityManager, 'query'> = this.dataSource.manager): Promise<MustMeetRequest[]> {
    const rows: { id: string; requester_id: string; recipient_id: string }[] = await manager.query(
      `SELECT r.id, r.requester_id, r.recipient_id FROM meeting_requests r
        WHERE r.event_id = $1 AND r.status = 'ACCEPTED' AND r.expires_at > now()
        ORDER BY r.responded_at, r.id`,
      [eventId],
    );
    return rows.map((row) => ({ id: row.id, requesterId: row.requester_id, recipientId: row.recipient_id }));
  }

  /**
   * At publish, in its transaction: every accepted, unexpired request whose two people sit at one table of the
   * round is FULFILLED by that meeting (whether the matching seated them for the request or not: they meet),
   * and is never given to a round again. Returns the ids.
   */
  @GenerateSql({ params: [DummyValue.UUID], transaction: true })
  async fulfilInRound(roundId: string, manager: EntityManager): Promise<string[]> {
    const rows: { id: string }[] = await manager.query(
      `UPDATE meeting_requests r SET status = 'FULFILLED', fulfilled_at = now(), round_id = $1, meeting_id = seat.meeting_id
         FROM (SELECT p1.meeting_id, p1.attendee_id AS a, p2.attendee_id AS b
                 FROM meeting_participants p1 JOIN meeting_participants p2 ON p2.meeting_id = p1.meeting_id AND p2.attendee_id <> p1.attendee_id
                WHERE p1.round_id = $1) seat
        WHERE r.status = 'ACCEPTED' AND r.expires_at > now() AND seat.a = r.requester_id AND seat.b = r.recipient_id
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
}
