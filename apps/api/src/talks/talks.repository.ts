import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { countAffected } from '../common/sql';
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

  /**
   * The talks in an attendee's schedule: those they bookmarked and those they give, each with both
   * flags and its request count, in time order. One statement.
   */
  @GenerateSql({ params: [DummyValue.UUID] })
  async scheduledTalksOf(attendeeId: string): Promise<ScheduledTalkRow[]> {
    return this.dataSource.query(
      `SELECT t.id, (t.speaker_id = $1) AS speaking, (b.attendee_id IS NOT NULL) AS bookmarked,
              (SELECT count(*)::int FROM slot_requests r WHERE r.talk_id = t.id) AS "requestCount"
         FROM talks t
         LEFT JOIN talk_bookmarks b ON b.talk_id = t.id AND b.attendee_id = $1
        WHERE t.speaker_id = $1 OR b.attendee_id IS NOT NULL
        ORDER BY t.starts_at, t.title, t.id`,
      [attendeeId],
    );
  }

  /** Bookmarks a talk of the attendee's event; true when the talk is one (bookmarking twice keeps one). */
  @GenerateSql({ params: [DummyValue.UUID, DummyValue.OTHER_UUID, DummyValue.UUID] })
  async addBookmark(talkId: string, attendeeId: string, eventId: string): Promise<boolean> {
    const rows: { found: boolean }[] = await this.dataSource.query(
      `WITH talk AS (SELECT id FROM talks WHERE id = $1 AND event_id = $3),
            added AS (INSERT INTO talk_bookmarks (talk_id, attendee_id) SELECT id, $2 FROM talk ON CONFLICT DO NOTHING)
       SELECT EXISTS (SELECT 1 FROM talk) AS found`,
      [talkId, attendeeId, eventId],
    );
    return rows[0]!.found;
  }

  /** Removes a bookmark; true when there was one. */
  @GenerateSql({ params: [DummyValue.UUID, DummyValue.OTHER_UUID] })
  async removeBookmark(talkId: string, attendeeId: string): Promise<boolean> {
    return (await countAffected(this.dataSource.manager, `DELETE FROM talk_bookmarks WHERE talk_id = $1 AND attendee_id = $2 RETURNING 1`, [talkId, attendeeId])) > 0;
  }
}

/** A talk of an attendee's schedule: they give it (`speaking`), bookmarked it, or both. */
export interface ScheduledTalkRow {
  id: string;
  speaking: boolean;
  bookmarked: boolean;
  requestCount: number;
}
