import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { MustMeetReport } from '@pairwise/matching';
import { DataSource, type EntityManager } from 'typeorm';
import type { Actor, AttendeeActor } from '../auth/actor';
import { asAttendee, assertCanManage } from '../auth/event-access';
import { forbidden, notFound } from '../common/domain-error';
import type { KeyedPage } from '../common/paging';
import { EventsRepository } from '../events/events.repository';
import { OutboxRepository } from '../mail/outbox.repository';
import { RoundNoticesRepository } from '../realtime/round-notices.repository';
import type { StoredRoundRequest } from '../rounds/round.entity';
import { pairKey } from '../rounds/round-plan-writer';
import { MEETING_REQUEST_MESSAGE_MAX } from './meeting-request.entity';
import { meetingRequestsError, MeetingRequestsErrorReason } from './meeting-requests.errors';
import { MeetingRequestsRepository, type MeetingRequestRow, type MeetingRequestStatusValue, type MustMeetRequest, type RoundRequestRow } from './meeting-requests.repository';
import type { EventMeetingRequestsArgs, RequestMeetingInput, RespondToMeetingRequestInput } from './inputs/meeting-request.inputs';

/** What staff are told: each use case here acts for the calling attendee. */
const ATTENDEES_ONLY = 'Only attendees ask to meet someone, for themselves';

/**
 * Meeting requests: an attendee asks another of their event to meet (with a short message), the other accepts
 * or declines, either withdraws; an accepted request is a must-meet pair for the rounds' generation
 * (`mustMeetFor`, `outcomeOf`) until a published round seats the two together (RoundsService.publish).
 *
 * Who may be asked: an attendee of the same event who consents to matchmaking, has not been erased, and
 * between whom and the asker there is no block either way. Anyone else is NOT_FOUND, exactly as an unknown id:
 * the answer never tells a block from a withdrawn consent or a person who does not exist.
 */
