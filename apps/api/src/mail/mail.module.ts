import { Injectable, Module, OnApplicationBootstrap } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { InvitationRunsRepository } from './invitation-runs.repository';
import { InvitationsService } from './invitations.service';
import { MailErasure } from './mail-erasure';
import { MailResolver } from './mail.resolver';
import { MailPreferencesRepository } from './mail-preferences.repository';
import { MailPreferencesService } from './mail-preferences.service';
import { MailSender } from './mail-sender';
import { MessageFactsRepository } from './message-facts.repository';
import { OutboxRepository } from './outbox.repository';
import { OutboxService } from './outbox.service';
import { ReminderScheduler } from './reminder-scheduler';
import { SignInLinksRepository } from './sign-in-links.repository';
import { SignInLinksService } from './sign-in-links.service';
import { UnsubscribeController } from './unsubscribe.controller';
import { UnsubscribeService } from './unsubscribe.service';

/** Outbox, invitations, sign-in links, reminders, unsubscribe and what erasure does to mail; without the API's workers (see MailModule). */
@Module({
  imports: [AuthModule],
  providers: [OutboxRepository, SignInLinksRepository, MailPreferencesRepository, InvitationRunsRepository, MessageFactsRepository, MailSender, OutboxService, InvitationsService, SignInLinksService, ReminderScheduler, UnsubscribeService, MailPreferencesService, MailErasure],
  exports: [MailSender, InvitationsService, OutboxRepository, ReminderScheduler, OutboxService, SignInLinksService, UnsubscribeService, MailPreferencesService, MailErasure],
})
export class MailCoreModule {}

/** In the API every process sends the outbox and schedules reminders from the start. */
@Injectable()
class MailWorkers implements OnApplicationBootstrap {
  constructor(
    private readonly sender: MailSender,
    private readonly scheduler: ReminderScheduler,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.sender.start();
    this.scheduler.start();
  }
}

@Module({
  imports: [MailCoreModule, AuthModule],
  providers: [MailResolver, MailWorkers],
  controllers: [UnsubscribeController],
})
export class MailModule {}
