import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { decodeCursor, isCursorId, pageOf, type KeyedPage } from '../common/paging';
import { DummyValue, GenerateSql } from '../database/generate-sql';
import type { Lane } from './lane';
import type { MailKind, MailPayload, MailStatus } from './mail.entities';
import { SLOT_TAKEN_BY_SOMEONE_ELSE, type ClaimedMessage, type ComposedMessage } from './message-composer';

/** Statuses a message can end in; QUEUED is the only one a sender picks up. */
export const FINAL_STATUSES: readonly MailStatus[] = ['SENT', 'FAILED', 'BOUNCED', 'CANCELLED', 'HELD'];

export interface OutboxRow {
  id: string;
  event_id: string;
  attendee_id: string;
  kind: MailKind;
  run_id: string | null;
  to_address: string;
  status: MailStatus;
  send_after: Date;
  attempts: number;
  message_id: string | null;
  subject: string | null;
  body_text: string | null;
  body_html: string | null;
  error: string | null;
  sent_at: Date | null;
  created_at: Date;
  /** created_at as PostgreSQL writes it, microseconds included (a JavaScript Date would drop them). */
  created_key: string;
}

export interface InvitationFilterValues {
  present?: boolean | null;
  attendeeIds?: string[] | null;
}

/** The marks (`mail_schedules`) of what the scheduler queued: a prefix, then the round's or talk's id. */
const SCHEDULE_KEY_PREFIX = { roundReminders: 'round-reminders:', roundNotices: 'round-notices:', slotReminders: 'slot-reminders:' } as const;

export const scheduleKey = (kind: keyof typeof SCHEDULE_KEY_PREFIX, id: string): string => `${SCHEDULE_KEY_PREFIX[kind]}${id}`;

/**
 * Every statement on `mail_outbox` (and on the marks of what the scheduler queued, `mail_schedules`, and the
 * senders' pacing, `mail_pacing`): claiming and recording a send, queueing, erasing by id, reading. Each
 * method's SQL is snapshotted in queries/outbox.repository.sql.
 */
