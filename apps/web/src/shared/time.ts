/** Times as the event's wall clock shows them, and the countdown to a start. Pure: the clock is passed in. */

export interface Countdown {
  hours: number;
  minutes: number;
  seconds: number;
}

/** What is left until `target`, rounded up to the second; null once it has passed. */
export function countdown(target: Date, now: Date): Countdown | null {
  const left = Math.ceil((target.getTime() - now.getTime()) / 1000);
  if (left <= 0) return null;
  return { hours: Math.floor(left / 3600), minutes: Math.floor((left % 3600) / 60), seconds: left % 60 };
}

/** "14:30" (or "2:30 PM") on the event's clock. */
export function formatTime(iso: string | Date, timeZone: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit', timeZone }).format(new Date(iso));
}

/** The calendar day of an instant in a time zone, e.g. "2026-12-03". */
export function dayIn(iso: string | Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', timeZone }).format(new Date(iso));
}

/** "Thursday 3 December", for a start that is not today on the event's clock. */
export function formatDay(iso: string | Date, timeZone: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { weekday: 'long', day: 'numeric', month: 'long', timeZone }).format(new Date(iso));
}

/** A short name of the zone ("CET", "GMT+1") when the device's clock is not the event's; undefined when they agree. */
export function zoneLabel(at: string | Date, eventZone: string, deviceZone: string, locale: string): string | undefined {
  const offset = (zone: string) => new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' }).format(new Date(at));
  if (offset(eventZone) === offset(deviceZone)) return undefined;
  const parts = new Intl.DateTimeFormat(locale, { timeZone: eventZone, timeZoneName: 'short' }).formatToParts(new Date(at));
  return parts.find((part) => part.type === 'timeZoneName')?.value ?? eventZone;
}
