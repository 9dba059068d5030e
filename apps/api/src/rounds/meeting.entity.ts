import { Check, Column, Entity, Index, JoinColumn, ManyToOne, OneToMany, PrimaryColumn } from 'typeorm';
import { CreatedAt, IdColumn, References } from '../database/columns';
import { AttendeePairEntity } from '../attendees/attendee-pair.entity';
import { AttendeeEntity } from '../attendees/attendee.entity';
import { EventEntity } from '../events/event.entity';
import { RoundEntity } from './round.entity';
import { RoundScopedEntity } from './round-scoped.entity';

export const MEETING_STATUSES = ['SCHEDULED', 'HELD', 'NO_SHOW', 'CANCELLED'] as const;
export type MeetingStatusValue = (typeof MEETING_STATUSES)[number];

/**
 * Why the people at a table were matched: one entry per pair, as data naming people by id (see
 * meeting-reasons.ts). There is no stored sentence: texts are rendered when read.
 */
export type MeetingReasons = Record<string, unknown>[];

@Entity('meetings')
@Check('ck_meetings_status', `status IN ('SCHEDULED', 'HELD', 'NO_SHOW', 'CANCELLED')`)
@Index('ix_meetings_round', ['roundId', 'tableNumber'])
export class MeetingEntity extends RoundScopedEntity {
  @IdColumn('event_id')
  eventId!: string;

  @References(() => EventEntity, 'event_id')
  event?: EventEntity;

  @Column('int', { name: 'table_number' })
  tableNumber!: number;

  @Column('text', { name: 'table_label' })
  tableLabel!: string;

  @Column('timestamptz', { name: 'starts_at' })
  startsAt!: Date;

  @Column('timestamptz', { name: 'ends_at' })
  endsAt!: Date;

  @Column('double precision')
  score!: number;

  @Column('jsonb')
  reasons!: MeetingReasons;

  @Column('text', { default: 'SCHEDULED' })
  status!: MeetingStatusValue;

  @OneToMany(() => MeetingParticipantEntity, (participant) => participant.meeting)
  participants?: MeetingParticipantEntity[];

  @CreatedAt()
  createdAt!: Date;
}

/** An attendee at a meeting; PostgreSQL keeps an attendee to one meeting per round. */
@Entity('meeting_participants')
@Index('uq_participants_round_attendee', ['roundId', 'attendeeId'], { unique: true })
@Index('ix_participants_attendee', ['attendeeId'])
export class MeetingParticipantEntity {
  @PrimaryColumn('uuid', { name: 'meeting_id' })
  meetingId!: string;

  @PrimaryColumn('uuid', { name: 'attendee_id' })
  attendeeId!: string;

  @IdColumn('round_id')
  roundId!: string;

  @ManyToOne(() => MeetingEntity, (meeting) => meeting.participants, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'meeting_id' })
  meeting?: MeetingEntity;

  @References(() => AttendeeEntity, 'attendee_id')
  attendee?: AttendeeEntity;

  @References(() => RoundEntity, 'round_id')
  round?: RoundEntity;

  @Column('boolean', { name: 'no_show', default: false })
  noShow!: boolean;
}

/**
 * Every pair that meets (or is drafted to meet), once per event whatever the
 * order: the primary key on (event, lower id, higher id) and the check make
 * a repeated pair or a self-pair impossible. A no-show releases the pair.
 */
@Entity('event_pairs')
@Check('ck_event_pairs_ordered', 'attendee_low < attendee_high')
@Index('ix_event_pairs_meeting', ['meetingId'])
export class EventPairEntity extends AttendeePairEntity {
  @IdColumn('meeting_id')
  meetingId!: string;

  @References(() => MeetingEntity, 'meeting_id')
  meeting?: MeetingEntity;
}
