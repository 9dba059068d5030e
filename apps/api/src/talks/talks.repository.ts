import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, type EntityManager } from 'typeorm';
import { matchingProfileOf, type MatchingProfileRow } from '../attendees/matching-profile';
import { countAffected } from '../common/sql';
import type { Profile } from '@pairwise/matching';
import { DummyValue, GenerateSql } from '../database/generate-sql';
import { SlotRequestEntity, TalkEntity } from './talk.entity';

/** A talk as the office-hours allocation reads it (times as instants, slots after the talk). */
export interface AllocatableTalk {
  id: string;
  event_id: string;
  speaker_id: string;
  tags: string[];
  starts_at: Date;
  duration_minutes: number;
  slot_count: number;
  slot_minutes: number;
  allocation_status: 'OPEN' | 'ALLOCATED' | 'PUBLISHED';
}

/** When an attendee is taken: [starts_at, ends_at). */
export interface TakenInterval {
  attendee_id: string;
  starts_at: Date;
  ends_at: Date;
}

/** A slot request as the allocation reads it. */
export interface AllocatableRequest {
  talk_id: string;
  attendee_id: string;
  created_at: Date;
}

/** Where a granted slot ends: the talk's start plus its length and the slots up to this one. */
const SLOT_START_SQL = `t.starts_at + make_interval(mins => t.duration_minutes + r.slot_index * t.slot_minutes)`;
const SLOT_END_SQL = `t.starts_at + make_interval(mins => t.duration_minutes + (r.slot_index + 1) * t.slot_minutes)`;

/** A new slot request. */
export type NewSlotRequest = Pick<SlotRequestEntity, 'talkId' | 'attendeeId' | 'question' | 'standbyRank'>;

/** What an agenda import writes of a talk. */
export type ImportedTalkFields = Pick<TalkEntity, 'title' | 'speakerId' | 'startsAt' | 'durationMinutes' | 'room' | 'tags'>;

const IN_TIME_ORDER = { startsAt: 'ASC', title: 'ASC' } as const;

/**
 * Every query of the talks aggregate (`talks`, `slot_requests`, `talk_bookmarks`). Statements that
 * belong to a use case's transaction take its `manager`; the service decides where a transaction
 * begins and ends. Each method's SQL is snapshotted in queries/talks.repository.sql.
 */
