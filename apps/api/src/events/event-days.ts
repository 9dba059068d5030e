import { eventsError, EventsErrorReason } from './events.errors';
import { localDate, localDateTime } from '../common/local-time';
import type { EventEntity } from './event.entity';

export type EventDays = Pick<EventEntity, 'timeZone' | 'startsOn' | 'endsOn'>;

/**
 * Why the span [startsAt, endsAt) does not fit within the event's days — read on the event's own
 * clock, so a round at 00:30 in Paris on the first day is in, whatever the UTC date says — or null
 * when it fits. A first or last day the event does not have does not constrain.
 */
export function outsideEventDays(event: EventDays, startsAt: Date, endsAt: Date): string | null {
  const zone = event.timeZone;
  if (event.startsOn && localDate(startsAt, zone) < event.startsOn) {
    return `starts ${localDateTime(startsAt, zone)}, before the event's first day (${event.startsOn}, ${zone})`;
  }
  // The last instant inside is the one before the end: ending at midnight closes the last day.
  if (event.endsOn && localDate(new Date(endsAt.getTime() - 1), zone) > event.endsOn) {
    return `ends ${localDateTime(endsAt, zone)}, after the event's last day (${event.endsOn}, ${zone})`;
  }
  return null;
}

/** For a round or talk being created: BAD_USER_INPUT (reason OUTSIDE_EVENT_DAYS) naming `startsAt`. */
export function assertWithinEventDays(event: EventDays, what: string, startsAt: Date, endsAt: Date): void {
  const problem = outsideEventDays(event, startsAt, endsAt);
  if (problem) {
    throw eventsError(EventsErrorReason.OUTSIDE_EVENT_DAYS, `${what} ${problem}`, { fields: [{ field: 'startsAt', message: `must fall within the event's days (${event.startsOn ?? '…'} to ${event.endsOn ?? '…'}, ${event.timeZone})` }] });
  }
}
