import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { MatchingRules } from '@pairwise/matching';
import { DataSource, In, type EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { countAffected } from '../common/sql';
import { DummyValue, GenerateSql } from '../database/generate-sql';
import { LAPSED_MESSAGE } from './generation-lease';
import { RoundAdjustmentEntity } from './round-adjustment.entity';
import { RoundEntity, type GenerationProgress, type StoredRoundStats } from './round.entity';
import { CANCELLABLE, NOT_YET_PUBLISHED, SCHEDULED, sqlList, VISIBLE_TO_ATTENDEES, type RoundStatusValue } from './round-lifecycle';

/** A round as a generation claims it. */
export interface GenerationClaim {
  seed: string;
  progress: GenerationProgress;
  claimable: readonly RoundStatusValue[];
  owner: string;
  leaseSeconds: number;
}

/** What a generation stores with its draft. */
export interface StoredDraft {
  stats: StoredRoundStats;
  weights: Record<string, number>;
  /** The organisers' rules the draft was generated with (defaults filled in; stored as a plain copy of the frozen document). */
  rules: MatchingRules;
  progress: GenerationProgress;
}

/** A round an attendee can still opt out of, with their choice (networking/upcoming-rounds.ts maps it). */
export interface UpcomingRoundRow {
  id: string;
  name: string;
  startsAt: Date;
  durationMinutes: number;
  timeZone: string;
  optedOut: boolean;
}

/** SQL: the lease of a GENERATING round (in `rounds`) has lapsed, or was never taken (generation-lease.ts). */
const LEASE_LAPSED = `(lease_expires_at IS NULL OR lease_expires_at < now())`;

/** SQL: `lease_expires_at` for a lease of `$n` seconds from now, by the database's clock. */
const leaseUntil = (parameter: string) => `now() + make_interval(secs => ${parameter})`;

/** The advisory lock key of the generations of one event (generation-lock.ts). */
const generationLockKey = (eventId: string) => `pairwise:generate:${eventId}`;

/** An organiser's change by hand, as round_adjustments records it. */
export type AdjustmentRecord = Pick<RoundAdjustmentEntity, 'roundId' | 'actorId' | 'kind' | 'details' | 'overriddenRules' | 'reason'>;

/**
 * Every query of the rounds aggregate (`rounds`, and the record of changes by hand,
 * `round_adjustments`). Statements that belong to a use case's transaction take its `manager`;
 * the service decides where a transaction begins and ends. Each method's SQL is snapshotted in
 * queries/rounds.repository.sql.
 */
@Injectable()
export class RoundsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @GenerateSql({ params: [DummyValue.UUID] , transaction: true })
  findById(id: string, manager: EntityManager = this.dataSource.manager): Promise<RoundEntity | null> {
    return manager.getRepository(RoundEntity).findOneBy({ id });
  }

  @GenerateSql({ params: [DummyValue.UUID] , transaction: true })
  getById(id: string, manager: EntityManager = this.dataSource.manager): Promise<RoundEntity> {
    return manager.getRepository(RoundEntity).findOneByOrFail({ id });
  }

  /** Rounds by id, in no particular order (an id without a row is left out). */
  @GenerateSql({ params: [[DummyValue.UUID]] })
  findByIds(ids: readonly string[]): Promise<RoundEntity[]> {
    return this.dataSource.getRepository(RoundEntity).findBy({ id: In([...ids]) });
  }

  /** The round, its row locked until the transaction ends (a change by hand, the storing of a draft). */
  @GenerateSql({ params: [DummyValue.UUID] , transaction: true })
  lockById(id: string, manager: EntityManager = this.dataSource.manager): Promise<RoundEntity | null> {
    return manager.getRepository(RoundEntity).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  /** In time order (then creation order); `statuses`: only rounds in these. */
  @GenerateSql({ name: 'all', params: [DummyValue.UUID] }, { name: 'visible to attendees', params: [DummyValue.UUID, VISIBLE_TO_ATTENDEES] })
  listForEvent(eventId: string, statuses?: readonly RoundStatusValue[]): Promise<RoundEntity[]> {
    const query = this.dataSource
      .getRepository(RoundEntity)
      .createQueryBuilder('r')
      .where('r.event_id = :eventId', { eventId })
      .orderBy('r.starts_at', 'ASC')
      .addOrderBy('r.created_at', 'ASC');
    if (statuses) query.andWhere('r.status IN (:...statuses)', { statuses });
    return query.getMany();
  }

  /** The rounds of an event called exactly `name` (names are not unique), in time order. */
  @GenerateSql({ params: [DummyValue.UUID, DummyValue.STRING] })
  withName(eventId: string, name: string): Promise<RoundEntity[]> {
    return this.dataSource.getRepository(RoundEntity).find({ where: { eventId, name }, order: { startsAt: 'ASC', createdAt: 'ASC' } });
  }

  @GenerateSql({ params: [{ eventId: DummyValue.UUID, name: DummyValue.STRING, startsAt: DummyValue.DATE, durationMinutes: 10, tables: [], oddPolicy: null, fairness: 'none' }] , transaction: true })
  insertDraft(
    round: Pick<RoundEntity, 'eventId' | 'name' | 'startsAt' | 'durationMinutes' | 'tables' | 'oddPolicy' | 'fairness' | 'tableSize'>,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<RoundEntity> {
    const rounds = manager.getRepository(RoundEntity);
    return rounds.save(rounds.create({ ...round, status: 'DRAFT' }));
  }

  /**
   * The first round of the event on its schedule (not cancelled) whose time overlaps [startsAt, endsAt):
   * a round holds [starts_at, starts_at + duration), so one ending as the other starts does not overlap.
   */
  @GenerateSql({ params: [DummyValue.UUID, DummyValue.DATE, DummyValue.DATE], transaction: true })
  async firstOverlapping(eventId: string, startsAt: Date, endsAt: Date, manager: EntityManager = this.dataSource.manager): Promise<Pick<RoundEntity, 'id' | 'name' | 'startsAt' | 'durationMinutes'> | undefined> {
    const [row] = await manager.query(
      `SELECT id, name, starts_at AS "startsAt", duration_minutes AS "durationMinutes" FROM rounds
        WHERE event_id = $1 AND status IN ${sqlList(SCHEDULED)}
          AND starts_at < $3 AND starts_at + make_interval(mins => duration_minutes) > $2
        ORDER BY starts_at, id LIMIT 1`,
      [eventId, startsAt, endsAt],
    );
    return row;
  }

  /**
   * Claims the round for a generation in one conditional UPDATE that takes its lease: a round in one
   * of `claimable`, or one GENERATING whose lease lapsed (its process died). False: not claimed.
   */
  @GenerateSql({ params: [DummyValue.UUID, { seed: DummyValue.STRING, progress: { phase: 'queued' }, claimable: ['DRAFT'], owner: DummyValue.STRING, leaseSeconds: 30 }] })
  async claimForGeneration(id: string, claim: GenerationClaim): Promise<boolean> {
    const claimed = await countAffected(
      this.dataSource.manager,
      `UPDATE rounds SET status = 'GENERATING', seed = $2, progress = $3, lease_owner = $5, lease_expires_at = ${leaseUntil('$6')}, updated_at = now()
        WHERE id = $1 AND (status = ANY($4) OR (status = 'GENERATING' AND ${LEASE_LAPSED})) RETURNING 1`,
      [id, claim.seed, claim.progress, claim.claimable, claim.owner, claim.leaseSeconds],
    );
    return claimed > 0;
  }

  /**
   * One generation per event at a time: the event's session advisory lock, taken on `connection`
   * (the generation's own, which holds it until released or closed). False: another session holds it.
   */
  @GenerateSql({ params: [DummyValue.UUID], transaction: true })
  async tryLockGenerations(eventId: string, connection: Pick<EntityManager, 'query'>): Promise<boolean> {
    const rows: { locked: boolean }[] = await connection.query('SELECT pg_try_advisory_lock(hashtext($1)) AS locked', [generationLockKey(eventId)]);
    return rows[0]?.locked === true;
  }

  /** Gives back the lock tryLockGenerations took on `connection`. */
  @GenerateSql({ params: [DummyValue.UUID], transaction: true })
  async unlockGenerations(eventId: string, connection: Pick<EntityManager, 'query'>): Promise<void> {
    await connection.query('SELECT pg_advisory_unlock(hashtext($1))', [generationLockKey(eventId)]);
  }

  /**
   * Renews a run's lease for `seconds` from now, while the round is still the run's (GENERATING,
   * leased to `owner`), on `connection` (the run's own: a renewal never waits for the pool).
   * False: the round is no longer the run's (cancelled, or failed by a sweep).
   */
  @GenerateSql({ params: [DummyValue.UUID, DummyValue.STRING, 30], transaction: true })
  async renewLease(id: string, owner: string, seconds: number, connection: Pick<EntityManager, 'query'>): Promise<boolean> {
    const renewed = await countAffected(
      connection,
      `UPDATE rounds SET lease_expires_at = ${leaseUntil('$3')} WHERE id = $1 AND lease_owner = $2 AND status = 'GENERATING' RETURNING 1`,
      [id, owner, seconds],
    );
    return renewed > 0;
  }

  /** The round's status now (undefined: gone). */
  @GenerateSql({ params: [DummyValue.UUID] })
  async statusOf(id: string): Promise<RoundStatusValue | undefined> {
    const rows: { status: RoundStatusValue }[] = await this.dataSource.query(`SELECT status FROM rounds WHERE id = $1`, [id]);
    return rows[0]?.status;
  }

  /** Locks the round for publishing: its status and how many meetings its draft has. */
  @GenerateSql({ params: [DummyValue.UUID] , transaction: true })
  async lockForPublishing(id: string, manager: EntityManager = this.dataSource.manager): Promise<{ status: RoundStatusValue; meetings: number } | undefined> {
    const [row] = await manager.query(
      `SELECT status, (SELECT count(*) FROM meetings WHERE round_id = r.id)::int AS meetings FROM rounds r WHERE id = $1 FOR UPDATE`,
      [id],
    );
    return row;
  }

  @GenerateSql({ params: [DummyValue.UUID] , transaction: true })
  async markPublished(id: string, manager: EntityManager = this.dataSource.manager): Promise<void> {
    await manager.query(`UPDATE rounds SET status = 'PUBLISHED', published_at = now(), updated_at = now() WHERE id = $1`, [id]);
  }

  /**
   * Cancels the round when it may be (round-lifecycle.ts): a GENERATING round loses its lease in the
   * same statement and its progress says so. False: not cancellable.
   */
  @GenerateSql({ params: [DummyValue.UUID, DummyValue.DATE.toISOString()] , transaction: true })
  async cancel(id: string, finishedAt: string, manager: EntityManager = this.dataSource.manager): Promise<boolean> {
    const cancelled = await countAffected(
      manager,
      `UPDATE rounds
          SET status = 'CANCELLED', lease_owner = NULL, lease_expires_at = NULL, updated_at = now(),
              progress = CASE WHEN status = 'GENERATING'
                              THEN coalesce(progress, '{}'::jsonb) || jsonb_build_object('phase', 'cancelled', 'finishedAt', $2::text)
                              ELSE progress END
        WHERE id = $1 AND status IN ${sqlList(CANCELLABLE)} RETURNING 1`,
      [id, finishedAt],
    );
    return cancelled > 0;
  }

  /** Locks the round for closing: its status, and whether it has started by the database's clock. */
  @GenerateSql({ params: [DummyValue.UUID] , transaction: true })
  async lockForClosing(id: string, manager: EntityManager = this.dataSource.manager): Promise<{ status: RoundStatusValue; started: boolean } | undefined> {
    const [row] = await manager.query(`SELECT status, starts_at <= now() AS started FROM rounds WHERE id = $1 FOR UPDATE`, [id]);
    return row;
  }

  @GenerateSql({ params: [DummyValue.UUID] , transaction: true })
  async markClosed(id: string, manager: EntityManager = this.dataSource.manager): Promise<void> {
    await manager.query(`UPDATE rounds SET status = 'CLOSED', updated_at = now() WHERE id = $1`, [id]);
  }

  /** A run's progress, only while it still holds the lease: a cancelled or failed round keeps what was said about it. */
  @GenerateSql({ params: [DummyValue.UUID, DummyValue.STRING, { phase: 'loading' }] })
  async setProgress(id: string, owner: string, progress: GenerationProgress): Promise<void> {
    await this.dataSource.query(`UPDATE rounds SET progress = $3 WHERE id = $1 AND lease_owner = $2`, [id, owner, progress]);
  }

  /** The generated draft's figures; the lease is given back. Call with the round locked and the lease checked. */
  @GenerateSql({ params: [DummyValue.UUID, { stats: {}, weights: {}, rules: {}, progress: { phase: 'done' } }] , transaction: true })
  async storeDraft(id: string, draft: StoredDraft, manager: EntityManager = this.dataSource.manager): Promise<void> {
    await manager.getRepository(RoundEntity).update(
      { id },
      { status: 'GENERATED', stats: draft.stats, weights: draft.weights, rules: structuredClone(draft.rules), generatedAt: new Date(), leaseOwner: null, leaseExpiresAt: null, progress: draft.progress },
    );
  }

  /** A failed run, while it still holds the lease: back to its draft (or to DRAFT), `progress` saying why. */
  @GenerateSql({ params: [DummyValue.UUID, DummyValue.STRING, { phase: 'failed' }] })
  async failGeneration(id: string, owner: string, progress: GenerationProgress): Promise<void> {
    await this.dataSource.query(
      `UPDATE rounds SET progress = $3, lease_owner = NULL, lease_expires_at = NULL, updated_at = now(),
              status = CASE WHEN EXISTS (SELECT 1 FROM meetings WHERE round_id = $1) THEN 'GENERATED' ELSE 'DRAFT' END
        WHERE id = $1 AND status = 'GENERATING' AND lease_owner = $2`,
      [id, owner, progress],
    );
  }

  @GenerateSql({ params: [DummyValue.UUID, {}] , transaction: true })
  async updateStats(id: string, stats: StoredRoundStats, manager: EntityManager = this.dataSource.manager): Promise<void> {
    await manager.getRepository(RoundEntity).update({ id }, { stats });
  }

  @GenerateSql({ params: [{ roundId: DummyValue.UUID, actorId: DummyValue.UUID, kind: 'swap', details: {}, overriddenRules: [], reason: null }] , transaction: true })
  async recordAdjustment(adjustment: AdjustmentRecord, manager: EntityManager = this.dataSource.manager): Promise<void> {
    // `details` is free-form JSON, which TypeORM's deep-partial type cannot follow.
    await manager.getRepository(RoundAdjustmentEntity).insert(adjustment as QueryDeepPartialEntity<RoundAdjustmentEntity>);
  }

  /** The changes by hand that overrode a hard rule on purpose (the draft check accepts exactly those pairs). */
  @GenerateSql({ params: [DummyValue.UUID], transaction: true })
  overridesOf(roundId: string, manager: Pick<EntityManager, 'query'> = this.dataSource.manager): Promise<Pick<RoundAdjustmentEntity, 'details' | 'overriddenRules'>[]> {
    return manager
      .query(`SELECT details, overridden_rules FROM round_adjustments WHERE round_id = $1 AND cardinality(overridden_rules) > 0`, [roundId])
      .then((rows: { details: RoundAdjustmentEntity['details']; overridden_rules: string[] }[]) =>
        rows.map((row) => ({ details: row.details, overriddenRules: row.overridden_rules })),
      );
  }

  /**
   * Fails every GENERATING round whose lease lapsed: back to DRAFT (or to its previous draft when
   * it was being regenerated, whose meetings are still there), `progress.phase` failed with
   * `progress.error` saying why. One statement, safe to run in every process at once; a run that
   * is writing its draft holds the round's row lock, and this waits for it and then skips it.
   * Returns the rounds failed.
   */
  @GenerateSql({ params: [DummyValue.DATE.toISOString()] })
  async failLapsedGenerations(finishedAt: string): Promise<string[]> {
    const rows: { id: string }[] = await this.dataSource.query(
      // In a CTE: a bare UPDATE … RETURNING comes back from the driver as [rows, count].
      `WITH failed AS (
         UPDATE rounds r
            SET status = CASE WHEN EXISTS (SELECT 1 FROM meetings m WHERE m.round_id = r.id) THEN 'GENERATED' ELSE 'DRAFT' END,
                progress = coalesce(r.progress, '{}'::jsonb) || jsonb_build_object('phase', 'failed', 'finishedAt', $1::text, 'error', $2::text),
                lease_owner = NULL, lease_expires_at = NULL, updated_at = now()
          WHERE r.status = 'GENERATING' AND ${LEASE_LAPSED}
          RETURNING r.id)
       SELECT id FROM failed`,
      [finishedAt, LAPSED_MESSAGE],
    );
    return rows.map((row) => row.id);
  }

  /**
   * The rounds of an event an attendee can still opt out of — not published, not cancelled, not
   * ended — in time order, each with the attendee's own opt-out. One statement.
   */
  @GenerateSql({ params: [DummyValue.UUID, DummyValue.OTHER_UUID] })
  upcomingFor(eventId: string, attendeeId: string): Promise<UpcomingRoundRow[]> {
    return this.dataSource.query(
      `SELECT r.id, r.name, r.starts_at AS "startsAt", r.duration_minutes AS "durationMinutes", e.time_zone AS "timeZone",
              (o.attendee_id IS NOT NULL) AS "optedOut"
         FROM rounds r
         JOIN events e ON e.id = r.event_id
         LEFT JOIN round_opt_outs o ON o.round_id = r.id AND o.attendee_id = $2
        WHERE r.event_id = $1 AND r.status IN ${sqlList(NOT_YET_PUBLISHED)}
          AND r.starts_at + make_interval(mins => r.duration_minutes) > now()
        ORDER BY r.starts_at, r.name, r.id`,
      [eventId, attendeeId],
    );
  }

  /**
   * The published rounds of an event in which an attendee has no table, with why (`stats.leftOut`):
   * the sit-outs of their schedule (mySchedule), in time order. One statement.
   */
  @GenerateSql({ params: [DummyValue.UUID, DummyValue.OTHER_UUID] })
  sitOutsOf(eventId: string, attendeeId: string): Promise<SitOutRow[]> {
    return this.dataSource.query(
      `SELECT r.id, r.name, r.starts_at AS "startsAt", r.duration_minutes AS "durationMinutes", bye->>'reason' AS reason
         FROM rounds r, jsonb_array_elements(coalesce(r.stats->'leftOut', '[]'::jsonb)) bye
        WHERE r.event_id = $1 AND r.status IN ${sqlList(VISIBLE_TO_ATTENDEES)} AND bye->>'attendeeId' = $2::text
        ORDER BY r.starts_at, r.name, r.id`,
      [eventId, attendeeId],
    );
  }
}

/** A published round an attendee sits out, and why (a LeftOutReason). */
export interface SitOutRow {
  id: string;
  name: string;
  startsAt: Date;
  durationMinutes: number;
  reason: string;
}
