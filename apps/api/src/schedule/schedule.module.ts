import { Module } from '@nestjs/common';
import { MeetingRequestsModule } from '../meeting-requests/meeting-requests.module';
import { RoundsModule } from '../rounds/rounds.module';
import { TalksModule } from '../talks/talks.module';
import { ScheduleResolver } from './schedule.resolver';
import { ScheduleService } from './schedule.service';

@Module({
  imports: [TalksModule, RoundsModule, MeetingRequestsModule],
  providers: [ScheduleService, ScheduleResolver],
  exports: [ScheduleService],
})
export class MyScheduleModule {}
