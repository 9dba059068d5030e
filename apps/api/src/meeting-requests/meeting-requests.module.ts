import { Module } from '@nestjs/common';
import { MailCoreModule } from '../mail/mail.module';
import { MeetingRequestsRepository } from './meeting-requests.repository';
import { MeetingRequestsResolver, RoundMeetingRequestsResolver } from './meeting-requests.resolver';
import { MeetingRequestsService } from './meeting-requests.service';

/** Meeting requests: asking, answering, withdrawing; read by the rounds' generation, publish and review. */
@Module({
  imports: [MailCoreModule],
  providers: [MeetingRequestsRepository, MeetingRequestsService, MeetingRequestsResolver, RoundMeetingRequestsResolver],
  exports: [MeetingRequestsRepository, MeetingRequestsService],
})
export class MeetingRequestsModule {}
