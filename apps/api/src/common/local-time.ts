/**
 * Instants on an event's clock. Answers carry every time of an event's schedule twice: in UTC
 * (`startsAt: "2026-12-03T09:30:00.000Z"`) and as the venue's wall clock with its offset
 * (`startsAtLocal: "2026-12-03T10:30:00+01:00"`), daylight saving included, so no client
 * converts by hand.
 */

const formats = new Map<string, Intl.DateTimeFormat>();

/** One formatter per zone, kept (building one costs far more than using it; there are a few hundred zones). */
function formatIn(timeZone: string): Intl.DateTimeFormat {
  let format = formats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
      timeZoneName: 'longOffset',
    });
    formats.set(timeZone, format);
  }
  return format;
}

interface WallClock {
  date: string;
  time: string;
  offset: string;
}

function wallClock(instant: Date, timeZone: string): WallClock {
  const parts: Record<string, string> = {};
  for (const part of formatIn(timeZone).formatToParts(instant)) parts[part.type] = part.value;
  // `longOffset` writes "GMT+01:00", "GMT-03:30", or plain "GMT" for a zero offset.
  const offset = parts.timeZoneName === 'GMT' ? '+00:00' : parts.timeZoneName!.replace('GMT', '');
  return { date: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}:${parts.second}`, offset };
}

/** RFC 3339 on the zone's clock: `2026-12-03T10:30:00+01:00` (`+00:00` where the offset is zero). */
export function localDateTime(instant: Date, timeZone: string): string {
  const clock = wallClock(instant, timeZone);
  return `${clock.date}T${clock.time}${clock.offset}`;
}

/** The calendar day the zone's clock shows at an instant: `2026-12-03`. */
export function localDate(instant: Date, timeZone: string): string {
  return wallClock(instant, timeZone).date;
}

/** Descriptions of the schema's local-time fields, one wording everywhere. */
export const LOCAL_TIME_DOC = {
  startsAt: '`startsAt` on the event’s clock: RFC 3339 with the offset of the event’s time zone, e.g. 2026-12-03T10:30:00+01:00',
  endsAt: '`endsAt` on the event’s clock, e.g. 2026-12-03T10:45:00+01:00',
  timeZone: 'The event’s IANA time zone (e.g. Europe/Paris), in which the `…Local` times are written',
} as const;
