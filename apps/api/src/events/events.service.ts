import { Injectable } from '@nestjs/common';
import { slugify, type VocabularyEntry } from '@pairwise/vocabulary';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { isAdmin, type Actor } from '../auth/actor';
import { assertCanSee, managedEvent } from '../auth/event-access';
import { forbidden, notFound } from '../common/domain-error';
import { eventsError, EventsErrorReason } from './events.errors';
import { isUniqueViolation } from '../common/postgres-errors';
import { rejectNulls } from '../common/validation';
import { outsideEventDays } from './event-days';
import { EventEntity, type RequestSlotSettings } from './event.entity';
import { EventsRepository, type ScheduledItem } from './events.repository';
import type { CreateEventInput, MeetingRequestSlotsInput, TagInput, UpdateEventInput } from './inputs/event.inputs';
import { OddPolicy } from './models/event.model';
import { TagVocabulary } from './tag-vocabulary';

export const DEFAULT_ROUND_MINUTES = 15;
/** Meeting requests an attendee may send per day when the event does not say (`meetingRequestsPerDay`). */
export const DEFAULT_MEETING_REQUESTS_PER_DAY = 10;

@Injectable()
export class EventsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly events: EventsRepository,
  ) {}

  /** `within`: a transaction of the caller's to join (as a savepoint), e.g. the demo seeder's. */
  async create(actor: Actor, input: CreateEventInput, within?: EntityManager): Promise<EventEntity> {
    if (!isAdmin(actor)) throw forbidden('Only an admin can create events');
    checkDates(input.startsOn, input.endsOn);
    const vocabulary = input.vocabulary ? toVocabulary(input.vocabulary) : [];
    return this.saveUniqueSlug(within, async (manager) => {
      const event = await this.events.save(
        {
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
            ...(input.meetingRequestSlots ? { requestSlots: toRequestSlots(input.meetingRequestSlots) } : {}),
          },
        },
        manager,
      );
      await this.events.replaceVocabulary(event.id, vocabulary, manager);
      return event;
    });
  }

  async update(actor: Actor, input: UpdateEventInput): Promise<EventEntity> {
    rejectNulls(input, ['slug', 'name', 'timeZone', 'oddPolicy', 'defaultRoundMinutes', 'meetingRequestsPerDay', 'vocabulary']);
    const vocabulary = input.vocabulary ? toVocabulary(input.vocabulary) : undefined;
    return this.saveUniqueSlug(undefined, async (manager) => {
      const event = managedEvent(actor, await this.events.lockById(input.id, 'update', manager));
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
        assertScheduleFits(event, await this.events.scheduleOf(event.id, manager), (['startsOn', 'endsOn', 'timeZone'] as const).filter((field) => input[field] !== undefined));
      }
      event.matchingSettings = {
        ...event.matchingSettings,
        ...(input.oddPolicy ? { oddPolicy: input.oddPolicy === OddPolicy.BYE ? 'bye' : 'trio' } : {}),
        ...(input.defaultRoundMinutes ? { defaultRoundMinutes: input.defaultRoundMinutes } : {}),
        ...(input.meetingRequestsPerDay !== undefined ? { meetingRequestsPerDay: input.meetingRequestsPerDay } : {}),
      };
      // null turns slots off: accepted requests wait for the next round again (slots already given stay).
      if (input.meetingRequestSlots === null) delete event.matchingSettings.requestSlots;
      else if (input.meetingRequestSlots) event.matchingSettings.requestSlots = toRequestSlots(input.meetingRequestSlots);
      await this.events.save(event, manager);
      if (vocabulary) await this.events.replaceVocabulary(event.id, vocabulary, manager);
      return event;
    });
  }

  /** By id or slug; attendees see their own event only. */
  async find(actor: Actor, by: { id?: string; slug?: string }): Promise<EventEntity> {
    if (!by.id === !by.slug) throw eventsError(EventsErrorReason.EVENT_LOOKUP, 'Give exactly one of id or slug');
    const event = by.id ? await this.events.findById(by.id) : await this.events.findBySlug(by.slug!);
    if (!event) throw notFound('Event');
    assertCanSee(actor, event.id, 'Event');
    return event;
  }

  async list(actor: Actor): Promise<EventEntity[]> {
    if (isAdmin(actor)) return this.events.list();
    const ids = actor.kind === 'attendee' ? [actor.eventId] : [...actor.organiserOf];
    return ids.length ? this.events.list(ids) : [];
  }

  async vocabulary(eventId: string, manager?: EntityManager): Promise<TagVocabulary> {
    return new TagVocabulary(await this.events.tagsOf(eventId, manager));
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

/** Request slots as stored: their hours must hold at least one slot. */
function toRequestSlots(input: MeetingRequestSlotsInput): RequestSlotSettings {
  const minutesOf = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
  if (minutesOf(input.dayEndsAt) - minutesOf(input.dayStartsAt) < input.minutes) {
    throw eventsError(EventsErrorReason.REQUEST_SLOT_HOURS, `No ${input.minutes}-minute slot fits between ${input.dayStartsAt} and ${input.dayEndsAt}`, {
      fields: [{ field: 'meetingRequestSlots.dayEndsAt', message: `must leave at least ${input.minutes} minutes after dayStartsAt` }],
    });
  }
  return { minutes: input.minutes, tables: input.tables, dayStartsAt: input.dayStartsAt, dayEndsAt: input.dayEndsAt };
}

/**
 * New days or a new time zone must keep every round (not cancelled) and every talk, office hours
 * included, inside the event's days: the ones that would fall out are named.
 */
function assertScheduleFits(event: EventEntity, scheduled: readonly ScheduledItem[], changed: readonly string[]): void {
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
