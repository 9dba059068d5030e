import { Module } from '@nestjs/common';
import { AvailabilityModule } from '../availability/availability.module';
import { MailCoreModule } from '../mail/mail.module';
import { RoundsModule } from '../rounds/rounds.module';
import { TalksModule } from '../talks/talks.module';
import { OfficeHoursResolver } from './office-hours.resolver';
import { OfficeHoursService } from './office-hours.service';

/** Allocating and publishing speakers' office hours: it reads the talks, the rounds and availability windows, so it sits above them (and the outbox, for a promoted holder's reminder). */
@Module({
  imports: [TalksModule, RoundsModule, AvailabilityModule, MailCoreModule],
  providers: [OfficeHoursService, OfficeHoursResolver],
})
export class OfficeHoursModule {}
