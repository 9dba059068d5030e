import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DummyValue, GenerateSql } from '../database/generate-sql';

/** The PostgreSQL channel on which API processes tell each other that meetings went public (ids only). */
export const ROUND_CHANNEL = 'pairwise_rounds';

/**
 * The one statement of the meetings notices: a NOTIFY on ROUND_CHANNEL in the caller's transaction
 * (see round-notices.ts). Snapshotted in queries/round-notices.repository.sql.
 */
@Injectable()
export class RoundNoticesRepository {
  /** PostgreSQL delivers `payload` to every listening process only if and when the caller's transaction commits. */
  @GenerateSql({ params: [{ type: 'round-published', roundId: DummyValue.UUID, eventId: DummyValue.OTHER_UUID }], transaction: true })
  async notify(payload: object, manager: EntityManager): Promise<void> {
    await manager.query(`SELECT pg_notify($1, $2)`, [ROUND_CHANNEL, JSON.stringify(payload)]);
  }
}
