import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AttendeeEntity } from '../attendees/attendee.entity';
import type { Actor } from '../auth/actor';
import { asAttendee } from '../auth/event-access';
import type { AppConfig } from '../config/app-config';
import { MailSender } from './mail-sender';
import { MailPreferencesRepository } from './mail-preferences.repository';
import { OutboxRepository } from './outbox.repository';
import { AttendeesRepository } from '../attendees/attendees.repository';

/**
 * An attendee's own choice about the event's emails. Only the attendee makes it: staff cannot subscribe
 * anyone back. Stopping is what the one-click unsubscribe link does; resuming also queues the reminders of
 * what is still to come, which were left out while they were unsubscribed.
 */
@Injectable()
export class MailPreferencesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly attendees: AttendeesRepository,
    private readonly preferences: MailPreferencesRepository,
    private readonly outbox: OutboxRepository,
    private readonly sender: MailSender,
    private readonly config: ConfigService<AppConfig, true>,
  ) {}

  async setOptOut(actor: Actor, optOut: boolean): Promise<AttendeeEntity> {
    const me = asAttendee(actor, 'Only attendees choose whether they get the event’s emails');
    const leadSeconds = this.config.get('mail', { infer: true }).reminderMinutes * 60;
    const queued = await this.dataSource.transaction(async (manager) => {
      if (optOut) {
        await this.preferences.stopMail(me.attendeeId, manager);
        return 0;
      }
      await this.preferences.resumeMail(me.attendeeId, manager);
      return this.outbox.queueUpcomingRemindersOf(me.attendeeId, leadSeconds, manager);
    });
    if (queued) this.sender.wake();
    return this.attendees.getById(me.attendeeId);
  }
}
