import { Check, Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { CreatedAt, IdColumn, References, UpdatedAt } from '../database/columns';
import { AttendeeEntity } from '../attendees/attendee.entity';
import { EventScopedEntity } from '../events/event-scoped.entity';

/** What a message is; each has its template (templates/) and, when it can go stale, its check before sending. */
export const MAIL_KINDS = ['INVITATION', 'SIGN_IN_LINK', 'MEETING_REMINDER', 'SLOT_REMINDER', 'SIT_OUT_NOTICE', 'MEETING_REQUEST', 'MEETING_REQUEST_ANSWER', 'MEETING_REQUEST_SLOT'] as const;
export type MailKind = (typeof MAIL_KINDS)[number];

/**
 * QUEUED → SENT | FAILED | BOUNCED | CANCELLED, or HELD when no SMTP server is configured (the message stays
 * in the outbox for staff to read). There is no "sending" state: a message being sent is a QUEUED row locked
 * by the transaction that sends it (see mail-sender.ts).
 */
export const MAIL_STATUSES = ['QUEUED', 'SENT', 'FAILED', 'BOUNCED', 'CANCELLED', 'HELD'] as const;
export type MailStatus = (typeof MAIL_STATUSES)[number];

/** References a message is rendered from at send time (ids only: names and times are read then). */
export interface MailPayload {
  meetingId?: string;
  roundId?: string;
  talkId?: string;
  slotIndex?: number;
  /** Why the attendee sits out (SIT_OUT_NOTICE): a LeftOutReason. */
  reason?: string;
  /** The meeting request asked (MEETING_REQUEST), answered (MEETING_REQUEST_ANSWER) or given a slot of its own (MEETING_REQUEST_SLOT). */
  meetingRequestId?: string;
}

/** One `sendInvitations` call: what it queued; its messages carry its id, so progress is counted from them. */
@Entity('invitation_runs')
@Index('ix_invitation_runs_event', ['eventId', 'createdAt'])
export class InvitationRunEntity extends EventScopedEntity {
  @Column('boolean', { default: false })
  resend!: boolean;

  /** Attendees who matched the filter. */
  @Column('int', { default: 0 })
  matched!: number;

  /** Messages this run queued (the others were invited before, or opted out of mail). */
  @Column('int', { default: 0 })
  queued!: number;

  @CreatedAt()
  createdAt!: Date;
}

/**
 * Every message, stored before it is sent. `dedupe_key` makes queueing idempotent across processes
 * (an invitation, a reminder per meeting and attendee…): a second INSERT of the same key does nothing.
 */
@Entity('mail_outbox')
@Check('ck_mail_outbox_kind', `kind IN ('INVITATION', 'SIGN_IN_LINK', 'MEETING_REMINDER', 'SLOT_REMINDER', 'SIT_OUT_NOTICE', 'MEETING_REQUEST', 'MEETING_REQUEST_ANSWER', 'MEETING_REQUEST_SLOT')`)
@Check('ck_mail_outbox_status', `status IN ('QUEUED', 'SENT', 'FAILED', 'BOUNCED', 'CANCELLED', 'HELD')`)
@Index('uq_mail_outbox_dedupe', ['dedupeKey'], { unique: true })
// On (priority, send_after) of queued messages, the priority an expression of the kind (see CLAIM_PRIORITY in
// outbox.repository.ts): written in the migration, as TypeORM cannot declare an expression index.
@Index('ix_mail_outbox_due', { synchronize: false })
@Index('ix_mail_outbox_event', ['eventId', 'createdAt', 'id'])
@Index('ix_mail_outbox_run', ['runId', 'status'])
@Index('ix_mail_outbox_attendee', ['attendeeId'])
@Index('ix_mail_outbox_mentioned', { synchronize: false })
export class MailOutboxEntity extends EventScopedEntity {
  @IdColumn('attendee_id')
  attendeeId!: string;

  @References(() => AttendeeEntity, 'attendee_id')
  attendee?: AttendeeEntity;

  @Column('text')
  kind!: MailKind;

  @Column('text', { name: 'dedupe_key', nullable: true })
  dedupeKey!: string | null;

  @IdColumn('run_id', { nullable: true })
  runId!: string | null;

  @References(() => InvitationRunEntity, 'run_id', { onDelete: 'SET NULL' })
  run?: InvitationRunEntity;

  @Column('jsonb', { default: () => `'{}'` })
  payload!: MailPayload;

  /** The recipient when queued; replaced by the attendee's address at the time of sending. */
  @Column('text', { name: 'to_address' })
  toAddress!: string;

  @Column('text', { default: 'QUEUED' })
  status!: MailStatus;

  @Column('timestamptz', { name: 'send_after', default: () => 'now()' })
  sendAfter!: Date;

  /** Failed tries (each one's answer in `error`); a try that died with its process leaves no trace and is made again. */
  @Column('int', { default: 0 })
  attempts!: number;

  /** `<row id@domain>`: the same on every try, so a repeated send is recognisable as the same message. */
  @Column('text', { name: 'message_id', nullable: true })
  messageId!: string | null;

  /** As rendered for the recipient, with the sign-in token left out (only its hash is kept, in sign_in_links). */
  @Column('text', { nullable: true })
  subject!: string | null;

  @Column('text', { name: 'body_text', nullable: true })
  bodyText!: string | null;

  @Column('text', { name: 'body_html', nullable: true })
  bodyHtml!: string | null;

  /** Other attendees the rendered text names (partners), so erasing one of them blanks it. */
  @Column('uuid', { name: 'mentioned_ids', array: true, default: () => `'{}'` })
  mentionedIds!: string[];

  /** The SMTP server's answer to a failed or bounced try, or why the message was cancelled or held. */
  @Column('text', { nullable: true })
  error!: string | null;

  @Column('timestamptz', { name: 'sent_at', nullable: true })
  sentAt!: Date | null;

  @CreatedAt()
  createdAt!: Date;

  @UpdatedAt()
  updatedAt!: Date;
}

/** A personal sign-in link: only the SHA-256 of its token is stored; one per message. */
@Entity('sign_in_links')
@Index('uq_sign_in_links_token', ['tokenHash'], { unique: true })
@Index('ix_sign_in_links_attendee', ['attendeeId'])
export class SignInLinkEntity {
  @PrimaryColumn('uuid', { name: 'outbox_id' })
  outboxId!: string;

  @References(() => MailOutboxEntity, 'outbox_id')
  message?: MailOutboxEntity;

  @Column('text', { name: 'token_hash' })
  tokenHash!: string;

  @IdColumn('attendee_id')
  attendeeId!: string;

  @References(() => AttendeeEntity, 'attendee_id')
  attendee?: AttendeeEntity;

  @Column('timestamptz', { name: 'expires_at' })
  expiresAt!: Date;

  @Column('timestamptz', { name: 'used_at', nullable: true })
  usedAt!: Date | null;

  @CreatedAt()
  createdAt!: Date;
}

/**
 * Every `requestSignInLink` call, registered address or not: the throttles count these (in all processes).
 * The call only records it — the same write whoever asks; the sender later looks the address up and queues
 * a link when it belongs to an attendee of the event (`handled_at`, and `attendee_id` when it did).
 */
@Entity('sign_in_requests')
@Index('ix_sign_in_requests_email', ['email', 'requestedAt'])
@Index('ix_sign_in_requests_client', ['client', 'requestedAt'])
@Index('ix_sign_in_requests_pending', ['id'], { where: 'handled_at IS NULL AND allowed' })
@Index('ix_sign_in_requests_attendee', ['attendeeId'])
export class SignInRequestEntity {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id!: string;

  @Column('text')
  email!: string;

  @Column('text', { name: 'event_slug', default: '' })
  eventSlug!: string;

  @Column('text')
  client!: string;

  /** Within both throttles when asked (decided from the counts alone, never from who is registered). */
  @Column('boolean', { default: false })
  allowed!: boolean;

  @Column('timestamptz', { name: 'handled_at', nullable: true })
  handledAt!: Date | null;

  /** The attendee the address belonged to when the sender looked, so erasure finds their requests by id. */
  @IdColumn('attendee_id', { nullable: true })
  attendeeId!: string | null;

  @References(() => AttendeeEntity, 'attendee_id')
  attendee?: AttendeeEntity;

  @Column('timestamptz', { name: 'requested_at', default: () => 'now()' })
  requestedAt!: Date;
}

/** One row: the next free sending slot, shared by every API process so PAIRWISE_MAIL_RATE holds for all of them. */
@Entity('mail_pacing')
@Check('ck_mail_pacing_single', 'id = 1')
export class MailPacingEntity {
  @PrimaryColumn('int')
  id!: number;

  @Column('timestamptz', { name: 'next_slot', default: () => 'now()' })
  nextSlot!: Date;
}

/**
 * Work the reminder scheduler has done, by key (`round-reminders:<round id>`, `round-notices:<round id>`,
 * `slot-reminders:<talk id>`), so each tick looks only at what is new, whichever process did it.
 */
@Entity('mail_schedules')
export class MailScheduleEntity {
  @PrimaryColumn('text')
  key!: string;

  @CreatedAt()
  createdAt!: Date;
}
