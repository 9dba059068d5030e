import fc from 'fast-check';
import { DATE_TIME_YEARS, parseDateTime } from './date-time';
import { instantOnWallClock, localDate, localDateTime } from './local-time';

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

describe('instantOnWallClock (a local reading without offset, on a zone’s clock)', () => {
  const wall = (text: string) => {
    const [year, month, day, hour, minute] = text.split(/[-T:]/).map(Number) as [number, number, number, number, number];
    return { year, month, day, hour, minute };
  };
  it.each([
    ['2026-12-03T10:30', 'Europe/Paris', '2026-12-03T09:30:00.000Z'],
    ['2026-07-03T10:30', 'Europe/Paris', '2026-07-03T08:30:00.000Z'],
    ['2026-03-29T02:30', 'Europe/Paris', '2026-03-29T01:30:00.000Z'], // skipped by the clock: read as 03:30 summer time
    ['2026-10-25T02:30', 'Europe/Paris', '2026-10-25T00:30:00.000Z'], // shown twice: the first
    ['2026-12-03T15:00', 'Asia/Kolkata', '2026-12-03T09:30:00.000Z'],
    ['2026-12-03T06:00', 'America/St_Johns', '2026-12-03T09:30:00.000Z'],
    ['2026-12-04T08:30', 'Asia/Tokyo', '2026-12-03T23:30:00.000Z'],
    ['2026-12-03T09:30', 'UTC', '2026-12-03T09:30:00.000Z'],
  ])('%s in %s is %s', (local, zone, instant) => {
    expect(instantOnWallClock(wall(local), zone).toISOString()).toBe(instant);
  });

  it('reads back the wall clock of any instant whose reading is not repeated', () => {
    const zones = ['Europe/Paris', 'America/New_York', 'Australia/Lord_Howe', 'Asia/Kolkata', 'UTC'];
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2030, 0, 1) }), fc.constantFrom(...zones), (ms, zone) => {
        const instant = new Date(Math.floor(ms / 60_000) * 60_000);
        const local = localDateTime(instant, zone);
        const back = instantOnWallClock(wall(local.slice(0, 16)), zone);
        // Same wall clock; the same instant unless the reading is the second of a repeated hour.
        expect(localDateTime(back, zone).slice(0, 16)).toBe(local.slice(0, 16));
        expect(back.getTime() <= instant.getTime()).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});
