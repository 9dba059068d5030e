import { localDateTime } from '../common/local-time';
import { toMyMeeting } from '../rounds/meeting-view';
import { MeetingKind } from '../rounds/models/meeting-views.model';
import { LeftOutReason } from '../rounds/models/round.model';
import { tablePlace } from '../rounds/table-place';
import { toTalkModel } from '../talks/talk.mapper';
import { MeetingScheduleEntry, ScheduleEntryKind, SitOutScheduleEntry, TalkScheduleEntry, type MySchedule } from './models/schedule.model';
import type { AttendeeSchedule, ScheduleItem } from './schedule.service';

const SCHEDULE_KIND = {
  [MeetingKind.ROUND]: ScheduleEntryKind.ROUND_MEETING,
  [MeetingKind.OFFICE_HOURS]: ScheduleEntryKind.OFFICE_HOURS,
  [MeetingKind.MEETING_REQUEST]: ScheduleEntryKind.MEETING_REQUEST,
} as const satisfies Record<MeetingKind, ScheduleEntryKind>;

/** An attendee's schedule as GraphQL answers it. */
export function toMyScheduleModel(schedule: AttendeeSchedule, attendeeId: string): MySchedule {
  return { eventId: schedule.eventId, timeZone: schedule.timeZone, entries: schedule.items.map((item) => toEntry(item, attendeeId, schedule.timeZone)) };
}

function toEntry(item: ScheduleItem, attendeeId: string, timeZone: string): TalkScheduleEntry | MeetingScheduleEntry | SitOutScheduleEntry {
  const times = (startsAt: Date, endsAt: Date) => ({ startsAt, startsAtLocal: localDateTime(startsAt, timeZone), endsAt, endsAtLocal: localDateTime(endsAt, timeZone) });
  switch (item.kind) {
    case 'TALK': {
      const talk = toTalkModel(item.talk);
      return Object.assign(new TalkScheduleEntry(), {
        id: `talk:${talk.id}`,
        kind: ScheduleEntryKind.TALK,
        title: talk.title,
        place: talk.room ?? talk.location,
        ...times(talk.startsAt, talk.endsAt),
        talk,
        speaking: item.speaking,
        bookmarked: item.bookmarked,
      });
    }
    case 'MEETING': {
      const meeting = toMyMeeting(item.meeting, attendeeId);
      return Object.assign(new MeetingScheduleEntry(), {
        id: `meeting:${meeting.id}`,
        kind: SCHEDULE_KIND[meeting.kind],
        title: meeting.roundName,
        place: tablePlace(item.meeting.meeting.tableLabel, (code) => `Table ${code}`),
        ...times(meeting.startsAt, meeting.endsAt),
        meeting,
        asSpeaker: item.asSpeaker,
        meetingRequestId: item.meetingRequestId,
      });
    }
    case 'SIT_OUT': {
      const { sitOut } = item;
      const startsAt = new Date(sitOut.startsAt);
      return Object.assign(new SitOutScheduleEntry(), {
        id: `sit-out:${sitOut.id}`,
        kind: ScheduleEntryKind.SIT_OUT,
        title: sitOut.name,
        place: null,
        ...times(startsAt, new Date(startsAt.getTime() + sitOut.durationMinutes * 60_000)),
        roundId: sitOut.id,
        reason: sitOut.reason as LeftOutReason,
      });
    }
  }
}
