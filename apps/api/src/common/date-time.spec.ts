import fc from 'fast-check';
import { DATE_TIME_YEARS, DateTimeFormatError, parseDateTime } from './date-time';

describe('parseDateTime (RFC 3339 with an offset, dates that exist)', () => {
  it.each([
    ['2026-12-06T14:20:00+01:00', '2026-12-06T13:20:00.000Z'],
    ['2026-12-06T13:20:00Z', '2026-12-06T13:20:00.000Z'],
    ['2026-12-06t13:20:00z', '2026-12-06T13:20:00.000Z'],
    ['2026-12-06T08:20:00-05:00', '2026-12-06T13:20:00.000Z'],
    ['2026-12-06T13:20:00.5Z', '2026-12-06T13:20:00.500Z'],
    ['2026-12-06T13:20:00.123456789Z', '2026-12-06T13:20:00.123Z'],
    ['2028-02-29T10:00:00+05:30', '2028-02-29T04:30:00.000Z'],
    ['2026-01-01T00:30:00+01:00', '2025-12-31T23:30:00.000Z'],
  ])('%s is %s', (text, iso) => {
    expect(parseDateTime(text).toISOString()).toBe(iso);
  });

  it.each([
    ['06/12/2026 14:00', /RFC 3339/],
    ['2026-12-06T14:00:00', /offset/], // no offset: refused, never read as UTC or local time
    ['2026-12-06 14:00:00Z', /RFC 3339/],
    ['2026-12-06', /RFC 3339/],
    ['2026-02-30T10:00:00Z', /2026-02-30 is not a date/],
    ['2027-02-29T10:00:00Z', /not a date/],
    ['2026-04-31T10:00:00Z', /not a date/],
    ['2026-13-01T10:00:00Z', /not a date/],
    ['2026-00-10T10:00:00Z', /not a date/],
    ['2026-12-06T24:00:00Z', /not a time of day/],
    ['2026-12-06T23:59:60Z', /not a time of day/],
    ['2026-12-06T10:00:00+24:00', /not a UTC offset/],
    ['275760-09-13T00:00:00Z', /RFC 3339/],
    ['1999-12-31T23:59:59Z', /year must be between 2000 and 2999/],
    ['3000-01-01T00:00:00Z', /year/],
    ['2026-12-06T10:00:00+01:00\u0000', /RFC 3339/],
    [' 2026-12-06T10:00:00Z', /RFC 3339/],
    ['', /RFC 3339/],
  ])('%j is refused (%s)', (text, message) => {
    expect(() => parseDateTime(text)).toThrow(DateTimeFormatError);
    expect(() => parseDateTime(text)).toThrow(message);
  });

  it('reads back every instant of the year range, written at any offset', () => {
    const instants = fc.date({
      min: new Date(Date.UTC(DATE_TIME_YEARS.min, 0, 2)),
      max: new Date(Date.UTC(DATE_TIME_YEARS.max, 11, 30)),
      noInvalidDate: true,
    });
    const offsets = fc.integer({ min: -(23 * 60 + 59), max: 23 * 60 + 59 });
    fc.assert(
      fc.property(instants, offsets, (instant, offset) => {
        const local = new Date(instant.getTime() + offset * 60_000).toISOString().slice(0, 23);
        const sign = offset < 0 ? '-' : '+';
        const abs = Math.abs(offset);
        const written = `${local}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
        expect(parseDateTime(written).getTime()).toBe(instant.getTime());
      }),
    );
  });
});
