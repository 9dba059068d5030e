import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { allocateSpeakerSlots } from '@pairwise/matching';
import { DataSource, EntityManager } from 'typeorm';
import { AttendeeEntity } from '../attendees/attendee.entity';
import { AvailabilityRepository } from '../availability/availability.repository';
import type { Actor } from '../auth/actor';
import { assertCanManage, assertCanSee } from '../auth/event-access';
import { forbidden, notFound } from '../common/domain-error';
import { talksError, TalksErrorReason } from './talks.errors';
import { countAffected } from '../common/sql';
import { assertWithinEventDays } from '../events/event-days';
import { EventEntity } from '../events/event.entity';
import { EventsService } from '../events/events.service';
import { noticeSlotsPublished } from '../realtime/round-notices';
import type { CreateTalkInput, RequestSlotInput } from './inputs/talk.inputs';
import { SlotRequestEntity, TalkEntity } from './talk.entity';

export interface TalkWithCount {
  talk: TalkEntity;
  speaker: AttendeeEntity;
  requestCount: number;
  /** The event's time zone, in which local times are written. */
  timeZone: string;
}

/**
 * Speaker office hours: after a talk, its speaker offers a few short 1:1
 * slots; attendees ask with a one-line question; organisers allocate (the
 * matching library decides who gets which slot, fairly across the event,
 * never a slot its holder is not at the event for: availability windows)
 * and publish, after which slots show in myMeetings and calendar feeds.
 */
