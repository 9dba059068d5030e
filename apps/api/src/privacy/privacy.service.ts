import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AttendeeEntity } from '../attendees/attendee.entity';
import type { Actor } from '../auth/actor';
import { asAttendee } from '../auth/event-access';
import { MeetingsService } from '../rounds/meetings.service';
import { toMyMeeting } from '../rounds/meeting-view';
import { MeetingsWhen } from '../rounds/models/meeting-views.model';
import { DraftRemoval } from './draft-removal';
import { AttendeeErasure } from './erasure';
import { EventsRepository } from '../events/events.repository';
import { AttendeesRepository } from '../attendees/attendees.repository';
import { AvailabilityRepository } from '../availability/availability.repository';
import { NetworkingRepository } from '../networking/networking.repository';
import { MeetingsRepository } from '../rounds/meetings.repository';
import { TalksRepository } from '../talks/talks.repository';

/** What staff are told: each use case here acts for the calling attendee. */
const ATTENDEES_ONLY = 'Only attendees manage their own personal data';

/** An attendee's rights over their data: consent, access and portability, erasure. */
@Injectable()
export class PrivacyService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly meetingsService: MeetingsService,
    private readonly drafts: DraftRemoval,
    private readonly events: EventsRepository,
    private readonly attendees: AttendeesRepository,
    private readonly erasure: AttendeeErasure,
    private readonly networking: NetworkingRepository,
    private readonly meetings: MeetingsRepository,
    private readonly talks: TalksRepository,
    private readonly availability: AvailabilityRepository,
  ) {}

  /** Opt in to matchmaking (profiling), recorded with the time and the version of the notice shown. */
  async giveConsent(actor: Actor, noticeVersion: string): Promise<AttendeeEntity> {
    const me = asAttendee(actor, ATTENDEES_ONLY);
    await this.attendees.update(me.attendeeId, { consentMatchmaking: true, consentAt: new Date(), consentNoticeVersion: noticeVersion.trim() });
    return this.attendees.getById(me.attendeeId);
  }

  /** One step out: no later round includes them, and unpublished drafts let them go. */
  async withdrawConsent(actor: Actor): Promise<AttendeeEntity> {
    const me = asAttendee(actor, ATTENDEES_ONLY);
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
    const me = asAttendee(actor, ATTENDEES_ONLY);
    const attendee = await this.attendees.getById(me.attendeeId);
    const event = await this.events.getById(attendee.eventId);
    const [wishes, blocks, optOuts, feedback, slotRequests, meetings, availability, bookmarks] = await Promise.all([
      this.networking.linksMadeBy('wish', me.attendeeId),
      this.networking.linksMadeBy('block', me.attendeeId),
      this.networking.optOutsOf(me.attendeeId),
      this.meetings.feedbackGivenBy(me.attendeeId),
      this.talks.slotRequestsMadeBy(me.attendeeId),
      this.meetingsService.myMeetings(me, MeetingsWhen.ALL),
      this.availability.windowsOf(me.attendeeId),
      this.talks.bookmarksOf(me.attendeeId),
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
    const me = asAttendee(actor, ATTENDEES_ONLY);
    await this.dataSource.transaction(async (manager) => {
      await this.drafts.removeFromDrafts(manager, me.attendeeId);
      await this.erasure.erase(manager, me.attendeeId, new Date());
    });
    return true;
  }
}
