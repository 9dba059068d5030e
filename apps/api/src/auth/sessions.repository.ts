import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { preparedQuery } from '../common/prepared-statement';
import { DummyValue, GenerateSql } from '../database/generate-sql';

/** Whose a session is: an attendee (bound to their event) or a staff account. */
export type SessionSubject = { kind: 'attendee'; attendeeId: string } | { kind: 'account'; accountId: string };

/** What refreshing a session needs to know about it. */
export interface LiveSession {
  subject: SessionSubject;
  createdAt: Date;
  /** The attendee's event, and the instant its last day ends in its time zone (null without dates). */
  eventId: string | null;
  eventEndsAt: Date | null;
}

/** The attendee of a session as every request checks it. */
export interface SessionAttendee {
  eventId: string;
  erased: boolean;
  sessionLive: boolean;
}

/** The staff account of a session as every request checks it. */
export interface SessionAccount {
  isAdmin: boolean;
  organiserOf: string[];
  sessionLive: boolean;
}

/** The end of an event's last day (`ends_on`, else `starts_on`) in its own time zone; null without dates. */
export const EVENT_ENDS_AT_SQL = `((coalesce(e.ends_on, e.starts_on) + 1)::timestamp AT TIME ZONE e.time_zone)`;

/** Expired sessions deleted at each sign-in: a small, bounded piece of the clean-up. */
const PRUNE_BATCH = 100;

