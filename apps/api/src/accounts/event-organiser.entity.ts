import { Entity, PrimaryColumn } from 'typeorm';
import { CreatedAt, References } from '../database/columns';
import { EventEntity } from '../events/event.entity';
import { AccountEntity } from './account.entity';

/** An account that organises one event. */
@Entity('event_organisers')
export class EventOrganiserEntity {
  @PrimaryColumn('uuid', { name: 'event_id' })
  eventId!: string;

  @PrimaryColumn('uuid', { name: 'account_id' })
  accountId!: string;

  @References(() => EventEntity, 'event_id')
  event?: EventEntity;

  @References(() => AccountEntity, 'account_id')
  account?: AccountEntity;

  @CreatedAt()
  createdAt!: Date;
}
