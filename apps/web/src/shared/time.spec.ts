import { countdown, dayIn, eventTimeToInstant, formatTime, instantToEventTime, zoneLabel } from './time';

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

describe('times typed on the event clock', () => {
  it('reads a wall-clock time in the event zone, with the offset in force then', () => {
    expect(eventTimeToInstant('2026-12-03T10:30', 'Europe/Paris')).toBe('2026-12-03T10:30:00+01:00');
    expect(eventTimeToInstant('2026-07-03T10:30', 'Europe/Paris')).toBe('2026-07-03T10:30:00+02:00');
    expect(eventTimeToInstant('2026-12-03T10:30', 'America/New_York')).toBe('2026-12-03T10:30:00-05:00');
    expect(eventTimeToInstant('2026-12-03T10:30', 'Asia/Kolkata')).toBe('2026-12-03T10:30:00+05:30');
    expect(eventTimeToInstant('2026-12-03T10:30', 'UTC')).toBe('2026-12-03T10:30:00+00:00');
    // The day after the clocks go back in Paris, and the evening before they go forward.
    expect(eventTimeToInstant('2026-10-25T12:00', 'Europe/Paris')).toBe('2026-10-25T12:00:00+01:00');
    expect(eventTimeToInstant('2026-03-28T23:00', 'Europe/Paris')).toBe('2026-03-28T23:00:00+01:00');
  });

  it('refuses what is not a wall-clock time', () => {
    for (const text of ['', '2026-12-03', '2026-12-03T10:30:00', '2026-02-30T10:00', 'tomorrow', '2026-12-03T10:30Z']) {
      expect({ text, instant: eventTimeToInstant(text, 'Europe/Paris') }).toEqual({ text, instant: undefined });
    }
  });

  it('writes an instant back as the form shows it, and reads it back to the same instant', () => {
    expect(instantToEventTime('2026-12-03T09:30:00Z', 'Europe/Paris')).toBe('2026-12-03T10:30');
    expect(instantToEventTime('2026-12-03T23:30:00Z', 'Europe/Paris')).toBe('2026-12-04T00:30');
    for (const iso of ['2026-12-03T09:30:00Z', '2026-07-01T22:15:00Z', '2026-03-29T03:00:00Z']) {
      for (const zone of ['Europe/Paris', 'America/New_York', 'Asia/Kolkata']) {
        const back = eventTimeToInstant(instantToEventTime(iso, zone), zone)!;
        expect({ iso, zone, same: Date.parse(back) === Date.parse(iso) }).toEqual({ iso, zone, same: true });
      }
    }
  });
});