/** Every statement on `sessions`; see SessionEntity. Each method's SQL is snapshotted in queries/sessions.repository.sql. */
@Injectable()
export class SessionsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** An attendee who may sign in (exists, not erased), with their event's end. */
  @GenerateSql({ params: [DummyValue.UUID] })
  async attendeeForSession(attendeeId: string): Promise<{ eventId: string; eventEndsAt: Date | null } | undefined> {
    const [row] = await this.dataSource.query<{ event_id: string; event_ends_at: Date | null }[]>(
      `SELECT a.event_id, ${EVENT_ENDS_AT_SQL} AS event_ends_at
         FROM attendees a JOIN events e ON e.id = a.event_id
        WHERE a.id = $1 AND a.erased_at IS NULL`,
      [attendeeId],
    );
    return row && { eventId: row.event_id, eventEndsAt: row.event_ends_at };
  }

  /** Opens a session; expired ones (anyone's, a bounded batch) are cleared on the way. */
  @GenerateSql({ params: [{ kind: 'attendee', attendeeId: DummyValue.UUID }, DummyValue.DATE] })
  async insert(subject: SessionSubject, expiresAt: Date): Promise<{ id: string; createdAt: Date }> {
    await this.dataSource.query(
      `DELETE FROM sessions WHERE id IN (SELECT id FROM sessions WHERE expires_at <= now() LIMIT ${PRUNE_BATCH})`,
    );
    const [row] = await this.dataSource.query<{ id: string; created_at: Date }[]>(
      `INSERT INTO sessions (attendee_id, account_id, expires_at) VALUES ($1, $2, $3) RETURNING id, created_at`,
      [subject.kind === 'attendee' ? subject.attendeeId : null, subject.kind === 'account' ? subject.accountId : null, expiresAt],
    );
    return { id: row!.id, createdAt: row!.created_at };
  }

  /** A session that has not ended, with what its next expiry depends on. */
  @GenerateSql({ params: [DummyValue.UUID] })
  async findLive(sessionId: string): Promise<LiveSession | undefined> {
    const [row] = await this.dataSource.query<
      { attendee_id: string | null; account_id: string | null; created_at: Date; event_id: string | null; event_ends_at: Date | null }[]
    >(
      `SELECT s.attendee_id, s.account_id, s.created_at, a.event_id, ${EVENT_ENDS_AT_SQL} AS event_ends_at
         FROM sessions s
         LEFT JOIN attendees a ON a.id = s.attendee_id
         LEFT JOIN events e ON e.id = a.event_id
        WHERE s.id = $1 AND s.expires_at > now()`,
      [sessionId],
    );
    if (!row) return undefined;
    const subject: SessionSubject = row.attendee_id ? { kind: 'attendee', attendeeId: row.attendee_id } : { kind: 'account', accountId: row.account_id! };
    return { subject, createdAt: row.created_at, eventId: row.event_id, eventEndsAt: row.event_ends_at };
  }

  /** Moves a live session's end; false when it ended meanwhile (signed out, expired). */
  @GenerateSql({ params: [DummyValue.UUID, DummyValue.DATE] })
  async extend(sessionId: string, expiresAt: Date): Promise<boolean> {
    const rows = await this.dataSource.query<unknown[]>(
      `WITH moved AS (UPDATE sessions SET expires_at = $2 WHERE id = $1 AND expires_at > now() RETURNING id) SELECT id FROM moved`,
      [sessionId, expiresAt],
    );
    return rows.length === 1;
  }

  /** Which of these sessions are live. */
  @GenerateSql({ params: [[DummyValue.UUID]] })
  async liveAmong(sessionIds: readonly string[]): Promise<Set<string>> {
    const rows = await this.dataSource.query<{ id: string }[]>(`SELECT id FROM sessions WHERE id = ANY ($1::uuid[]) AND expires_at > now()`, [sessionIds]);
    return new Set(rows.map((row) => row.id));
  }

  /** Ends one session. */
  @GenerateSql({ params: [DummyValue.UUID] })
  async end(sessionId: string): Promise<void> {
    await this.dataSource.query(`DELETE FROM sessions WHERE id = $1`, [sessionId]);
  }

  /** Ends every session of a person (in the caller's transaction when given its `manager`); returns how many were live. */
  @GenerateSql(
    { name: 'attendee', params: [{ kind: 'attendee', attendeeId: DummyValue.UUID }], transaction: true },
    { name: 'account', params: [{ kind: 'account', accountId: DummyValue.UUID }], transaction: true },
  )
  async endAll(subject: SessionSubject, manager: Pick<EntityManager, 'query'> = this.dataSource.manager): Promise<number> {
    const column = subject.kind === 'attendee' ? 'attendee_id' : 'account_id';
    const rows: { live: boolean }[] = await manager.query(
      `WITH ended AS (DELETE FROM sessions WHERE ${column} = $1 RETURNING expires_at > now() AS live) SELECT live FROM ended`,
      [subject.kind === 'attendee' ? subject.attendeeId : subject.accountId],
    );
    return rows.filter((row) => row.live).length;
  }

  /**
   * The attendee behind a token, checked on every attendee request the AuthGuard confirms: one
   * prepared statement (a repository findOne costs several times its CPU).
   */
  @GenerateSql({ params: [DummyValue.UUID, DummyValue.OTHER_UUID] })
  async attendeeOfSession(attendeeId: string, sessionId: string): Promise<SessionAttendee | undefined> {
    const [row] = await preparedQuery<{ event_id: string; erased: boolean; session_live: boolean }>(
      this.dataSource,
      `SELECT a.event_id, a.erased_at IS NOT NULL AS erased,
              EXISTS (SELECT 1 FROM sessions s WHERE s.id = $2 AND s.attendee_id = a.id AND s.expires_at > now()) AS session_live
         FROM attendees a WHERE a.id = $1`,
      [attendeeId, sessionId],
    );
    return row && { eventId: row.event_id, erased: row.erased, sessionLive: row.session_live };
  }

  /** The staff account behind a token, with the events it organises, in one statement. */
  @GenerateSql({ params: [DummyValue.UUID, DummyValue.OTHER_UUID] })
  async accountOfSession(accountId: string, sessionId: string): Promise<SessionAccount | undefined> {
    const [row] = await preparedQuery<{ is_admin: boolean; organiser_of: string[]; session_live: boolean }>(
      this.dataSource,
      `SELECT s.is_admin,
              ARRAY(SELECT o.event_id::text FROM event_organisers o WHERE o.account_id = s.id) AS organiser_of,
              EXISTS (SELECT 1 FROM sessions t WHERE t.id = $2 AND t.account_id = s.id AND t.expires_at > now()) AS session_live
         FROM accounts s WHERE s.id = $1`,
      [accountId, sessionId],
    );
    return row && { isAdmin: row.is_admin, organiserOf: row.organiser_of, sessionLive: row.session_live };
  }
}
