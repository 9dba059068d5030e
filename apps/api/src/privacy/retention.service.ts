import { Inject, Injectable, Logger } from '@nestjs/common';
import { Cron, CronExpression } from '@nestjs/schedule';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { eraseAttendee } from './erasure';

/** The time source, injectable so retention can be tested at any date. */
export const CLOCK = Symbol('CLOCK');
export interface Clock {
  now(): Date;
}

/**
 * Data retention: an event may say how many days after it ends its
 * attendees' data is kept; past that, a scheduled job anonymises every
 * attendee of the event (as erasure does) and marks the event done.
 */
@Injectable()
export class RetentionService {
  private readonly logger = new Logger(RetentionService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Cron(CronExpression.EVERY_HOUR)
  async scheduled(): Promise<void> {
    await this.anonymiseExpiredEvents().catch((error) => this.logger.error({ err: error }, 'Retention run failed'));
  }

  /** Returns the ids of the events anonymised now. */
  async anonymiseExpiredEvents(): Promise<string[]> {
    const now = this.clock.now();
    const due: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM events
        WHERE retention_days IS NOT NULL AND anonymised_at IS NULL AND ends_on IS NOT NULL
          AND (ends_on + retention_days + 1)::timestamptz <= $1`,
      [now],
    );
    const anonymised: string[] = [];
    for (const { id } of due) {
      const done = await this.dataSource.transaction(async (manager) => {
        // Several API processes (or hosts) may run this job at once: the row lock makes one do it.
        const [event] = await manager.query(`SELECT anonymised_at FROM events WHERE id = $1 FOR UPDATE`, [id]);
        if (!event || event.anonymised_at) return false;
        const attendees: { id: string }[] = await manager.query(`SELECT id FROM attendees WHERE event_id = $1 AND erased_at IS NULL`, [id]);
        for (const attendee of attendees) await eraseAttendee(manager, attendee.id, now);
        await manager.query(`UPDATE events SET anonymised_at = $2 WHERE id = $1`, [id, now]);
        return true;
      });
      if (!done) continue;
      anonymised.push(id);
      this.logger.log(`Retention: anonymised the attendees of event ${id}`);
    }
    return anonymised;
  }
}
