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

/** The UTC offset of a zone at an instant, in minutes east of UTC (Paris in winter: 60). */
function offsetMinutes(at: Date, timeZone: string): number {
  const name = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' }).formatToParts(at).find((part) => part.type === 'timeZoneName')?.value ?? 'GMT';
  const match = /GMT([+-])(\d{2}):?(\d{2})?/.exec(name);
  if (!match) return 0;
  return (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3] ?? 0));
}

const pad = (value: number, width = 2) => String(Math.abs(value)).padStart(width, '0');

/**
 * A wall-clock time typed in a form ("2026-12-03T10:30", as `<input type="datetime-local">` gives it),
 * read on the event's clock, as the RFC 3339 date-time the API takes ("2026-12-03T10:30:00+01:00").
 * Around a DST change the offset is the one in force at that wall-clock time (a time skipped by the
 * change moves forward by the gap, as calendars do). Undefined when the text is not such a time.
 */
export function eventTimeToInstant(local: string, timeZone: string): string | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local);
  if (!match) return undefined;
  const [year, month, day, hour, minute] = match.slice(1).map(Number) as [number, number, number, number, number];
  const asUtc = Date.UTC(year, month - 1, day, hour, minute);
  if (Number.isNaN(asUtc) || new Date(asUtc).getUTCDate() !== day) return undefined;
  // The offset at the guessed instant, then at the instant it gives: two steps settle it, DST included.
  let offset = offsetMinutes(new Date(asUtc), timeZone);
  offset = offsetMinutes(new Date(asUtc - offset * 60_000), timeZone);
  const sign = offset < 0 ? '-' : '+';
  return `${local}:00${sign}${pad(Math.trunc(offset / 60))}:${pad(offset % 60)}`;
}

/** An instant as the value of a `datetime-local` input on the event's clock ("2026-12-03T10:30"). */
export function instantToEventTime(at: string | Date, timeZone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(new Date(at))
      .map((part) => [part.type, part.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}

/** "Thu 3 Dec, 10:30" on the event's clock: a time on another day than today needs its day. */
export function formatDayTime(iso: string | Date, timeZone: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { weekday: 'short', day: 'numeric', month: 'short', hour: 'numeric', minute: '2-digit', timeZone }).format(new Date(iso));
}
