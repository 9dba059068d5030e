import type { EntityManager } from 'typeorm';
import { eraseMailOf } from '../mail/mail-erasure';

export const ERASED_NAME = 'Deleted attendee';

/**
 * Reduces every pair of `meetings.reasons` involving attendee $1 to its ids, score and wording
 * variant, found by id, keeping the order of the pairs (a trio's seat order is read from it).
 * Rows whose reasons are not a list are left alone.
 */
const STRIP_PAIRS = `
  UPDATE meetings m SET reasons = (
         SELECT coalesce(jsonb_agg(CASE WHEN jsonb_typeof(x.e) = 'object' AND $1::text IN (x.e->>'a', x.e->>'b')
                                        THEN jsonb_build_object('a', x.e->'a', 'b', x.e->'b', 'score', x.e->'score', 'variant', x.e->'variant')
                                        ELSE x.e END ORDER BY x.n), '[]'::jsonb)
           FROM jsonb_array_elements(m.reasons) WITH ORDINALITY AS x(e, n))
   WHERE m.id IN (SELECT meeting_id FROM meeting_participants WHERE attendee_id = $1::text::uuid)
     AND jsonb_typeof(m.reasons) = 'array'`;

/**
 * Erases a person while keeping what others need: their row stays (so
 * partners' meeting histories and aggregate statistics hold) but nothing in
 * it, or in the texts written about them, identifies them any more.
 */
export async function eraseAttendee(manager: EntityManager, attendeeId: string, now: Date): Promise<void> {
  const [person] = await manager.query(`SELECT email FROM attendees WHERE id = $1 FOR UPDATE`, [attendeeId]);
  if (!person) return;
  // Meetings store no name and no sentence (texts are rendered when read, from the names people have
  // then): nothing to search and replace. What they store about this person's pairs — shared tags,
  // their role, their wish — goes, found by id; the pairs' ids and scores stay for the statistics.
  await manager.query(STRIP_PAIRS, [attendeeId]);
  await manager.query(`DELETE FROM access_codes WHERE attendee_id = $1`, [attendeeId]);
  await manager.query(`DELETE FROM wishes WHERE attendee_id = $1 OR target_id = $1`, [attendeeId]);
  await manager.query(`DELETE FROM blocks WHERE attendee_id = $1 OR target_id = $1`, [attendeeId]);
  await manager.query(`DELETE FROM event_conflicts WHERE attendee_low = $1 OR attendee_high = $1`, [attendeeId]);
  await manager.query(`DELETE FROM round_opt_outs WHERE attendee_id = $1`, [attendeeId]);
  // When they would be at the event, and which talks they meant to see.
  await manager.query(`DELETE FROM availability_windows WHERE attendee_id = $1`, [attendeeId]);
  await manager.query(`DELETE FROM talk_bookmarks WHERE attendee_id = $1`, [attendeeId]);
  // Their meeting requests, sent and received, messages included (the mail that carried them goes with eraseMailOf).
  await manager.query(`DELETE FROM meeting_requests WHERE requester_id = $1 OR recipient_id = $1`, [attendeeId]);
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
    `UPDATE attendees SET name = $2, email = $3, company = NULL, role = NULL, seniority = NULL, ticket_type = NULL, bio = NULL,
            stack = '{}', interests = '{}', looking_for = '{}', can_offer = '{}', languages = '{}', links = '{}',
            consent_matchmaking = false, consent_at = NULL, consent_notice_version = NULL, shared_fields = '{name}',
            present = false, checked_in_at = NULL, calendar_token_hash = NULL, erased_at = $4, updated_at = $4
      WHERE id = $1`,
    [attendeeId, ERASED_NAME, `erased-${attendeeId}@erased.invalid`, now],
  );
}
