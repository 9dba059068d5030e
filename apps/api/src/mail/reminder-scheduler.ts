import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { AppConfig } from '../config/app-config';
import { MailSender } from './mail-sender';
import { OutboxRepository, scheduleKey } from './outbox.repository';
import { SignInLinksRepository } from './sign-in-links.repository';

/** How often each process looks for newly published rounds and talks. */
const TICK_MS = 5_000;
/** Reminders are queued this long before they fall due, so staff see them coming in the outbox. */
const HORIZON_SECONDS = 3_600;

/**
 * Queues meeting and office-hour reminders and sit-out notices. Every API process runs it: the
 * `mail_schedules` marks and the outbox's dedupe keys (both constraints in PostgreSQL) make each message
 * queued once, and the sender's row locks make each sent once.
 */
@Injectable()
export class ReminderScheduler implements OnModuleDestroy {
  private readonly logger = new Logger(ReminderScheduler.name);
  private timer?: NodeJS.Timeout;
  private ticking?: Promise<void>;
  private ticks = 0;

  constructor(
    private readonly config: ConfigService<AppConfig, true>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxRepository,
    private readonly signInLinks: SignInLinksRepository,
    private readonly sender: MailSender,
  ) {}

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.tick(), TICK_MS);
    void this.tick();
  }

  /** One look, now (tests call it rather than wait for the timer). */
  tick(): Promise<void> {
    this.ticking ??= this.run().finally(() => (this.ticking = undefined));
    return this.ticking;
  }

  async onModuleDestroy(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.ticking;
  }

  private async run(): Promise<void> {
    try {
      const queued = await this.scheduleDue(this.config.get('mail', { infer: true }).reminderMinutes * 60);
      if (queued) this.sender.wake();
      if (++this.ticks % 720 === 0) await this.signInLinks.forgetOldRequests();
    } catch (error) {
      this.logger.error({ err: error }, 'Scheduling reminders failed; trying again at the next tick');
    }
  }

  /** Published rounds and talks not yet looked at, whose reminders fall due within the horizon. Returns how many messages were queued. */
  private async scheduleDue(leadSeconds: number): Promise<number> {
    let queued = 0;
    for (const roundId of await this.outbox.roundsDueForReminders(leadSeconds, HORIZON_SECONDS)) {
      queued += await this.once(scheduleKey('roundReminders', roundId), (manager) => this.outbox.queueMeetingReminders(roundId, leadSeconds, manager));
    }
    for (const roundId of await this.outbox.roundsDueForNotices()) {
      queued += await this.once(scheduleKey('roundNotices', roundId), (manager) => this.outbox.queueSitOutNotices(roundId, manager));
    }
    for (const talkId of await this.outbox.talksDueForSlotReminders(leadSeconds, HORIZON_SECONDS)) {
      queued += await this.once(scheduleKey('slotReminders', talkId), (manager) => this.outbox.queueSlotReminders(talkId, leadSeconds, manager));
    }
    return queued;
  }

  /** Runs `work` and records `key` in one transaction, unless another process recorded it first. */
  private once(key: string, work: (manager: EntityManager) => Promise<number>): Promise<number> {
    return this.dataSource.transaction(async (manager) => ((await this.outbox.markScheduled(key, manager)) ? work(manager) : 0));
  }
}
