import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { DummyValue, GenerateSql } from '../database/generate-sql';

/** An attendee as the conflicts import looks them up: by email or by name. */
export interface ConflictDirectoryEntry {
  id: string;
  name: string;
  email: string;
}

/**
 * Queries of the conflicts-of-interest aggregate (`event_conflicts`). Each method's SQL is
 * snapshotted in queries/conflicts.repository.sql. The roster reads them with the rest of a round's
 * input (rounds/round-roster.repository.ts, CONFLICTS_SQL).
 */
@Injectable()
export class ConflictsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The event's attendees a conflicts file may name (not erased). */
  @GenerateSql({ params: [DummyValue.UUID] })
  async directory(eventId: string, manager: Pick<EntityManager, 'query'> = this.dataSource.manager): Promise<ConflictDirectoryEntry[]> {
    return manager.query(`SELECT id, name, email FROM attendees WHERE event_id = $1 AND erased_at IS NULL`, [eventId]);
  }

  /** How many conflict pairs the event has recorded. */
  @GenerateSql({ params: [DummyValue.UUID] })
  async count(eventId: string, manager: Pick<EntityManager, 'query'> = this.dataSource.manager): Promise<number> {
    const [row] = (await manager.query(`SELECT count(*)::int AS count FROM event_conflicts WHERE event_id = $1`, [eventId])) as { count: number }[];
    return row?.count ?? 0;
  }

  /** Which of these pairs (low < high, column by column) are already recorded. */
  @GenerateSql({ params: [DummyValue.UUID, [DummyValue.UUID], [DummyValue.OTHER_UUID]] })
  async recorded(eventId: string, low: readonly string[], high: readonly string[], manager: Pick<EntityManager, 'query'> = this.dataSource.manager): Promise<number> {
    const [row] = (await manager.query(
      `SELECT count(*)::int AS count FROM event_conflicts c
         JOIN unnest($2::uuid[], $3::uuid[]) AS p(low, high) ON c.attendee_low = p.low AND c.attendee_high = p.high
        WHERE c.event_id = $1`,
      [eventId, low, high],
    )) as { count: number }[];
    return row?.count ?? 0;
  }

  /** Records the pairs (low < high, column by column); the ones already there stay. Returns how many were new. */
  @GenerateSql({ params: [DummyValue.UUID, [DummyValue.UUID], [DummyValue.OTHER_UUID]], transaction: true })
  async add(eventId: string, low: readonly string[], high: readonly string[], manager: Pick<EntityManager, 'query'> = this.dataSource.manager): Promise<number> {
    const rows: unknown[] = await manager.query(
      `INSERT INTO event_conflicts (event_id, attendee_low, attendee_high, source)
       SELECT $1, p.low, p.high, 'import' FROM unnest($2::uuid[], $3::uuid[]) AS p(low, high)
       ON CONFLICT DO NOTHING
       RETURNING attendee_low`,
      [eventId, low, high],
    );
    return rows.length;
  }

  /** Forgets every conflict pair of the event. */
  @GenerateSql({ params: [DummyValue.UUID], transaction: true })
  async clear(eventId: string, manager: Pick<EntityManager, 'query'> = this.dataSource.manager): Promise<void> {
    await manager.query(`DELETE FROM event_conflicts WHERE event_id = $1`, [eventId]);
  }

  /** Erasure: the conflicts naming the attendee go. */
  @GenerateSql({ params: [DummyValue.UUID], transaction: true })
  async deleteOf(attendeeId: string, manager: Pick<EntityManager, 'query'>): Promise<void> {
    await manager.query(`DELETE FROM event_conflicts WHERE attendee_low = $1 OR attendee_high = $1`, [attendeeId]);
  }
}
