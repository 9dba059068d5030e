import { Check, Column, Entity, Index, OneToMany, PrimaryGeneratedColumn } from 'typeorm';
import { CreatedAt, UpdatedAt } from '../database/columns';
import type { MatchingRules } from '@pairwise/matching';
import type { EventTagEntity } from './event-tag.entity';

/** How an event pairs people; consumed by the matching library when rounds are generated. */
export interface MatchingSettings {
  oddPolicy?: 'trio' | 'bye';
  defaultRoundMinutes?: number;
  /** Meeting requests an attendee may send per day of the event (its time zone); 0: none. Default DEFAULT_MEETING_REQUESTS_PER_DAY. */
  meetingRequestsPerDay?: number;
  /**
   * Accepted meeting requests get a slot of their own (a table set aside for requests, at a time both are free)
   * instead of waiting for the next round; absent: off (meeting-requests/request-slots.ts).
   */
  requestSlots?: RequestSlotSettings;
  /** Older weight overrides; `rules` supersedes them (matching-rules/event-rules.ts). */
  weights?: Record<string, number>;
  /** The organisers' rules document (validated, defaults filled in), for the rounds generated from now on. */
  rules?: MatchingRules;
  /** Pairs who met at an earlier event of the same organisers never meet again (rounds/round-roster.ts). */
  conflictsFromEarlierEvents?: boolean;
}

/** Where and when accepted meeting requests may be given a slot of their own: the event's days, between two times of its clock. */
export interface RequestSlotSettings {
  /** A slot's length in minutes; slots start on this grid from `dayStartsAt`. */
  minutes: number;
  /** Tables set aside for requests, labelled R1…Rn (rounds never use them). */
  tables: number;
  /** `HH:MM` on the event's clock. */
  dayStartsAt: string;
  /** `HH:MM` on the event's clock, after dayStartsAt (`24:00`: midnight). */
  dayEndsAt: string;
}

@Entity('events')
@Check('ck_events_language', `language IN ('en', 'fr')`)
export class EventEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('uq_events_slug', { unique: true })
  @Column('text')
  slug!: string;

  @Column('text')
  name!: string;

  @Column('text', { name: 'time_zone', default: 'UTC' })
  timeZone!: string;

  @Column('date', { name: 'starts_on', nullable: true })
  startsOn!: string | null;

  @Column('date', { name: 'ends_on', nullable: true })
  endsOn!: string | null;

  @Column('text', { nullable: true })
  venue!: string | null;

  /** The language of the messages sent to attendees (`en`, `fr`); null: each attendee's own. */
  @Column('text', { nullable: true })
  language!: 'en' | 'fr' | null;

  @Column('jsonb', { name: 'matching_settings', default: () => "'{}'" })
  matchingSettings!: MatchingSettings;

  /** Days after the event ends before its attendees are anonymised; null keeps them until deleted. */
  @Column('int', { name: 'retention_days', nullable: true })
  retentionDays!: number | null;

  /** When retention anonymised the attendees. */
  @Column('timestamptz', { name: 'anonymised_at', nullable: true })
  anonymisedAt!: Date | null;

  @OneToMany('EventTagEntity', (tag: EventTagEntity) => tag.event)
  tags?: EventTagEntity[];

  @CreatedAt()
  createdAt!: Date;

  @UpdatedAt()
  updatedAt!: Date;
}
