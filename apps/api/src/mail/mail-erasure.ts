import type { EntityManager } from 'typeorm';

/**
 * What erasure does to mail: the person's own messages keep their status (for the counts) but lose the
 * address, text and SMTP answers, and any still waiting is cancelled; messages to others that name them
 * lose their text; their links and sign-in requests go.
 */
export async function eraseMailOf(manager: EntityManager, attendeeId: string, email: string, erasedAddress: string): Promise<void> {
  await manager.query(`DELETE FROM sign_in_links WHERE attendee_id = $1`, [attendeeId]);
  await manager.query(`DELETE FROM sign_in_requests WHERE email = $1`, [email]);
  await manager.query(
    `UPDATE mail_outbox SET to_address = $2, subject = NULL, body_text = NULL, body_html = NULL, mentioned_ids = '{}',
            error = CASE WHEN status = 'QUEUED' THEN 'The attendee was erased' END,
            status = CASE WHEN status = 'QUEUED' THEN 'CANCELLED' ELSE status END, updated_at = now()
      WHERE attendee_id = $1`,
    [attendeeId, erasedAddress],
  );
  await manager.query(
    `UPDATE mail_outbox SET subject = NULL, body_text = NULL, body_html = NULL, mentioned_ids = '{}', updated_at = now()
      WHERE mentioned_ids @> ARRAY[$1]::uuid[]`,
    [attendeeId],
  );
}
