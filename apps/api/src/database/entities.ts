import { AccountEntity } from '../accounts/account.entity';
import { EventOrganiserEntity } from '../accounts/event-organiser.entity';
import { AttendeeEntity } from '../attendees/attendee.entity';
import { AccessCodeEntity } from '../auth/access-code.entity';
import { AvailabilityWindowEntity } from '../availability/availability-window.entity';
import { TalkBookmarkEntity } from '../talks/talk-bookmark.entity';
import { SessionEntity } from '../auth/session.entity';
import { SignInFailureEntity, SignInNetworkFailureEntity } from '../auth/sign-in-failure.entity';
import { EventTagEntity } from '../events/event-tag.entity';
import { EventEntity } from '../events/event.entity';
import { ConflictEntity } from '../matching-rules/conflict.entity';
import { BlockEntity, RoundOptOutEntity, WishEntity } from '../networking/networking.entities';
import { InvitationRunEntity, MailOutboxEntity, MailPacingEntity, MailScheduleEntity, SignInLinkEntity, SignInRequestEntity } from '../mail/mail.entities';
import { FeedbackEntity } from '../rounds/feedback.entity';
import { EventPairEntity, MeetingEntity, MeetingParticipantEntity } from '../rounds/meeting.entity';
import { ReportExportEntity } from '../reports/report-export.entity';
import { RateLimitCounterEntity } from '../rate-limit/rate-limit-counter.entity';
import { RoundAdjustmentEntity } from '../rounds/round-adjustment.entity';
import { RoundEntity } from '../rounds/round.entity';
import { SlotRequestEntity, TalkEntity } from '../talks/talk.entity';
import { MeetingRequestEntity } from '../meeting-requests/meeting-request.entity';

/** Every TypeORM entity; the one list both the app and the migration CLI use. */
export const ENTITIES = [
  EventEntity,
  EventTagEntity,
  AttendeeEntity,
  AccountEntity,
  EventOrganiserEntity,
  AccessCodeEntity,
  RoundEntity,
  MeetingEntity,
  MeetingParticipantEntity,
  EventPairEntity,
  RoundAdjustmentEntity,
  WishEntity,
  BlockEntity,
  ConflictEntity,
  RoundOptOutEntity,
  FeedbackEntity,
  TalkEntity,
  SlotRequestEntity,
  AvailabilityWindowEntity,
  TalkBookmarkEntity,
  ReportExportEntity,
  SessionEntity,
  SignInFailureEntity,
  SignInNetworkFailureEntity,
  InvitationRunEntity,
  MailOutboxEntity,
  SignInLinkEntity,
  SignInRequestEntity,
  MailPacingEntity,
  MailScheduleEntity,
  RateLimitCounterEntity,
  MeetingRequestEntity,
];
