import { Column, Entity, Index } from 'typeorm';
import { CreatedAt, UpdatedAt } from '../database/columns';
import type { ReasonField } from '@pairwise/matching';
import { EventScopedEntity } from '../events/event-scoped.entity';

/** Profile fields an attendee can choose to show to the people they are matched with. */
export const SHAREABLE_FIELDS = [
  'name',
  'email',
  'company',
  'role',
  'seniority',
  'stack',
  'interests',
  'lookingFor',
  'canOffer',
  'languages',
  'bio',
  'links',
] as const;
export type ShareableField = (typeof SHAREABLE_FIELDS)[number];
export const DEFAULT_SHARED_FIELDS: ShareableField[] = ['name', 'role', 'company', 'interests'];

/**
 * The profile field behind each field the matcher's reasons draw on: the same name, except the free
 * text (`text`), which is the attendee's bio — the key terms two bios share are shown only to
 * readers both share their bio with.
 */
export function shareableFieldOf(field: ReasonField): ShareableField {
  return field === 'text' ? 'bio' : field;
}

@Entity('attendees')
@Index('uq_attendees_event_email', ['eventId', 'email'], { unique: true })
export class AttendeeEntity extends EventScopedEntity {
  /** Stored lower-cased, so uniqueness per event is case-insensitive. */
  @Column('text')
  email!: string;

  @Column('text')
  name!: string;

  @Column('text', { nullable: true })
  company!: string | null;

  @Column('text', { nullable: true })
  role!: string | null;

  @Column('text', { nullable: true })
  seniority!: string | null;

  /** The kind of ticket (e.g. `student`, `investor`), from the ticketing import: only the organisers' who-can-meet rules read it. */
  @Column('text', { name: 'ticket_type', nullable: true })
  ticketType!: string | null;

  @Column('text', { array: true, default: () => "'{}'" })
  stack!: string[];

  @Column('text', { array: true, default: () => "'{}'" })
  interests!: string[];

  @Column('text', { name: 'looking_for', array: true, default: () => "'{}'" })
  lookingFor!: string[];

  @Column('text', { name: 'can_offer', array: true, default: () => "'{}'" })
  canOffer!: string[];

  @Column('text', { array: true, default: () => "'{}'" })
  languages!: string[];

  @Column('text', { nullable: true })
  bio!: string | null;

  @Column('text', { array: true, default: () => "'{}'" })
  links!: string[];

  @Column('boolean', { name: 'consent_matchmaking', default: false })
  consentMatchmaking!: boolean;

  @Column('timestamptz', { name: 'consent_at', nullable: true })
  consentAt!: Date | null;

  @Column('text', { name: 'consent_notice_version', nullable: true })
  consentNoticeVersion!: string | null;

  @Column('text', { name: 'shared_fields', array: true, default: () => "'{name,role,company,interests}'" })
  sharedFields!: ShareableField[];

  @Column('boolean', { default: false })
  present!: boolean;

  /** SHA-256 of the secret in this attendee's calendar feed URL (null until they ask for one). */
  @Index('uq_attendees_calendar_token', { unique: true })
  @Column('text', { name: 'calendar_token_hash', nullable: true, select: false })
  calendarTokenHash!: string | null;

  @Column('timestamptz', { name: 'checked_in_at', nullable: true })
  checkedInAt!: Date | null;

  /** Set when the attendee unsubscribed from mail (reminders, notices, invitations); sign-in links they ask for still go out. */
  @Column('timestamptz', { name: 'mail_opt_out_at', nullable: true })
  mailOptOutAt!: Date | null;

  /** Set when the person erased their data (or retention did): the row stays, anonymous, for partners' histories. */
  @Column('timestamptz', { name: 'erased_at', nullable: true })
  erasedAt!: Date | null;

  @CreatedAt()
  createdAt!: Date;

  @UpdatedAt()
  updatedAt!: Date;
}
