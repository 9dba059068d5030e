import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { isUuid } from '../common/sql';
import type { AppConfig } from '../config/app-config';
import { MailSecrets } from './mail-secrets';
import { MailPreferencesRepository } from './mail-preferences.repository';
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
    private readonly preferences: MailPreferencesRepository,
    config: ConfigService<AppConfig, true>,
  ) {
    this.secrets = new MailSecrets(config.get('auth', { infer: true }).jwtSecret ?? 'development-only-secret');
  }

  /** Who the link is for, or undefined when it is not a link of ours (or the person is gone). */
  async target(attendeeId: unknown, token: unknown): Promise<UnsubscribeTarget | undefined> {
    if (typeof attendeeId !== 'string' || typeof token !== 'string' || !isUuid(attendeeId)) return undefined;
    if (!this.secrets.checkUnsubscribeToken(attendeeId, token)) return undefined;
    const recipient = await this.preferences.recipient(attendeeId);
    return recipient && { attendeeId, email: recipient.email, eventName: recipient.eventName, language: mailLanguage(recipient.eventLanguage, recipient.languages) };
  }

  /** Idempotent; messages still waiting are cancelled when their turn comes (the sender checks again). */
  async unsubscribe(target: UnsubscribeTarget): Promise<void> {
    await this.preferences.stopMail(target.attendeeId);
  }
}