@Injectable()
export class OutboxRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  // ---- sending (on a lane's own connection, inside its transaction) ----

  /**
   * The most urgent due message no other lane holds, locked until the lane's transaction ends: sign-in links
   * first (someone is waiting for theirs, and it lives 15 minutes), then reminders and notices (each is due at
   * a time), then invitations — each class oldest first. Without this, a link or a reminder asked for during
   * a run of 10,000 invitations at 10 a second would wait 17 minutes behind them.
   *
   * One index range per class (ix_mail_outbox_due on the same expression), tried in order; the first row
   * found ends the statement.
   */
  @GenerateSql({ transaction: true })
  async claimDue(lane: Lane): Promise<ClaimedMessage | undefined> {
    const [row] = await lane.query<{ id: string; kind: MailKind; event_id: string; attendee_id: string; payload: MailPayload; attempts: number }>(
      `SELECT m.id, m.kind, m.event_id, m.attendee_id, m.payload, m.attempts
         FROM (VALUES (0), (1), (2)) AS class(priority)
        CROSS JOIN LATERAL (
          SELECT id, kind, event_id, attendee_id, payload, attempts FROM mail_outbox
           WHERE status = 'QUEUED' AND ${CLAIM_PRIORITY} = class.priority AND send_after <= now()
           ORDER BY send_after
           LIMIT 1
             FOR UPDATE SKIP LOCKED) m
        ORDER BY class.priority
        LIMIT 1`,
    );
    return row && { id: row.id, kind: row.kind, eventId: row.event_id, attendeeId: row.attendee_id, payload: row.payload, attempts: row.attempts };
  }

  @GenerateSql({
    params: [DummyValue.UUID, DummyValue.STRING, { to: DummyValue.STRING, subject: DummyValue.STRING, storedText: DummyValue.STRING, storedHtml: DummyValue.STRING, mentionedIds: [] }, 'SENT', null],
    transaction: true,
  })
  async recordRendered(id: string, messageId: string, message: Pick<ComposedMessage, 'to' | 'subject' | 'storedText' | 'storedHtml' | 'mentionedIds'>, status: 'SENT' | 'HELD', note: string | null, lane: Lane): Promise<void> {
    await lane.query(
      `UPDATE mail_outbox SET status = $2, message_id = $3, to_address = $4, subject = $5, body_text = $6, body_html = $7,
              mentioned_ids = $8::uuid[], error = $9, sent_at = CASE WHEN $2 = 'SENT' THEN clock_timestamp() END, updated_at = clock_timestamp()
        WHERE id = $1`,
      [id, status, messageId, message.to, message.subject, message.storedText, message.storedHtml, message.mentionedIds, note],
    );
  }

  @GenerateSql({ params: [DummyValue.UUID, 'FAILED', DummyValue.STRING], transaction: true })
  async finish(id: string, status: 'CANCELLED' | 'FAILED' | 'BOUNCED', error: string, lane: Lane): Promise<void> {
    await lane.query(
      `UPDATE mail_outbox SET status = $2, error = $3, sent_at = NULL, attempts = attempts + CASE WHEN $2 = 'CANCELLED' THEN 0 ELSE 1 END,
              updated_at = clock_timestamp()
        WHERE id = $1`,
      [id, status, error],
    );
  }

  @GenerateSql({ params: [DummyValue.UUID, DummyValue.STRING, 30_000], transaction: true })
  async retryLater(id: string, error: string, delayMs: number, lane: Lane): Promise<void> {
    await lane.query(
      `UPDATE mail_outbox SET status = 'QUEUED', error = $2, sent_at = NULL, attempts = attempts + 1,
              send_after = clock_timestamp() + make_interval(secs => $3), updated_at = clock_timestamp()
        WHERE id = $1`,
      [id, error, delayMs / 1000],
    );
  }

  /**
   * The next sending slot of all processes together (1 / rate seconds apart), as a wait in milliseconds.
   * Its own statement on the pool, so the pacing row is locked for a moment, never during a send.
   */
  @GenerateSql({ params: [DummyValue.NUMBER] })
  async reserveSlot(ratePerSecond: number): Promise<number> {
    const [row] = await this.dataSource.query(
      `WITH slot AS (
         UPDATE mail_pacing SET next_slot = greatest(next_slot, clock_timestamp()) + make_interval(secs => $1)
          WHERE id = 1
          RETURNING next_slot - make_interval(secs => $1) AS at)
       SELECT greatest(0, extract(epoch FROM (at - clock_timestamp())) * 1000)::float8 AS wait_ms FROM slot`,
      [1 / ratePerSecond],
    );
    return Number(row?.wait_ms ?? 0);
  }

  // ---- queueing ----
  // Every statement that queues a message reads the recipients `FOR KEY SHARE`: an erasure or removal in
  // progress holds the attendee `FOR UPDATE`, so the statement waits for it and then sees them erased or gone
  // (PostgreSQL re-checks the WHERE on the row it waited for) — no message is queued with an address the
  // erasure already went past. Profile edits take a weaker lock and are not waited for.

  /**
   * One INSERT … SELECT for the whole event, whatever its size. Without `resend`, an attendee who already has
   * an invitation (sent or not) gets none; `dedupe_key` makes two runs at once queue one each at most.
   *
   * Who was invited before is read once, into a hashed set (`invited`), not probed per attendee: on an outbox
   * whose statistics say it is empty (an event's first run) PostgreSQL probes with a sequential scan, and in an
   * INSERT that scan walks the pages the statement itself is filling — quadratic (10,000 invitations: 1.5 M
   * page visits, 1.8 s, against 0.5 s this way; docs/benchmarks.md).
   */
  @GenerateSql({ params: [{ eventId: DummyValue.UUID, runId: DummyValue.OTHER_UUID, resend: false, filter: {} }], transaction: true })
  async queueInvitations(command: { eventId: string; runId: string; resend: boolean; filter: InvitationFilterValues }, manager: EntityManager): Promise<{ matched: number; queued: number }> {
    const [row] = await manager.query(
      `WITH matched AS (
         SELECT a.id, a.email, a.mail_opt_out_at IS NOT NULL AS opted_out FROM attendees a
          WHERE a.event_id = $1::uuid AND a.erased_at IS NULL
            AND ($4::boolean IS NULL OR a.present = $4)
            AND ($5::uuid[] IS NULL OR a.id = ANY($5::uuid[]))
            FOR KEY SHARE),
       ${INVITED_BEFORE},
       queued AS (
         INSERT INTO mail_outbox (event_id, attendee_id, kind, dedupe_key, run_id, to_address)
         SELECT $1::uuid, m.id, 'INVITATION', CASE WHEN $3::boolean THEN 'invitation:' || m.id || ':' || $2::text ELSE 'invitation:' || m.id END, $2::uuid, m.email
           FROM matched m
          WHERE NOT m.opted_out
            AND ($3::boolean OR m.id NOT IN (SELECT attendee_id FROM invited))
         ON CONFLICT (dedupe_key) DO NOTHING
         RETURNING 1)
       SELECT (SELECT count(*) FROM matched)::int AS matched, (SELECT count(*) FROM queued)::int AS queued`,
      [command.eventId, command.runId, command.resend, command.filter.present ?? null, command.filter.attendeeIds ?? null],
    );
    return { matched: row.matched, queued: row.queued };
  }

  /** Who a run would invite, without queueing anything (the CLI's --dry-run). */
  @GenerateSql({ params: [DummyValue.UUID, false, {}] })
  async previewInvitations(eventId: string, resend: boolean, filter: InvitationFilterValues): Promise<{ matched: number; wouldQueue: number; alreadyInvited: number; optedOut: number }> {
    const [row] = await this.dataSource.query(
      `WITH ${INVITED_BEFORE},
       matched AS (
         SELECT a.id, a.mail_opt_out_at IS NOT NULL AS opted_out, a.id IN (SELECT attendee_id FROM invited) AS invited
           FROM attendees a
          WHERE a.event_id = $1 AND a.erased_at IS NULL
            AND ($3::boolean IS NULL OR a.present = $3)
            AND ($4::uuid[] IS NULL OR a.id = ANY($4::uuid[])))
       SELECT count(*)::int AS matched,
              count(*) FILTER (WHERE NOT opted_out AND ($2::boolean OR NOT invited))::int AS would_queue,
              count(*) FILTER (WHERE NOT opted_out AND invited AND NOT $2::boolean)::int AS already_invited,
              count(*) FILTER (WHERE opted_out)::int AS opted_out
         FROM matched`,
      [eventId, resend, filter.present ?? null, filter.attendeeIds ?? null],
    );
    return { matched: row.matched, wouldQueue: row.would_queue, alreadyInvited: row.already_invited, optedOut: row.opted_out };
  }

  // ---- reminders and notices (any process may run these at once: dedupe keys and marks keep them single) ----

  /** Published rounds still to come, whose meeting reminders fall due within the horizon and were not queued yet. */
  @GenerateSql({ params: [600, 3_600] })
  async roundsDueForReminders(leadSeconds: number, horizonSeconds: number): Promise<string[]> {
    const rounds: { id: string }[] = await this.dataSource.query(
      `SELECT r.id FROM rounds r
        WHERE r.status = 'PUBLISHED' AND r.starts_at > now() AND r.starts_at <= now() + make_interval(secs => $1::float8 + $2::float8)
          AND NOT EXISTS (SELECT 1 FROM mail_schedules s WHERE s.key = '${SCHEDULE_KEY_PREFIX.roundReminders}' || r.id)`,
      [leadSeconds, horizonSeconds],
    );
    return rounds.map((round) => round.id);
  }

  /** Published rounds still to come whose sit-out notices were not queued yet. */
  @GenerateSql()
  async roundsDueForNotices(): Promise<string[]> {
    const rounds: { id: string }[] = await this.dataSource.query(
      `SELECT r.id FROM rounds r
        WHERE r.status = 'PUBLISHED' AND r.starts_at > now()
          AND NOT EXISTS (SELECT 1 FROM mail_schedules s WHERE s.key = '${SCHEDULE_KEY_PREFIX.roundNotices}' || r.id)`,
    );
    return rounds.map((round) => round.id);
  }

  /** Talks with published slots still to come, whose reminders fall due within the horizon and were not queued yet. */
  @GenerateSql({ params: [600, 3_600] })
  async talksDueForSlotReminders(leadSeconds: number, horizonSeconds: number): Promise<string[]> {
    const talks: { id: string }[] = await this.dataSource.query(
      `SELECT t.id FROM talks t
        WHERE t.allocation_status = 'PUBLISHED'
          AND t.starts_at + make_interval(mins => t.duration_minutes) <= now() + make_interval(secs => $1::float8 + $2::float8)
          AND t.starts_at + make_interval(mins => t.duration_minutes + t.slot_count * t.slot_minutes) > now()
          AND NOT EXISTS (SELECT 1 FROM mail_schedules s WHERE s.key = '${SCHEDULE_KEY_PREFIX.slotReminders}' || t.id)`,
      [leadSeconds, horizonSeconds],
    );
    return talks.map((talk) => talk.id);
  }

  /** Records the mark `key` (scheduleKey); false when another process recorded it first. */
  @GenerateSql({ params: [DummyValue.STRING], transaction: true })
  async markScheduled(key: string, manager: EntityManager): Promise<boolean> {
    const [claimed] = await manager.query(`INSERT INTO mail_schedules (key) VALUES ($1) ON CONFLICT (key) DO NOTHING RETURNING 1`, [key]);
    return Boolean(claimed);
  }

  /** A reminder per participant of the round's scheduled meetings. Returns how many were queued. */
  @GenerateSql({ params: [DummyValue.UUID, 600], transaction: true })
  async queueMeetingReminders(roundId: string, leadSeconds: number, manager: EntityManager): Promise<number> {
    const queued: unknown[] = await manager.query(
      `${MEETING_REMINDERS} WHERE m.round_id = $1 ${MEETING_REMINDERS_AFTER_WHERE} ON CONFLICT (dedupe_key) DO NOTHING RETURNING 1`,
      [roundId, leadSeconds],
    );
    return queued.length;
  }

  /** A notice to each attendee the round leaves out for a reason they are told. Returns how many were queued. */
  @GenerateSql({ params: [DummyValue.UUID], transaction: true })
  async queueSitOutNotices(roundId: string, manager: EntityManager): Promise<number> {
    const queued: unknown[] = await manager.query(
      `INSERT INTO mail_outbox (event_id, attendee_id, kind, dedupe_key, payload, to_address)
       SELECT r.event_id, a.id, 'SIT_OUT_NOTICE', 'sit-out:' || r.id || ':' || a.id,
              jsonb_build_object('roundId', r.id, 'reason', left_out->>'reason'), a.email
         FROM rounds r
         CROSS JOIN LATERAL jsonb_array_elements(coalesce(r.stats->'leftOut', '[]'::jsonb)) left_out
         JOIN attendees a ON a.id::text = left_out->>'attendeeId' AND a.event_id = r.event_id
        WHERE r.id = $1 AND left_out->>'reason' IN ('ODD_COUNT', 'NO_COMPATIBLE_PARTNER', 'NO_COMPATIBLE_TABLE', 'NOT_PRESENT', 'BUSY', 'UNAVAILABLE')
          AND a.erased_at IS NULL AND a.mail_opt_out_at IS NULL
          FOR KEY SHARE OF a
       ON CONFLICT (dedupe_key) DO NOTHING
       RETURNING 1`,
      [roundId],
    );
    return queued.length;
  }

  /** A reminder for the speaker and the attendee of each of the talk's granted slots still to come. Returns how many were queued. */
  @GenerateSql({ params: [DummyValue.UUID, 600], transaction: true })
  async queueSlotReminders(talkId: string, leadSeconds: number, manager: EntityManager): Promise<number> {
    // The talk's row, shared: a slot changing hands (which holds it FOR UPDATE and clears this mark,
    // see slotsChanged) either committed before, and is read here, or waits until this mark is
    // committed, and then clears it for the next tick.
    await manager.query(`SELECT 1 FROM talks WHERE id = $1 FOR SHARE`, [talkId]);
    // A holder's reminder is one per slot (its dedupe key): one already sent is never sent again, even to someone
    // promoted back to the slot they had held; one cancelled at sending because the slot had gone to someone else
    // (SLOT_TAKEN_BY_SOMEONE_ELSE) is queued again when the slot is theirs again, else they would never be reminded.
    const queued: unknown[] = await manager.query(
      `${SLOT_REMINDERS} WHERE t.id = $1 ${SLOT_REMINDERS_AFTER_WHERE}
       ON CONFLICT (dedupe_key) DO UPDATE SET status = 'QUEUED', error = NULL, attempts = 0, to_address = EXCLUDED.to_address,
                                              send_after = EXCLUDED.send_after, updated_at = now()
        WHERE mail_outbox.status = 'CANCELLED' AND mail_outbox.error = $3
       RETURNING 1`,
      [talkId, leadSeconds, SLOT_TAKEN_BY_SOMEONE_ELSE],
    );
    return queued.length;
  }

  /**
   * In the transaction that gives a published talk's slot to someone else (holding the talk FOR UPDATE):
   * the talk's reminders are to be scheduled again, so the next tick of any process queues the new
   * holder's (the dedupe keys keep everyone else's single; the old holder's is cancelled at sending, the
   * slot being no longer theirs).
   */
  @GenerateSql({ params: [DummyValue.UUID], transaction: true })
  async slotsChanged(talkId: string, manager: EntityManager): Promise<void> {
    await manager.query(`DELETE FROM mail_schedules WHERE key = $1`, [scheduleKey('slotReminders', talkId)]);
  }

  /**
   * In the transaction that asks (MEETING_REQUEST, to the recipient) or answers (MEETING_REQUEST_ANSWER, to the
   * requester) a meeting request: one message to `attendeeId`, unless they unsubscribed from mail or were
   * erased. Once per request and kind (`dedupe_key`).
   */
  @GenerateSql({ params: ['MEETING_REQUEST', DummyValue.UUID, DummyValue.OTHER_UUID], transaction: true })
  async queueMeetingRequestMail(kind: 'MEETING_REQUEST' | 'MEETING_REQUEST_ANSWER', requestId: string, attendeeId: string, manager: EntityManager): Promise<void> {
    await manager.query(
      `INSERT INTO mail_outbox (event_id, attendee_id, kind, dedupe_key, payload, to_address)
       SELECT a.event_id, a.id, $2, $3, jsonb_build_object('meetingRequestId', $4::text), a.email
         FROM attendees a
        WHERE a.id = $1 AND a.erased_at IS NULL AND a.mail_opt_out_at IS NULL
       ON CONFLICT (dedupe_key) DO NOTHING`,
      [attendeeId, kind, `${kind === 'MEETING_REQUEST' ? 'meeting-request' : 'meeting-request-answer'}:${requestId}`, requestId],
    );
  }

  /**
   * In the transaction that gives an accepted request a slot of its own: one message to each of its two people
   * (when, where, with whom), unless they unsubscribed from mail or were erased. Once per request and person.
   */
  @GenerateSql({ params: [DummyValue.UUID, [DummyValue.OTHER_UUID]], transaction: true })
  async queueRequestSlotMail(requestId: string, attendeeIds: readonly string[], manager: EntityManager): Promise<void> {
    await manager.query(
      `INSERT INTO mail_outbox (event_id, attendee_id, kind, dedupe_key, payload, to_address)
       SELECT a.event_id, a.id, 'MEETING_REQUEST_SLOT', 'meeting-request-slot:' || $2 || ':' || a.id, jsonb_build_object('meetingRequestId', $2::text), a.email
         FROM attendees a
        WHERE a.id = ANY($1::uuid[]) AND a.erased_at IS NULL AND a.mail_opt_out_at IS NULL
       ON CONFLICT (dedupe_key) DO NOTHING`,
      [attendeeIds, requestId],
    );
  }

  /**
   * For an attendee who resumes mail: the reminders of their meetings and office-hour slots still to come —
   * those the scheduler left out while they were unsubscribed, and those cancelled at sending for that reason
   * (same dedupe key: revived, never doubled) — are queued. Returns how many.
   */
  @GenerateSql({ params: [DummyValue.UUID, 600], transaction: true })
  async queueUpcomingRemindersOf(attendeeId: string, leadSeconds: number, manager: EntityManager): Promise<number> {
    const revive = `ON CONFLICT (dedupe_key) DO UPDATE SET status = 'QUEUED', error = NULL, attempts = 0, to_address = EXCLUDED.to_address,
                           send_after = EXCLUDED.send_after, updated_at = now()
                     WHERE mail_outbox.status = 'CANCELLED'
                    RETURNING 1`;
    const meetings = await manager.query(
      `${MEETING_REMINDERS}
        WHERE p.attendee_id = $1 AND m.starts_at > now()
          AND EXISTS (SELECT 1 FROM rounds r WHERE r.id = m.round_id AND r.status = 'PUBLISHED')
          ${MEETING_REMINDERS_AFTER_WHERE} ${revive}`,
      [attendeeId, leadSeconds],
    );
    const slots = await manager.query(
      `${SLOT_REMINDERS} WHERE who.attendee_id = $1 AND t.allocation_status = 'PUBLISHED' ${SLOT_REMINDERS_AFTER_WHERE} ${revive}`,
      [attendeeId, leadSeconds],
    );
    return meetings.length + slots.length;
  }

  // ---- erasure (by id; the caller holds the attendee's row FOR UPDATE, see mail-erasure.ts) ----

  /** Their own messages keep their status (for the counts) but lose the address and every text; any still waiting is cancelled. */
  @GenerateSql({ params: [DummyValue.UUID, DummyValue.STRING], transaction: true })
  async eraseRecipient(attendeeId: string, erasedAddress: string, manager: EntityManager): Promise<void> {
    await manager.query(
      `UPDATE mail_outbox SET to_address = $2, subject = NULL, body_text = NULL, body_html = NULL, mentioned_ids = '{}',
              error = CASE WHEN status = 'QUEUED' THEN 'The attendee was erased' END,
              status = CASE WHEN status = 'QUEUED' THEN 'CANCELLED' ELSE status END, updated_at = now()
        WHERE attendee_id = $1`,
      [attendeeId, erasedAddress],
    );
  }

  /** Messages to others that name them (`mentioned_ids`, written when a message is rendered) lose their subject and text. */
  @GenerateSql({ params: [DummyValue.UUID], transaction: true })
  async forgetMentionsOf(attendeeId: string, manager: EntityManager): Promise<void> {
    await manager.query(
      `UPDATE mail_outbox SET subject = NULL, body_text = NULL, body_html = NULL, mentioned_ids = array_remove(mentioned_ids, $1::uuid), updated_at = now()
        WHERE mentioned_ids @> ARRAY[$1::uuid]`,
      [attendeeId],
    );
  }

  // ---- reading ----

  /** Newest first, keyset-paginated: the cursor is a row's `(created_at, id)`, the timestamp as PostgreSQL wrote it (microseconds kept). */
  @GenerateSql({ params: [DummyValue.UUID, 20, undefined] })
  async page(eventId: string, first: number, after: string | undefined): Promise<KeyedPage<OutboxRow> & { totalCount: number }> {
    const cursor = after ? decodeCursor(after, readOutboxPosition) : undefined;
    const rows: OutboxRow[] = await this.dataSource.query(
      `SELECT id, event_id, attendee_id, kind, run_id, to_address, status, send_after, attempts, message_id, subject, body_text, body_html, error, sent_at, created_at, created_at::text AS created_key
         FROM mail_outbox
        WHERE event_id = $1 AND ($2::timestamptz IS NULL OR (created_at, id) < ($2::timestamptz, $3::uuid))
        ORDER BY created_at DESC, id DESC
        LIMIT $4`,
      [eventId, cursor?.createdAt ?? null, cursor?.id ?? null, first + 1],
    );
    const [{ count }] = await this.dataSource.query(`SELECT count(*)::int AS count FROM mail_outbox WHERE event_id = $1`, [eventId]);
    return { ...pageOf(rows, first), keyOf: (row) => [row.created_key, row.id], totalCount: count };
  }

  /** How many of a run's messages are in each status. */
  @GenerateSql({ params: [DummyValue.UUID] })
  async runCounts(runId: string): Promise<Partial<Record<MailStatus, number>>> {
    const rows: { status: MailStatus; count: number }[] = await this.dataSource.query(
      `SELECT status, count(*)::int AS count FROM mail_outbox WHERE run_id = $1 GROUP BY status`,
      [runId],
    );
    return Object.fromEntries(rows.map((row) => [row.status, row.count]));
  }
}

