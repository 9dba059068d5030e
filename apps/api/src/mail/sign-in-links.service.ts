import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { AuthService, type IssuedSession } from '../auth/auth.service';
import { tooManyRequests } from '../common/domain-error';
import type { AppConfig } from '../config/app-config';
import { hashSignInToken } from './mail-secrets';
import { mailError, MailErrorReason } from './mail.errors';
import { MailSender } from './mail-sender';
import { SignInLinksRepository } from './sign-in-links.repository';

/** Every refusal of a link says which of the three it is, and what to do. */
const linkRefused = (reason: MailErrorReason) =>
  mailError(
    reason,
    {
      SIGN_IN_LINK_INVALID: 'This sign-in link is not valid: ask for a new one with your email address',
      SIGN_IN_LINK_USED: 'This sign-in link was already used: each link signs in once; ask for a new one with your email address',
      SIGN_IN_LINK_EXPIRED: 'This sign-in link has expired: ask for a new one with your email address',
    }[reason],
  );

/**
 * Sign-in links: anyone may ask for one; it is mailed only to a registered attendee of the event. The call
 * records the request and nothing else — the same statement, the same one-row write, the same answer (true)
 * whoever asks — and the address is looked up only afterwards, by the sender (MailSender), so neither the
 * answer nor the time it takes tells which addresses are registered.
 */
@Injectable()
export class SignInLinksService {
  constructor(
    private readonly signInLinks: SignInLinksRepository,
    private readonly sender: MailSender,
    private readonly authService: AuthService,
    private readonly config: ConfigService<AppConfig, true>,
  ) {}

  /**
   * Too many requests from one client (address) are refused, whatever the email; too many for one email
   * are answered true and sent nothing, so a mailbox cannot be flooded and the answer still says nothing.
   */
  async request(email: string, eventSlug: string, client: string): Promise<true> {
    const limits = this.config.get('mail', { infer: true });
    const { byClient } = await this.signInLinks.request({
      email: email.trim().toLowerCase(),
      eventSlug,
      client,
      perEmail: limits.signInLinksPerEmail,
      perClient: limits.signInLinksPerClient,
    });
    if (byClient >= limits.signInLinksPerClient) {
      throw tooManyRequests('Too many sign-in links asked for from this address: try again in 15 min');
    }
    this.sender.signInRequested();
    return true;
  }

  /** Spends the link (once: the UPDATE that checks it marks it used) and opens the attendee's session. */
  async redeem(token: string): Promise<IssuedSession> {
    const tokenHash = hashSignInToken(token);
    const spent = await this.signInLinks.spend(tokenHash);
    if (spent) return this.authService.startAttendeeSession(spent.attendeeId);
    const link = await this.signInLinks.refusal(tokenHash);
    if (!link || link.erased) throw linkRefused(MailErrorReason.SIGN_IN_LINK_INVALID);
    throw linkRefused(link.used ? MailErrorReason.SIGN_IN_LINK_USED : MailErrorReason.SIGN_IN_LINK_EXPIRED);
  }
}
