import { Check, Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { CreatedAt, References } from '../database/columns';
import { AttendeeEntity } from '../attendees/attendee.entity';
import { EventEntity } from '../events/event.entity';

/**
 * A conflict of interest an organiser recorded: two attendees of the event who already know each
 * other (co-authors, same lab, same team) and so are never paired — a hard rule (`blocked`) for the
 * matching, unlike a block, which is private to the attendee who made it. Stored once per pair
 * (low id first); erasing either attendee removes it (cascade, and privacy/erasure.ts).
 */
@Entity('event_conflicts')
@Check('ck_event_conflicts_ordered', 'attendee_low < attendee_high')
@Index('ix_event_conflicts_high', ['attendeeHigh'])
export class ConflictEntity {
  @PrimaryColumn('uuid', { name: 'event_id' })
  eventId!: string;

  @PrimaryColumn('uuid', { name: 'attendee_low' })
  attendeeLow!: string;

  @PrimaryColumn('uuid', { name: 'attendee_high' })
  attendeeHigh!: string;

  /** Where the pair came from: `import` (an organiser's list). */
  @Column('text', { default: 'import' })
  source!: 'import';

  @References(() => EventEntity, 'event_id')
  event?: EventEntity;

  @References(() => AttendeeEntity, 'attendee_low')
  low?: AttendeeEntity;

  @References(() => AttendeeEntity, 'attendee_high')
  high?: AttendeeEntity;

  @CreatedAt()
  createdAt!: Date;
}
