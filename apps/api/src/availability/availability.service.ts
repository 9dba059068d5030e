import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Actor } from '../auth/actor';
import { asAttendee, assertCanManage } from '../auth/event-access';
import { notFound } from '../common/domain-error';
import { assertWithinEventDays } from '../events/event-days';
import { EventsRepository } from '../events/events.repository';
import { availabilityError, AvailabilityErrorReason } from './availability.errors';
import { AvailabilityRepository, type StoredWindow } from './availability.repository';
import { AttendeesRepository } from '../attendees/attendees.repository';

const MAX_WINDOWS = 50;

export interface AvailabilityOf {
  windows: StoredWindow[];
  timeZone: string;
}

/**
 * Availability windows: an attendee (or an organiser for them) says when they are at the event.
 * Rounds, their publish-time check and office-hour allocation ask AvailabilityRepository.unavailableDuring.
 */
@Injectable()
export class AvailabilityService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly attendees: AttendeesRepository,
    private readonly availability: AvailabilityRepository,
    private readonly events: EventsRepository,
  ) {}

  async mine(actor: Actor): Promise<AvailabilityOf> {
    const me = asAttendee(actor, 'Only attendees have availability of their own');
    return this.of(me.attendeeId);
  }

  /** Organisers of the attendee's event read it; an attendee reads only their own (myAvailability). */
  async forAttendee(actor: Actor, attendeeId: string): Promise<AvailabilityOf> {
    const attendee = await this.attendees.findById(attendeeId);
    if (!attendee) throw notFound('Attendee');
    if (!(actor.kind === 'attendee' && actor.attendeeId === attendee.id)) assertCanManage(actor, attendee.eventId, 'Attendee');
    return this.of(attendee.id);
  }

  async setMine(actor: Actor, windows: readonly StoredWindow[]): Promise<AvailabilityOf> {
    const me = asAttendee(actor, 'Only attendees set their own availability; organisers use setAttendeeAvailability');
    return this.set(me.attendeeId, windows);
  }

  async setFor(actor: Actor, attendeeId: string, windows: readonly StoredWindow[]): Promise<AvailabilityOf> {
    const attendee = await this.attendees.findById(attendeeId);
    if (!attendee) throw notFound('Attendee');
    assertCanManage(actor, attendee.eventId, 'Attendee');
    return this.set(attendee.id, windows);
  }

  private async set(attendeeId: string, windows: readonly StoredWindow[]): Promise<AvailabilityOf> {
    if (windows.length > MAX_WINDOWS) throw availabilityError(AvailabilityErrorReason.TOO_MANY_WINDOWS, `At most ${MAX_WINDOWS} windows; ${windows.length} given`);
    windows.forEach((window, index) => {
      if (window.endsAt.getTime() <= window.startsAt.getTime()) {
        throw availabilityError(AvailabilityErrorReason.WINDOW_EMPTY, `Window ${index + 1} ends at or before it starts`, {
          fields: [{ field: `windows.${index}.endsAt`, message: 'must be after startsAt' }],
        });
      }
    });
    const merged = mergeWindows(windows);
    return this.dataSource.transaction(async (manager) => {
      // The attendee's row, locked: two changes at once end with one of the two sets, never a mix.
      const attendee = await this.attendees.lockById(attendeeId, manager);
      if (!attendee) throw notFound('Attendee');
      const event = await this.events.getById(attendee.eventId, manager);
      for (const window of merged) assertWithinEventDays(event, 'This availability window', window.startsAt, window.endsAt);
      await this.availability.replaceWindows(
        event.id,
        attendee.id,
        merged.map((w) => w.startsAt),
        merged.map((w) => w.endsAt),
        manager,
      );
      return { windows: merged, timeZone: event.timeZone };
    });
  }

  private async of(attendeeId: string): Promise<AvailabilityOf> {
    const attendee = await this.attendees.findWithEvent(attendeeId);
    if (!attendee) throw notFound('Attendee');
    return { windows: await this.availability.windowsOf(attendee.id), timeZone: attendee.event!.timeZone };
  }
}

/** Windows sorted, and those that overlap or touch joined into one: 9–12 and 12–14 become 9–14. */
export function mergeWindows(windows: readonly StoredWindow[]): StoredWindow[] {
  const sorted = [...windows].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
  const merged: StoredWindow[] = [];
  for (const window of sorted) {
    const last = merged[merged.length - 1];
    if (last && window.startsAt.getTime() <= last.endsAt.getTime()) {
      if (window.endsAt.getTime() > last.endsAt.getTime()) last.endsAt = window.endsAt;
    } else {
      merged.push({ startsAt: window.startsAt, endsAt: window.endsAt });
    }
  }
  return merged;
}
