import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The secrets in links. A sign-in token is derived from the message's row id with a key of the server's
 * (HMAC-SHA-256), so every try of the same message carries the same link — a repeated send is the same
 * message, byte for byte in its link — and nothing but the token's SHA-256 is ever stored.
 */
export class MailSecrets {
  private readonly key: Buffer;

  constructor(serverSecret: string) {
    this.key = createHmac('sha256', serverSecret).update('pairwise:mail-links:v1').digest();
  }

  /** 256 bits, base64url (43 characters): the only secret in a sign-in link. */
  signInToken(outboxId: string): string {
    return createHmac('sha256', this.key).update(`sign-in:${outboxId}`).digest('base64url');
  }

  /** Proves an unsubscribe link was made by us for this attendee (one click, no sign-in). */
  unsubscribeToken(attendeeId: string): string {
    return createHmac('sha256', this.key).update(`unsubscribe:${attendeeId}`).digest('base64url').slice(0, 32);
  }

  checkUnsubscribeToken(attendeeId: string, token: string): boolean {
    const expected = Buffer.from(this.unsubscribeToken(attendeeId));
    const given = Buffer.from(token);
    return given.length === expected.length && timingSafeEqual(given, expected);
  }
}

/** What sign_in_links stores and looks tokens up by. */
export function hashSignInToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}
