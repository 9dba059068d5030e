import { countdown, dayIn, formatTime, zoneLabel } from './time';

describe('time on the event clock', () => {
  it('counts down to the second, rounding up, and stops at the start', () => {
    const now = new Date('2026-12-03T09:00:00.000Z');
    expect(countdown(new Date('2026-12-03T10:05:07.000Z'), now)).toEqual({ hours: 1, minutes: 5, seconds: 7 });
    expect(countdown(new Date('2026-12-03T09:00:00.400Z'), now)).toEqual({ hours: 0, minutes: 0, seconds: 1 });
    expect(countdown(new Date('2026-12-03T09:00:00.000Z'), now)).toBeNull();
    expect(countdown(new Date('2026-12-03T08:59:00.000Z'), now)).toBeNull();
  });

  it("shows the time in the event's zone, not the device's", () => {
    // 09:30 UTC is 10:30 in Paris in winter and 04:30 in New York.
    expect(formatTime('2026-12-03T09:30:00Z', 'Europe/Paris', 'fr')).toBe('10:30');
    expect(formatTime('2026-12-03T09:30:00Z', 'America/New_York', 'en-US')).toMatch(/^4:30\sAM$/);
    expect(dayIn('2026-12-03T23:30:00Z', 'Europe/Paris')).toBe('2026-12-04');
  });

  it('names the zone only when the device is elsewhere', () => {
    expect(zoneLabel('2026-12-03T09:30:00Z', 'Europe/Paris', 'Europe/Paris', 'en')).toBeUndefined();
    expect(zoneLabel('2026-12-03T09:30:00Z', 'Europe/Paris', 'Europe/Berlin', 'en')).toBeUndefined(); // same offset
    expect(zoneLabel('2026-12-03T09:30:00Z', 'Europe/Paris', 'America/New_York', 'en')).toMatch(/^(CET|GMT\+1)$/);
  });
});
