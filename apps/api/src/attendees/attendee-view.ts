import type { EntityMetadata } from 'typeorm';
import { canManageEvent, type Actor } from '../auth/actor';
import { assertCanManage } from '../auth/event-access';
import { notFound } from '../common/domain-error';
import { SHAREABLE_FIELDS, type AttendeeEntity, type ShareableField } from './attendee.entity';
import { Attendee, ProfileField } from './models/attendee.model';

/**
 * What a viewer may read of a profile: everything for staff of its event and
 * for the attendee themself; for another attendee, only the fields the owner
 * shares — and nothing at all unless the owner consented to matchmaking.
 */
export type Visibility = 'full' | ReadonlySet<ShareableField> | 'none';

export function visibilityFor(actor: Actor, attendee: AttendeeEntity): Visibility {
  if (canManageEvent(actor, attendee.eventId)) return 'full';
  if (actor.kind !== 'attendee' || actor.eventId !== attendee.eventId) return 'none';
  if (actor.attendeeId === attendee.id) return 'full';
  return attendee.consentMatchmaking ? new Set(attendee.sharedFields) : 'none';
}

/**
 * Changing an attendee is for the staff of their event. One the caller may not see at all (another
 * event's, or a fellow attendee who did not consent) is not found, as an unknown id; one they see, FORBIDDEN
 * (docs/security.md, "Refusals").
 */
export function assertCanManageAttendee(actor: Actor, attendee: AttendeeEntity): void {
  if (visibilityFor(actor, attendee) === 'none') throw notFound('Attendee');
  assertCanManage(actor, attendee.eventId, 'Attendee');
}

export function toAttendeeModel(entity: AttendeeEntity, visibility: Exclude<Visibility, 'none'>): Attendee {
  const full = visibility === 'full';
  const show = <T>(field: ShareableField, value: T): T | null => (full || visibility.has(field) ? value : null);
  return {
    id: entity.id,
    eventId: entity.eventId,
    name: show('name', entity.name),
    email: show('email', entity.email),
    company: show('company', entity.company),
    role: show('role', entity.role),
    seniority: show('seniority', entity.seniority),
    ticketType: full ? entity.ticketType : null,
    stack: show('stack', entity.stack),
    interests: show('interests', entity.interests),
    lookingFor: show('lookingFor', entity.lookingFor),
    canOffer: show('canOffer', entity.canOffer),
    languages: show('languages', entity.languages),
    bio: show('bio', entity.bio),
    links: show('links', entity.links),
    consentMatchmaking: full ? entity.consentMatchmaking : null,
    consentAt: full ? entity.consentAt : null,
    sharedFields: full ? (entity.sharedFields as ProfileField[]) : null,
    present: full ? entity.present : null,
    // Undefined when the entity was read without the column (partner profiles): unknown, not "subscribed".
    mailOptOut: full && entity.mailOptOutAt !== undefined ? entity.mailOptOutAt !== null : null,
    createdAt: full ? entity.createdAt : null,
    updatedAt: full ? entity.updatedAt : null,
  };
}

/**
 * A matched partner's profile as a `json_build_object` for the `attendees` row aliased `alias`:
 * its id, event and shared-field list, and each shareable field only when the partner shares it,
 * so what they keep private never leaves PostgreSQL. Read it back with `entityFromJson`; the
 * columns left out (consent, presence, timestamps) stay undefined.
 */
export function partnerProfileSql(attendees: EntityMetadata, alias: string): string {
  const name = (property: string) => attendees.findColumnWithPropertyName(property)!.databaseName;
  const value = (property: string) => `${alias}."${name(property)}"`;
  const always = ['id', 'eventId', 'sharedFields'].map((property) => `'${name(property)}', ${value(property)}`);
  const shared = SHAREABLE_FIELDS.map((field) => `'${name(field)}', CASE WHEN '${field}' = ANY(${value('sharedFields')}) THEN ${value(field)} END`);
  return `json_build_object(${[...always, ...shared].join(', ')})`;
}
