import DataLoader from 'dataloader';
import type { AttendeeEntity } from '../attendees/attendee.entity';
import type { EventTagEntity } from '../events/event-tag.entity';
import type { EventEntity } from '../events/event.entity';
import type { AttendeesRepository } from '../attendees/attendees.repository';
import type { EventsRepository } from '../events/events.repository';
import type { RoundEntity } from '../rounds/round.entity';
import type { RoundsRepository } from '../rounds/rounds.repository';

/** Rows by id through a repository's `findByIds`, one query per batch (undefined for an id that has none). */
function byId<T extends { id: string }>(find: (ids: readonly string[]) => Promise<T[]>): DataLoader<string, T | undefined> {
  return new DataLoader<string, T | undefined>(async (ids) => {
    const rows = new Map((await find(ids)).map((row) => [row.id, row]));
    return ids.map((id) => rows.get(id));
  });
}

/**
 * Batching per GraphQL request: listing 100 attendees with their event and
 * its vocabulary costs one query per kind, not one per attendee.
 */
export function createRequestLoaders(repositories: { events: EventsRepository; attendees: AttendeesRepository; rounds: RoundsRepository }) {
  // Built on first use: most requests (an attendee's `myMeetings`) never need one.
  let attendeeById: DataLoader<string, AttendeeEntity | undefined> | undefined;
  let eventById: DataLoader<string, EventEntity | undefined> | undefined;
  let roundById: DataLoader<string, RoundEntity | undefined> | undefined;
  let tagsByEventId: DataLoader<string, EventTagEntity[]> | undefined;
  return {
    get attendeeById() {
      return (attendeeById ??= byId((ids) => repositories.attendees.findByIds(ids)));
    },
    get eventById() {
      return (eventById ??= byId((ids) => repositories.events.findByIds(ids)));
    },
    get roundById() {
      return (roundById ??= byId((ids) => repositories.rounds.findByIds(ids)));
    },
    get tagsByEventId() {
      return (tagsByEventId ??= new DataLoader<string, EventTagEntity[]>(async (eventIds) => {
        const rows = await repositories.events.tagsOfEvents(eventIds);
        return eventIds.map((id) => rows.filter((row) => row.eventId === id));
      }));
    },
  };
}

export type RequestLoaders = ReturnType<typeof createRequestLoaders>;
