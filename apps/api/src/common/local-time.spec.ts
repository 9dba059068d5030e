import fc from 'fast-check';
import { DATE_TIME_YEARS, parseDateTime } from './date-time';
import { localDate, localDateTime } from './local-time';

describe('localDateTime (an instant on a zone’s clock)', () => {
  it.each([
    ['2026-12-03T09:30:00Z', 'Europe/Paris', '2026-12-03T10:30:00+01:00'],
    ['2026-07-03T08:30:00Z', 'Europe/Paris', '2026-07-03T10:30:00+02:00'], // summer time
    ['2026-03-29T00:59:59Z', 'Europe/Paris', '2026-03-29T01:59:59+01:00'], // the second before the clocks go forward
    ['2026-03-29T01:00:00Z', 'Europe/Paris', '2026-03-29T03:00:00+02:00'],
    ['2026-10-25T00:30:00Z', 'Europe/Paris', '2026-10-25T02:30:00+02:00'], // 02:30 happens twice that night
    ['2026-10-25T01:30:00Z', 'Europe/Paris', '2026-10-25T02:30:00+01:00'],
    ['2026-12-03T09:30:00Z', 'UTC', '2026-12-03T09:30:00+00:00'],
    ['2026-12-03T09:30:00Z', 'Asia/Kolkata', '2026-12-03T15:00:00+05:30'],
    ['2026-12-03T09:30:00Z', 'America/St_Johns', '2026-12-03T06:00:00-03:30'],
    ['2026-12-03T23:30:00Z', 'Asia/Tokyo', '2026-12-04T08:30:00+09:00'],
    ['2026-12-03T09:30:00Z', 'Pacific/Kiritimati', '2026-12-03T23:30:00+14:00'],
  ])('%s in %s is %s', (instant, zone, local) => {
    expect(localDateTime(new Date(instant), zone)).toBe(local);
  });

  it('gives the calendar day of the zone, not of UTC', () => {
    expect(localDate(new Date('2026-12-02T23:30:00Z'), 'Europe/Paris')).toBe('2026-12-03');
    expect(localDate(new Date('2026-12-03T03:00:00Z'), 'America/Los_Angeles')).toBe('2026-12-02');
  });

  it('writes what parseDateTime reads back as the same instant, in any zone (to the second)', () => {
    const zones = ['Europe/Paris', 'America/New_York', 'Asia/Kolkata', 'Australia/Lord_Howe', 'Pacific/Chatham', 'UTC', 'America/Sao_Paulo'];
    const instants = fc.integer({ min: Date.UTC(DATE_TIME_YEARS.min, 0, 2) / 1000, max: Date.UTC(DATE_TIME_YEARS.max, 11, 30) / 1000 }).map((s) => new Date(s * 1000));
    fc.assert(
      fc.property(instants, fc.constantFrom(...zones), (instant, zone) => {
        expect(parseDateTime(localDateTime(instant, zone)).getTime()).toBe(instant.getTime());
      }),
    );
  });
});
