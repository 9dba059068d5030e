import { PrimaryGeneratedColumn } from 'typeorm';
import { IdColumn, References } from '../database/columns';
import { EventEntity } from './event.entity';

/**
 * A row of one event, with a uuid of its own, deleted with its event (attendees, rounds, talks, invitation
 * runs, messages, report exports). An abstract base, not a table: its three properties open each table,
 * in this order, as the migrations made them.
 */
export abstract class EventScopedEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @IdColumn('event_id')
  eventId!: string;

  @References(() => EventEntity, 'event_id')
  event?: EventEntity;
}
