import { createHash, randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import ical, { ICalCalendarMethod } from 'ical-generator';
import { DataSource } from 'typeorm';
import type { Actor } from '../auth/actor';
import { asAttendee } from '../auth/event-access';
import { notFound } from '../common/domain-error';
import { UNNAMED_PARTNER } from '../rounds/meeting-explanation';
import { toMyMeeting } from '../rounds/meeting-view';
import { ScheduleService } from '../schedule/schedule.service';
import { tablePlace } from '../rounds/table-place';
import { EventsRepository } from '../events/events.repository';
import { AttendeesRepository } from '../attendees/attendees.repository';

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * A per-attendee iCalendar feed of their schedule (ScheduleService, as mySchedule): the talks they
 * bookmarked or give, their office-hour slots and their published round tables (not the rounds they sit
 * out: nothing to attend), that calendar apps subscribe to by URL. The URL carries a random secret (only its hash is
 * stored); asking for a new one revokes the old.
 */
@Injectable()
export class CalendarService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly scheduleService: ScheduleService,
    private readonly events: EventsRepository,
    private readonly attendees: AttendeesRepository,
  ) {}

  async issueToken(actor: Actor): Promise<string> {
    const me = asAttendee(actor, 'Only attendees have a meeting calendar');
    const token = randomBytes(24).toString('base64url');
    await this.attendees.update(me.attendeeId, { calendarTokenHash: hashToken(token) });
    return token;
  }

  /** The feed for a token; NOT_FOUND for an unknown or revoked one. */
  async feed(token: string): Promise<string> {
    const attendee = await this.attendees.findByCalendarTokenHash(hashToken(token));
    if (!attendee) throw notFound('Calendar');
    const event = await this.events.getById(attendee.eventId);
    const actor = { kind: 'attendee' as const, attendeeId: attendee.id, eventId: attendee.eventId };
    const schedule = await this.scheduleService.scheduleOf(actor);
    const calendar = ical({ name: `${event.name} — my Pairwise meetings`, method: ICalCalendarMethod.PUBLISH, prodId: '//Pairwise//Meetings//EN' });
    for (const item of schedule.items) {
      if (item.kind === 'SIT_OUT') continue;
      if (item.kind === 'TALK') {
        const { talk } = item.talk;
        calendar.createEvent({
          id: `talk-${talk.id}@pairwise`,
          start: talk.startsAt,
          end: new Date(talk.startsAt.getTime() + talk.durationMinutes * 60_000),
          summary: item.speaking ? `Your talk: ${talk.title}` : `Talk: ${talk.title}`,
          description: item.speaking ? 'You give this talk; your office hours follow it.' : `By ${item.talk.speaker.name}.`,
          location: [talk.room ?? talk.location, event.venue].filter(Boolean).join(', '),
        });
        continue;
      }
      const attendeeMeeting = item.meeting;
      const { meeting, roundName, partners } = attendeeMeeting;
      // The same texts as myMeetings: built only from what the attendee and each partner share.
      const { sentence, openingQuestion } = toMyMeeting(attendeeMeeting, attendee.id);
      const names = partners.map((p) => (p.sharedFields.includes('name') && p.name ? p.name : UNNAMED_PARTNER)).join(' and ');
      // The feed is written in English, like the rest of its texts.
      const place = tablePlace(meeting.tableLabel, (code) => `Table ${code}`);
      calendar.createEvent({
        id: `${meeting.id}@pairwise`,
        start: meeting.startsAt,
        end: meeting.endsAt,
        summary: `Meet ${names} — ${place}`,
        description: `${roundName}\n\n${sentence}\n\nTo open: ${openingQuestion}`,
        location: [place, event.venue].filter(Boolean).join(', '),
        status: meeting.status === 'CANCELLED' ? ('CANCELLED' as never) : undefined,
      });
    }
    return endLastLine(calendar.toString());
  }
}

/**
 * RFC 5545 ends every content line with CRLF, the last one (`END:VCALENDAR`) included; ical-generator
 * joins lines with CRLF but stops after the last, and some calendar clients reject such a file.
 */
function endLastLine(ics: string): string {
  return ics.endsWith('\r\n') ? ics : `${ics}\r\n`;
}
