import { Module } from '@nestjs/common';
import { EventsModule } from '../events/events.module';
import { MailCoreModule } from '../mail/mail.module';
import { AttendeesResolver } from './attendees.resolver';
import { AttendeesService } from './attendees.service';

@Module({
  imports: [EventsModule, MailCoreModule],
  providers: [AttendeesService, AttendeesResolver],
  exports: [AttendeesService],
})
export class AttendeesModule {}
