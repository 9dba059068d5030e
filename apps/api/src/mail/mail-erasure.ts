import type { EntityManager } from 'typeorm';

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
 */
export async function eraseMailOf(manager: EntityManager, attendeeId: string, email: string, erasedAddress: string): Promise<void> {
  await manager.query(`DELETE FROM sign_in_links WHERE attendee_id = $1`, [attendeeId]);
  // Those the sender matched to them (by id, whatever address they had then), and those made with their address.
  await manager.query(`DELETE FROM sign_in_requests WHERE attendee_id = $1 OR email = $2`, [attendeeId, email]);
  await manager.query(
    `UPDATE mail_outbox SET to_address = $2, subject = NULL, body_text = NULL, body_html = NULL, mentioned_ids = '{}',
            error = CASE WHEN status = 'QUEUED' THEN 'The attendee was erased' END,
            status = CASE WHEN status = 'QUEUED' THEN 'CANCELLED' ELSE status END, updated_at = now()
      WHERE attendee_id = $1`,
    [attendeeId, erasedAddress],
  );
  await forgetMentionsOf(manager, attendeeId);
}

/**
 * An organiser removes an attendee (the row is deleted: their own messages and links go with it by
 * foreign key, and so do the sign-in requests matched to them). What the cascade cannot reach is done here
 * first: the messages to others that name them, and the sign-in requests made with their address.
 */
export async function forgetMailOfRemoved(manager: EntityManager, attendeeId: string, email: string): Promise<void> {
  await manager.query(`DELETE FROM sign_in_requests WHERE email = $1`, [email]);
  await forgetMentionsOf(manager, attendeeId);
}

async function forgetMentionsOf(manager: EntityManager, attendeeId: string): Promise<void> {
  await manager.query(
    `UPDATE mail_outbox SET subject = NULL, body_text = NULL, body_html = NULL, mentioned_ids = array_remove(mentioned_ids, $1::uuid), updated_at = now()
      WHERE mentioned_ids @> ARRAY[$1::uuid]`,
    [attendeeId],
  );
}
