import type { EntityManager } from 'typeorm';
import { eraseMailOf } from '../mail/mail-erasure';

export const ERASED_NAME = 'Deleted attendee';

/**
 * Erases a person while keeping what others need: their row stays (so
 * partners' meeting histories and aggregate statistics hold) but nothing in
 * it, or in the texts written about them, identifies them any more.
 */
export async function eraseAttendee(manager: EntityManager, attendeeId: string, now: Date): Promise<void> {
  const [person] = await manager.query(`SELECT name, email FROM attendees WHERE id = $1 FOR UPDATE`, [attendeeId]);
  if (!person) return;
  const name: string = person.name;
  // Sentences and explanations written at matching time name the people: rewrite them (JSON text too).
  const jsonName = JSON.stringify(name).slice(1, -1);
  await manager.query(
    `UPDATE meetings SET sentence = replace(sentence, $2, $4), opening_question = replace(opening_question, $2, $4),
            reasons = replace(reasons::text, $3, $4)::jsonb
      WHERE id IN (SELECT meeting_id FROM meeting_participants WHERE attendee_id = $1)`,
    [attendeeId, name, jsonName, ERASED_NAME],
  );
  await manager.query(`DELETE FROM access_codes WHERE attendee_id = $1`, [attendeeId]);
  await manager.query(`DELETE FROM wishes WHERE attendee_id = $1 OR target_id = $1`, [attendeeId]);
  await manager.query(`DELETE FROM blocks WHERE attendee_id = $1 OR target_id = $1`, [attendeeId]);
  await manager.query(`DELETE FROM round_opt_outs WHERE attendee_id = $1`, [attendeeId]);
  await manager.query(`UPDATE feedback SET note = NULL WHERE attendee_id = $1`, [attendeeId]);
  await manager.query(
    `DELETE FROM slot_requests r USING talks t WHERE t.id = r.talk_id AND r.attendee_id = $1 AND t.allocation_status <> 'PUBLISHED'`,
    [attendeeId],
  );
  await manager.query(`UPDATE slot_requests SET question = '' WHERE attendee_id = $1`, [attendeeId]);
  // Every session ends at once (the erased attendee's token would be refused anyway: erased_at).
  await manager.query(`DELETE FROM sessions WHERE attendee_id = $1`, [attendeeId]);
  await eraseMailOf(manager, attendeeId, person.email, `erased-${attendeeId}@erased.invalid`);
  await manager.query(
    `UPDATE attendees SET name = $2, email = $3, company = NULL, role = NULL, seniority = NULL, bio = NULL,
            stack = '{}', interests = '{}', looking_for = '{}', can_offer = '{}', languages = '{}', links = '{}',
            consent_matchmaking = false, consent_at = NULL, consent_notice_version = NULL, shared_fields = '{name}',
            present = false, checked_in_at = NULL, calendar_token_hash = NULL, erased_at = $4, updated_at = $4
      WHERE id = $1`,
    [attendeeId, ERASED_NAME, `erased-${attendeeId}@erased.invalid`, now],
  );
}
