import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { EventEntity } from './event.entity';

/** One entry of an event's tag vocabulary: a canonical slug and the spellings that mean it. */
@Entity('event_tags')
export class EventTagEntity {
  @PrimaryColumn('uuid', { name: 'event_id' })
  eventId!: string;

  @PrimaryColumn('text')
  slug!: string;

  @Column('text')
  label!: string;

  @Column('text', { array: true, default: () => "'{}'" })
  synonyms!: string[];

  @ManyToOne('EventEntity', (event: EventEntity) => event.tags, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'event_id' })
  event?: EventEntity;
}
