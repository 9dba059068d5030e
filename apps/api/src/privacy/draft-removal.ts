import type { EntityManager } from 'typeorm';
import { refreshStats } from '../rounds/round-adjustments.service';
import { RoundEntity } from '../rounds/round.entity';
import { NOT_YET_PUBLISHED, sqlList } from '../rounds/round-lifecycle';
import { loadRoundRoster } from '../rounds/round-roster';

/**
 * Takes an attendee out of every round not yet published: their seat is
 * removed; a table left with one person is dissolved (that person sits out);
 * the draft's statistics are recomputed. Published rounds keep their history.
 */
export async function removeFromDrafts(manager: EntityManager, attendeeId: string): Promise<void> {
  const drafts: { round_id: string; meeting_id: string }[] = await manager.query(
    `SELECT p.round_id, p.meeting_id FROM meeting_participants p JOIN rounds r ON r.id = p.round_id
      WHERE p.attendee_id = $1 AND r.status IN ${sqlList(NOT_YET_PUBLISHED)}`,
    [attendeeId],
  );
  for (const { round_id: roundId, meeting_id: meetingId } of drafts) {
    await manager.query(`DELETE FROM event_pairs WHERE meeting_id = $1 AND (attendee_low = $2 OR attendee_high = $2)`, [meetingId, attendeeId]);
    await manager.query(`DELETE FROM meeting_participants WHERE meeting_id = $1 AND attendee_id = $2`, [meetingId, attendeeId]);
    // Their pairs go from the table's reasons too (by id): what is left explains those still seated.
    await manager.query(
      `UPDATE meetings m SET reasons = (
              SELECT coalesce(jsonb_agg(x.e ORDER BY x.n), '[]'::jsonb) FROM jsonb_array_elements(m.reasons) WITH ORDINALITY AS x(e, n)
               WHERE NOT (jsonb_typeof(x.e) = 'object' AND $2::text IN (x.e->>'a', x.e->>'b')))
        WHERE m.id = $1 AND jsonb_typeof(m.reasons) = 'array'`,
      [meetingId, attendeeId],
    );
    await manager.query(`DELETE FROM meetings WHERE id = $1 AND (SELECT count(*) FROM meeting_participants WHERE meeting_id = $1) < 2`, [meetingId]);
    const round = await manager.getRepository(RoundEntity).findOneByOrFail({ id: roundId });
    if (round.status !== 'GENERATED') continue;
    // Read inside the transaction: it already sees the attendee as withdrawn or erased.
    const roster = await loadRoundRoster(manager, round.eventId, round.id);
    await manager.getRepository(RoundEntity).update({ id: round.id }, { stats: await refreshStats(manager, round, roster) });
  }
}
