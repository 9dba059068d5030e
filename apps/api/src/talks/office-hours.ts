import type { AttendeesRepository } from '../attendees/attendees.repository';
import type { OfficeHourMeeting } from '../rounds/attendee-meeting';
import { MeetingsWhen } from '../rounds/models/meeting-views.model';
import { slotWindow } from './talks.service';
import type { TalksRepository } from './talks.repository';

/**
 * The published office-hour slots of an attendee — as the one who asked, or
 * as the speaker — shaped like meetings, so myMeetings, the subscription and
 * the calendar feed show them with the round tables.
 */
export async function officeHoursOf(repositories: { talks: TalksRepository; attendees: AttendeesRepository }, attendeeId: string, when: MeetingsWhen): Promise<OfficeHourMeeting[]> {
  const rows = await repositories.talks.publishedSlotsOf(attendeeId);
  if (!rows.length) return [];
  const otherIds = [...new Set(rows.map((row) => (row.attendee_id === attendeeId ? row.speaker_id : row.attendee_id)))];
  const others = await repositories.attendees.findByIds(otherIds);
  const now = Date.now();
  return rows
    .map((row) => {
      const window = slotWindow({ startsAt: new Date(row.starts_at), durationMinutes: row.duration_minutes, slotMinutes: row.slot_minutes }, row.slot_index);
      const asking = row.attendee_id === attendeeId;
      const other = others.find((a) => a.id === (asking ? row.speaker_id : row.attendee_id));
      const meeting = {
        id: `${row.talk_id}:${row.slot_index}`,
        eventId: row.event_id,
        tableLabel: row.location ?? 'Speaker corner',
        startsAt: window.startsAt,
        endsAt: window.endsAt,
        status: 'SCHEDULED' as const,
      };
      // The question was written for the speaker: the speaker and the one who asked it read it.
      const fixedText = {
        sentence: asking ? `Your office-hour slot after “${row.title}”.` : `Office hours after your talk “${row.title}”.`,
        openingQuestion: row.question,
      };
      return {
        kind: 'OFFICE_HOURS' as const,
        talkId: row.talk_id,
        meeting,
        roundName: `Office hours · ${row.title}`,
        timeZone: row.time_zone,
        partners: other ? [other] : [],
        fixedText,
      } satisfies OfficeHourMeeting;
    })
    .filter(({ meeting }) => (when === MeetingsWhen.UPCOMING ? meeting.endsAt.getTime() > now : when === MeetingsWhen.PAST ? meeting.endsAt.getTime() <= now : true));
}
