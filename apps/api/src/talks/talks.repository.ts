import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { DummyValue, GenerateSql } from '../database/generate-sql';

/**
 * Queries of the talks aggregate (`talks`, `slot_requests`) that other features ask. Each method's SQL
 * is snapshotted in queries/talks.repository.sql.
 */
@Injectable()
export class TalksRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Who of the event is busy at some time within [startsAt, endsAt), in one statement: a speaker from
   * the start of their talk to the end of its last office-hour slot (the slots follow the talk, each
   * `slot_minutes` long: talks.service.ts's slotWindow), and an attendee granted a slot (allocated,
   * published or not yet) during that slot. Intervals are half-open: one ending as the window starts
   * does not count. Sorted ids, each once.
   */
  @GenerateSql({ params: [DummyValue.UUID, DummyValue.DATE, DummyValue.DATE], transaction: true })
  async busyDuring(eventId: string, startsAt: Date, endsAt: Date, manager: Pick<EntityManager, 'query'> = this.dataSource.manager): Promise<string[]> {
    const rows: { id: string }[] = await manager.query(
      `SELECT t.speaker_id AS id FROM talks t
        WHERE t.event_id = $1 AND t.starts_at < $3
          AND t.starts_at + make_interval(mins => t.duration_minutes + t.slot_count * t.slot_minutes) > $2
       UNION
       SELECT r.attendee_id FROM slot_requests r JOIN talks t ON t.id = r.talk_id
        WHERE t.event_id = $1 AND r.slot_index IS NOT NULL
          AND t.starts_at + make_interval(mins => t.duration_minutes + r.slot_index * t.slot_minutes) < $3
          AND t.starts_at + make_interval(mins => t.duration_minutes + (r.slot_index + 1) * t.slot_minutes) > $2
       ORDER BY id`,
      [eventId, startsAt, endsAt],
    );
    return rows.map((row) => row.id);
  }
}
