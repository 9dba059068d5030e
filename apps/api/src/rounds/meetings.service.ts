import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AttendeeEntity } from '../attendees/attendee.entity';
import { MAX_SEARCH_LENGTH } from '../attendees/attendee-search';
import type { Actor } from '../auth/actor';
import { callerGone, sessionEnded } from '../auth/auth.service';
import { asAttendee, assertCanManage } from '../auth/event-access';
import { notFound } from '../common/domain-error';
import type { DeferredLimitHit } from '../rate-limit/counted-in-statement';
import { roundsError, RoundsErrorReason } from './rounds.errors';
import { invalidInput } from '../common/validation';
import { canSeeRound, findVisibleRound } from './round-visibility';
import { FeedbackEntity } from './feedback.entity';
import type { FeedbackInput } from './models/meeting-views.model';
import { MeetingsWhen } from './models/meeting-views.model';
import type { AttendeeMeeting } from './attendee-meeting';
import type { MeetingEntity } from './meeting.entity';
import { officeHoursOf } from '../talks/office-hours';
import { TalksRepository } from '../talks/talks.repository';
import { AttendeesRepository } from '../attendees/attendees.repository';
import { MeetingRequestsRepository } from '../meeting-requests/meeting-requests.repository';
import { requestSlotMeetings } from '../meeting-requests/request-slot-meetings';
import { VISIBLE_TO_ATTENDEES } from './round-lifecycle';
import { MeetingsRepository } from './meetings.repository';
import { RoundsRepository } from './rounds.repository';

export interface MeetingWithParticipants {
  meeting: MeetingEntity;
  participants: AttendeeEntity[];
}

