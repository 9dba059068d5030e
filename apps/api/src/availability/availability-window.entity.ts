import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
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

  @Column('uuid', { name: 'event_id' })
  eventId!: string;

  @Column('uuid', { name: 'attendee_id' })
  attendeeId!: string;

  @ManyToOne(() => AttendeeEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'attendee_id' })
  attendee?: AttendeeEntity;

  @Column('timestamptz', { name: 'starts_at' })
  startsAt!: Date;

  @Column('timestamptz', { name: 'ends_at' })
  endsAt!: Date;
}
