import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { isAdmin, type Actor } from '../auth/actor';
import { assertCanManage, assertCanSee } from '../auth/event-access';
import { forbidden, notFound } from '../common/domain-error';
import { eventsError, EventsErrorReason } from './events.errors';
import { isUniqueViolation } from '../common/postgres-errors';
import { rejectNulls } from '../common/validation';
import { outsideEventDays } from './event-days';
import { EventTagEntity } from './event-tag.entity';
import { EventEntity } from './event.entity';
import type { CreateEventInput, TagInput, UpdateEventInput } from './inputs/event.inputs';
import { OddPolicy } from './models/event.model';
import { slugify, TagVocabulary, type VocabularyEntry } from './tag-vocabulary';

export const DEFAULT_ROUND_MINUTES = 15;
/** Meeting requests an attendee may send per day when the event does not say (`meetingRequestsPerDay`). */
export const DEFAULT_MEETING_REQUESTS_PER_DAY = 10;

@Injectable()
export class EventsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** `within`: a transaction of the caller's to join (as a savepoint), e.g. the demo seeder's. */
  async create(actor: Actor, input: CreateEventInput, within?: EntityManager): Promise<EventEntity> {
    if (!isAdmin(actor)) throw forbidden('Only an admin can create events');
    checkDates(input.startsOn, input.endsOn);
    const vocabulary = input.vocabulary ? toVocabulary(input.vocabulary) : [];
    return this.saveUniqueSlug(within, async (manager) => {
      const event = await manager.getRepository(EventEntity).save(
        manager.getRepository(EventEntity).create({
          slug: input.slug,
          name: input.name.trim(),
          timeZone: input.timeZone ?? 'UTC',
          startsOn: input.startsOn ?? null,
          endsOn: input.endsOn ?? null,
          venue: input.venue ?? null,
          retentionDays: input.retentionDays ?? null,
          language: input.language ?? null,
          matchingSettings: {
            oddPolicy: input.oddPolicy === OddPolicy.BYE ? 'bye' : 'trio',
            defaultRoundMinutes: input.defaultRoundMinutes ?? DEFAULT_ROUND_MINUTES,
            meetingRequestsPerDay: input.meetingRequestsPerDay ?? DEFAULT_MEETING_REQUESTS_PER_DAY,
          },
        }),
      );
      await replaceVocabulary(manager, event.id, vocabulary);
      return event;
    });
  }

  async update(actor: Actor, input: UpdateEventInput): Promise<EventEntity> {
    rejectNulls(input, ['slug', 'name', 'timeZone', 'oddPolicy', 'defaultRoundMinutes', 'meetingRequestsPerDay', 'vocabulary']);
    const vocabulary = input.vocabulary ? toVocabulary(input.vocabulary) : undefined;
    return this.saveUniqueSlug(undefined, async (manager) => {
      const events = manager.getRepository(EventEntity);
      const event = await events.findOne({ where: { id: input.id }, lock: { mode: 'pessimistic_write' } });
      if (!event) throw notFound('Event');
      assertCanManage(actor, event.id);
      checkDates(input.startsOn !== undefined ? input.startsOn : event.startsOn, input.endsOn !== undefined ? input.endsOn : event.endsOn);
      if (input.slug !== undefined) event.slug = input.slug;
      if (input.name !== undefined) event.name = input.name.trim();
      if (input.timeZone !== undefined) event.timeZone = input.timeZone;
      if (input.startsOn !== undefined) event.startsOn = input.startsOn;
      if (input.endsOn !== undefined) event.endsOn = input.endsOn;
      if (input.venue !== undefined) event.venue = input.venue;
      if (input.retentionDays !== undefined) event.retentionDays = input.retentionDays;
      if (input.language !== undefined) event.language = input.language;
      if (input.startsOn !== undefined || input.endsOn !== undefined || input.timeZone !== undefined) {
        await assertScheduleFits(manager, event, (['startsOn', 'endsOn', 'timeZone'] as const).filter((field) => input[field] !== undefined));
      }
      event.matchingSettings = {
        ...event.matchingSettings,
        ...(input.oddPolicy ? { oddPolicy: input.oddPolicy === OddPolicy.BYE ? 'bye' : 'trio' } : {}),
        ...(input.defaultRoundMinutes ? { defaultRoundMinutes: input.defaultRoundMinutes } : {}),
        ...(input.meetingRequestsPerDay !== undefined ? { meetingRequestsPerDay: input.meetingRequestsPerDay } : {}),
      };
      await events.save(event);
      if (vocabulary) await replaceVocabulary(manager, event.id, vocabulary);
      return event;
    });
  }

  /** By id or slug; attendees see their own event only. */
  async find(actor: Actor, by: { id?: string; slug?: string }): Promise<EventEntity> {
    if (!by.id === !by.slug) throw eventsError(EventsErrorReason.EVENT_LOOKUP, 'Give exactly one of id or slug');
    const event = await this.dataSource.getRepository(EventEntity).findOneBy(by.id ? { id: by.id } : { slug: by.slug });
    if (!event) throw notFound('Event');
    assertCanSee(actor, event.id, 'Event');
    return event;
  }

  async list(actor: Actor): Promise<EventEntity[]> {
    const events = this.dataSource.getRepository(EventEntity);
    if (isAdmin(actor)) return events.find({ order: { startsOn: 'DESC', slug: 'ASC' } });
    const ids = actor.kind === 'attendee' ? [actor.eventId] : [...actor.organiserOf];
    return ids.length ? events.find({ where: { id: In(ids) }, order: { startsOn: 'DESC', slug: 'ASC' } }) : [];
  }

  async vocabulary(eventId: string, manager: EntityManager = this.dataSource.manager): Promise<TagVocabulary> {
    const tags = await manager.getRepository(EventTagEntity).findBy({ eventId });
    return new TagVocabulary(tags);
  }

  private async saveUniqueSlug(within: EntityManager | undefined, work: (manager: EntityManager) => Promise<EventEntity>): Promise<EventEntity> {
    try {
      return await (within ?? this.dataSource.manager).transaction(work);
    } catch (error) {
      if (isUniqueViolation(error, 'uq_events_slug')) throw eventsError(EventsErrorReason.EVENT_SLUG_TAKEN, 'Another event already uses this slug');
      throw error;
    }
  }
}

