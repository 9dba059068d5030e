/**
 * Who is calling. Staff accounts (admin, organisers) and attendees are
 * different principals: an attendee token is bound to one event.
 */
export type Actor =
  | { kind: 'account'; accountId: string; isAdmin: boolean; organiserOf: ReadonlySet<string> }
  | { kind: 'attendee'; attendeeId: string; eventId: string };

export type AccountActor = Extract<Actor, { kind: 'account' }>;
export type AttendeeActor = Extract<Actor, { kind: 'attendee' }>;

export const isAdmin = (actor: Actor): boolean => actor.kind === 'account' && actor.isAdmin;

/** Admins manage every event; organisers the events they were named on. */
export const canManageEvent = (actor: Actor, eventId: string): boolean =>
  actor.kind === 'account' && (actor.isAdmin || actor.organiserOf.has(eventId));

/** The JWT claims Pairwise issues. */
export interface TokenClaims {
  sub: string;
  kind: Actor['kind'];
  /** The event an attendee token is valid for. */
  evt?: string;
  /** The session the token belongs to (sessions table): signing out ends it. */
  sid: string;
}
