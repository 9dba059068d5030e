import { Injectable } from '@nestjs/common';
import type { VocabularyEntry } from '@pairwise/vocabulary';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, type EntityManager } from 'typeorm';
import { DummyValue, GenerateSql } from '../database/generate-sql';
import { SCHEDULED, sqlList } from '../rounds/round-lifecycle';
import { EventTagEntity } from './event-tag.entity';
import { EventEntity } from './event.entity';

/**
 * How a use case holds an event's row until its transaction ends: `share` keeps the event's days and
 * time zone still while something is checked against them (a talk, an agenda import); `no key update`
 * also orders two writers that each add a row referring to it (rounds created at once); `update` is
 * the event's own change.
 */
export type EventLock = 'share' | 'no key update' | 'update';

const LOCK_MODES = { share: 'pessimistic_read', 'no key update': 'for_no_key_update', update: 'pessimistic_write' } as const;

/** A round or a talk of an event, with the time it takes (a talk with its office hours). */
export interface ScheduledItem {
  what: string;
  starts_at: Date;
  ends_at: Date;
}

/**
 * Every query of the events aggregate (`events`, and its tag vocabulary, `event_tags`). Statements
 * that belong to a use case's transaction take its `manager`; the service decides where a
 * transaction begins and ends. Each method's SQL is snapshotted in queries/events.repository.sql.
 */
@Injectable()
export class EventsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @GenerateSql({ params: [DummyValue.UUID] })
  findById(id: string, manager: EntityManager = this.dataSource.manager): Promise<EventEntity | null> {
    return manager.getRepository(EventEntity).findOneBy({ id });
  }

  @GenerateSql({ params: [DummyValue.UUID] })
  getById(id: string, manager: EntityManager = this.dataSource.manager): Promise<EventEntity> {
    return manager.getRepository(EventEntity).findOneByOrFail({ id });
  }

  @GenerateSql({ params: [DummyValue.STRING] })
  findBySlug(slug: string): Promise<EventEntity | null> {
    return this.dataSource.getRepository(EventEntity).findOneBy({ slug });
  }

  @GenerateSql({ params: [DummyValue.UUID] })
  exists(id: string): Promise<boolean> {
    return this.dataSource.getRepository(EventEntity).existsBy({ id });
  }

  /** The event, its row locked as `lock` says until the transaction ends. */
  @GenerateSql(
    { name: 'share', params: [DummyValue.UUID, 'share'], transaction: true },
    { name: 'no key update', params: [DummyValue.UUID, 'no key update'], transaction: true },
    { name: 'update', params: [DummyValue.UUID, 'update'], transaction: true },
  )
  lockById(id: string, lock: EventLock, manager: EntityManager): Promise<EventEntity | null> {
    return manager.getRepository(EventEntity).findOne({ where: { id }, lock: { mode: LOCK_MODES[lock] } });
  }

  /** Events by id, in no particular order (an id without a row is left out). */
  @GenerateSql({ params: [[DummyValue.UUID]] })
  findByIds(ids: readonly string[]): Promise<EventEntity[]> {
    return this.dataSource.getRepository(EventEntity).findBy({ id: In([...ids]) });
  }

  /** Every event, or those of `ids`: the latest first, then by slug. */
  @GenerateSql({ name: 'all' }, { name: 'some', params: [[DummyValue.UUID]] })
  list(ids?: readonly string[]): Promise<EventEntity[]> {
    return this.dataSource.getRepository(EventEntity).find({ where: ids ? { id: In([...ids]) } : {}, order: { startsOn: 'DESC', slug: 'ASC' } });
  }

  /** Inserts a new event or writes a changed one (the slug's uniqueness is the database's: uq_events_slug). */
  @GenerateSql({ params: [{ slug: DummyValue.STRING, name: DummyValue.STRING, timeZone: 'UTC', matchingSettings: {} }], transaction: true })
  save(event: Partial<EventEntity>, manager: EntityManager): Promise<EventEntity> {
    const events = manager.getRepository(EventEntity);
    return events.save(event instanceof EventEntity ? event : events.create(event));
  }

  /** The event's vocabulary entries. */
  @GenerateSql({ params: [DummyValue.UUID] })
  tagsOf(eventId: string, manager: EntityManager = this.dataSource.manager): Promise<EventTagEntity[]> {
    return manager.getRepository(EventTagEntity).findBy({ eventId });
  }

  /** The vocabularies of several events at once, by slug (a request's DataLoader). */
  @GenerateSql({ params: [[DummyValue.UUID]] })
  tagsOfEvents(eventIds: readonly string[]): Promise<EventTagEntity[]> {
    return this.dataSource.getRepository(EventTagEntity).find({ where: { eventId: In([...eventIds]) }, order: { slug: 'ASC' } });
  }

  /** The event's vocabulary becomes `entries`, and only them. */
  @GenerateSql({ params: [DummyValue.UUID, [{ slug: DummyValue.STRING, label: DummyValue.STRING, synonyms: [] }]], transaction: true })
  async replaceVocabulary(eventId: string, entries: readonly VocabularyEntry[], manager: EntityManager): Promise<void> {
    const tags = manager.getRepository(EventTagEntity);
    await tags.delete({ eventId });
    if (entries.length) await tags.insert(entries.map((entry) => ({ ...entry, synonyms: [...entry.synonyms], eventId })));
  }

  /**
   * Everything an event's days must hold, in time order: its rounds that are not cancelled and its
   * talks with their office hours. A read of the rounds and talks tables that stays here: it is the
   * events feature's one question to them (whether new days or a new time zone fit), asked in one
   * statement inside updateEvent's transaction.
   */
  @GenerateSql({ params: [DummyValue.UUID], transaction: true })
  scheduleOf(eventId: string, manager: EntityManager): Promise<ScheduledItem[]> {
    return manager.query(
      `SELECT 'round “' || name || '”' AS what, starts_at, starts_at + make_interval(mins => duration_minutes) AS ends_at
         FROM rounds WHERE event_id = $1 AND status IN ${sqlList(SCHEDULED)}
       UNION ALL
       SELECT 'talk “' || title || '”', starts_at, starts_at + make_interval(mins => duration_minutes + slot_count * slot_minutes)
         FROM talks WHERE event_id = $1
       ORDER BY starts_at`,
      [eventId],
    );
  }

  /** Events whose retention has run out (the day after `ends_on` plus `retention_days`) and not yet anonymised. */
  @GenerateSql({ params: [DummyValue.DATE] })
  async dueForAnonymisation(now: Date): Promise<string[]> {
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM events
        WHERE retention_days IS NOT NULL AND anonymised_at IS NULL AND ends_on IS NOT NULL
          AND (ends_on + retention_days + 1)::timestamptz <= $1`,
      [now],
    );
    return rows.map((row) => row.id);
  }

  /**
   * Locks the event's row until the transaction ends and tells whether it is still to anonymise
   * (false when it is gone or done): several processes may run retention at once, one does it.
   */
  @GenerateSql({ params: [DummyValue.UUID], transaction: true })
  async lockForAnonymisation(id: string, manager: EntityManager): Promise<boolean> {
    const [event]: { anonymised_at: Date | null }[] = await manager.query(`SELECT anonymised_at FROM events WHERE id = $1 FOR UPDATE`, [id]);
    return !!event && !event.anonymised_at;
  }

  @GenerateSql({ params: [DummyValue.UUID, DummyValue.DATE], transaction: true })
  async markAnonymised(id: string, at: Date, manager: EntityManager): Promise<void> {
    await manager.query(`UPDATE events SET anonymised_at = $2 WHERE id = $1`, [id, at]);
  }
}
