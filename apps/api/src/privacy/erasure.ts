import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AttendeesRepository } from '../attendees/attendees.repository';
import { AccessCodesRepository } from '../auth/access-codes.repository';
import { SessionsRepository } from '../auth/sessions.repository';
import { AvailabilityRepository } from '../availability/availability.repository';
import { MailErasure } from '../mail/mail-erasure';
import { ConflictsRepository } from '../matching-rules/conflicts.repository';
import { MeetingRequestsRepository } from '../meeting-requests/meeting-requests.repository';
import { NetworkingRepository } from '../networking/networking.repository';
import { MeetingsRepository } from '../rounds/meetings.repository';
import { TalksRepository } from '../talks/talks.repository';

export const ERASED_NAME = 'Deleted attendee';

/**
 * Erases a person while keeping what others need: their row stays (so
 * partners' meeting histories and aggregate statistics hold) but nothing in
 * it, or in the texts written about them, identifies them any more. Every
 * statement finds what it erases by the person's id, never by searching text.
 */
@Injectable()
export class AttendeeErasure {
  constructor(
    private readonly attendees: AttendeesRepository,
    private readonly meetings: MeetingsRepository,
    private readonly networking: NetworkingRepository,
    private readonly conflicts: ConflictsRepository,
    private readonly availability: AvailabilityRepository,
    private readonly talks: TalksRepository,
    private readonly meetingRequests: MeetingRequestsRepository,
    private readonly sessions: SessionsRepository,
    private readonly accessCodes: AccessCodesRepository,
    private readonly mail: MailErasure,
  ) {}

  /** Inside the caller's transaction; nothing happens for an id without an attendee. */
  async erase(manager: EntityManager, attendeeId: string, now: Date): Promise<void> {
    // The row lock holds off any message being queued or rendered about them until the erasure commits (mail-erasure.ts).
    const email = await this.attendees.lockEmail(attendeeId, manager);
    if (email === null) return;
    // Meetings store no name and no sentence (texts are rendered when read, from the names people have
    // then): nothing to search and replace. What they store about this person's pairs — shared tags,
    // their role, their wish — goes, found by id; the pairs' ids and scores stay for the statistics.
    await this.meetings.stripPairReasonsOf(attendeeId, manager);
    await this.accessCodes.deleteOfAttendee(attendeeId, manager);
    await this.networking.forgetAttendee(attendeeId, manager);
    await this.conflicts.deleteOf(attendeeId, manager);
    // When they would be at the event, which talks they meant to see, what they asked speakers.
    await this.availability.deleteWindowsOf(attendeeId, manager);
    await this.talks.forgetAttendee(attendeeId, manager);
    // Their meeting requests, sent and received, messages included (the mail that carried them goes with eraseMailOf).
    await this.meetingRequests.deleteAllOf(attendeeId, manager);
    await this.meetings.clearFeedbackNotesOf(attendeeId, manager);
    // Every session ends at once (the erased attendee's token would be refused anyway: erased_at).
    await this.sessions.endAll({ kind: 'attendee', attendeeId }, manager);
    const erasedAddress = `erased-${attendeeId}@erased.invalid`;
    await this.mail.eraseMailOf(manager, attendeeId, email, erasedAddress);
    await this.attendees.anonymise(attendeeId, ERASED_NAME, erasedAddress, now, manager);
  }
}
