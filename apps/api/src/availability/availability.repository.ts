import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { DummyValue, GenerateSql } from '../database/generate-sql';

export interface StoredWindow {
  startsAt: Date;
  endsAt: Date;
}

/**
 * Queries of attendees' availability windows (`availability_windows`). Every allocation asks
 * `unavailableDuring`: round generation and its publish-time re-check (rounds/), office-hour
 * allocation (talks/). Each method's SQL is snapshotted in queries/availability.repository.sql.
 */
@Injectable()
export class AvailabilityRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Who of the event is NOT available for the whole of [startsAt, endsAt): attendees who set windows
   * and none of which holds that span (windows are stored merged, so one window must hold it). An
   * attendee without windows is available all the time and never listed. Half-open like rounds: a
   * window ending as the span ends holds it. Sorted ids, each once; one statement.
   */
  @GenerateSql({ params: [DummyValue.UUID, DummyValue.DATE, DummyValue.DATE], transaction: true })
  async unavailableDuring(eventId: string, startsAt: Date, endsAt: Date, manager: Pick<EntityManager, 'query'> = this.dataSource.manager): Promise<string[]> {
    const rows: { id: string }[] = await manager.query(
      `SELECT w.attendee_id AS id FROM availability_windows w
        WHERE w.event_id = $1
        GROUP BY w.attendee_id
       HAVING NOT bool_or(w.starts_at <= $2 AND w.ends_at >= $3)
        ORDER BY id`,
      [eventId, startsAt, endsAt],
    );
    return rows.map((row) => row.id);
  }

  /** An attendee's windows, in time order (empty: available all the time). */
  @GenerateSql({ params: [DummyValue.UUID] })
  async windowsOf(attendeeId: string, manager: Pick<EntityManager, 'query'> = this.dataSource.manager): Promise<StoredWindow[]> {
    const rows: { starts_at: Date; ends_at: Date }[] = await manager.query(
      `SELECT starts_at, ends_at FROM availability_windows WHERE attendee_id = $1 ORDER BY starts_at`,
      [attendeeId],
    );
    return rows.map((row) => ({ startsAt: new Date(row.starts_at), endsAt: new Date(row.ends_at) }));
  }

  /** Replaces an attendee's windows (already merged and checked) with `windows`; none: available all the time. */
  @GenerateSql({ params: [DummyValue.UUID, DummyValue.UUID, [DummyValue.DATE], [DummyValue.DATE]], transaction: true })
  async replaceWindows(eventId: string, attendeeId: string, startsAt: Date[], endsAt: Date[], manager: Pick<EntityManager, 'query'>): Promise<void> {
    await manager.query(`DELETE FROM availability_windows WHERE attendee_id = $1`, [attendeeId]);
    if (!startsAt.length) return;
    await manager.query(
      `INSERT INTO availability_windows (event_id, attendee_id, starts_at, ends_at)
       SELECT $1, $2, s, e FROM unnest($3::timestamptz[], $4::timestamptz[]) AS w(s, e)`,
      [eventId, attendeeId, startsAt, endsAt],
    );
  }

  /** Erasure: when the attendee would be at the event goes. */
  @GenerateSql({ params: [DummyValue.UUID], transaction: true })
  async deleteWindowsOf(attendeeId: string, manager: Pick<EntityManager, 'query'>): Promise<void> {
    await manager.query(`DELETE FROM availability_windows WHERE attendee_id = $1`, [attendeeId]);
  }
}
