import { Module } from '@nestjs/common';
import { AvailabilityModule } from '../availability/availability.module';
import { MailCoreModule } from '../mail/mail.module';
import { MeetingRequestsModule } from '../meeting-requests/meeting-requests.module';
import { RoundsModule } from '../rounds/rounds.module';
import { TalksModule } from '../talks/talks.module';
import { OfficeHoursResolver } from './office-hours.resolver';
import { OfficeHoursService } from './office-hours.service';

/** Allocating and publishing speakers' office hours: it reads the talks, the rounds and availability windows, so it sits above them (and the outbox, for a promoted holder's reminder; and the meeting requests' slots, which take people too). */
@Module({
  imports: [TalksModule, RoundsModule, AvailabilityModule, MailCoreModule, MeetingRequestsModule],
  providers: [OfficeHoursService, OfficeHoursResolver],
})
export class OfficeHoursModule {}
