import { outsideEventDays } from './event-days';

const paris = { timeZone: 'Europe/Paris', startsOn: '2026-12-03', endsOn: '2026-12-04' };
const at = (iso: string) => new Date(iso);

describe('outsideEventDays (on the event’s own clock)', () => {
  it('lets in a span inside the days, including the first minute of the first day and one ending at midnight after the last', () => {
    expect(outsideEventDays(paris, at('2026-12-03T10:00:00+01:00'), at('2026-12-03T10:15:00+01:00'))).toBeNull();
    // 00:00 in Paris on the first day is still 2 December in UTC.
    expect(outsideEventDays(paris, at('2026-12-02T23:00:00Z'), at('2026-12-02T23:15:00Z'))).toBeNull();
    expect(outsideEventDays(paris, at('2026-12-04T23:45:00+01:00'), at('2026-12-05T00:00:00+01:00'))).toBeNull();
  });

  it('names what falls out, in the event’s zone', () => {
    expect(outsideEventDays(paris, at('2026-12-02T22:59:00Z'), at('2026-12-02T23:14:00Z'))).toBe(
      "starts 2026-12-02T23:59:00+01:00, before the event's first day (2026-12-03, Europe/Paris)",
    );
    expect(outsideEventDays(paris, at('2026-12-04T23:50:00+01:00'), at('2026-12-05T00:05:00+01:00'))).toBe(
      "ends 2026-12-05T00:05:00+01:00, after the event's last day (2026-12-04, Europe/Paris)",
    );
    expect(outsideEventDays(paris, at('2020-12-03T10:00:00+01:00'), at('2020-12-03T10:15:00+01:00'))).toMatch(/^starts 2020-12-03T10:00:00\+01:00/);
  });

  it('reads the same instant differently in another zone', () => {
    const tokyo = { ...paris, timeZone: 'Asia/Tokyo' };
    // 10:00 in Paris on the last day is 18:00 in Tokyo: inside; 20:00 in Paris is 04:00 the next day in Tokyo: outside.
    expect(outsideEventDays(tokyo, at('2026-12-04T10:00:00+01:00'), at('2026-12-04T10:15:00+01:00'))).toBeNull();
    expect(outsideEventDays(tokyo, at('2026-12-04T20:00:00+01:00'), at('2026-12-04T20:15:00+01:00'))).toMatch(/after the event's last day/);
  });

  it('does not constrain a side the event has no date for', () => {
    expect(outsideEventDays({ timeZone: 'UTC', startsOn: null, endsOn: null }, at('2020-01-01T00:00:00Z'), at('2999-01-01T00:00:00Z'))).toBeNull();
    expect(outsideEventDays({ timeZone: 'UTC', startsOn: '2026-12-03', endsOn: null }, at('2030-01-01T00:00:00Z'), at('2030-01-01T01:00:00Z'))).toBeNull();
  });
});