@Injectable()
export class TalksRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @GenerateSql({ params: [DummyValue.UUID] })
  findById(id: string): Promise<TalkEntity | null> {
    return this.dataSource.getRepository(TalkEntity).findOneBy({ id });
  }

  /** A talk with its speaker and its event (for the time zone). */
  @GenerateSql({ params: [DummyValue.UUID] })
  findWithSpeaker(id: string): Promise<TalkEntity | null> {
    return this.dataSource.getRepository(TalkEntity).findOne({ where: { id }, relations: { speaker: true, event: true } });
  }

  /** The event's talks with their speakers and event, in time order (then by title). */
  @GenerateSql({ params: [DummyValue.UUID] })
  listForEvent(eventId: string): Promise<TalkEntity[]> {
    return this.dataSource.getRepository(TalkEntity).find({ where: { eventId }, relations: { speaker: true, event: true }, order: IN_TIME_ORDER });
  }

  /** Talks by id with their speakers and event, in time order (then by title). */
  @GenerateSql({ params: [[DummyValue.UUID]] })
  findManyWithSpeakers(ids: readonly string[]): Promise<TalkEntity[]> {
    return this.dataSource.getRepository(TalkEntity).find({ where: { id: In([...ids]) }, relations: { speaker: true, event: true }, order: IN_TIME_ORDER });
  }

  /** Talks by id with their speakers, in no particular order. */
  @GenerateSql({ params: [[DummyValue.UUID]] })
  findWithSpeakersByIds(ids: readonly string[]): Promise<TalkEntity[]> {
    return this.dataSource.getRepository(TalkEntity).find({ where: { id: In([...ids]) }, relations: { speaker: true } });
  }

  /** The event's talks an import wrote before under these external ids (`sessionize:42`). */
  @GenerateSql({ params: [DummyValue.UUID, ['sessionize:1']], transaction: true })
  findByExternalIds(eventId: string, externalIds: readonly string[], manager: EntityManager): Promise<TalkEntity[]> {
    return manager.getRepository(TalkEntity).findBy({ eventId, externalId: In([...externalIds]) });
  }

  /**
   * Waits until no other agenda import of this event runs, then holds it off until the transaction
   * ends: a second import of the same file finds the talks the first wrote instead of adding them again.
   */
  @GenerateSql({ params: [DummyValue.UUID], transaction: true })
  async lockAgendaImport(eventId: string, manager: EntityManager): Promise<void> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext('agenda-import'), hashtext($1))`, [eventId]);
  }

  @GenerateSql({ params: [{ eventId: DummyValue.UUID, title: DummyValue.STRING, speakerId: DummyValue.OTHER_UUID, startsAt: DummyValue.DATE, durationMinutes: 20, tags: [], slotCount: 0, slotMinutes: 10, location: null }], transaction: true })
  insert(talk: Partial<TalkEntity>, manager: EntityManager): Promise<TalkEntity> {
    const talks = manager.getRepository(TalkEntity);
    return talks.save(talks.create(talk));
  }

  /** Writes what an agenda import changed of a talk. */
  @GenerateSql({ params: [DummyValue.UUID, { title: DummyValue.STRING, speakerId: DummyValue.OTHER_UUID, startsAt: DummyValue.DATE, durationMinutes: 20, room: null, tags: [] }], transaction: true })
  async updateImported(id: string, fields: ImportedTalkFields, manager: EntityManager): Promise<void> {
    await manager.getRepository(TalkEntity).update({ id }, fields);
  }

  /** The talk, its row locked until the transaction ends (requests for it wait); null when there is none. */
  @GenerateSql({ params: [DummyValue.UUID], transaction: true })
  async lockById(id: string, manager: EntityManager): Promise<TalkEntity | null> {
    await manager.query(`SELECT 1 FROM talks WHERE id = $1 FOR UPDATE`, [id]);
    return manager.getRepository(TalkEntity).findOneBy({ id });
  }

  /** The speaker of a talk, or null. */
  @GenerateSql({ params: [DummyValue.UUID] })
  async speakerOf(talkId: string): Promise<string | null> {
    const rows: { speaker_id: string }[] = await this.dataSource.query(`SELECT speaker_id FROM talks WHERE id = $1`, [talkId]);
    return rows[0]?.speaker_id ?? null;
  }

  /** Who has a meeting once a talk's slots are published: every granted asker and the speaker. */
  @GenerateSql({ params: [DummyValue.UUID] })
  async slotHoldersAndSpeaker(talkId: string): Promise<string[]> {
    const rows: { attendee_id: string }[] = await this.dataSource.query(
      `SELECT attendee_id FROM slot_requests WHERE talk_id = $1 AND slot_index IS NOT NULL
        UNION SELECT speaker_id FROM talks WHERE id = $1`,
      [talkId],
    );
    return rows.map((row) => row.attendee_id);
  }

  /** How many requests each talk has (a talk without any is left out). */
  @GenerateSql({ params: [[DummyValue.UUID]] })
  async requestCounts(talkIds: readonly string[]): Promise<Map<string, number>> {
    const counts: { talk_id: string; n: number }[] = await this.dataSource.query(
      `SELECT talk_id, count(*)::int AS n FROM slot_requests WHERE talk_id = ANY($1::uuid[]) GROUP BY talk_id`,
      [talkIds],
    );
    return new Map(counts.map((count) => [count.talk_id, count.n]));
  }

  /** A talk's requests with who asked — all, or one attendee's — granted slots first, then the standby list, then the rest. */
  @GenerateSql({ name: 'all', params: [DummyValue.UUID, null] }, { name: 'one attendee', params: [DummyValue.UUID, DummyValue.OTHER_UUID] })
  requestsOf(talkId: string, attendeeId: string | null): Promise<SlotRequestEntity[]> {
    const where = attendeeId === null ? { talkId } : { talkId, attendeeId };
    return this.dataSource.getRepository(SlotRequestEntity).find({ where, relations: { attendee: true }, order: { slotIndex: 'ASC', standbyRank: 'ASC', createdAt: 'ASC' } });
  }

  @GenerateSql({ params: [DummyValue.UUID, DummyValue.OTHER_UUID], transaction: true })
  findRequest(talkId: string, attendeeId: string, manager: EntityManager): Promise<SlotRequestEntity | null> {
    return manager.getRepository(SlotRequestEntity).findOneBy({ talkId, attendeeId });
  }

  @GenerateSql({ params: [DummyValue.UUID, DummyValue.OTHER_UUID], transaction: true })
  getRequest(talkId: string, attendeeId: string, manager: EntityManager): Promise<SlotRequestEntity> {
    return manager.getRepository(SlotRequestEntity).findOneByOrFail({ talkId, attendeeId });
  }

  @GenerateSql({ params: [{ talkId: DummyValue.UUID, attendeeId: DummyValue.OTHER_UUID, question: DummyValue.STRING, standbyRank: null }], transaction: true })
  async insertRequest(request: NewSlotRequest, manager: EntityManager): Promise<void> {
    await manager.getRepository(SlotRequestEntity).insert(request);
  }

  @GenerateSql({ params: [DummyValue.UUID, DummyValue.OTHER_UUID, DummyValue.STRING], transaction: true })
  async setQuestion(talkId: string, attendeeId: string, question: string, manager: EntityManager): Promise<void> {
    await manager.getRepository(SlotRequestEntity).update({ talkId, attendeeId }, { question });
  }

  @GenerateSql({ params: [DummyValue.UUID, DummyValue.OTHER_UUID], transaction: true })
  async deleteRequest(talkId: string, attendeeId: string, manager: EntityManager): Promise<void> {
    await manager.getRepository(SlotRequestEntity).delete({ talkId, attendeeId });
  }

  /** The last place of the talk's standby list (0 when it is empty). */
  @GenerateSql({ params: [DummyValue.UUID], transaction: true })
  async lastStandbyRank(talkId: string, manager: Pick<EntityManager, 'query'>): Promise<number> {
    const [row]: { rank: number }[] = await manager.query(`SELECT coalesce(max(standby_rank), 0)::int AS rank FROM slot_requests WHERE talk_id = $1`, [talkId]);
    return row!.rank;
  }

  /** The talk's requests by standby place (those without one last). */
  @GenerateSql({ params: [DummyValue.UUID], transaction: true })
  standbyOrder(talkId: string, manager: EntityManager): Promise<SlotRequestEntity[]> {
    return manager.getRepository(SlotRequestEntity).find({ where: { talkId }, order: { standbyRank: 'ASC' } });
  }

  /** Moves everyone behind standby place `rank` one place up (whoever held it has left the list). */
  @GenerateSql({ params: [DummyValue.UUID, 1], transaction: true })
  async closeStandbyGap(talkId: string, rank: number, manager: Pick<EntityManager, 'query'>): Promise<void> {
    await manager.query(`UPDATE slot_requests SET standby_rank = standby_rank - 1 WHERE talk_id = $1 AND standby_rank > $2`, [talkId, rank]);
  }

  /** Gives slot `slotIndex` to the attendee's request, which leaves the standby list. */
  @GenerateSql({ params: [DummyValue.UUID, DummyValue.OTHER_UUID, 0], transaction: true })
  async grantSlot(talkId: string, attendeeId: string, slotIndex: number, manager: EntityManager): Promise<void> {
    await manager.getRepository(SlotRequestEntity).update({ talkId, attendeeId }, { slotIndex, standbyRank: null });
  }

  /** Marks these talks' allocations PUBLISHED, those that are ALLOCATED; how many were. */
  @GenerateSql({ params: [[DummyValue.UUID]], transaction: true })
  markPublished(talkIds: readonly string[], manager: EntityManager): Promise<number> {
    return countAffected(manager, `UPDATE talks SET allocation_status = 'PUBLISHED' WHERE id = ANY($1::uuid[]) AND allocation_status = 'ALLOCATED' RETURNING 1`, [talkIds]);
  }

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

  /**
   * The published office-hour slots an attendee holds, as the one who asked (first part) or as the
   * speaker (second), with the talk and its event's time zone.
   */
  @GenerateSql({ params: [DummyValue.UUID] })
  publishedSlotsOf(attendeeId: string): Promise<PublishedSlotRow[]> {
    return this.dataSource.query(
      `SELECT t.id AS talk_id, t.title, t.location, t.event_id, e.time_zone, t.starts_at, t.duration_minutes, t.slot_minutes, t.speaker_id,
              r.attendee_id, r.slot_index, r.question
         FROM slot_requests r JOIN talks t ON t.id = r.talk_id JOIN events e ON e.id = t.event_id
        WHERE t.allocation_status = 'PUBLISHED' AND r.slot_index IS NOT NULL AND r.attendee_id = $1
       UNION ALL
       SELECT t.id, t.title, t.location, t.event_id, e.time_zone, t.starts_at, t.duration_minutes, t.slot_minutes, t.speaker_id,
              r.attendee_id, r.slot_index, r.question
         FROM talks t JOIN slot_requests r ON r.talk_id = t.id JOIN events e ON e.id = t.event_id
        WHERE t.allocation_status = 'PUBLISHED' AND r.slot_index IS NOT NULL AND t.speaker_id = $1`,
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

  /**
   * Talks of the event to allocate, locked (by id, so two allocations wait for each other rather than
   * deadlock): those of `talkIds` when given, else every talk of the event — of one day on the event's
   * clock (`YYYY-MM-DD`) when `day` is given. Published talks are returned too: the caller decides.
   */
  @GenerateSql({ params: [DummyValue.UUID, null, '2026-12-03'], transaction: true })
  lockForAllocation(eventId: string, talkIds: readonly string[] | null, day: string | null, manager: Pick<EntityManager, 'query'>): Promise<AllocatableTalk[]> {
    return manager.query(
      `SELECT t.id, t.event_id, t.speaker_id, t.tags, t.starts_at, t.duration_minutes, t.slot_count, t.slot_minutes, t.allocation_status
         FROM talks t JOIN events e ON e.id = t.event_id
        WHERE t.event_id = $1 AND ($2::uuid[] IS NULL OR t.id = ANY($2::uuid[]))
          AND ($3::date IS NULL OR (t.starts_at AT TIME ZONE e.time_zone)::date = $3::date)
        ORDER BY t.id FOR UPDATE OF t`,
      [eventId, talkIds, day],
    );
  }

  /** Every request for these talks. */
  @GenerateSql({ params: [[DummyValue.UUID]], transaction: true })
  requestsFor(talkIds: readonly string[], manager: Pick<EntityManager, 'query'>): Promise<AllocatableRequest[]> {
    return manager.query(`SELECT r.talk_id, r.attendee_id, r.created_at FROM slot_requests r WHERE r.talk_id = ANY($1::uuid[])`, [talkIds]);
  }

  /**
   * The slots granted (allocated or published) at the event's other talks, that is not among `talkIds`:
   * their holders are taken then, and hold them (fairness counts them).
   */
  @GenerateSql({ params: [DummyValue.UUID, [DummyValue.OTHER_UUID]], transaction: true })
  slotsGrantedElsewhere(eventId: string, talkIds: readonly string[], manager: Pick<EntityManager, 'query'>): Promise<TakenInterval[]> {
    return manager.query(
      `SELECT r.attendee_id, ${SLOT_START_SQL} AS starts_at, ${SLOT_END_SQL} AS ends_at
         FROM slot_requests r JOIN talks t ON t.id = r.talk_id
        WHERE t.event_id = $1 AND r.slot_index IS NOT NULL AND NOT (t.id = ANY($2::uuid[]))`,
      [eventId, talkIds],
    );
  }

  /** Every speaker of the event, taken from the start of each of their talks to the end of its office hours (busyDuring's rule). */
  @GenerateSql({ params: [DummyValue.UUID], transaction: true })
  speakingTimes(eventId: string, manager: Pick<EntityManager, 'query'>): Promise<TakenInterval[]> {
    return manager.query(
      `SELECT t.speaker_id AS attendee_id, t.starts_at,
              t.starts_at + make_interval(mins => t.duration_minutes + t.slot_count * t.slot_minutes) AS ends_at
         FROM talks t WHERE t.event_id = $1`,
      [eventId],
    );
  }

  /** The granted slots of these talks, each with its holder and time (what publishing re-checks). */
  @GenerateSql({ params: [[DummyValue.UUID]], transaction: true })
  slotsGrantedAt(talkIds: readonly string[], manager: Pick<EntityManager, 'query'>): Promise<(TakenInterval & { talk_id: string; slot_index: number })[]> {
    return manager.query(
      `SELECT r.talk_id, r.slot_index, r.attendee_id, ${SLOT_START_SQL} AS starts_at, ${SLOT_END_SQL} AS ends_at
         FROM slot_requests r JOIN talks t ON t.id = r.talk_id
        WHERE r.talk_id = ANY($1::uuid[]) AND r.slot_index IS NOT NULL
        ORDER BY r.talk_id, r.slot_index`,
      [talkIds],
    );
  }

  /** The matching profiles of these attendees (as a round sees them), with their wishes and blocks. */
  @GenerateSql({ params: [[DummyValue.UUID]], transaction: true })
  async profilesOf(attendeeIds: readonly string[], manager: Pick<EntityManager, 'query'>): Promise<Profile[]> {
    const rows: (MatchingProfileRow & { wishes: string[]; blocks: string[] })[] =
      await manager.query(
        `SELECT a.id, a.name, a.role, a.company, a.seniority, a.stack, a.interests, a.looking_for, a.can_offer, a.languages,
                ARRAY(SELECT w.target_id::text FROM wishes w WHERE w.attendee_id = a.id) AS wishes,
                ARRAY(SELECT b.target_id::text FROM blocks b WHERE b.attendee_id = a.id) AS blocks
           FROM attendees a WHERE a.id = ANY($1::uuid[])`,
        [attendeeIds],
      );
    // Added one by one, not spread into a new literal (slower per row: see RoundRosterRepository.load).
    return rows.map((row) => {
      const profile: { -readonly [Field in keyof Profile]: Profile[Field] } = matchingProfileOf(row);
      profile.wishes = row.wishes;
      profile.blocks = row.blocks;
      return profile;
    });
  }

  /**
   * Writes an allocation of these talks in three statements: every outcome cleared, then the granted
   * slots and the standby places set (column arrays, one row each), and the talks marked ALLOCATED.
   */
  @GenerateSql({ params: [[DummyValue.UUID], { talkIds: [DummyValue.UUID], attendeeIds: [DummyValue.OTHER_UUID], slotIndexes: [0], standbyRanks: [null] }], transaction: true })
  async writeAllocation(
    talkIds: readonly string[],
    outcomes: { talkIds: string[]; attendeeIds: string[]; slotIndexes: (number | null)[]; standbyRanks: (number | null)[] },
    manager: Pick<EntityManager, 'query'>,
  ): Promise<void> {
    await manager.query(`UPDATE slot_requests SET slot_index = NULL, standby_rank = NULL WHERE talk_id = ANY($1::uuid[])`, [talkIds]);
    await manager.query(
      `UPDATE slot_requests r SET slot_index = o.slot_index, standby_rank = o.standby_rank
         FROM unnest($1::uuid[], $2::uuid[], $3::int[], $4::int[]) AS o(talk_id, attendee_id, slot_index, standby_rank)
        WHERE r.talk_id = o.talk_id AND r.attendee_id = o.attendee_id`,
      [outcomes.talkIds, outcomes.attendeeIds, outcomes.slotIndexes, outcomes.standbyRanks],
    );
    await manager.query(`UPDATE talks SET allocation_status = 'ALLOCATED' WHERE id = ANY($1::uuid[])`, [talkIds]);
  }

  /** The attendee's slot requests with their talks' titles, as their data export writes them. */
  @GenerateSql({ params: [DummyValue.UUID] })
  slotRequestsMadeBy(attendeeId: string): Promise<Record<string, unknown>[]> {
    return this.dataSource.query(
      `SELECT t.title AS talk, r.question, r.slot_index AS "slotIndex", r.standby_rank AS "standbyRank", r.created_at AS "createdAt"
         FROM slot_requests r JOIN talks t ON t.id = r.talk_id WHERE r.attendee_id = $1`,
      [attendeeId],
    );
  }

  /** The talks the attendee bookmarked, in time order, as their data export writes them. */
  @GenerateSql({ params: [DummyValue.UUID] })
  bookmarksOf(attendeeId: string): Promise<Record<string, unknown>[]> {
    return this.dataSource.query(
      `SELECT t.id AS "talkId", t.title AS talk, b.created_at AS "createdAt" FROM talk_bookmarks b JOIN talks t ON t.id = b.talk_id WHERE b.attendee_id = $1 ORDER BY t.starts_at`,
      [attendeeId],
    );
  }

  /**
   * Erasure: the attendee's bookmarks go; so do their slot requests for talks whose office hours are not
   * published, and those of published ones keep their place (the speaker's schedule) but lose the question.
   */
  @GenerateSql({ params: [DummyValue.UUID], transaction: true })
  async forgetAttendee(attendeeId: string, manager: Pick<EntityManager, 'query'>): Promise<void> {
    await manager.query(`DELETE FROM talk_bookmarks WHERE attendee_id = $1`, [attendeeId]);
    await manager.query(
      `DELETE FROM slot_requests r USING talks t WHERE t.id = r.talk_id AND r.attendee_id = $1 AND t.allocation_status <> 'PUBLISHED'`,
      [attendeeId],
    );
    await manager.query(`UPDATE slot_requests SET question = '' WHERE attendee_id = $1`, [attendeeId]);
  }
}

/** A talk of an attendee's schedule: they give it (`speaking`), bookmarked it, or both. */
export interface ScheduledTalkRow {
  id: string;
  speaking: boolean;
  bookmarked: boolean;
  requestCount: number;
}

/** A published office-hour slot with its talk (publishedSlotsOf). */
export interface PublishedSlotRow {
  talk_id: string;
  title: string;
  location: string | null;
  event_id: string;
  time_zone: string;
  starts_at: Date;
  duration_minutes: number;
  slot_minutes: number;
  speaker_id: string;
  attendee_id: string;
  slot_index: number;
  question: string;
}
