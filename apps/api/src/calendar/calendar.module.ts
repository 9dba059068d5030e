import { Module } from '@nestjs/common';
import { RoundsModule } from '../rounds/rounds.module';
import { CalendarController } from './calendar.controller';
import { CalendarResolver } from './calendar.resolver';
import { CalendarService } from './calendar.service';

@Module({
  imports: [RoundsModule],
  controllers: [CalendarController],
  providers: [CalendarService, CalendarResolver],
})
export class CalendarModule {}
