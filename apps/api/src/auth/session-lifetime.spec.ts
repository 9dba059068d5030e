import { attendeeSessionEnd, refreshAfter, staffSessionEnd } from './session-lifetime';

const policy = { graceHours: 24, staffIdleHours: 12 };
const at = (iso: string) => new Date(iso);

describe('session lifetime', () => {
  describe('attendees', () => {
    it('last until the event ends plus the grace day, however early they sign in within 30 days', () => {
      const eventEnds = at('2026-12-05T00:00:00+01:00'); // the end of 4 December in Paris
      expect(attendeeSessionEnd(at('2026-12-03T08:00:00Z'), eventEnds, policy)).toEqual(at('2026-12-06T00:00:00+01:00'));
      expect(attendeeSessionEnd(at('2026-11-10T08:00:00Z'), eventEnds, policy)).toEqual(at('2026-12-06T00:00:00+01:00'));
    });

    it('reach at most 30 days ahead when signed in long before the event', () => {
      const now = at('2026-09-01T10:00:00Z');
      expect(attendeeSessionEnd(now, at('2026-12-05T00:00:00Z'), policy)).toEqual(at('2026-10-01T10:00:00Z'));
    });

    it('slide by the grace period once the event is over', () => {
      expect(attendeeSessionEnd(at('2026-12-20T09:30:00Z'), at('2026-12-05T00:00:00Z'), policy)).toEqual(at('2026-12-21T09:30:00Z'));
    });

    it('slide by 7 days for an event without dates', () => {
      expect(attendeeSessionEnd(at('2026-12-03T08:00:00Z'), null, policy)).toEqual(at('2026-12-10T08:00:00Z'));
    });

    it('follow the grace period configured', () => {
      expect(attendeeSessionEnd(at('2026-12-03T08:00:00Z'), at('2026-12-05T00:00:00Z'), { ...policy, graceHours: 2 })).toEqual(at('2026-12-05T02:00:00Z'));
    });
  });

  describe('staff', () => {
    it('end after the idle period from each refresh', () => {
      const started = at('2026-12-03T08:00:00Z');
      expect(staffSessionEnd(started, started, policy)).toEqual(at('2026-12-03T20:00:00Z'));
      expect(staffSessionEnd(at('2026-12-04T07:00:00Z'), started, policy)).toEqual(at('2026-12-04T19:00:00Z'));
    });

    it('never outlive 7 days from sign-in', () => {
      const started = at('2026-12-03T08:00:00Z');
      expect(staffSessionEnd(at('2026-12-10T02:00:00Z'), started, policy)).toEqual(at('2026-12-10T08:00:00Z'));
      expect(staffSessionEnd(at('2026-12-11T02:00:00Z'), started, policy)).toEqual(at('2026-12-10T08:00:00Z'));
    });
  });

  it('asks for a refresh at half a token’s life, and at once for a token with none left', () => {
    expect(refreshAfter(at('2026-12-03T08:00:00Z'), at('2026-12-03T20:00:00Z'))).toEqual(at('2026-12-03T14:00:00Z'));
    expect(refreshAfter(at('2026-12-03T08:00:00Z'), at('2026-12-03T07:00:00Z'))).toEqual(at('2026-12-03T08:00:00Z'));
  });
});
