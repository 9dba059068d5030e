import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { DummyValue, GenerateSql } from '../database/generate-sql';
import type { Lane } from './lane';
import type { ClaimedMessage } from './message-composer';

/** Which sign-in-link requests count, and their limits (see SignInLinksService). */
export interface SignInRequestCommand {
  email: string;
  eventSlug: string;
  client: string;
  perEmail: number;
  perClient: number;
}

/** Why a link that signs nobody in was refused. */
export interface RefusedLink {
  used: boolean;
  expired: boolean;
  erased: boolean;
}

/**
 * Every statement on `sign_in_requests` and `sign_in_links`: asking for a link, turning requests into
 * messages, keeping a sent link's hash, spending it, and forgetting a person's (erasure by id). Each
 * method's SQL is snapshotted in queries/sign-in-links.repository.sql.
 */
@Injectable()
export class SignInLinksRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Records the request — and does nothing else, so the call costs the same whether or not the address is
   * registered (no account discovery by timing): one statement, reading only `sign_in_requests`, writing one
   * row of it. Whether it is within the throttles (the address or the client asked too often in the last 15
   * minutes) is decided from those counts alone and kept with it; `dispatchRequests` does the rest.
   * Returns how often the client asked (for its throttle).
   */
  @GenerateSql({ params: [{ email: DummyValue.STRING, eventSlug: DummyValue.STRING, client: DummyValue.STRING, perEmail: 0, perClient: 0 }] })
  async request(command: SignInRequestCommand): Promise<{ byClient: number }> {
    const [row] = await this.dataSource.query(
      `WITH recent AS (
         SELECT count(*) FILTER (WHERE email = $1)::int AS by_email, count(*) FILTER (WHERE client = $3)::int AS by_client
           FROM sign_in_requests
          WHERE requested_at > now() - interval '15 minutes' AND (email = $1 OR client = $3)),
       recorded AS (
         INSERT INTO sign_in_requests (email, event_slug, client, allowed)
         SELECT $1, $2, $3, r.by_email < $4 AND r.by_client < $5 FROM recent r
         RETURNING 1)
       SELECT r.by_client, (SELECT count(*) FROM recorded)::int AS recorded FROM recent r`,
      [command.email, command.eventSlug, command.client, command.perEmail, command.perClient],
    );
    return { byClient: row.by_client };
  }

  /**
   * Turns up to `limit` allowed, unhandled requests into sign-in links for the registered, unerased attendees
   * they name, and marks them all handled (with the attendee when there was one). Several lanes and processes
   * may run it at once: each takes the requests no other holds (SKIP LOCKED). An attendee being erased or
   * removed (their row held FOR UPDATE) is skipped, not waited for: the erasure may be waiting for these very
   * requests to delete them. Returns how many requests it handled.
   */
  @GenerateSql({ params: [DummyValue.NUMBER], transaction: true })
  async dispatchRequests(limit: number, lane: Lane): Promise<{ handled: number; queued: number }> {
    const [row] = await lane.query<{ handled: number; queued: number }>(
      `WITH pending AS (
         SELECT id, email, event_slug FROM sign_in_requests
          WHERE handled_at IS NULL AND allowed
          ORDER BY id
          LIMIT $1
            FOR UPDATE SKIP LOCKED),
       target AS (
         SELECT p.id AS request_id, a.id AS attendee_id, a.event_id, a.email
           FROM pending p
           JOIN events e ON e.slug = p.event_slug
           JOIN attendees a ON a.event_id = e.id AND a.email = p.email AND a.erased_at IS NULL
            FOR KEY SHARE OF a SKIP LOCKED),
       queued AS (
         INSERT INTO mail_outbox (event_id, attendee_id, kind, to_address)
         SELECT event_id, attendee_id, 'SIGN_IN_LINK', email FROM target
         RETURNING 1),
       handled AS (
         UPDATE sign_in_requests r SET handled_at = now(), attendee_id = t.attendee_id
           FROM pending p LEFT JOIN target t ON t.request_id = p.id
          WHERE r.id = p.id
          RETURNING 1)
       SELECT (SELECT count(*) FROM handled)::int AS handled, (SELECT count(*) FROM queued)::int AS queued`,
      [limit],
    );
    return row!;
  }

  /** Requests older than a day count for nothing any more. */
  @GenerateSql()
  async forgetOldRequests(): Promise<void> {
    await this.dataSource.query(`DELETE FROM sign_in_requests WHERE requested_at < now() - interval '1 day'`);
  }

  /** The link's hash; a retry of the same message keeps the same token and renews an unused link's expiry. */
  @GenerateSql({ params: [{ id: DummyValue.UUID, attendeeId: DummyValue.OTHER_UUID }, DummyValue.STRING, DummyValue.DATE], transaction: true })
  async saveLink(message: Pick<ClaimedMessage, 'id' | 'attendeeId'>, tokenHash: string, expiresAt: Date, lane: Lane): Promise<void> {
    await lane.query(
      `INSERT INTO sign_in_links (outbox_id, token_hash, attendee_id, expires_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (outbox_id) DO UPDATE SET expires_at = EXCLUDED.expires_at WHERE sign_in_links.used_at IS NULL`,
      [message.id, tokenHash, message.attendeeId, expiresAt],
    );
  }

  /** Spends the link (once: the UPDATE that checks it marks it used); the attendee it signs in, if it was valid. */
  @GenerateSql({ params: [DummyValue.STRING] })
  async spend(tokenHash: string): Promise<{ attendeeId: string } | undefined> {
    const [spent] = await this.dataSource.query(
      `WITH spent AS (
         UPDATE sign_in_links l SET used_at = now()
           FROM attendees a
          WHERE l.token_hash = $1 AND l.used_at IS NULL AND l.expires_at > now() AND a.id = l.attendee_id AND a.erased_at IS NULL
          RETURNING l.attendee_id, a.event_id)
       SELECT * FROM spent`,
      [tokenHash],
    );
    return spent && { attendeeId: spent.attendee_id };
  }

  /** What is wrong with a link `spend` refused; undefined when there is no such link. */
  @GenerateSql({ params: [DummyValue.STRING] })
  async refusal(tokenHash: string): Promise<RefusedLink | undefined> {
    const [link] = await this.dataSource.query(
      `SELECT l.used_at IS NOT NULL AS used, l.expires_at <= now() AS expired, a.erased_at IS NOT NULL AS erased
         FROM sign_in_links l JOIN attendees a ON a.id = l.attendee_id WHERE l.token_hash = $1`,
      [tokenHash],
    );
    return link;
  }

  /** Erasure: the person's links, and the requests the sender matched to them (by id) or made with their address. */
  @GenerateSql({ params: [DummyValue.UUID, DummyValue.STRING], transaction: true })
  async forgetAttendee(attendeeId: string, email: string, manager: EntityManager): Promise<void> {
    await manager.query(`DELETE FROM sign_in_links WHERE attendee_id = $1`, [attendeeId]);
    await manager.query(`DELETE FROM sign_in_requests WHERE attendee_id = $1 OR email = $2`, [attendeeId, email]);
  }

  /** Removal: the requests made with the address (those matched to the attendee go with their row, by foreign key). */
  @GenerateSql({ params: [DummyValue.STRING], transaction: true })
  async forgetRequestsFrom(email: string, manager: EntityManager): Promise<void> {
    await manager.query(`DELETE FROM sign_in_requests WHERE email = $1`, [email]);
  }
}
