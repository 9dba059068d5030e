import type { AttendeesRepository } from '../attendees/attendees.repository';
import type { RequestSlotMeeting } from '../rounds/attendee-meeting';
import type { RequestSlotRow } from './meeting-requests.repository';

/** The name such a meeting goes by where rounds have theirs (myMeetings, the schedule, the calendar feed). */
export const REQUEST_SLOT_NAME = 'Meeting request';

/**
 * An attendee's accepted requests with a slot of their own, shaped like meetings so that myMeetings, the
 * subscription, the schedule and the calendar feed show them beside round tables and office hours. The other
 * person is shown as they share their profile (toPartnerModel); the request's message, written by one of the
 * two for the other, is its opening question for both.
 */
export async function requestSlotMeetings(attendees: AttendeesRepository, rows: readonly RequestSlotRow[], attendeeId: string): Promise<RequestSlotMeeting[]> {
  if (!rows.length) return [];
  const otherOf = (row: RequestSlotRow) => (row.requester_id === attendeeId ? row.recipient_id : row.requester_id);
  const others = await attendees.findByIds([...new Set(rows.map(otherOf))]);
  return rows.map((row) => {
    const other = others.find((a) => a.id === otherOf(row) && a.erasedAt === null);
    const asked = row.requester_id === attendeeId;
    return {
      kind: 'MEETING_REQUEST',
      meetingRequestId: row.id,
      meeting: { id: row.id, eventId: row.event_id, tableLabel: row.slot_table, startsAt: new Date(row.slot_starts_at), endsAt: new Date(row.slot_ends_at), status: 'SCHEDULED' },
      roundName: REQUEST_SLOT_NAME,
      timeZone: row.time_zone,
      partners: other ? [other] : [],
      fixedText: {
        sentence: asked ? 'You asked to meet, and they accepted: this table is yours for the two of you.' : 'They asked to meet you, and you accepted: this table is yours for the two of you.',
        openingQuestion: row.message || 'What brought you to each other’s profile?',
      },
    };
  });
}
