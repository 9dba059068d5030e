import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { allocateOfficeHours, type BusyInterval, type OfficeHoursAllocation } from '@pairwise/matching';
import { DataSource, type EntityManager } from 'typeorm';
import type { Actor } from '../auth/actor';
import { asAttendee, assertCanManage } from '../auth/event-access';
import { AvailabilityRepository } from '../availability/availability.repository';
import { notFound } from '../common/domain-error';
import type { EventEntity } from '../events/event.entity';
import { EventsRepository } from '../events/events.repository';
import { OutboxRepository } from '../mail/outbox.repository';
import { MeetingRequestsRepository } from '../meeting-requests/meeting-requests.repository';
import { RoundNoticesRepository } from '../realtime/round-notices.repository';
import { MeetingsRepository } from '../rounds/meetings.repository';
import { talksError, TalksErrorReason } from '../talks/talks.errors';
import { TalksRepository, type AllocatableTalk, type TakenInterval } from '../talks/talks.repository';
import { slotWindow, TalksService, type TalkWithCount } from '../talks/talks.service';

/** What an allocation of several talks did, for the organiser's review. */
export interface ProgrammeOutcome {
  talks: TalkWithCount[];
  stats: OfficeHoursAllocation['stats'];
}

/** Why someone cannot hold a slot at its time. */
type TakenBy = 'SPEAKING' | 'ANOTHER_SLOT' | 'SEATED_IN_ROUND' | 'MEETING_REQUEST' | 'UNAVAILABLE';

interface Taken extends TakenInterval {
  by: TakenBy;
}

const TAKEN_WORDS: Record<TakenBy, string> = {
  SPEAKING: 'giving a talk or its office hours',
  ANOTHER_SLOT: 'holding another office-hour slot',
  SEATED_IN_ROUND: 'seated in a published round',
  MEETING_REQUEST: 'meeting someone at an accepted meeting request’s slot',
  UNAVAILABLE: 'not at the event (availability windows)',
};

const overlaps = (a: { starts_at: Date; ends_at: Date }, start: Date, end: Date): boolean =>
  new Date(a.starts_at).getTime() < end.getTime() && new Date(a.ends_at).getTime() > start.getTime();

/**
 * Office hours, allocated and published: for one talk, or for every talk of an event or of one of its
 * days at once (the library's allocateOfficeHours: relevance with the round's pair score, fairness by
 * levels, capacity, no clash). Nobody is given a slot while they speak (their talk and its office
 * hours), hold another slot, sit at a published round's table, or are not at the event then
 * (availability windows); publishing checks it again, and a slot given up goes to the first on
 * standby who is free then.
 */
