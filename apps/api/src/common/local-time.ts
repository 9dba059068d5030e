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

/** A zone's clock at an instant: `2026-12-03`, `10:30:00`, `+01:00`. */
export interface WallClockReading {
  date: string;
  time: string;
  offset: string;
}

export function wallClock(instant: Date, timeZone: string): WallClockReading {
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

/** The zone's offset from UTC at an instant, in minutes (+60 for Paris in winter). */
function offsetMinutes(instant: Date, timeZone: string): number {
  const match = /^([+-])(\d{2}):(\d{2})$/.exec(wallClock(instant, timeZone).offset)!;
  return (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3]));
}

/**
 * The instant a wall-clock reading names in a zone: `2026-06-11T09:30` in Europe/Paris is 07:30 UTC.
 * For exports that write local times without an offset (Sessionize, spreadsheets). The fields are
 * trusted to be a real calendar date and time (check them first). A reading the clock skips (the
 * hour lost when daylight saving starts) is read with the offset before the change, as calendar
 * programs do (02:30 on a spring-forward night becomes 03:30); a reading the clock shows twice (the
 * hour repeated in autumn) is the first of the two.
 */
export function instantOnWallClock(wall: { year: number; month: number; day: number; hour: number; minute: number; second?: number }, timeZone: string): Date {
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second ?? 0);
  // The offsets a day and a half either side of the reading: equal except around a change of offset.
  const before = offsetMinutes(new Date(asUtc - 36 * 3_600_000), timeZone);
  const after = offsetMinutes(new Date(asUtc + 36 * 3_600_000), timeZone);
  const candidates = [asUtc - before * 60_000, asUtc - after * 60_000].filter((t) => localDateTime(new Date(t), timeZone).slice(0, 19) === new Date(asUtc).toISOString().slice(0, 19));
  // Both fit in the repeated hour: the earlier. None fits in the skipped hour: the offset before the change.
  return new Date(candidates.length > 0 ? Math.min(...candidates) : asUtc - before * 60_000);
}
