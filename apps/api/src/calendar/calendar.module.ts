import { Module } from '@nestjs/common';
import { RoundsModule } from '../rounds/rounds.module';
import { MyScheduleModule } from '../schedule/schedule.module';
import { CalendarController } from './calendar.controller';
import { CalendarResolver } from './calendar.resolver';
import { CalendarService } from './calendar.service';

@Module({
  imports: [RoundsModule, MyScheduleModule],
  controllers: [CalendarController],
  providers: [CalendarService, CalendarResolver],
})
export class CalendarModule {}
