import type { ShareableField } from '../attendees/attendee.entity';
import { toAttendeeModel, visibilityFor } from '../attendees/attendee-view';
import type { Actor } from '../auth/actor';
import { localDateTime } from '../common/local-time';
import { SlotAllocationStatus, SlotRequest, SlotRequestStatus, Talk } from './models/talk.model';
import type { SlotRequestEntity } from './talk.entity';
import { slotWindow, type TalkWithCount } from './talks.service';

/** Speakers are on the programme: their name shows, with whatever else they share. */
export function toTalkModel({ talk, speaker, requestCount, timeZone }: TalkWithCount): Talk {
  const endsAt = new Date(talk.startsAt.getTime() + talk.durationMinutes * 60_000);
  return {
    id: talk.id,
    eventId: talk.eventId,
    title: talk.title,
    speaker: toAttendeeModel(speaker, new Set<ShareableField>([...speaker.sharedFields, 'name'])),
    startsAt: talk.startsAt,
    startsAtLocal: localDateTime(talk.startsAt, timeZone),
    endsAt,
    endsAtLocal: localDateTime(endsAt, timeZone),
    timeZone,
    tags: talk.tags,
    slotCount: talk.slotCount,
    slotMinutes: talk.slotMinutes,
    location: talk.location,
    room: talk.room,
    allocationStatus: talk.allocationStatus as SlotAllocationStatus,
    requestCount,
  };
}

export function toSlotRequestModel(actor: Actor, { talk, timeZone }: Pick<TalkWithCount, 'talk' | 'timeZone'>, request: SlotRequestEntity): SlotRequest {
  const shown = talk.allocationStatus !== 'OPEN' && (actor.kind === 'account' || talk.allocationStatus === 'PUBLISHED');
  const window = shown && request.slotIndex !== null ? slotWindow(talk, request.slotIndex) : null;
  const visibility = visibilityFor(actor, request.attendee!);
  return {
    talkId: request.talkId,
    attendee: toAttendeeModel(request.attendee!, visibility === 'none' ? new Set() : visibility),
    question: request.question,
    status: !shown ? SlotRequestStatus.PENDING : request.slotIndex !== null ? SlotRequestStatus.GRANTED : request.standbyRank !== null ? SlotRequestStatus.STANDBY : SlotRequestStatus.PENDING,
    slotStartsAt: window?.startsAt ?? null,
    slotStartsAtLocal: window ? localDateTime(window.startsAt, timeZone) : null,
    slotEndsAt: window?.endsAt ?? null,
    slotEndsAtLocal: window ? localDateTime(window.endsAt, timeZone) : null,
    standbyRank: shown ? request.standbyRank : null,
  };
}
