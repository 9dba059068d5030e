import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { AvailabilityModule } from '../availability/availability.module';
import { MailCoreModule } from '../mail/mail.module';
import { MatchingRulesModule } from '../matching-rules/matching-rules.module';
import { MeetingRequestsModule } from '../meeting-requests/meeting-requests.module';
import { RoundsModule } from '../rounds/rounds.module';
import { DraftRemoval } from './draft-removal';
import { AttendeeErasure } from './erasure';
import { PrivacyResolver } from './privacy.resolver';
import { PrivacyService } from './privacy.service';
import { CLOCK, RetentionService } from './retention.service';

@Module({
  imports: [RoundsModule, AuthModule, AvailabilityModule, MatchingRulesModule, MeetingRequestsModule, MailCoreModule],
  providers: [PrivacyService, DraftRemoval, AttendeeErasure, PrivacyResolver, RetentionService, { provide: CLOCK, useValue: { now: () => new Date() } }],
  exports: [RetentionService],
})
export class PrivacyModule {}
