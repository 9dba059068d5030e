import { PrimaryColumn } from 'typeorm';
import { References } from '../database/columns';
import { EventEntity } from '../events/event.entity';
import { AttendeeEntity } from './attendee.entity';

/**
 * Two attendees of one event, stored once whatever the order: the key is (event, lower id, higher id),
 * and each table checks `attendee_low < attendee_high` under its own name. Deleting the event or either
 * attendee deletes the row. An abstract base, not a table (the pairs that met, the conflicts of interest).
 */
export abstract class AttendeePairEntity {
  @PrimaryColumn('uuid', { name: 'event_id' })
  eventId!: string;

  @PrimaryColumn('uuid', { name: 'attendee_low' })
  attendeeLow!: string;

  @PrimaryColumn('uuid', { name: 'attendee_high' })
  attendeeHigh!: string;

  @References(() => EventEntity, 'event_id')
  event?: EventEntity;

  @References(() => AttendeeEntity, 'attendee_low')
  low?: AttendeeEntity;

  @References(() => AttendeeEntity, 'attendee_high')
  high?: AttendeeEntity;
}
