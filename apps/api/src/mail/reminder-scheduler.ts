import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { AppConfig } from '../config/app-config';
import { MailSender } from './mail-sender';
import { OutboxRepository } from './outbox.repository';

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
    private readonly outbox: OutboxRepository,
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
      const queued = await this.outbox.scheduleDue(this.config.get('mail', { infer: true }).reminderMinutes * 60, HORIZON_SECONDS);
      if (queued) this.sender.wake();
      if (++this.ticks % 720 === 0) await this.outbox.forgetOldSignInRequests();
    } catch (error) {
      this.logger.error({ err: error }, 'Scheduling reminders failed; trying again at the next tick');
    }
  }
}