@Injectable()
export class TalksService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly eventsService: EventsService,
    private readonly availability: AvailabilityRepository,
  ) {}

  async create(actor: Actor, input: CreateTalkInput): Promise<TalkEntity> {
    // The event's row is share-locked: its days cannot change (updateEvent) between the check and the insert.
    return this.dataSource.transaction(async (manager) => {
      const event = await manager.getRepository(EventEntity).findOne({ where: { id: input.eventId }, lock: { mode: 'pessimistic_read' } });
      if (!event) throw notFound('Event');
      assertCanManage(actor, event.id);
      const speaker = await manager.getRepository(AttendeeEntity).findOneBy({ id: input.speakerId });
      if (!speaker || speaker.eventId !== event.id) {
        throw talksError(TalksErrorReason.SPEAKER_NOT_ATTENDEE, 'The speaker must be an attendee of this event', { fields: [{ field: 'speakerId', message: 'not an attendee of this event' }] });
      }
      // The office hours after the talk are on the event's schedule too.
      const endsAt = input.slotCount ? slotWindow(input, input.slotCount - 1).endsAt : new Date(input.startsAt.getTime() + input.durationMinutes * 60_000);
      assertWithinEventDays(event, 'This talk (with its office hours)', input.startsAt, endsAt);
      const vocabulary = await this.eventsService.vocabulary(event.id, manager);
      const talks = manager.getRepository(TalkEntity);
      return talks.save(
        talks.create({
          eventId: event.id,
          title: input.title.trim(),
          speakerId: speaker.id,
          startsAt: input.startsAt,
          durationMinutes: input.durationMinutes,
          tags: vocabulary.normalise(input.tags ?? []).tags,
          slotCount: input.slotCount,
          slotMinutes: input.slotMinutes,
          location: input.location?.trim() || null,
        }),
      );
    });
  }

  async list(actor: Actor, eventId: string): Promise<TalkWithCount[]> {
    assertCanSee(actor, eventId, 'Event');
    const talks = await this.dataSource.getRepository(TalkEntity).find({ where: { eventId }, relations: { speaker: true, event: true }, order: { startsAt: 'ASC', title: 'ASC' } });
    return this.withCounts(talks);
  }

  async get(actor: Actor, talkId: string): Promise<TalkWithCount> {
    const talk = await this.dataSource.getRepository(TalkEntity).findOne({ where: { id: talkId }, relations: { speaker: true, event: true } });
    if (!talk) throw notFound('Talk');
    assertCanSee(actor, talk.eventId, 'Talk');
    return (await this.withCounts([talk]))[0]!;
  }

  /** Ask for a slot; after publication a request joins the end of the standby list. */
  async request(actor: Actor, input: RequestSlotInput): Promise<SlotRequestEntity> {
    // Staff never ask: refused before the talk is looked up, as withdrawing is (nothing told about the id).
    if (actor.kind !== 'attendee') throw forbidden('Only attendees ask for office-hour slots');
    const { talk } = await this.get(actor, input.talkId);
    if (talk.speakerId === actor.attendeeId) throw talksError(TalksErrorReason.OWN_TALK, 'Speakers do not book their own office hours');
    return this.dataSource.transaction(async (manager) => {
      await manager.query(`SELECT 1 FROM talks WHERE id = $1 FOR UPDATE`, [talk.id]);
      const current = await manager.getRepository(TalkEntity).findOneByOrFail({ id: talk.id });
      const requests = manager.getRepository(SlotRequestEntity);
      const existing = await requests.findOneBy({ talkId: talk.id, attendeeId: actor.attendeeId });
      if (existing) {
        await requests.update({ talkId: talk.id, attendeeId: actor.attendeeId }, { question: input.question.trim() });
      } else {
        const standbyRank = current.allocationStatus === 'PUBLISHED' ? (await lastStandbyRank(manager, talk.id)) + 1 : null;
        await requests.insert({ talkId: talk.id, attendeeId: actor.attendeeId, question: input.question.trim(), standbyRank });
      }
      return requests.findOneByOrFail({ talkId: talk.id, attendeeId: actor.attendeeId });
    });
  }

  /** Withdraw a request; a published slot given up goes to the first on the standby list. */
  async withdraw(actor: Actor, talkId: string): Promise<boolean> {
    if (actor.kind !== 'attendee') throw forbidden('Only attendees withdraw their own requests');
    return this.dataSource.transaction(async (manager) => {
      await manager.query(`SELECT 1 FROM talks WHERE id = $1 FOR UPDATE`, [talkId]);
      const talk = await manager.getRepository(TalkEntity).findOneBy({ id: talkId });
      const requests = manager.getRepository(SlotRequestEntity);
      const mine = await requests.findOneBy({ talkId, attendeeId: actor.attendeeId });
      if (!talk || !mine) throw notFound('Slot request');
      await requests.delete({ talkId, attendeeId: actor.attendeeId });
      if (mine.standbyRank !== null) {
        await manager.query(`UPDATE slot_requests SET standby_rank = standby_rank - 1 WHERE talk_id = $1 AND standby_rank > $2`, [talkId, mine.standbyRank]);
      }
      if (mine.slotIndex !== null && talk.allocationStatus === 'PUBLISHED') {
        // The first on standby who is at the event for the whole slot (availability windows) takes it.
        const window = slotWindow(talk, mine.slotIndex);
        const unavailable = new Set(await this.availability.unavailableDuring(talk.eventId, window.startsAt, window.endsAt, manager));
        const waiting = await requests.find({ where: { talkId }, order: { standbyRank: 'ASC' } });
        const next = waiting.find((r) => r.standbyRank !== null && !unavailable.has(r.attendeeId));
        if (next) {
          await requests.update({ talkId, attendeeId: next.attendeeId }, { slotIndex: mine.slotIndex, standbyRank: null });
          await manager.query(`UPDATE slot_requests SET standby_rank = standby_rank - 1 WHERE talk_id = $1 AND standby_rank > $2`, [talkId, next.standbyRank]);
        }
      }
      return true;
    });
  }

  /** Organisers: (re)allocate the slots as a draft; everyone who asked gets a slot or a standby place. */
  async allocate(actor: Actor, talkId: string): Promise<TalkWithCount> {
    const { talk } = await this.get(actor, talkId);
    assertCanManage(actor, talk.eventId, 'Talk');
    await this.dataSource.transaction(async (manager) => {
      await manager.query(`SELECT 1 FROM talks WHERE id = $1 FOR UPDATE`, [talk.id]);
      const current = await manager.getRepository(TalkEntity).findOneByOrFail({ id: talk.id });
      if (current.allocationStatus === 'PUBLISHED') throw talksError(TalksErrorReason.SLOTS_PUBLISHED, 'These office hours are already published');
      const requests: { attendee_id: string; interests: string[]; stack: string[]; created_at: Date; held: number }[] = await manager.query(
        `SELECT r.attendee_id, a.interests, a.stack, r.created_at,
                (SELECT count(*)::int FROM slot_requests o JOIN talks t ON t.id = o.talk_id
                  WHERE o.attendee_id = r.attendee_id AND o.slot_index IS NOT NULL AND t.allocation_status = 'PUBLISHED' AND t.id <> r.talk_id) AS held
           FROM slot_requests r JOIN attendees a ON a.id = r.attendee_id
          WHERE r.talk_id = $1`,
        [talk.id],
      );
      // Who is not at the event for the whole of each slot (availability windows) cannot take it.
      const cannotTake = new Map<string, number[]>();
      for (let index = 0; index < current.slotCount; index++) {
        const window = slotWindow(current, index);
        for (const id of await this.availability.unavailableDuring(current.eventId, window.startsAt, window.endsAt, manager)) {
          cannotTake.set(id, [...(cannotTake.get(id) ?? []), index]);
        }
      }
      const allocation = allocateSpeakerSlots({
        talkTags: current.tags,
        slots: current.slotCount,
        requests: requests.map((r) => ({
          attendeeId: r.attendee_id,
          tags: [...r.interests, ...r.stack],
          slotsAlreadyGranted: r.held,
          requestedAt: new Date(r.created_at).getTime(),
          unavailableSlots: cannotTake.get(r.attendee_id) ?? [],
        })),
      });
      await manager.query(`UPDATE slot_requests SET slot_index = NULL, standby_rank = NULL WHERE talk_id = $1`, [talk.id]);
      for (const granted of allocation.granted) {
        await manager.update(SlotRequestEntity, { talkId: talk.id, attendeeId: granted.attendeeId }, { slotIndex: granted.slot });
      }
      for (const waiting of allocation.standby) {
        await manager.update(SlotRequestEntity, { talkId: talk.id, attendeeId: waiting.attendeeId }, { standbyRank: waiting.rank });
      }
      await manager.update(TalkEntity, { id: talk.id }, { allocationStatus: 'ALLOCATED' });
    });
    return this.get(actor, talk.id);
  }

  async publish(actor: Actor, talkId: string): Promise<TalkWithCount> {
    const { talk } = await this.get(actor, talkId);
    assertCanManage(actor, talk.eventId, 'Talk');
    await this.dataSource.transaction(async (manager) => {
      const published = await countAffected(
        manager,
        `UPDATE talks SET allocation_status = 'PUBLISHED' WHERE id = $1 AND allocation_status = 'ALLOCATED' RETURNING 1`,
        [talk.id],
      );
      if (!published) throw talksError(TalksErrorReason.SLOTS_NOT_ALLOCATED, `Allocate the slots first; they are ${talk.allocationStatus}`);
      // Sent on commit only: subscribers hear of slots they can already fetch.
      await noticeSlotsPublished(manager, { talkId: talk.id, eventId: talk.eventId });
    });
    return this.get(actor, talk.id);
  }

  /** Staff see every request; an attendee sees their own. */
  async requests(actor: Actor, talk: Pick<TalkEntity, 'id' | 'eventId'>): Promise<SlotRequestEntity[]> {
    const where = actor.kind === 'attendee' ? { talkId: talk.id, attendeeId: actor.attendeeId } : { talkId: talk.id };
    if (actor.kind !== 'attendee') assertCanManage(actor, talk.eventId, 'Talk');
    return this.dataSource.getRepository(SlotRequestEntity).find({ where, relations: { attendee: true }, order: { slotIndex: 'ASC', standbyRank: 'ASC', createdAt: 'ASC' } });
  }

  private async withCounts(talks: TalkEntity[]): Promise<TalkWithCount[]> {
    if (!talks.length) return [];
    const counts: { talk_id: string; n: number }[] = await this.dataSource.query(
      `SELECT talk_id, count(*)::int AS n FROM slot_requests WHERE talk_id = ANY($1::uuid[]) GROUP BY talk_id`,
      [talks.map((t) => t.id)],
    );
    return talks.map((talk) => ({
      talk,
      speaker: talk.speaker!,
      requestCount: counts.find((c) => c.talk_id === talk.id)?.n ?? 0,
      timeZone: talk.event!.timeZone,
    }));
  }
}

async function lastStandbyRank(manager: EntityManager, talkId: string): Promise<number> {
  const [row] = await manager.query(`SELECT coalesce(max(standby_rank), 0)::int AS rank FROM slot_requests WHERE talk_id = $1`, [talkId]);
  return row.rank;
}

/** When slot `index` of a talk starts and ends: back to back, right after the talk. */
export function slotWindow(talk: Pick<TalkEntity, 'startsAt' | 'durationMinutes' | 'slotMinutes'>, index: number): { startsAt: Date; endsAt: Date } {
  const start = talk.startsAt.getTime() + (talk.durationMinutes + index * talk.slotMinutes) * 60_000;
  return { startsAt: new Date(start), endsAt: new Date(start + talk.slotMinutes * 60_000) };
}
