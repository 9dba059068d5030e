import { Check, Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { CreatedAt, IdColumn, References } from '../database/columns';
import { AttendeeEntity } from '../attendees/attendee.entity';
import { EventScopedEntity } from '../events/event-scoped.entity';

export type SlotAllocationStatus = 'OPEN' | 'ALLOCATED' | 'PUBLISHED';

/** A talk of the programme, with the short 1:1 slots its speaker offers right after it. */
@Entity('talks')
@Check('ck_talks_slots', 'slot_count BETWEEN 0 AND 100 AND slot_minutes BETWEEN 3 AND 60')
@Check('ck_talks_allocation', `allocation_status IN ('OPEN', 'ALLOCATED', 'PUBLISHED')`)
@Index('ix_talks_event', ['eventId', 'startsAt'])
@Index('uq_talks_external_id', ['eventId', 'externalId'], { unique: true, where: '"external_id" IS NOT NULL' })
export class TalkEntity extends EventScopedEntity {
  @Column('text')
  title!: string;

  @IdColumn('speaker_id')
  speakerId!: string;

  @References(() => AttendeeEntity, 'speaker_id')
  speaker?: AttendeeEntity;

  @Column('timestamptz', { name: 'starts_at' })
  startsAt!: Date;

  @Column('int', { name: 'duration_minutes' })
  durationMinutes!: number;

  @Column('text', { array: true, default: () => "'{}'" })
  tags!: string[];

  @Column('int', { name: 'slot_count' })
  slotCount!: number;

  @Column('int', { name: 'slot_minutes' })
  slotMinutes!: number;

  /** Where the office hours happen (e.g. "Speaker corner"). */
  @Column('text', { nullable: true })
  location!: string | null;

  /** The room of the talk itself, as the agenda names it (e.g. "Room A"); null when not given. */
  @Column('text', { nullable: true })
  room!: string | null;

  /**
   * The session's id in the agenda it was imported from, prefixed by the source (`sessionize:160121`,
   * `csv:T-12`): importing the agenda again updates this talk. Null for talks created by hand.
   */
  @Column('text', { name: 'external_id', nullable: true })
  externalId!: string | null;

  @Column('text', { name: 'allocation_status', default: 'OPEN' })
  allocationStatus!: SlotAllocationStatus;

  @CreatedAt()
  createdAt!: Date;
}

/** An attendee's row about one talk (a slot request, a bookmark), keyed by both and deleted with either. */
export abstract class TalkAttendeeEntity {
  @PrimaryColumn('uuid', { name: 'talk_id' })
  talkId!: string;

  @PrimaryColumn('uuid', { name: 'attendee_id' })
  attendeeId!: string;

  @References(() => TalkEntity, 'talk_id')
  talk?: TalkEntity;

  @References(() => AttendeeEntity, 'attendee_id')
  attendee?: AttendeeEntity;
}

/** A request for a slot, and once allocated its outcome: a slot, or a place on the standby list. */
@Entity('slot_requests')
@Index('uq_slot_requests_slot', ['talkId', 'slotIndex'], { unique: true, where: '"slot_index" IS NOT NULL' })
@Index('ix_slot_requests_attendee', ['attendeeId'])
export class SlotRequestEntity extends TalkAttendeeEntity {
  @Column('text')
  question!: string;

  /** 0-based slot after allocation; null while pending or on standby. */
  @Column('int', { name: 'slot_index', nullable: true })
  slotIndex!: number | null;

  /** 1-based standby place after allocation; null otherwise. */
  @Column('int', { name: 'standby_rank', nullable: true })
  standbyRank!: number | null;

  @CreatedAt()
  createdAt!: Date;
}
