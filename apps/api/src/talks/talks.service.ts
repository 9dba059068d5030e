import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AttendeeEntity } from '../attendees/attendee.entity';
import type { Actor } from '../auth/actor';
import { asAttendee, assertCanManage, assertCanSee, managedEvent } from '../auth/event-access';
import { notFound } from '../common/domain-error';
import { talksError, TalksErrorReason } from './talks.errors';
import { assertWithinEventDays } from '../events/event-days';
import { EventsService } from '../events/events.service';
import type { CreateTalkInput, RequestSlotInput } from './inputs/talk.inputs';
import { SlotRequestEntity, TalkEntity } from './talk.entity';
import { EventsRepository } from '../events/events.repository';
import { AttendeesRepository } from '../attendees/attendees.repository';
import { TalksRepository } from './talks.repository';

export interface TalkWithCount {
  talk: TalkEntity;
  speaker: AttendeeEntity;
  requestCount: number;
  /** The event's time zone, in which local times are written. */
  timeZone: string;
}

/**
 * Talks and their speakers' office hours: after a talk, its speaker offers a
 * few short 1:1 slots and attendees ask with a one-line question. Allocating,
 * publishing and giving a slot up are office-hours/ (OfficeHoursService).
 */
@Injectable()
export class TalksService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly attendees: AttendeesRepository,
    private readonly eventsService: EventsService,
    private readonly events: EventsRepository,
    private readonly talks: TalksRepository,
  ) {}

  async create(actor: Actor, input: CreateTalkInput): Promise<TalkEntity> {
    // The event's row is share-locked: its days cannot change (updateEvent) between the check and the insert.
    return this.dataSource.transaction(async (manager) => {
      const event = managedEvent(actor, await this.events.lockById(input.eventId, 'share', manager));
      const speaker = await this.attendees.findById(input.speakerId, manager);
      if (!speaker || speaker.eventId !== event.id) {
        throw talksError(TalksErrorReason.SPEAKER_NOT_ATTENDEE, 'The speaker must be an attendee of this event', { fields: [{ field: 'speakerId', message: 'not an attendee of this event' }] });
      }
      // The office hours after the talk are on the event's schedule too.
      const endsAt = input.slotCount ? slotWindow(input, input.slotCount - 1).endsAt : new Date(input.startsAt.getTime() + input.durationMinutes * 60_000);
      assertWithinEventDays(event, 'This talk (with its office hours)', input.startsAt, endsAt);
      const vocabulary = await this.eventsService.vocabulary(event.id, manager);
      return this.talks.insert(
        {
          eventId: event.id,
          title: input.title.trim(),
          speakerId: speaker.id,
          startsAt: input.startsAt,
          durationMinutes: input.durationMinutes,
          tags: vocabulary.normalise(input.tags ?? []).tags,
          slotCount: input.slotCount,
          slotMinutes: input.slotMinutes,
          location: input.location?.trim() || null,
        },
        manager,
      );
    });
  }

  async list(actor: Actor, eventId: string): Promise<TalkWithCount[]> {
    assertCanSee(actor, eventId, 'Event');
    return this.withCounts(await this.talks.listForEvent(eventId));
  }

  async get(actor: Actor, talkId: string): Promise<TalkWithCount> {
    const talk = await this.talks.findWithSpeaker(talkId);
    if (!talk) throw notFound('Talk');
    assertCanSee(actor, talk.eventId, 'Talk');
    return (await this.withCounts([talk]))[0]!;
  }

  /** Several talks by id, in time order (the caller has checked that the actor manages their event). */
  async getMany(talkIds: readonly string[]): Promise<TalkWithCount[]> {
    if (!talkIds.length) return [];
    return this.withCounts(await this.talks.findManyWithSpeakers(talkIds));
  }

  /** Ask for a slot; after publication a request joins the end of the standby list. */
  async request(actor: Actor, input: RequestSlotInput): Promise<SlotRequestEntity> {
    // Staff never ask: refused before the talk is looked up, as withdrawing is (nothing told about the id).
    const me = asAttendee(actor, 'Only attendees ask for office-hour slots');
    const { talk } = await this.get(actor, input.talkId);
    if (talk.speakerId === me.attendeeId) throw talksError(TalksErrorReason.OWN_TALK, 'Speakers do not book their own office hours');
    return this.dataSource.transaction(async (manager) => {
      const current = await this.talks.lockById(talk.id, manager);
      if (!current) throw notFound('Talk');
      const existing = await this.talks.findRequest(talk.id, me.attendeeId, manager);
      if (existing) {
        await this.talks.setQuestion(talk.id, me.attendeeId, input.question.trim(), manager);
      } else {
        const standbyRank = current.allocationStatus === 'PUBLISHED' ? (await this.talks.lastStandbyRank(talk.id, manager)) + 1 : null;
        await this.talks.insertRequest({ talkId: talk.id, attendeeId: me.attendeeId, question: input.question.trim(), standbyRank }, manager);
      }
      return this.talks.getRequest(talk.id, me.attendeeId, manager);
    });
  }

  /** Staff see every request; an attendee sees their own. */
  async requests(actor: Actor, talk: Pick<TalkEntity, 'id' | 'eventId'>): Promise<SlotRequestEntity[]> {
    if (actor.kind !== 'attendee') assertCanManage(actor, talk.eventId, 'Talk');
    return this.talks.requestsOf(talk.id, actor.kind === 'attendee' ? actor.attendeeId : null);
  }

  private async withCounts(talks: TalkEntity[]): Promise<TalkWithCount[]> {
    if (!talks.length) return [];
    const counts = await this.talks.requestCounts(talks.map((t) => t.id));
    return talks.map((talk) => ({
      talk,
      speaker: talk.speaker!,
      requestCount: counts.get(talk.id) ?? 0,
      timeZone: talk.event!.timeZone,
    }));
  }
}

/** When slot `index` of a talk starts and ends: back to back, right after the talk. */
export function slotWindow(talk: Pick<TalkEntity, 'startsAt' | 'durationMinutes' | 'slotMinutes'>, index: number): { startsAt: Date; endsAt: Date } {
  const start = talk.startsAt.getTime() + (talk.durationMinutes + index * talk.slotMinutes) * 60_000;
  return { startsAt: new Date(start), endsAt: new Date(start + talk.slotMinutes * 60_000) };
}
