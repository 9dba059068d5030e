import type { AttendeeEntity, ShareableField } from '../attendees/attendee.entity';
import { toAttendeeModel } from '../attendees/attendee-view';
import type { Attendee } from '../attendees/models/attendee.model';
import { localDateTime } from '../common/local-time';
import type { FeedbackEntity } from './feedback.entity';
import type { Feedback, MeetingKind, MyMeeting } from './models/meeting-views.model';
import type { MeetingStatus } from './models/round.model';
import { explainForAttendee, isPastMeeting } from './meeting-explanation';
import type { AttendeeMeeting } from './attendee-meeting';

/** A partner was matched under consent: they show what they chose to share, even if they withdraw later. */
export function toPartnerModel(partner: AttendeeEntity): Attendee {
  return toAttendeeModel(partner, new Set<ShareableField>(partner.sharedFields));
}

export function toFeedbackModel(entity: FeedbackEntity): Feedback {
  return {
    attendeeId: entity.attendeeId,
    met: entity.met,
    rating: entity.rating,
    wouldMeetAgain: entity.wouldMeetAgain,
    note: entity.note,
    updatedAt: entity.updatedAt,
  };
}

/**
 * A meeting as one of its attendees sees it: partners' shared fields; the reasons that concern them,
 * the sentence and the opening question built only from what both people of each pair share
 * (explainForAttendee); their feedback. The one mapping behind myMeetings, meetingAssigned, the
 * calendar feed and exportMyData.
 */
export function toMyMeeting(attendeeMeeting: AttendeeMeeting, attendeeId: string): MyMeeting {
  const { meeting, roundName, timeZone, partners } = attendeeMeeting;
  const round = attendeeMeeting.kind === 'ROUND' ? attendeeMeeting : null;
  const explanation =
    attendeeMeeting.kind === 'ROUND'
      ? explainForAttendee(attendeeMeeting.meeting.reasons, { id: attendeeId, sharedFields: attendeeMeeting.readerSharedFields }, partners, attendeeMeeting.labels, isPastMeeting(meeting.status))
      : { reasons: [], ...attendeeMeeting.fixedText };
  return {
    id: meeting.id,
    kind: attendeeMeeting.kind as MeetingKind,
    roundId: round?.meeting.roundId ?? null,
    talkId: attendeeMeeting.kind === 'OFFICE_HOURS' ? attendeeMeeting.talkId : null,
    meetingRequestId: attendeeMeeting.kind === 'MEETING_REQUEST' ? attendeeMeeting.meetingRequestId : null,
    roundName,
    table: meeting.tableLabel,
    startsAt: meeting.startsAt,
    startsAtLocal: localDateTime(meeting.startsAt, timeZone),
    endsAt: meeting.endsAt,
    endsAtLocal: localDateTime(meeting.endsAt, timeZone),
    timeZone,
    status: meeting.status as MeetingStatus,
    partners: partners.map(toPartnerModel),
    reasons: explanation.reasons,
    sentence: explanation.sentence,
    openingQuestion: explanation.openingQuestion,
    myFeedback: round?.feedback ? toFeedbackModel(round.feedback) : null,
  };
}
