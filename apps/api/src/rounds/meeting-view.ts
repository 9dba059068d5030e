import type { AttendeeEntity, ShareableField } from '../attendees/attendee.entity';
import { toAttendeeModel } from '../attendees/attendee-view';
import type { Attendee } from '../attendees/models/attendee.model';
import { localDateTime } from '../common/local-time';
import type { MeetingEntity } from './meeting.entity';
import type { FeedbackEntity } from '../networking/networking.entities';
import type { Feedback, MeetingKind, MyMeeting } from './models/meeting-views.model';
import type { MeetingStatus } from './models/round.model';
import type { AttendeeMeeting } from './meetings.service';
import type { PairReason } from './models/round.model';

interface StoredReason {
  a: string;
  b: string;
  score: number;
  sharedInterests: string[];
  aSeeksBOffers: string[];
  bSeeksAOffers: string[];
  sharedStack: string[];
  commonLanguages: string[];
  wish: string;
  roleMix: { roles: [string, string] } | null;
  sameCompany: boolean;
}

export function toPairReasons(meeting: Pick<MeetingEntity, 'reasons'>, onlyFor?: string): PairReason[] {
  const reasons = (Array.isArray(meeting.reasons) ? meeting.reasons : []) as unknown as StoredReason[];
  return reasons
    .filter((r) => !onlyFor || r.a === onlyFor || r.b === onlyFor)
    .map((r) => ({
      attendeeA: r.a,
      attendeeB: r.b,
      score: r.score,
      sharedInterests: r.sharedInterests ?? [],
      aSeeksBOffers: r.aSeeksBOffers ?? [],
      bSeeksAOffers: r.bSeeksAOffers ?? [],
      sharedStack: r.sharedStack ?? [],
      commonLanguages: r.commonLanguages ?? [],
      wish: r.wish ?? 'none',
      roleMix: r.roleMix ? [...r.roleMix.roles] : null,
      sameCompany: Boolean(r.sameCompany),
    }));
}

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

/** A meeting as one of its attendees sees it: partners' shared fields, the reasons that concern them, their feedback. */
export function toMyMeeting({ kind, talkId, meeting, roundName, timeZone, partners, feedback }: AttendeeMeeting, attendeeId: string): MyMeeting {
  return {
    id: meeting.id,
    kind: kind as MeetingKind,
    roundId: meeting.roundId || null,
    talkId: talkId ?? null,
    roundName,
    table: meeting.tableLabel,
    startsAt: meeting.startsAt,
    startsAtLocal: localDateTime(meeting.startsAt, timeZone),
    endsAt: meeting.endsAt,
    endsAtLocal: localDateTime(meeting.endsAt, timeZone),
    timeZone,
    status: meeting.status as MeetingStatus,
    partners: partners.map(toPartnerModel),
    reasons: toPairReasons(meeting, attendeeId),
    sentence: meeting.sentence,
    openingQuestion: meeting.openingQuestion,
    myFeedback: feedback ? toFeedbackModel(feedback) : null,
  };
}
