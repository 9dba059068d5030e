import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AttendeeEntity } from '../attendees/attendee.entity';
import type { Actor, AttendeeActor } from '../auth/actor';
import { forbidden } from '../common/domain-error';
import { MeetingsService } from '../rounds/meetings.service';
import { toMyMeeting } from '../rounds/meeting-view';
import { MeetingsWhen } from '../rounds/models/meeting-views.model';
import { DraftRemoval } from './draft-removal';
import { eraseAttendee } from './erasure';
import { EventsRepository } from '../events/events.repository';
import { AttendeesRepository } from '../attendees/attendees.repository';

/** An attendee's rights over their data: consent, access and portability, erasure. */
@Injectable()
export class PrivacyService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly meetingsService: MeetingsService,
    private readonly drafts: DraftRemoval,
    private readonly events: EventsRepository,
    private readonly attendees: AttendeesRepository,
  ) {}

  /** Opt in to matchmaking (profiling), recorded with the time and the version of the notice shown. */
  async giveConsent(actor: Actor, noticeVersion: string): Promise<AttendeeEntity> {
    const me = asAttendee(actor);
    await this.attendees.update(me.attendeeId, { consentMatchmaking: true, consentAt: new Date(), consentNoticeVersion: noticeVersion.trim() });
    return this.attendees.getById(me.attendeeId);
  }

  /** One step out: no later round includes them, and unpublished drafts let them go. */
  async withdrawConsent(actor: Actor): Promise<AttendeeEntity> {
    const me = asAttendee(actor);
    await this.dataSource.transaction(async (manager) => {
      await this.attendees.update(me.attendeeId, { consentMatchmaking: false, consentAt: null }, manager);
      await this.drafts.removeFromDrafts(manager, me.attendeeId);
    });
    return this.attendees.getById(me.attendeeId);
  }

  /**
   * Everything the platform holds about the attendee, machine-readable — and
   * nothing private of anyone else: partners appear with only what they
   * share; others' notes, blocks and feedback never do.
   */
  async exportMyData(actor: Actor): Promise<Record<string, unknown>> {
    const me = asAttendee(actor);
    const attendee = await this.attendees.getById(me.attendeeId);
    const event = await this.events.getById(attendee.eventId);
    const [wishes, blocks, optOuts, feedback, slotRequests, meetings, availability, bookmarks] = await Promise.all([
      this.dataSource.query(`SELECT target_id AS "attendeeId", created_at AS "createdAt" FROM wishes WHERE attendee_id = $1`, [me.attendeeId]),
      this.dataSource.query(`SELECT target_id AS "attendeeId", created_at AS "createdAt" FROM blocks WHERE attendee_id = $1`, [me.attendeeId]),
      this.dataSource.query(`SELECT round_id AS "roundId" FROM round_opt_outs WHERE attendee_id = $1`, [me.attendeeId]),
      this.dataSource.query(
        `SELECT meeting_id AS "meetingId", met, rating, would_meet_again AS "wouldMeetAgain", note, updated_at AS "updatedAt"
           FROM feedback WHERE attendee_id = $1`,
        [me.attendeeId],
      ),
      this.dataSource.query(
        `SELECT t.title AS talk, r.question, r.slot_index AS "slotIndex", r.standby_rank AS "standbyRank", r.created_at AS "createdAt"
           FROM slot_requests r JOIN talks t ON t.id = r.talk_id WHERE r.attendee_id = $1`,
        [me.attendeeId],
      ),
      this.meetingsService.myMeetings(me, MeetingsWhen.ALL),
      this.dataSource.query(`SELECT starts_at AS "startsAt", ends_at AS "endsAt" FROM availability_windows WHERE attendee_id = $1 ORDER BY starts_at`, [me.attendeeId]),
      this.dataSource.query(
        `SELECT t.id AS "talkId", t.title AS talk, b.created_at AS "createdAt" FROM talk_bookmarks b JOIN talks t ON t.id = b.talk_id WHERE b.attendee_id = $1 ORDER BY t.starts_at`,
        [me.attendeeId],
      ),
    ]);
    const { calendarTokenHash: _secret, ...profile } = attendee;
    return {
      format: 'pairwise.personal-data/1',
      exportedAt: new Date().toISOString(),
      event: { id: event.id, slug: event.slug, name: event.name },
      profile,
      consent: { matchmaking: attendee.consentMatchmaking, givenAt: attendee.consentAt, noticeVersion: attendee.consentNoticeVersion },
      wishes,
      blocks,
      roundOptOuts: optOuts,
      meetings: meetings.map((meeting) => {
        const { myFeedback: _included, ...rest } = toMyMeeting(meeting, me.attendeeId);
        return rest;
      }),
      feedbackGiven: feedback,
      speakerSlotRequests: slotRequests,
      availabilityWindows: availability,
      bookmarkedTalks: bookmarks,
    };
  }

  /** Erase me: everything that identifies the person goes; past meetings stay as "Deleted attendee". */
  async deleteMyData(actor: Actor): Promise<boolean> {
    const me = asAttendee(actor);
    await this.dataSource.transaction(async (manager) => {
      await this.drafts.removeFromDrafts(manager, me.attendeeId);
      await eraseAttendee(manager, me.attendeeId, new Date());
    });
    return true;
  }
}

function asAttendee(actor: Actor): AttendeeActor {
  if (actor.kind !== 'attendee') throw forbidden('Only attendees manage their own personal data');
  return actor;
}