@Injectable()
export class OfficeHoursService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly talksService: TalksService,
    private readonly talks: TalksRepository,
    private readonly meetings: MeetingsRepository,
    private readonly availability: AvailabilityRepository,
    private readonly outbox: OutboxRepository,
    private readonly events: EventsRepository,
    private readonly meetingRequests: MeetingRequestsRepository,
    private readonly notices: RoundNoticesRepository,
  ) {}

  /** Organisers: allocate every not yet published talk of the event (of `day`, on its clock) as drafts. */
  async allocateProgramme(actor: Actor, eventId: string, day: string | null): Promise<ProgrammeOutcome> {
    const outcome = await this.dataSource.transaction(async (manager) => {
      const event = await this.managedEvent(actor, eventId, manager);
      const talks = (await this.talks.lockForAllocation(event.id, null, day, manager)).filter((t) => t.allocation_status !== 'PUBLISHED');
      return { ids: talks.map((t) => t.id), stats: await this.allocateIn(manager, event, talks) };
    });
    return { talks: await this.talksService.getMany(outcome.ids), stats: outcome.stats };
  }

  /** Organisers: (re)allocate one talk's slots as a draft, with the same rules (the others' slots stay). */
  async allocateTalk(actor: Actor, talkId: string): Promise<TalkWithCount> {
    const { talk } = await this.talksService.get(actor, talkId);
    assertCanManage(actor, talk.eventId, 'Talk');
    await this.dataSource.transaction(async (manager) => {
      const event = await this.managedEvent(actor, talk.eventId, manager);
      const [current] = await this.talks.lockForAllocation(event.id, [talk.id], null, manager);
      if (!current) throw notFound('Talk');
      if (current.allocation_status === 'PUBLISHED') throw talksError(TalksErrorReason.SLOTS_PUBLISHED, 'These office hours are already published');
      await this.allocateIn(manager, event, [current]);
    });
    return this.talksService.get(actor, talk.id);
  }

  /** Organisers: publish every allocated talk of the event (of `day`), each as publishing it alone does. */
  async publishProgramme(actor: Actor, eventId: string, day: string | null): Promise<TalkWithCount[]> {
    const outcome = await this.dataSource.transaction(async (manager) => {
      const event = await this.managedEvent(actor, eventId, manager);
      const talks = (await this.talks.lockForAllocation(event.id, null, day, manager)).filter((t) => t.allocation_status === 'ALLOCATED');
      if (!talks.length) throw talksError(TalksErrorReason.SLOTS_NOT_ALLOCATED, `No allocated office hours to publish${day ? ` on ${day}` : ''}: allocate them first`);
      await this.publishIn(manager, event.id, talks);
      return { ids: talks.map((t) => t.id) };
    });
    return this.talksService.getMany(outcome.ids);
  }

  /** Organisers: publish one talk's allocation. */
  async publishTalk(actor: Actor, talkId: string): Promise<TalkWithCount> {
    const { talk } = await this.talksService.get(actor, talkId);
    assertCanManage(actor, talk.eventId, 'Talk');
    await this.dataSource.transaction(async (manager) => {
      const [current] = await this.talks.lockForAllocation(talk.eventId, [talk.id], null, manager);
      if (current?.allocation_status !== 'ALLOCATED') throw talksError(TalksErrorReason.SLOTS_NOT_ALLOCATED, `Allocate the slots first; they are ${current?.allocation_status ?? talk.allocationStatus}`);
      await this.publishIn(manager, talk.eventId, [current]);
    });
    return this.talksService.get(actor, talk.id);
  }

  /**
   * Attendees: withdraw a request; a published slot given up goes to the first on standby who is free
   * then, who is told live (meetingAssigned) and reminded by mail as the slots' first holders are.
   */
  async withdraw(actor: Actor, talkId: string): Promise<boolean> {
    const me = asAttendee(actor, 'Only attendees withdraw their own requests');
    return this.dataSource.transaction(async (manager) => {
      const talk = await this.talks.lockById(talkId, manager);
      const mine = await this.talks.findRequest(talkId, me.attendeeId, manager);
      if (!talk || !mine) throw notFound('Slot request');
      await this.talks.deleteRequest(talkId, me.attendeeId, manager);
      if (mine.standbyRank !== null) await this.talks.closeStandbyGap(talkId, mine.standbyRank, manager);
      if (mine.slotIndex !== null && talk.allocationStatus === 'PUBLISHED') {
        const window = slotWindow(talk, mine.slotIndex);
        const taken = new Set([
          ...(await this.talks.busyDuring(talk.eventId, window.startsAt, window.endsAt, manager)),
          ...(await this.meetings.seatsDuring(talk.eventId, window.startsAt, window.endsAt, manager)).map((seat) => seat.attendee_id),
          ...(await this.meetingRequests.slotHoldersDuring(talk.eventId, window.startsAt, window.endsAt, manager)),
          ...(await this.availability.unavailableDuring(talk.eventId, window.startsAt, window.endsAt, manager)),
        ]);
        const waiting = await this.talks.standbyOrder(talkId, manager);
        const next = waiting.find((r) => r.standbyRank !== null && !taken.has(r.attendeeId));
        if (next) {
          await this.talks.grantSlot(talkId, next.attendeeId, mine.slotIndex, manager);
          await this.talks.closeStandbyGap(talkId, next.standbyRank!, manager);
          // On commit: the new holder hears of the slot live, and gets its reminder as the others did.
          await this.notices.slotGranted({ talkId, eventId: talk.eventId, slotIndex: mine.slotIndex, attendeeId: next.attendeeId }, manager);
          await this.outbox.slotsChanged(talkId, manager);
        }
      }
      return true;
    });
  }

  private async managedEvent(actor: Actor, eventId: string, manager: EntityManager): Promise<EventEntity> {
    assertCanManage(actor, eventId);
    const event = await this.events.findById(eventId, manager);
    if (!event) throw notFound('Event');
    return event;
  }

  /** Allocates `talks` (locked) at once and writes the outcome: every request gets a slot or a standby place. */
  private async allocateIn(manager: EntityManager, event: EventEntity, talks: AllocatableTalk[]): Promise<OfficeHoursAllocation['stats']> {
    const ids = talks.map((t) => t.id);
    const requests = await this.talks.requestsFor(ids, manager);
    const slotsOf = (t: AllocatableTalk) =>
      Array.from({ length: t.slot_count }, (_, k) => slotWindow({ startsAt: new Date(t.starts_at), durationMinutes: t.duration_minutes, slotMinutes: t.slot_minutes }, k));
    const windows = talks.flatMap(slotsOf);
    // No slot at all: nothing to clash with (everyone who asked waits on standby).
    const from = new Date(windows.length ? Math.min(...windows.map((w) => w.startsAt.getTime())) : 0);
    const to = new Date(windows.length ? Math.max(...windows.map((w) => w.endsAt.getTime())) : 0);
    const elsewhere = await this.talks.slotsGrantedElsewhere(event.id, ids, manager);
    const taken = await this.takenDuring(manager, event.id, from, to, ids, windows, elsewhere);
    const slotsHeld: Record<string, number> = {};
    for (const slot of elsewhere) slotsHeld[slot.attendee_id] = (slotsHeld[slot.attendee_id] ?? 0) + 1;
    const people = [...new Set([...requests.map((r) => r.attendee_id), ...talks.map((t) => t.speaker_id)])];
    const allocation = allocateOfficeHours({
      profiles: await this.talks.profilesOf(people, manager),
      talks: talks.map((t) => ({
        id: t.id,
        speakerId: t.speaker_id,
        tags: t.tags,
        slots: slotsOf(t).map((w) => ({ start: w.startsAt.getTime(), end: w.endsAt.getTime() })),
      })),
      requests: requests.map((r) => ({ talkId: r.talk_id, attendeeId: r.attendee_id, requestedAt: new Date(r.created_at).getTime() })),
      busy: taken.map((x): BusyInterval => ({ attendeeId: x.attendee_id, start: new Date(x.starts_at).getTime(), end: new Date(x.ends_at).getTime() })),
      slotsHeld,
      weights: event.matchingSettings.weights,
    });
    const outcomes = { talkIds: [] as string[], attendeeIds: [] as string[], slotIndexes: [] as (number | null)[], standbyRanks: [] as (number | null)[] };
    for (const g of allocation.granted) {
      outcomes.talkIds.push(g.talkId);
      outcomes.attendeeIds.push(g.attendeeId);
      outcomes.slotIndexes.push(g.slot);
      outcomes.standbyRanks.push(null);
    }
    for (const s of allocation.standby) {
      outcomes.talkIds.push(s.talkId);
      outcomes.attendeeIds.push(s.attendeeId);
      outcomes.slotIndexes.push(null);
      outcomes.standbyRanks.push(s.rank);
    }
    await this.talks.writeAllocation(ids, outcomes, manager);
    return allocation.stats;
  }

  /**
   * When people of the event are taken within [from, to), apart from the slots of `talkIds`: speaking
   * (a talk and its office hours), holding a slot of another talk (`elsewhere`), seated in a published
   * round, or not at the event for the whole of one of `slots` (availability windows: one statement per
   * distinct slot time, each answering who cannot take it).
   */
  private async takenDuring(
    manager: EntityManager,
    eventId: string,
    from: Date,
    to: Date,
    talkIds: readonly string[],
    slots: readonly { startsAt: Date; endsAt: Date }[],
    elsewhere?: TakenInterval[],
  ): Promise<Taken[]> {
    const speaking = (await this.talks.speakingTimes(eventId, manager)).filter((x) => overlaps(x, from, to));
    const others = (elsewhere ?? (await this.talks.slotsGrantedElsewhere(eventId, talkIds, manager))).filter((x) => overlaps(x, from, to));
    const seats = await this.meetings.seatsDuring(eventId, from, to, manager);
    const requestSlots = await this.meetingRequests.slotTimesDuring(eventId, from, to, manager);
    const away: Taken[] = [];
    const times = new Map(slots.map((w) => [`${w.startsAt.getTime()}/${w.endsAt.getTime()}`, w]));
    for (const w of times.values()) {
      for (const id of await this.availability.unavailableDuring(eventId, w.startsAt, w.endsAt, manager)) {
        away.push({ attendee_id: id, starts_at: w.startsAt, ends_at: w.endsAt, by: 'UNAVAILABLE' });
      }
    }
    return [
      ...speaking.map((x) => ({ ...x, by: 'SPEAKING' as const })),
      ...others.map((x) => ({ ...x, by: 'ANOTHER_SLOT' as const })),
      ...seats.map((x) => ({ ...x, by: 'SEATED_IN_ROUND' as const })),
      ...requestSlots.map((x) => ({ ...x, by: 'MEETING_REQUEST' as const })),
      ...away,
    ];
  }

  /**
   * Publishes allocated talks (locked) after checking again that no holder is taken at their slot's
   * time — a round published, a talk or another slot added since the allocation — then tells subscribers.
   */
  private async publishIn(manager: EntityManager, eventId: string, talks: AllocatableTalk[]): Promise<void> {
    const ids = talks.map((t) => t.id);
    const granted = await this.talks.slotsGrantedAt(ids, manager);
    if (granted.length) {
      const from = new Date(Math.min(...granted.map((g) => new Date(g.starts_at).getTime())));
      const to = new Date(Math.max(...granted.map((g) => new Date(g.ends_at).getTime())));
      const windows = granted.map((g) => ({ startsAt: new Date(g.starts_at), endsAt: new Date(g.ends_at) }));
      const taken = await this.takenDuring(manager, eventId, from, to, ids, windows);
      const clashes = granted.flatMap((g) => {
        const [start, end] = [new Date(g.starts_at), new Date(g.ends_at)];
        const twice = granted.some((o) => o !== g && o.attendee_id === g.attendee_id && overlaps(o, start, end));
        const takenBy = twice ? 'ANOTHER_SLOT' : taken.find((x) => x.attendee_id === g.attendee_id && overlaps(x, start, end))?.by;
        return takenBy ? [{ talkId: g.talk_id, slot: g.slot_index, attendeeId: g.attendee_id, takenBy }] : [];
      });
      if (clashes.length) {
        const first = clashes[0]!;
        throw talksError(
          TalksErrorReason.SLOTS_CLASH,
          `${clashes.length} granted slot(s) clash with their holder's schedule, e.g. attendee ${first.attendeeId} (slot ${first.slot + 1} of talk ${first.talkId}) is ${TAKEN_WORDS[first.takenBy]} then: allocate again`,
          { details: { clashes } },
        );
      }
    }
    const published = await this.talks.markPublished(ids, manager);
    if (published !== ids.length) throw talksError(TalksErrorReason.SLOTS_NOT_ALLOCATED, 'Allocate the slots first');
    // Sent on commit only: subscribers hear of slots they can already fetch.
    for (const talk of talks) await this.notices.slotsPublished({ talkId: talk.id, eventId }, manager);
  }
}
