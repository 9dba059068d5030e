import type { MustMeetUnmetReason } from '@pairwise/matching';
import type { Actor } from '../auth/actor';
import type { MeetingRequestRow, RoundRequestRow } from './meeting-requests.repository';
import { localDateTime } from '../common/local-time';
import { MeetingRequest, MeetingRequestDirection, MeetingRequestNotSeatedReason, MeetingRequestSlotOutcome, MeetingRequestStatus } from './models/meeting-request.model';

/**
 * A request as `actor` reads it: the two attendees concerned get the direction and the message; anyone else
 * (organisers) gets neither — the message is the two people's own. The people themselves are resolved
 * field by field (MeetingRequestPeopleResolver), as each shares their profile with the reader.
 */
export function toMeetingRequestModel(row: MeetingRequestRow, actor: Actor): MeetingRequest {
  const mine = actor.kind === 'attendee' && (actor.attendeeId === row.requester_id || actor.attendeeId === row.recipient_id);
  return {
    id: row.id,
    eventId: row.event_id,
    status: row.status as MeetingRequestStatus,
    direction: !mine ? null : actor.attendeeId === row.requester_id ? MeetingRequestDirection.SENT : MeetingRequestDirection.RECEIVED,
    message: mine ? row.message : null,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    respondedAt: row.responded_at,
    meetingId: row.meeting_id,
    roundId: row.round_id,
    slot:
      row.slot_starts_at && row.slot_ends_at && row.slot_table
        ? {
            startsAt: row.slot_starts_at,
            startsAtLocal: localDateTime(row.slot_starts_at, row.time_zone ?? 'UTC'),
            endsAt: row.slot_ends_at,
            endsAtLocal: localDateTime(row.slot_ends_at, row.time_zone ?? 'UTC'),
            table: row.slot_table,
          }
        : null,
    slotOutcome: row.slot_outcome as MeetingRequestSlotOutcome | null,
    requesterId: row.requester_id,
    recipientId: row.recipient_id,
  };
}

/** The matching library's must-meet reasons (stored by the generation), as the review names them. */
const NOT_SEATED: Record<string, MeetingRequestNotSeatedReason> = {
  'not-in-round': MeetingRequestNotSeatedReason.NOT_IN_ROUND,
  'same-person': MeetingRequestNotSeatedReason.NOT_IN_ROUND,
  busy: MeetingRequestNotSeatedReason.BUSY,
  blocked: MeetingRequestNotSeatedReason.BLOCKED,
  'already-met': MeetingRequestNotSeatedReason.ALREADY_MET,
  'no-common-language': MeetingRequestNotSeatedReason.NO_COMMON_LANGUAGE,
  'meeting-rule': MeetingRequestNotSeatedReason.MEETING_RULE,
  'same-company': MeetingRequestNotSeatedReason.SAME_COMPANY,
  conflict: MeetingRequestNotSeatedReason.CONFLICT,
  'no-compatible-table': MeetingRequestNotSeatedReason.NO_COMPATIBLE_TABLE,
} satisfies Record<MustMeetUnmetReason, MeetingRequestNotSeatedReason>;

/** Seated now, or why not: what the generation said, or SEPARATED when it seated them and an adjustment moved them apart. */
export function notSeatedReason(row: RoundRequestRow): MeetingRequestNotSeatedReason | null {
  if (row.seated) return null;
  if (row.planned) return MeetingRequestNotSeatedReason.SEPARATED;
  return NOT_SEATED[row.reason ?? ''] ?? MeetingRequestNotSeatedReason.NOT_IN_ROUND;
}