/** How urgent a message is (0 first), as ix_mail_outbox_due indexes it (migration MailClaimPriority: keep the two the same). */
const CLAIM_PRIORITY = `(CASE kind WHEN 'SIGN_IN_LINK' THEN 0 WHEN 'INVITATION' THEN 2 ELSE 1 END)`;

/** The event's ($1) attendees who have an invitation, whatever its status: a CTE read once (see queueInvitations). */
const INVITED_BEFORE = `invited AS MATERIALIZED (
         SELECT DISTINCT o.attendee_id FROM mail_outbox o WHERE o.event_id = $1::uuid AND o.kind = 'INVITATION')`;

/**
 * A reminder per participant of the selected meetings ($2: the lead in seconds), for the scheduler (one
 * round) and for an attendee who resumes mail. Write: `${MEETING_REMINDERS} WHERE <filter>
 * ${MEETING_REMINDERS_AFTER_WHERE} ON CONFLICT …`.
 */
const MEETING_REMINDERS = `INSERT INTO mail_outbox (event_id, attendee_id, kind, dedupe_key, payload, to_address, send_after)
  SELECT m.event_id, p.attendee_id, 'MEETING_REMINDER', 'meeting-reminder:' || m.id || ':' || p.attendee_id,
         jsonb_build_object('meetingId', m.id, 'roundId', m.round_id), a.email, m.starts_at - make_interval(secs => $2)
    FROM meetings m
    JOIN meeting_participants p ON p.meeting_id = m.id
    JOIN attendees a ON a.id = p.attendee_id`;
