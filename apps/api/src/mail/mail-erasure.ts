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
 * Called inside the caller's transaction with its manager (privacy's erasure, an attendee's removal), so the
 * repositories are made from that manager's DataSource rather than injected.
 */
export async function eraseMailOf(manager: EntityManager, attendeeId: string, email: string, erasedAddress: string): Promise<void> {
  const { outbox, signInLinks } = repositoriesOf(manager);
  await signInLinks.forgetAttendee(attendeeId, email, manager);
  await outbox.eraseRecipient(attendeeId, erasedAddress, manager);
  await outbox.forgetMentionsOf(attendeeId, manager);
}

/**
 * An organiser removes an attendee (the row is deleted: their own messages and links go with it by
 * foreign key, and so do the sign-in requests matched to them). What the cascade cannot reach is done here
 * first: the messages to others that name them, and the sign-in requests made with their address.
 */
export async function forgetMailOfRemoved(manager: EntityManager, attendeeId: string, email: string): Promise<void> {
  const { outbox, signInLinks } = repositoriesOf(manager);
  await signInLinks.forgetRequestsFrom(email, manager);
  await outbox.forgetMentionsOf(attendeeId, manager);
}

function repositoriesOf(manager: EntityManager): { outbox: OutboxRepository; signInLinks: SignInLinksRepository } {
  return { outbox: new OutboxRepository(manager.connection), signInLinks: new SignInLinksRepository(manager.connection) };
}
