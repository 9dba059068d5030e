import { DataSource, In } from 'typeorm';
import { AttendeeEntity } from '../attendees/attendee.entity';
import type { OfficeHourMeeting } from '../rounds/attendee-meeting';
import { MeetingsWhen } from '../rounds/models/meeting-views.model';
import { slotWindow } from './talks.service';

interface SlotRow {
  talk_id: string;
  title: string;
  location: string | null;
  event_id: string;
  time_zone: string;
  starts_at: Date;
  duration_minutes: number;
  slot_minutes: number;
  speaker_id: string;
  attendee_id: string;
  slot_index: number;
  question: string;
}

/**
 * The published office-hour slots of an attendee — as the one who asked, or
 * as the speaker — shaped like meetings, so myMeetings, the subscription and
 * the calendar feed show them with the round tables.
 */
export async function officeHoursOf(dataSource: DataSource, attendeeId: string, when: MeetingsWhen): Promise<OfficeHourMeeting[]> {
  const rows: SlotRow[] = await dataSource.query(
    `SELECT t.id AS talk_id, t.title, t.location, t.event_id, e.time_zone, t.starts_at, t.duration_minutes, t.slot_minutes, t.speaker_id,
            r.attendee_id, r.slot_index, r.question
       FROM slot_requests r JOIN talks t ON t.id = r.talk_id JOIN events e ON e.id = t.event_id
      WHERE t.allocation_status = 'PUBLISHED' AND r.slot_index IS NOT NULL AND r.attendee_id = $1
     UNION ALL
     SELECT t.id, t.title, t.location, t.event_id, e.time_zone, t.starts_at, t.duration_minutes, t.slot_minutes, t.speaker_id,
            r.attendee_id, r.slot_index, r.question
       FROM talks t JOIN slot_requests r ON r.talk_id = t.id JOIN events e ON e.id = t.event_id
      WHERE t.allocation_status = 'PUBLISHED' AND r.slot_index IS NOT NULL AND t.speaker_id = $1`,
    [attendeeId],
  );
  if (!rows.length) return [];
  const otherIds = [...new Set(rows.map((row) => (row.attendee_id === attendeeId ? row.speaker_id : row.attendee_id)))];
  const others = await dataSource.getRepository(AttendeeEntity).findBy({ id: In(otherIds) });
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