@Injectable()
export class MeetingRequestsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly requests: MeetingRequestsRepository,
    private readonly outbox: OutboxRepository,
    private readonly events: EventsRepository,
    private readonly notices: RoundNoticesRepository,
  ) {}

  async request(actor: Actor, input: RequestMeetingInput): Promise<MeetingRequestRow> {
    const me = asAttendee(actor, ATTENDEES_ONLY);
    if (input.attendeeId === me.attendeeId) {
      throw meetingRequestsError(MeetingRequestsErrorReason.SELF_REQUEST, 'You cannot ask to meet yourself', { fields: [{ field: 'attendeeId', message: 'is you' }] });
    }
    const message = (input.message ?? '').trim();
    if ([...message].length > MEETING_REQUEST_MESSAGE_MAX) {
      throw meetingRequestsError(MeetingRequestsErrorReason.MESSAGE_TOO_LONG, `The message is longer than ${MEETING_REQUEST_MESSAGE_MAX} characters`, {
        fields: [{ field: 'message', message: `must be at most ${MEETING_REQUEST_MESSAGE_MAX} characters` }],
      });
    }
    const id = await this.dataSource.transaction(async (manager) => {
      const parties = await this.requests.lockParties(me.attendeeId, input.attendeeId, manager);
      const mine = parties.find((party) => party.id === me.attendeeId);
      const theirs = parties.find((party) => party.id === input.attendeeId);
      if (!mine || mine.erased) throw forbidden('Your attendee record is gone');
      if (!theirs || theirs.event_id !== me.eventId) throw unavailable();
      // Asking again while a request between the two is open finds it (idempotent), whatever happened since.
      const open = await this.requests.openBetween(me.attendeeId, input.attendeeId, manager);
      if (open && (open.requester_id === me.attendeeId || open.status === 'ACCEPTED')) return open.id;
      if (open) throw meetingRequestsError(MeetingRequestsErrorReason.ALREADY_ASKED_YOU, 'They have already asked to meet you: answer their request');
      if (!mine.consent_matchmaking) {
        throw meetingRequestsError(MeetingRequestsErrorReason.CONSENT_REQUIRED, 'Consent to matchmaking first: the person you ask sees your profile as you share it');
      }
      // The event's limits before anything about the other person: at the quota, every name gets the same answer.
      const window = await this.requests.requestWindow(me.eventId, manager);
      if (window.perDay === 0 || window.expiresAt.getTime() <= Date.now()) {
        throw meetingRequestsError(MeetingRequestsErrorReason.REQUESTS_CLOSED, window.perDay === 0 ? 'This event takes no meeting requests' : 'This event is over: it takes no more meeting requests');
      }
      if ((await this.requests.sentToday(me.attendeeId, window.timeZone, manager)) >= window.perDay) {
        throw meetingRequestsError(MeetingRequestsErrorReason.DAILY_QUOTA_REACHED, `You have sent ${window.perDay} meeting requests today, as many as this event allows; try again tomorrow`, {
          details: { perDay: window.perDay },
        });
      }
      if (theirs.erased || !theirs.consent_matchmaking || (await this.requests.blockedEitherWay(me.attendeeId, input.attendeeId, manager))) throw unavailable();
      if (await this.requests.metInPublishedRound(me.attendeeId, input.attendeeId, manager)) {
        throw meetingRequestsError(MeetingRequestsErrorReason.ALREADY_MET, 'You two have already met in a round: rounds never seat a pair twice');
      }
      await this.requests.closeExpired(me.attendeeId, input.attendeeId, manager);
      const created = await this.requests.insert(
        { eventId: me.eventId, requesterId: me.attendeeId, recipientId: input.attendeeId, message, expiresAt: window.expiresAt },
        manager,
      );
      await this.outbox.queueMeetingRequestMail('MEETING_REQUEST', created, input.attendeeId, manager);
      return created;
    });
    return (await this.requests.findById(id))!;
  }

  async respond(actor: Actor, input: RespondToMeetingRequestInput): Promise<MeetingRequestRow> {
    const me = asAttendee(actor, ATTENDEES_ONLY);
    await this.dataSource.transaction(async (manager) => {
      const row = await this.ownRequest(me, input.id, manager);
      if (row.recipient_id !== me.attendeeId) throw wrongSide('Only the person asked answers a request');
      const answer: MeetingRequestStatusValue = input.accept ? 'ACCEPTED' : 'DECLINED';
      if (row.status === answer || (input.accept && row.status === 'FULFILLED')) return;
      if (row.status !== 'PENDING') {
        throw meetingRequestsError(MeetingRequestsErrorReason.REQUEST_NOT_PENDING, `This request is ${row.status.toLowerCase()}: it can no longer be answered`, { details: { status: row.status } });
      }
      await this.requests.answer(row.id, input.accept, manager);
      // Accepted at an event that gives requests a slot of their own: both hear of the slot (it says it was accepted);
      // otherwise, or when no time suits both, the asker hears of the answer and the next round seats them.
      if (input.accept && (await this.giveSlot(row, manager))) return;
      await this.outbox.queueMeetingRequestMail('MEETING_REQUEST_ANSWER', row.id, row.requester_id, manager);
    });
    return (await this.requests.findById(input.id))!;
  }

  async cancel(actor: Actor, id: string): Promise<MeetingRequestRow> {
    const me = asAttendee(actor, ATTENDEES_ONLY);
    await this.dataSource.transaction(async (manager) => {
      const row = await this.ownRequest(me, id, manager);
      if (row.status === 'CANCELLED') return;
      if (row.status === 'PENDING' && row.requester_id !== me.attendeeId) throw wrongSide('Decline the request instead: only the one who asked withdraws a pending request');
      if (row.status !== 'PENDING' && row.status !== 'ACCEPTED') {
        throw meetingRequestsError(MeetingRequestsErrorReason.REQUEST_CLOSED, `This request is ${row.status.toLowerCase()}: there is nothing to withdraw`, { details: { status: row.status } });
      }
      await this.requests.cancel(row.id, me.attendeeId, manager);
    });
    return (await this.requests.findById(id))!;
  }

  myRequests(actor: Actor): Promise<MeetingRequestRow[]> {
    return this.requests.listFor(asAttendee(actor, ATTENDEES_ONLY).attendeeId);
  }

  eventRequests(actor: Actor, args: EventMeetingRequestsArgs): Promise<KeyedPage<MeetingRequestRow>> {
    assertCanManage(actor, args.eventId, 'Event');
    return this.requests.pageForEvent(args.eventId, args.status ?? null, args.first, args.after);
  }

  /** Organisers: the accepted requests a round's generation was given, and whether the round seats each pair now. */
  async roundRequests(actor: Actor, round: { id: string; eventId: string }): Promise<{ row: RoundRequestRow; request: MeetingRequestRow }[]> {
    assertCanManage(actor, round.eventId, 'Round');
    const rows = await this.requests.ofRound(round.id);
    const requests = await this.requests.findByIds(rows.map((row) => row.id));
    return rows.flatMap((row) => {
      const request = requests.get(row.id);
      return request ? [{ row, request }] : [];
    });
  }

  /**
   * When the event gives accepted requests a slot of their own (Event.meetingRequestSlots): the first slot both
   * are free at, at the first table free then (MeetingRequestsRepository.firstFreeSlot says what "free" means),
   * written with the request, mailed to both and pushed to both on commit — true; none free: the request records
   * NO_COMMON_FREE_TIME and stays a must-meet pair of the next round — false; events without slots: null.
   */
  private async giveSlot(row: MeetingRequestRow, manager: EntityManager): Promise<boolean | null> {
    const settings = (await this.events.getById(row.event_id, manager)).matchingSettings.requestSlots;
    if (!settings) return null;
    await this.requests.lockSlotsOf(row.event_id, manager);
    const slot = await this.requests.firstFreeSlot(row.event_id, row.requester_id, row.recipient_id, settings, REQUEST_SLOT_LEAD_MINUTES, manager);
    await this.requests.setSlot(row.id, slot, manager);
    if (!slot) return false;
    const people: [string, string] = [row.requester_id, row.recipient_id];
    await this.outbox.queueRequestSlotMail(row.id, people, manager);
    await this.notices.requestSlot({ meetingRequestId: row.id, eventId: row.event_id, attendeeIds: people }, manager);
    return true;
  }

  /** A request the caller is one of the two people of (locked): anyone else's is NOT_FOUND, as an unknown id. */
  private async ownRequest(me: AttendeeActor, id: string, manager: EntityManager): Promise<MeetingRequestRow> {
    const row = await this.requests.findById(id, manager, true);
    if (!row || row.event_id !== me.eventId || (row.requester_id !== me.attendeeId && row.recipient_id !== me.attendeeId)) throw notFound('MeetingRequest');
    return row;
  }
}

/** A request's slot starts this many minutes after its acceptance at the earliest: time to find the table. */
export const REQUEST_SLOT_LEAD_MINUTES = 10;

/**
 * What the generation did with each request it was given, for `rounds.stats.meetingRequests`: the plan's
 * must-meet report names pairs, each request names its pair.
 */
export function outcomeOf(requests: readonly MustMeetRequest[], report: MustMeetReport): StoredRoundRequest[] {
  const seated = new Set(report.seated.map(([a, b]) => pairKey(a, b)));
  const unmet = new Map(report.unmet.map((entry) => [pairKey(entry.a, entry.b), entry.reason]));
  return requests.map((request) => {
    const pair = pairKey(request.requesterId, request.recipientId);
    const isSeated = seated.has(pair);
    return { requestId: request.id, seated: isSeated, reason: isSeated ? null : (unmet.get(pair) ?? 'not-in-round') };
  });
}

/** Who may not be asked, for whatever reason (unknown, another event's, erased, not consenting, a block either way): one answer. */
function unavailable() {
  return notFound('Attendee');
}

function wrongSide(message: string) {
  return meetingRequestsError(MeetingRequestsErrorReason.WRONG_SIDE, message);
}
