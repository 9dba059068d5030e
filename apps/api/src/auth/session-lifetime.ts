/**
 * How long a session lasts: pure functions of the clock, so the rules are tested without waiting.
 *
 * - An attendee's session lasts until their event ends plus a grace day (the evening's drinks, the
 *   next morning's feedback), computed again at every refresh: an event whose dates move takes its
 *   sessions along. After the event, or for an event without dates, the session slides: it lasts
 *   the grace period (7 days without dates) from each refresh. It never reaches further than
 *   30 days ahead, so an invitation redeemed months before the event still refreshes in between.
 * - A staff session (admin, organisers) slides: it ends `staffIdleHours` after its last refresh,
 *   and never later than 7 days after sign-in, when the password or a new code is asked again.
 *
 * A token is worth refreshing from half its life on (`refreshAfter`): an app that refreshes then
 * never holds an expired token while it is used, and one refresh per half-life costs nothing.
 */
export interface SessionPolicy {
  /** After the event's last day (attendees). */
  graceHours: number;
  /** Without use, a staff session ends after this long. */
  staffIdleHours: number;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** An attendee session never reaches further ahead than this (it is refreshed in between). */
export const ATTENDEE_SESSION_MAX_AHEAD_DAYS = 30;
/** An attendee session of an event without dates slides by this much. */
export const UNDATED_EVENT_SESSION_DAYS = 7;
/** A staff session ends this long after sign-in, whatever its use. */
export const STAFF_SESSION_MAX_DAYS = 7;

/**
 * Until when an attendee's session runs, refreshed at `now`.
 * @param eventEndsAt the instant the event's last day ends in its time zone; null when it has no dates
 */
export function attendeeSessionEnd(now: Date, eventEndsAt: Date | null, policy: SessionPolicy): Date {
  const at = now.getTime();
  const end = eventEndsAt ? Math.max(eventEndsAt.getTime(), at) + policy.graceHours * HOUR : at + UNDATED_EVENT_SESSION_DAYS * DAY;
  return new Date(Math.min(end, at + ATTENDEE_SESSION_MAX_AHEAD_DAYS * DAY));
}

/** Until when a staff session that began at `startedAt` runs, refreshed at `now`. */
export function staffSessionEnd(now: Date, startedAt: Date, policy: SessionPolicy): Date {
  return new Date(Math.min(now.getTime() + policy.staffIdleHours * HOUR, startedAt.getTime() + STAFF_SESSION_MAX_DAYS * DAY));
}

/** From when a token issued at `issuedAt` and valid until `expiresAt` is worth refreshing: half its life. */
export function refreshAfter(issuedAt: Date, expiresAt: Date): Date {
  return new Date(issuedAt.getTime() + Math.max(0, expiresAt.getTime() - issuedAt.getTime()) / 2);
}
