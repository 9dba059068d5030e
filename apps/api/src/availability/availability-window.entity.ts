import { Check, Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { IdColumn, References } from '../database/columns';
import { AttendeeEntity } from '../attendees/attendee.entity';

/**
 * When an attendee is at the event ("here on day 1 afternoon only"). An attendee without a window is
 * available all the time; one with windows only within them. Stored merged (no two windows of one
 * attendee overlap or touch), so "available during [s, e)" means "one window holds [s, e)".
 */
@Entity('availability_windows')
@Index('ix_availability_windows_event', ['eventId', 'attendeeId'])
@Index('ix_availability_windows_attendee', ['attendeeId'])
@Check('ck_availability_windows_span', `ends_at > starts_at`)
export class AvailabilityWindowEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @IdColumn('event_id')
  eventId!: string;

  @IdColumn('attendee_id')
  attendeeId!: string;

  @References(() => AttendeeEntity, 'attendee_id')
  attendee?: AttendeeEntity;

  @Column('timestamptz', { name: 'starts_at' })
  startsAt!: Date;

  @Column('timestamptz', { name: 'ends_at' })
  endsAt!: Date;
}
