import type { RunWithProgress } from './invitations.service';
import { InvitationRun, MailKindValue, MailStatusValue, OutboxMessage } from './models/mail.models';
import type { OutboxRow } from './outbox.repository';

export function toOutboxMessage(row: OutboxRow): OutboxMessage {
  return {
    id: row.id,
    kind: row.kind as MailKindValue,
    attendeeId: row.attendee_id,
    to: row.to_address,
    status: row.status as MailStatusValue,
    subject: row.subject,
    text: row.body_text,
    html: row.body_html,
    attempts: row.attempts,
    error: row.error,
    messageId: row.message_id,
    runId: row.run_id,
    sendAfter: row.send_after,
    sentAt: row.sent_at,
    createdAt: row.created_at,
  };
}

export function toInvitationRun({ run, counts }: RunWithProgress): InvitationRun {
  const count = (status: keyof typeof counts) => counts[status] ?? 0;
  return {
    id: run.id,
    eventId: run.eventId,
    resend: run.resend,
    matched: run.matched,
    queued: run.queued,
    skipped: run.matched - run.queued,
    createdAt: run.createdAt,
    progress: {
      queued: count('QUEUED'),
      sent: count('SENT'),
      held: count('HELD'),
      failed: count('FAILED'),
      bounced: count('BOUNCED'),
      cancelled: count('CANCELLED'),
      done: count('QUEUED') === 0,
    },
  };
}
