import { Module } from '@nestjs/common';
import { AvailabilityModule } from '../availability/availability.module';
import { RoundsModule } from '../rounds/rounds.module';
import { TalksModule } from '../talks/talks.module';
import { OfficeHoursResolver } from './office-hours.resolver';
import { OfficeHoursService } from './office-hours.service';

/** Allocating and publishing speakers' office hours: it reads the talks, the rounds and availability windows, so it sits above them. */
@Module({
  imports: [TalksModule, RoundsModule, AvailabilityModule],
  providers: [OfficeHoursService, OfficeHoursResolver],
})
export class OfficeHoursModule {}
