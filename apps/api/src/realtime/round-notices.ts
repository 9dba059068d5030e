import type { EntityManager } from 'typeorm';

/** The PostgreSQL channel on which API processes tell each other that a round went public (ids only). */
export const ROUND_CHANNEL = 'pairwise_rounds';

export interface RoundPublishedNotice {
  type: 'round-published';
  roundId: string;
  eventId: string;
}

/**
 * Queues the notice in the caller's transaction: PostgreSQL delivers it to
 * every listening process only if and when that transaction commits.
 */
export async function noticeRoundPublished(manager: EntityManager, notice: Omit<RoundPublishedNotice, 'type'>): Promise<void> {
  const payload: RoundPublishedNotice = { type: 'round-published', ...notice };
  await manager.query(`SELECT pg_notify($1, $2)`, [ROUND_CHANNEL, JSON.stringify(payload)]);
}
