import DataLoader from 'dataloader';
import { DataSource, In, type EntityTarget, type FindOptionsWhere } from 'typeorm';
import type { AttendeeEntity } from '../attendees/attendee.entity';
import { EventTagEntity } from '../events/event-tag.entity';
import type { EventEntity } from '../events/event.entity';
import type { AttendeesRepository } from '../attendees/attendees.repository';
import type { EventsRepository } from '../events/events.repository';
import { RoundEntity } from '../rounds/round.entity';

/** Rows by id through a repository's `findByIds`, one query per batch (undefined for an id that has none). */
function byId<T extends { id: string }>(find: (ids: readonly string[]) => Promise<T[]>): DataLoader<string, T | undefined> {
  return new DataLoader<string, T | undefined>(async (ids) => {
    const rows = new Map((await find(ids)).map((row) => [row.id, row]));
    return ids.map((id) => rows.get(id));
  });
}

/** Rows of `entity` by primary key, one query per batch (undefined for an id that has none). */
function loaderById<T extends { id: string }>(dataSource: DataSource, entity: EntityTarget<T>): DataLoader<string, T | undefined> {
  return new DataLoader<string, T | undefined>(async (ids) => {
    const rows = await dataSource.getRepository(entity).findBy({ id: In([...ids]) } as FindOptionsWhere<T>);
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ids.map((id) => byId.get(id));
  });
}

/**
 * Batching per GraphQL request: listing 100 attendees with their event and
 * its vocabulary costs one query per kind, not one per attendee.
 */
export function createRequestLoaders(dataSource: DataSource, repositories: { events: EventsRepository; attendees: AttendeesRepository }) {
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
      return (roundById ??= loaderById(dataSource, RoundEntity));
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
