import { Module } from '@nestjs/common';
import { EventsModule } from '../events/events.module';
import { TalksResolver } from './talks.resolver';
import { TalksService } from './talks.service';

@Module({
  imports: [EventsModule],
  providers: [TalksService, TalksResolver],
})
export class TalksModule {}
