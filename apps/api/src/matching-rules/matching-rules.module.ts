import { Module } from '@nestjs/common';
import { ConflictsRepository } from './conflicts.repository';
import { MatchingRulesResolver } from './matching-rules.resolver';
import { MatchingRulesService } from './matching-rules.service';

@Module({
  providers: [ConflictsRepository, MatchingRulesService, MatchingRulesResolver],
  exports: [ConflictsRepository, MatchingRulesService],
})
export class MatchingRulesModule {}
