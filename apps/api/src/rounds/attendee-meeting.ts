import type { AttendeeEntity } from '../attendees/attendee.entity';
import type { FeedbackEntity } from './feedback.entity';
import type { TagLabels } from './meeting-explanation';
import type { MeetingEntity, MeetingStatusValue } from './meeting.entity';

/** What every meeting an attendee has shares, whichever its kind: where and when, and its status. */
export type MeetingTime = Pick<MeetingEntity, 'id' | 'eventId' | 'tableLabel' | 'startsAt' | 'endsAt'> & { status: MeetingStatusValue };

/** A round's table: a stored meeting, explained from its reasons and what each person shares. */
export interface RoundTableMeeting {
  kind: 'ROUND';
  meeting: MeetingEntity;
  roundName: string;
  /** The event's time zone, in which its local times are written. */
  timeZone: string;
  partners: AttendeeEntity[];
  feedback: FeedbackEntity | null;
  /** The fields the attendee reading it shares: with each partner's, they decide what the texts may say. */
  readerSharedFields: readonly string[];
  /** The event's vocabulary labels, for the texts. */
  labels: TagLabels;
}

/**
 * A speaker's office-hour slot after a talk (talks/office-hours.ts): no meeting row, no reasons, no
 * feedback; its texts are fixed (the talk, and the question asked). `slot.id` is `<talk id>:<slot index>`.
 */
export interface OfficeHourMeeting {
  kind: 'OFFICE_HOURS';
  talkId: string;
  meeting: MeetingTime;
  /** `Office hours · <talk title>`. */
  roundName: string;
  timeZone: string;
  /** The speaker, for the one who asked; the one who asked, for the speaker. */
  partners: AttendeeEntity[];
  fixedText: { sentence: string; openingQuestion: string };
}

/**
 * An accepted meeting request given a slot of its own (events that allow it: meeting-requests/request-slot-meetings.ts):
 * no meeting row; `meeting.id` is the request's id, its table one of those set aside for requests (R1…Rn).
 */
export interface RequestSlotMeeting {
  kind: 'MEETING_REQUEST';
  meetingRequestId: string;
  meeting: MeetingTime;
  /** `Meeting request`. */
  roundName: string;
  timeZone: string;
  /** The other person of the request. */
  partners: AttendeeEntity[];
  fixedText: { sentence: string; openingQuestion: string };
}

/** One of an attendee's meetings, as myMeetings, meetingAssigned, the calendar feed and exportMyData read them. */
export type AttendeeMeeting = RoundTableMeeting | OfficeHourMeeting | RequestSlotMeeting;
