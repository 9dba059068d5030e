import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { isUuid } from '../common/sql';
import type { AppConfig } from '../config/app-config';
import { MailSecrets } from './mail-secrets';
import { OutboxRepository } from './outbox.repository';
import { mailLanguage, type MailLanguage } from './templates/strings';

export interface UnsubscribeTarget {
  attendeeId: string;
  email: string;
  eventName: string;
  language: MailLanguage;
}

/** One-click unsubscribe (RFC 8058): the link's token, made for one attendee, is the only credential. */
@Injectable()
export class UnsubscribeService {
  private readonly secrets: MailSecrets;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxRepository,
    config: ConfigService<AppConfig, true>,
  ) {
    this.secrets = new MailSecrets(config.get('auth', { infer: true }).jwtSecret ?? 'development-only-secret');
  }

  /** Who the link is for, or undefined when it is not a link of ours (or the person is gone). */
  async target(attendeeId: unknown, token: unknown): Promise<UnsubscribeTarget | undefined> {
    if (typeof attendeeId !== 'string' || typeof token !== 'string' || !isUuid(attendeeId)) return undefined;
    if (!this.secrets.checkUnsubscribeToken(attendeeId, token)) return undefined;
    const [row] = await this.dataSource.query(
      `SELECT a.email, a.languages, e.name AS event_name, e.language AS event_language
         FROM attendees a JOIN events e ON e.id = a.event_id WHERE a.id = $1 AND a.erased_at IS NULL`,
      [attendeeId],
    );
    return row && { attendeeId, email: row.email, eventName: row.event_name, language: mailLanguage(row.event_language, row.languages) };
  }

  /** Idempotent; messages still waiting are cancelled when their turn comes (the sender checks again). */
  async unsubscribe(target: UnsubscribeTarget): Promise<void> {
    await this.outbox.stopMail(this.dataSource.manager, target.attendeeId);
  }
}
