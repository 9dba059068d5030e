import { Check, Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { CreatedAt, IdColumn, References } from '../database/columns';
import { AttendeeEntity } from '../attendees/attendee.entity';
import { EventEntity } from '../events/event.entity';
import { MeetingEntity } from '../rounds/meeting.entity';
import { RoundEntity } from '../rounds/round.entity';

/**
 * What a request's row says. PENDING → ACCEPTED | DECLINED | CANCELLED; ACCEPTED → FULFILLED (seated together in a
 * published round) | CANCELLED. A PENDING or ACCEPTED request whose `expires_at` has passed reads as EXPIRED
 * (meeting-requests.repository.ts, STATUS_SQL) without being written; it is written EXPIRED only when the same
 * person asks the same person again, so the new request is the one pending (uq_meeting_requests_pending).
 */
export const STORED_REQUEST_STATUSES = ['PENDING', 'ACCEPTED', 'DECLINED', 'CANCELLED', 'FULFILLED', 'EXPIRED'] as const;
export type StoredRequestStatus = (typeof STORED_REQUEST_STATUSES)[number];

/** The longest message a request may carry, in characters. */
export const MEETING_REQUEST_MESSAGE_MAX = 280;

/** "I would like to meet you": an attendee asks another of the same event; the other accepts or declines. */
@Entity('meeting_requests')
@Check('ck_meeting_requests_not_self', 'requester_id <> recipient_id')
@Check('ck_meeting_requests_status', `status IN ('PENDING', 'ACCEPTED', 'DECLINED', 'CANCELLED', 'FULFILLED', 'EXPIRED')`)
@Check('ck_meeting_requests_message', `char_length(message) <= ${MEETING_REQUEST_MESSAGE_MAX}`)
// Asking again while a request is pending finds that one (idempotent), even when two calls race.
@Index('uq_meeting_requests_pending', ['requesterId', 'recipientId'], { unique: true, where: `status = 'PENDING'` })
@Index('ix_meeting_requests_recipient', ['recipientId', 'createdAt'])
@Index('ix_meeting_requests_requester', ['requesterId', 'createdAt'])
@Index('ix_meeting_requests_event', ['eventId', 'status'])
// A slot of its own (events that allow it): a table is held once per start; both-or-none for the slot's three columns.
@Check('ck_meeting_requests_slot', '(slot_starts_at IS NULL) = (slot_ends_at IS NULL) AND (slot_starts_at IS NULL) = (slot_table IS NULL) AND (slot_ends_at IS NULL OR slot_ends_at > slot_starts_at)')
@Check('ck_meeting_requests_slot_outcome', `slot_outcome IS NULL OR slot_outcome IN ('NO_COMMON_FREE_TIME')`)
@Index('uq_meeting_requests_slot', ['eventId', 'slotTable', 'slotStartsAt'], { unique: true, where: `status = 'ACCEPTED' AND slot_starts_at IS NOT NULL` })
@Index('ix_meeting_requests_slot', ['eventId', 'slotStartsAt'], { where: 'slot_starts_at IS NOT NULL' })
// Its foreign keys carry the names its migration gave them (1796566000000-MeetingRequests), not TypeORM's.
export class MeetingRequestEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @IdColumn('event_id')
  eventId!: string;

  @References(() => EventEntity, 'event_id', { constraint: 'FK_meeting_requests_event' })
  event?: EventEntity;

  @IdColumn('requester_id')
  requesterId!: string;

  @References(() => AttendeeEntity, 'requester_id', { constraint: 'FK_meeting_requests_requester' })
  requester?: AttendeeEntity;

  @IdColumn('recipient_id')
  recipientId!: string;

  @References(() => AttendeeEntity, 'recipient_id', { constraint: 'FK_meeting_requests_recipient' })
  recipient?: AttendeeEntity;

  /** The requester's words to the recipient (private to the two of them). */
  @Column('text', { default: '' })
  message!: string;

  @Column('text', { default: 'PENDING' })
  status!: StoredRequestStatus;

  /** The end of the event's last day (its time zone) when asked: past it, an unanswered or unseated request has expired. */
  @Column('timestamptz', { name: 'expires_at' })
  expiresAt!: Date;

  @Column('timestamptz', { name: 'responded_at', nullable: true })
  respondedAt!: Date | null;

  @Column('timestamptz', { name: 'cancelled_at', nullable: true })
  cancelledAt!: Date | null;

  /** Who withdrew it (the requester, or the recipient after accepting). */
  @IdColumn('cancelled_by', { nullable: true })
  cancelledBy!: string | null;

  /** The published round and meeting that seated the two together. */
  @IdColumn('round_id', { nullable: true })
  roundId!: string | null;

  @References(() => RoundEntity, 'round_id', { onDelete: 'SET NULL', constraint: 'FK_meeting_requests_round' })
  round?: RoundEntity;

  @IdColumn('meeting_id', { nullable: true })
  meetingId!: string | null;

  @References(() => MeetingEntity, 'meeting_id', { onDelete: 'SET NULL', constraint: 'FK_meeting_requests_meeting' })
  meeting?: MeetingEntity;

  @Column('timestamptz', { name: 'fulfilled_at', nullable: true })
  fulfilledAt!: Date | null;

  /** Events that give accepted requests a slot of their own (MatchingSettings.requestSlots): when, and at which table. */
  @Column('timestamptz', { name: 'slot_starts_at', nullable: true })
  slotStartsAt!: Date | null;

  @Column('timestamptz', { name: 'slot_ends_at', nullable: true })
  slotEndsAt!: Date | null;

  @Column('text', { name: 'slot_table', nullable: true })
  slotTable!: string | null;

  /** Why an accepted request of such an event got no slot (it waits for the next round instead). */
  @Column('text', { name: 'slot_outcome', nullable: true })
  slotOutcome!: 'NO_COMMON_FREE_TIME' | null;

  @CreatedAt()
  createdAt!: Date;
}
