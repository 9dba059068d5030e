import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { OutboxRepository } from './outbox.repository';
import { SignInLinksRepository } from './sign-in-links.repository';

/**
 * What erasure does to mail, found by the person's id only (never by searching text for their name):
 * - their own messages keep their status (for the counts) but lose the address, subject, text and SMTP
 *   answers, and any still waiting is cancelled;
 * - messages to others that name them (`mentioned_ids`, written when a message is rendered) lose their
 *   subject and text;
 * - their sign-in links and sign-in requests go.
 *
 * The caller holds the attendee's row `FOR UPDATE` (taken before this runs, kept until commit). Every
 * statement that queues a message for an attendee or renders one naming them takes `FOR KEY SHARE` on that
 * row and re-reads `erased_at` after waiting, so no message about the person can be queued or rendered from
 * data read before the erasure and committed after it (see outbox.repository.ts and message-composer.ts).
 *
 * Both steps run inside the caller's transaction (privacy's erasure, an attendee's removal), with its manager.
 */
@Injectable()
export class MailErasure {
  constructor(
    private readonly outbox: OutboxRepository,
    private readonly signInLinks: SignInLinksRepository,
  ) {}

  /** Privacy's erasure: the person stays, anonymised, under `erasedAddress`. */
  async eraseMailOf(manager: EntityManager, attendeeId: string, email: string, erasedAddress: string): Promise<void> {
    await this.signInLinks.forgetAttendee(attendeeId, email, manager);
    await this.outbox.eraseRecipient(attendeeId, erasedAddress, manager);
    await this.outbox.forgetMentionsOf(attendeeId, manager);
  }

  /**
   * An organiser removes an attendee (the row is deleted: their own messages and links go with it by
   * foreign key, and so do the sign-in requests matched to them). What the cascade cannot reach is done here
   * first: the messages to others that name them, and the sign-in requests made with their address.
   */
  async forgetMailOfRemoved(manager: EntityManager, attendeeId: string, email: string): Promise<void> {
    await this.signInLinks.forgetRequestsFrom(email, manager);
    await this.outbox.forgetMentionsOf(attendeeId, manager);
  }
}
