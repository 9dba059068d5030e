import { Module } from '@nestjs/common';
import { AvailabilityModule } from '../availability/availability.module';
import { MeetingRequestsModule } from '../meeting-requests/meeting-requests.module';
import { TalksModule } from '../talks/talks.module';
import { GenerationLeaseSweeper } from './generation-lease.sweeper';
import { MatchingRunner } from './matching-runner';
import { MeetingsResolver } from './meetings.resolver';
import { MeetingsService } from './meetings.service';
import { AttendeeScoreResolver, DraftReviewResolver, LeftOutResolver, RoundReviewResolver } from './round-review.resolver';
import { MeetingFeedbackResolver, RoundsResolver } from './rounds.resolver';
import { RoundAdjustmentsService } from './round-adjustments.service';
import { RoundDirectory } from './round-directory.service';
import { DraftCheck } from './draft-check';
import { RoundGenerationService } from './round-generation.service';
import { RoundsService } from './rounds.service';

@Module({
  imports: [TalksModule, AvailabilityModule, MeetingRequestsModule],
  providers: [RoundsService, RoundGenerationService, DraftCheck, RoundDirectory, GenerationLeaseSweeper, MeetingsService, RoundAdjustmentsService, MatchingRunner, RoundsResolver, MeetingsResolver, MeetingFeedbackResolver, LeftOutResolver, AttendeeScoreResolver, DraftReviewResolver, RoundReviewResolver],
  exports: [RoundsService, MeetingsService, RoundDirectory],
})
export class RoundsModule {}
