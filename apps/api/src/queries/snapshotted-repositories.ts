import { AccountsRepository } from '../accounts/accounts.repository';
import { AccessCodesRepository } from '../auth/access-codes.repository';
import { SignInFailuresRepository } from '../auth/sign-in-failures.repository';
import { SessionsRepository } from '../auth/sessions.repository';
import { AttendeesRepository } from '../attendees/attendees.repository';
import { NetworkingRepository } from '../networking/networking.repository';
import { AvailabilityRepository } from '../availability/availability.repository';
import { MeetingRequestsRepository } from '../meeting-requests/meeting-requests.repository';
import { ConflictsRepository } from '../matching-rules/conflicts.repository';
import { EventsRepository } from '../events/events.repository';
import { InvitationRunsRepository } from '../mail/invitation-runs.repository';
import { MailPreferencesRepository } from '../mail/mail-preferences.repository';
import { MessageFactsRepository } from '../mail/message-facts.repository';
import { OutboxRepository } from '../mail/outbox.repository';
import { SignInLinksRepository } from '../mail/sign-in-links.repository';
import { RoundNoticesRepository } from '../realtime/round-notices.repository';
import { MeetingsRepository } from '../rounds/meetings.repository';
import { RoundRosterRepository } from '../rounds/round-roster.repository';
import { RoundsRepository } from '../rounds/rounds.repository';
import { ReportsRepository } from '../reports/reports.repository';
import { TalksRepository } from '../talks/talks.repository';

/**
 * The repositories whose SQL is snapshotted in this folder (one `<name>.repository.sql` each, see
 * database/generate-sql.ts). A new repository: one line here, `@GenerateSql` on its methods, then
 * `npm run sql:snapshots`.
 */
export const SNAPSHOTTED_REPOSITORIES = [
  RoundsRepository,
  MeetingsRepository,
  RoundRosterRepository,
  TalksRepository,
  AvailabilityRepository,
  MeetingRequestsRepository,
  ConflictsRepository,
  EventsRepository,
  AttendeesRepository,
  NetworkingRepository,
  AccountsRepository,
  AccessCodesRepository,
  SignInFailuresRepository,
  OutboxRepository,
  SignInLinksRepository,
  MailPreferencesRepository,
  InvitationRunsRepository,
  MessageFactsRepository,
  RoundNoticesRepository,
  SessionsRepository,
  ReportsRepository,
] as const;
