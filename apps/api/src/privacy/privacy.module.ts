import { Module } from '@nestjs/common';
import { RoundsModule } from '../rounds/rounds.module';
import { DraftRemoval } from './draft-removal';
import { PrivacyResolver } from './privacy.resolver';
import { PrivacyService } from './privacy.service';
import { CLOCK, RetentionService } from './retention.service';

@Module({
  imports: [RoundsModule],
  providers: [PrivacyService, DraftRemoval, PrivacyResolver, RetentionService, { provide: CLOCK, useValue: { now: () => new Date() } }],
  exports: [RetentionService],
})
export class PrivacyModule {}