@Injectable()
export class MeetingsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly meetings: MeetingsRepository,
    private readonly rounds: RoundsRepository,
    private readonly talks: TalksRepository,
    private readonly attendees: AttendeesRepository,
    private readonly meetingRequests: MeetingRequestsRepository,
  ) {}

  /**
   * An attendee's published meetings — round tables, office-hour slots and meeting requests' slots — in time order.
   * `confirmSession`: the caller's token was not yet checked against the attendees and sessions
   * tables (see ConfirmsAttendeeItself); the same statement does it, and a caller who is gone or
   * whose session has ended is refused.
   */
  /**
   * `limit`: the caller's rate-limit hit, when the guard left it to this call (CountsLimitInStatement): counted
   * by the same statement, and settled (refused when over the limit) before anything else is answered.
   */
  async myMeetings(actor: Actor, when: MeetingsWhen, { confirmSession, limit }: { confirmSession?: string; limit?: DeferredLimitHit } = {}): Promise<AttendeeMeeting[]> {
    const me = asAttendee(actor, 'Only attendees have meetings of their own');
    const { tables, eventHasTalks, hasRequestSlots, callerExists, sessionLive, limitCount } = await this.meetings.roundTablesOf(me.attendeeId, me.eventId, confirmSession ?? null, when, limit?.hit ?? null);
    if (limit) await limit.settle(limitCount ?? (await limit.countAlone()));
    if (confirmSession && !callerExists) throw callerGone();
    if (confirmSession && !sessionLive) throw sessionEnded();
    // Most events have no talks, most attendees no request slot: then there is nothing more to look for (round trips fewer).
    const slots = eventHasTalks ? await officeHoursOf({ talks: this.talks, attendees: this.attendees }, me.attendeeId, when) : [];
    const requestSlots = hasRequestSlots ? await requestSlotMeetings(this.attendees, await this.meetingRequests.slotsOf(me.attendeeId, when), me.attendeeId) : [];
    if (!slots.length && !requestSlots.length) return tables;
    return [...tables, ...slots, ...requestSlots].sort((a, b) => a.meeting.startsAt.getTime() - b.meeting.startsAt.getTime());
  }

  /**
   * The meetings of a round for its organisers, by table, a page at a time; `search` (a part of a table's label, or of a seated
   * person's name, email or company) looks through the whole round, not the pages a client loaded.
   */
  async roundMeetings(actor: Actor, roundId: string, first: number, afterTable = 0, search?: string): Promise<MeetingWithParticipants[]> {
    const round = await findVisibleRound(this.rounds, actor, roundId);
    assertCanManage(actor, round.eventId, 'Round');
    const searched = search?.trim();
    if (searched && searched.length > MAX_SEARCH_LENGTH) throw invalidInput([{ field: 'search', message: `at most ${MAX_SEARCH_LENGTH} characters` }]);
    const meetings = await this.meetings.pageOfRound(roundId, afterTable, first, searched || undefined);
    // One order for every read (by attendee id): a table's members must not shuffle between two looks at the same round.
    const participants = meetings.length ? await this.meetings.participantsWithAttendees(meetings.map((m) => m.id)) : [];
    const membersOf = new Map<string, AttendeeEntity[]>();
    for (const p of participants) if (p.attendee) membersOf.set(p.meetingId, [...(membersOf.get(p.meetingId) ?? []), p.attendee]);
    return meetings.map((meeting) => ({ meeting, participants: membersOf.get(meeting.id) ?? [] }));
  }

  async submitFeedback(actor: Actor, input: FeedbackInput): Promise<FeedbackEntity> {
    const me = asAttendee(actor, 'Only participants give feedback on a meeting');
    const participation = await this.meetings.visibleParticipation(input.meetingId, me.attendeeId);
    if (!participation) throw notFound('Meeting');
    return this.meetings.saveFeedback({
      meetingId: input.meetingId,
      attendeeId: me.attendeeId,
      met: input.met,
      rating: input.rating ?? null,
      wouldMeetAgain: input.wouldMeetAgain ?? null,
      note: input.note?.trim() || null,
      updatedAt: new Date(),
    });
  }

  async feedbackOf(actor: Actor, meeting: Pick<MeetingEntity, 'id' | 'eventId'>): Promise<FeedbackEntity[]> {
    assertCanManage(actor, meeting.eventId, 'Meeting');
    return this.meetings.feedbackOf(meeting.id);
  }

  /**
   * Organisers mark who did not come. Their pairs at that table are released
   * (the next generation may pair them again); unmarking restores them.
   */
  async setNoShow(actor: Actor, meetingId: string, attendeeId: string, noShow: boolean): Promise<MeetingEntity> {
    return this.dataSource.transaction(async (manager) => {
      const meeting = await this.meetings.lockById(meetingId, manager);
      if (!meeting) throw notFound('Meeting');
      const round = await this.rounds.getById(meeting.roundId, manager);
      // A meeting of a round the caller may not see (another event's, a draft for an attendee) is not found.
      if (!canSeeRound(actor, round)) throw notFound('Meeting');
      assertCanManage(actor, meeting.eventId, 'Meeting');
      if (!VISIBLE_TO_ATTENDEES.includes(round.status)) {
        throw roundsError(RoundsErrorReason.ROUND_NOT_PUBLISHED, 'No-shows are marked on published rounds');
      }
      const participants = await this.meetings.participantsOf(meetingId, manager);
      const participant = participants.find((p) => p.attendeeId === attendeeId);
      if (!participant) throw roundsError(RoundsErrorReason.NOT_A_PARTICIPANT, 'This attendee is not at this meeting', { fields: [{ field: 'attendeeId', message: 'not at this meeting' }] });
      await this.meetings.setNoShow(meetingId, attendeeId, noShow, manager);
      if (noShow) {
        await this.meetings.releasePairsOf(meetingId, attendeeId, manager);
      } else {
        const others = participants.filter((p) => p.attendeeId !== attendeeId && !p.noShow).map((p) => p.attendeeId);
        for (const other of others) {
          const [low, high] = other < attendeeId ? [other, attendeeId] : [attendeeId, other];
          await this.meetings.registerPair(meeting.eventId, low, high, meetingId, manager);
        }
      }
      const present = participants.filter((p) => (p.attendeeId === attendeeId ? !noShow : !p.noShow)).length;
      const status = present >= 2 ? (round.status === 'CLOSED' ? 'HELD' : 'SCHEDULED') : 'NO_SHOW';
      await this.meetings.setStatus(meetingId, status, manager);
      return this.meetings.getById(meetingId, manager);
    });
  }
}
