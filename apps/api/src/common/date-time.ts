/**
 * The one rule for instants a client sends: an RFC 3339 `date-time`
 * (`2026-12-06T14:20:00+01:00`, `2026-12-06T13:20:00Z`, fractions of a second
 * allowed), always with its offset, a date that exists, and a year in
 * `DATE_TIME_YEARS`. `Date.parse` is not used on purpose: it reads
 * `06/12/2026 14:00` as 12 June, rolls 30 February over to 2 March and takes a
 * time without offset as local time.
 */
export const DATE_TIME_YEARS = { min: 2000, max: 2999 } as const;

export const DATE_TIME_FORMAT_MESSAGE = `must be an RFC 3339 date-time with an offset, e.g. 2026-12-06T14:20:00+01:00 or 2026-12-06T13:20:00Z`;

const RFC_3339 = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(?:([Zz])|([+-])(\d{2}):(\d{2}))$/;

export class DateTimeFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DateTimeFormatError';
  }
}

const daysIn = (year: number, month: number): number => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** The instant a strict RFC 3339 date-time names; throws DateTimeFormatError saying what is wrong. */
export function parseDateTime(text: string): Date {
  const match = RFC_3339.exec(text);
  if (!match) throw new DateTimeFormatError(DATE_TIME_FORMAT_MESSAGE);
  const [, y, mo, d, h, mi, s, fraction, zulu, sign, oh, om] = match;
  const [year, month, day, hour, minute, second] = [y, mo, d, h, mi, s].map(Number) as [number, number, number, number, number, number];
  if (month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) {
    throw new DateTimeFormatError(`${text.slice(0, 10)} is not a date of the calendar`);
  }
  // RFC 3339 allows a leap second (:60); neither JavaScript nor PostgreSQL represent one.
  if (hour > 23 || minute > 59 || second > 59) throw new DateTimeFormatError(`${text.slice(11, 19)} is not a time of day`);
  if (year < DATE_TIME_YEARS.min || year > DATE_TIME_YEARS.max) {
    throw new DateTimeFormatError(`the year must be between ${DATE_TIME_YEARS.min} and ${DATE_TIME_YEARS.max}`);
  }
  let offsetMinutes = 0;
  if (!zulu) {
    const [offsetHours, offsetMins] = [Number(oh), Number(om)];
    if (offsetHours > 23 || offsetMins > 59) throw new DateTimeFormatError(`${sign}${oh}:${om} is not a UTC offset`);
    offsetMinutes = (sign === '-' ? -1 : 1) * (offsetHours * 60 + offsetMins);
  }
  const millis = fraction ? Number(fraction.padEnd(3, '0').slice(0, 3)) : 0; // finer than a millisecond is cut off
  return new Date(Date.UTC(year, month - 1, day, hour, minute, second, millis) - offsetMinutes * 60_000);
}
