import { Inject, Injectable, Logger } from '@nestjs/common';
import { Cron, CronExpression } from '@nestjs/schedule';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { EventsRepository } from '../events/events.repository';
import { AttendeeErasure } from './erasure';
import { AttendeesRepository } from '../attendees/attendees.repository';

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
    private readonly events: EventsRepository,
    private readonly attendees: AttendeesRepository,
    private readonly erasure: AttendeeErasure,
  ) {}

  @Cron(CronExpression.EVERY_HOUR)
  async scheduled(): Promise<void> {
    await this.anonymiseExpiredEvents().catch((error) => this.logger.error({ err: error }, 'Retention run failed'));
  }

  /** Returns the ids of the events anonymised now. */
  async anonymiseExpiredEvents(): Promise<string[]> {
    const now = this.clock.now();
    const anonymised: string[] = [];
    for (const id of await this.events.dueForAnonymisation(now)) {
      const done = await this.dataSource.transaction(async (manager) => {
        // Several API processes (or hosts) may run this job at once: the row lock makes one do it.
        if (!(await this.events.lockForAnonymisation(id, manager))) return false;
        for (const attendeeId of await this.attendees.idsNotErased(id, manager)) await this.erasure.erase(manager, attendeeId, now);
        await this.events.markAnonymised(id, now, manager);
        return true;
      });
      if (!done) continue;
      anonymised.push(id);
      this.logger.log(`Retention: anonymised the attendees of event ${id}`);
    }
    return anonymised;
  }
}
