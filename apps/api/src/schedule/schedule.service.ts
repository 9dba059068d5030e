import { Injectable } from '@nestjs/common';
import type { Actor } from '../auth/actor';
import { asAttendee } from '../auth/event-access';
import { notFound } from '../common/domain-error';
import { EventsRepository } from '../events/events.repository';
import { MeetingRequestsRepository } from '../meeting-requests/meeting-requests.repository';
import type { AttendeeMeeting } from '../rounds/attendee-meeting';
import { MeetingsService } from '../rounds/meetings.service';
import { MeetingsWhen } from '../rounds/models/meeting-views.model';
import { RoundsRepository, type SitOutRow } from '../rounds/rounds.repository';
import { TalksRepository } from '../talks/talks.repository';
import type { TalkWithCount } from '../talks/talks.service';

/** One item of an attendee's schedule, before it is written for GraphQL (schedule.mapper.ts). */
export type ScheduleItem =
  | { kind: 'TALK'; startsAt: Date; talk: TalkWithCount; speaking: boolean; bookmarked: boolean }
  | { kind: 'MEETING'; startsAt: Date; meeting: AttendeeMeeting; asSpeaker: boolean; meetingRequestId: string | null }
  | { kind: 'SIT_OUT'; startsAt: Date; sitOut: SitOutRow };

export interface AttendeeSchedule {
  eventId: string;
  timeZone: string;
  items: ScheduleItem[];
}

/**
 * One schedule per attendee (mySchedule, the calendar feed): the talks they bookmarked or give, their
 * office-hour slots as speaker and as asker, their tables in published rounds and the published rounds
 * they sit out, and their accepted meeting requests' slots of their own (events that give them), in time
 * order; a table that fulfils an accepted meeting request names it (a request still waiting for a round has no
 * time, and is not in the schedule: myMeetingRequests lists it). Built from
 * myMeetings (the same texts and privacy) and three statements.
 */
@Injectable()
export class ScheduleService {
  constructor(
    private readonly events: EventsRepository,
    private readonly talks: TalksRepository,
    private readonly rounds: RoundsRepository,
    private readonly meetingsService: MeetingsService,
    private readonly meetingRequests: MeetingRequestsRepository,
  ) {}

  async bookmark(actor: Actor, talkId: string): Promise<boolean> {
    const me = asAttendee(actor, 'Only attendees bookmark talks');
    if (!(await this.talks.addBookmark(talkId, me.attendeeId, me.eventId))) throw notFound('Talk');
    return true;
  }

  /** Idempotent: removing a bookmark that is not there is fine, for a talk of the attendee's event. */
  async unbookmark(actor: Actor, talkId: string): Promise<boolean> {
    const me = asAttendee(actor, 'Only attendees bookmark talks');
    const talk = await this.talks.findById(talkId);
    if (!talk || talk.eventId !== me.eventId) throw notFound('Talk');
    await this.talks.removeBookmark(talkId, me.attendeeId);
    return true;
  }

  async scheduleOf(actor: Actor): Promise<AttendeeSchedule> {
    const me = asAttendee(actor, 'Only attendees have a schedule of their own');
    const event = await this.events.getById(me.eventId);
    const [talkRows, meetings, sitOuts, accepted] = await Promise.all([
      this.talks.scheduledTalksOf(me.attendeeId),
      this.meetingsService.myMeetings(me, MeetingsWhen.ALL),
      this.rounds.sitOutsOf(me.eventId, me.attendeeId),
      this.meetingRequests.acceptedFor(me.attendeeId),
    ]);
    // An accepted meeting request has a time once a published round seats the two together: that table.
    const requestOf = new Map(accepted.filter((row) => row.meeting_id).map((row) => [row.meeting_id!, row.id]));
    const talks = talkRows.length
      ? await this.talks.findWithSpeakersByIds(talkRows.map((row) => row.id))
      : [];
    const speaking = new Set(talkRows.filter((row) => row.speaking).map((row) => row.id));
    const items: ScheduleItem[] = [
      ...talkRows.map((row): ScheduleItem => {
        const talk = talks.find((t) => t.id === row.id)!;
        return {
          kind: 'TALK',
          startsAt: talk.startsAt,
          talk: { talk, speaker: talk.speaker!, requestCount: row.requestCount, timeZone: event.timeZone },
          speaking: row.speaking,
          bookmarked: row.bookmarked,
        };
      }),
      ...meetings.map((meeting): ScheduleItem => ({
        kind: 'MEETING',
        startsAt: meeting.meeting.startsAt,
        meeting,
        asSpeaker: meeting.kind === 'OFFICE_HOURS' && speaking.has(meeting.talkId),
        meetingRequestId: meeting.kind === 'ROUND' ? (requestOf.get(meeting.meeting.id) ?? null) : meeting.kind === 'MEETING_REQUEST' ? meeting.meetingRequestId : null,
      })),
      ...sitOuts.map((sitOut): ScheduleItem => ({ kind: 'SIT_OUT', startsAt: new Date(sitOut.startsAt), sitOut })),
    ];
    // By start, then talks before what follows them at the same minute; a stable sort keeps each source's order.
    const rank = { TALK: 0, MEETING: 1, SIT_OUT: 2 } as const;
    items.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime() || rank[a.kind] - rank[b.kind]);
    return { eventId: event.id, timeZone: event.timeZone, items };
  }
}
