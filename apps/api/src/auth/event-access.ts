import { forbidden, notFound } from '../common/domain-error';
import { canManageEvent, type Actor, type AttendeeActor } from './actor';

/**
 * The caller as the attendee a use case acts for ("my schedule", "my requests"): staff have no such
 * self, so they get FORBIDDEN, told `message` (what only attendees do; clients show it as it is).
 */
export function asAttendee(actor: Actor, message: string): AttendeeActor {
  if (actor.kind !== 'attendee') throw forbidden(message);
  return actor;
}

/** Whether `actor` may see anything of the event: its organisers and admins, and its own attendees. */
export function canSeeEvent(actor: Actor, eventId: string): boolean {
  return canManageEvent(actor, eventId) || (actor.kind === 'attendee' && actor.eventId === eventId);
}

/**
 * The refusal rule (docs/security.md, "Refusals"): what a caller may not see at all — anything of
 * an event that is not theirs — answers NOT_FOUND with the very words an unknown id gets
 * (`notFound(what)`), so a refusal never tells that the thing exists.
 * @param what how the target is named when missing ("Round", "Talk"): the same as its lookup's notFound.
 */
export function assertCanSee(actor: Actor, eventId: string, what: string): void {
  if (!canSeeEvent(actor, eventId)) throw notFound(what);
}

/**
 * Changing something of an event: a caller who cannot see the event gets NOT_FOUND as for an unknown
 * id (assertCanSee); one who sees it but may not change it (its attendees) gets FORBIDDEN.
 * @param what how the target is named when missing (default "Event").
 */
export function assertCanManage(actor: Actor, eventId: string, what = 'Event'): void {
  assertCanSee(actor, eventId, what);
  if (!canManageEvent(actor, eventId)) throw forbidden('Only this event’s organisers and admins can do this');
}

/**
 * The event a use case is about to change, as its lookup (or lock) found it, once `actor` may manage
 * it: NOT_FOUND ("Event") when there is none, then as assertCanManage.
 */
export function managedEvent<E extends { id: string }>(actor: Actor, event: E | null): E {
  if (!event) throw notFound('Event');
  assertCanManage(actor, event.id);
  return event;
}