/**
 * New days or a new time zone must keep every round (not cancelled) and every talk, office hours
 * included, inside the event's days: the ones that would fall out are named.
 */
async function assertScheduleFits(manager: EntityManager, event: EventEntity, changed: readonly string[]): Promise<void> {
  const scheduled: { what: string; starts_at: Date; ends_at: Date }[] = await manager.query(
    `SELECT 'round “' || name || '”' AS what, starts_at, starts_at + make_interval(mins => duration_minutes) AS ends_at
       FROM rounds WHERE event_id = $1 AND status <> 'CANCELLED'
     UNION ALL
     SELECT 'talk “' || title || '”', starts_at, starts_at + make_interval(mins => duration_minutes + slot_count * slot_minutes)
       FROM talks WHERE event_id = $1
     ORDER BY starts_at`,
    [event.id],
  );
  const outside = scheduled.flatMap((item) => {
    const problem = outsideEventDays(event, item.starts_at, item.ends_at);
    return problem ? [`${item.what} ${problem}`] : [];
  });
  if (!outside.length) return;
  const shown = outside.slice(0, 5).join('; ') + (outside.length > 5 ? `; and ${outside.length - 5} more` : '');
  throw eventsError(
    EventsErrorReason.SCHEDULE_OUTSIDE_EVENT_DAYS,
    `With these dates, ${outside.length} of the event's rounds and talks would fall outside its days: ${shown}`,
    { fields: changed.map((field) => ({ field, message: 'would leave rounds or talks outside the event’s days' })) },
  );
}

function checkDates(startsOn?: string | null, endsOn?: string | null): void {
  if (startsOn && endsOn && startsOn > endsOn) {
    throw eventsError(EventsErrorReason.EVENT_DATES, 'The event cannot end before it starts', { fields: [{ field: 'endsOn', message: 'must not be before startsOn' }] });
  }
}

/** Validates a vocabulary: one slug per entry, and no spelling claimed by two entries. */
function toVocabulary(input: readonly TagInput[]): VocabularyEntry[] {
  const owner = new Map<string, string>();
  const seen = new Set<string>();
  return input.map((tag, index) => {
    const slug = tag.slug ?? slugify(tag.label);
    const field = `vocabulary.${index}`;
    if (!slug) throw eventsError(EventsErrorReason.VOCABULARY_INVALID, `Tag ${index + 1} has no usable label`, { fields: [{ field, message: 'must contain letters or digits' }] });
    if (seen.has(slug)) throw eventsError(EventsErrorReason.VOCABULARY_DUPLICATE, `The tag "${slug}" is listed twice`, { fields: [{ field, message: 'duplicate slug' }] });
    seen.add(slug);
    // A spelling with no letters or digits normalises to nothing: it can mean no tag, so it is dropped.
    const synonyms = [...new Set((tag.synonyms ?? []).map((s) => s.trim()).filter((s) => slugify(s)))];
    for (const spelling of [slug, tag.label, ...synonyms].map(slugify).filter(Boolean)) {
      const claimedBy = owner.get(spelling);
      if (claimedBy && claimedBy !== slug) {
        throw eventsError(EventsErrorReason.VOCABULARY_AMBIGUOUS, `"${spelling}" would mean both "${claimedBy}" and "${slug}"`, {
          fields: [{ field, message: `"${spelling}" is already used by "${claimedBy}"` }],
        });
      }
      owner.set(spelling, slug);
    }
    return { slug, label: tag.label.trim(), synonyms };
  });
}

async function replaceVocabulary(manager: EntityManager, eventId: string, entries: readonly VocabularyEntry[]): Promise<void> {
  const tags = manager.getRepository(EventTagEntity);
  await tags.delete({ eventId });
  if (entries.length) await tags.insert(entries.map((entry) => ({ ...entry, synonyms: [...entry.synonyms], eventId })));
}