const MEETING_REMINDERS_AFTER_WHERE = `AND m.status = 'SCHEDULED' AND a.erased_at IS NULL AND a.mail_opt_out_at IS NULL
     FOR KEY SHARE OF a`;

/** A reminder for the speaker and the attendee of each granted office-hour slot still to come (as above). */
const SLOT_REMINDERS = `INSERT INTO mail_outbox (event_id, attendee_id, kind, dedupe_key, payload, to_address, send_after)
  SELECT t.event_id, who.attendee_id, 'SLOT_REMINDER', 'slot-reminder:' || t.id || ':' || r.slot_index || ':' || who.attendee_id,
         jsonb_build_object('talkId', t.id, 'slotIndex', r.slot_index), a.email,
         t.starts_at + make_interval(mins => t.duration_minutes + r.slot_index * t.slot_minutes) - make_interval(secs => $2)
    FROM talks t
    JOIN slot_requests r ON r.talk_id = t.id AND r.slot_index IS NOT NULL
    CROSS JOIN LATERAL (VALUES (r.attendee_id), (t.speaker_id)) AS who(attendee_id)
    JOIN attendees a ON a.id = who.attendee_id`;
const SLOT_REMINDERS_AFTER_WHERE = `AND a.erased_at IS NULL AND a.mail_opt_out_at IS NULL
     AND t.starts_at + make_interval(mins => t.duration_minutes + r.slot_index * t.slot_minutes) > now()
     FOR KEY SHARE OF a`;

const TIMESTAMP = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d{1,6})?[+-]\d{2}(:\d{2})?$/;

function readOutboxPosition([createdAt, id, ...rest]: readonly unknown[]): { createdAt: string; id: string } | undefined {
  return typeof createdAt === 'string' && TIMESTAMP.test(createdAt) && isCursorId(id) && !rest.length ? { createdAt, id } : undefined;
}
