import { Logger, type OnModuleDestroy } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { preparedQuery } from '../common/prepared-statement';
import { countAffected } from '../common/sql';
import type { LimitCount, LimitStore } from './limit-store';

/** Expired counters are deleted this often, by every process, a bounded batch at a time. */
export const SWEEP_INTERVAL_MS = 60_000;
const SWEEP_BATCH = 1_000;

/**
 * Counts a hit for each key `rows` yields (a SELECT, or VALUES, of one column: the key) and answers, atomically:
 * INSERT … ON CONFLICT DO UPDATE locks each key's row, so hits from any number of processes at once are each
 * counted once, in some order. `ttl`, `limit` and `block` are the SQL (parameters) of the window's length (ms),
 * the limit and the block's length (ms; 0: the rest of the window). Keys must be unique within one statement
 * (PostgreSQL refuses to update a row twice in one), and come in key order when there are several (rows are
 * locked in that order, so two statements counting the same keys cannot deadlock). Returns per key: key, hits,
 * time_to_expire and time_to_block_expire (s, rounded up), blocked.
 */
export function countHitsSql(rows: string, { ttl, limit, block }: { ttl: string; limit: string; block: string }): string {
  const window = `make_interval(secs => ${ttl}::float8 / 1000)`;
  /** When a block that starts now ends: after `block`, or with the window when that is 0. */
  const blockEnd = (windowEnd: string) => `CASE WHEN ${block}::float8 > 0 THEN now() + make_interval(secs => ${block}::float8 / 1000) ELSE ${windowEnd} END`;
  /** The row's old values are blocked (nothing counted) … */
  const blocked = `counter.blocked_until > now()`;
  /** … or start a new window: the old one is over, or a block just ended. */
  const fresh = `(counter.window_ends_at <= now() OR counter.blocked_until IS NOT NULL)`;
  const firstBlock = `CASE WHEN 1 > ${limit}::int THEN ${blockEnd(`now() + ${window}`)} END`;
  const expires = `now() + greatest(${window}, make_interval(secs => ${block}::float8 / 1000))`;
  return `
  INSERT INTO rate_limit_counters AS counter (key, hits, window_ends_at, blocked_until, expires_at)
  SELECT hit.key, 1, now() + ${window}, ${firstBlock}, ${expires} FROM (${rows}) AS hit (key)
  ON CONFLICT (key) DO UPDATE SET
    hits = CASE WHEN ${blocked} THEN counter.hits WHEN ${fresh} THEN 1 ELSE counter.hits + 1 END,
    window_ends_at = CASE WHEN ${blocked} THEN counter.window_ends_at WHEN ${fresh} THEN now() + ${window} ELSE counter.window_ends_at END,
    blocked_until = CASE
      WHEN ${blocked} THEN counter.blocked_until
      WHEN ${fresh} THEN ${firstBlock}
      WHEN counter.hits + 1 > ${limit}::int THEN ${blockEnd('counter.window_ends_at')}
    END,
    expires_at = CASE WHEN ${blocked} THEN counter.expires_at ELSE ${expires} END
  RETURNING key, hits,
    ceil(extract(epoch FROM window_ends_at - now()))::int AS time_to_expire,
    coalesce(blocked_until > now(), false) AS blocked,
    coalesce(ceil(extract(epoch FROM blocked_until - now())), 0)::int AS time_to_block_expire`;
}

/** One hit for one key ($1), with the window ($2), limit ($3) and block ($4) of the throttler. */
const INCREMENT = countHitsSql('VALUES ($1::text)', { ttl: '$2', limit: '$3', block: '$4' });

const SWEEP = `DELETE FROM rate_limit_counters WHERE ctid = ANY (ARRAY(SELECT ctid FROM rate_limit_counters WHERE expires_at < now() LIMIT ${SWEEP_BATCH})) RETURNING 1`;

/** What countHitsSql answers per key. */
export interface CounterRow {
  hits: number;
  time_to_expire: number;
  blocked: boolean;
  time_to_block_expire: number;
}

/**
 * Counters in PostgreSQL (table rate_limit_counters, unlogged): one prepared upsert per counted
 * operation, about a millisecond (docs/benchmarks.md, npm run bench:limits). Keys arrive hashed.
 */
export class PostgresLimitStore implements LimitStore, OnModuleDestroy {
  private readonly logger = new Logger(PostgresLimitStore.name);
  private readonly sweeper: NodeJS.Timeout;

  constructor(private readonly dataSource: DataSource) {
    this.sweeper = setInterval(() => void this.sweep().catch((error) => this.logger.warn({ err: error }, 'Could not delete expired rate-limit counters')), SWEEP_INTERVAL_MS);
    this.sweeper.unref();
  }

  async increment(key: string, ttl: number, limit: number, blockDuration: number): Promise<LimitCount> {
    const [row] = await preparedQuery<CounterRow>(this.dataSource, INCREMENT, [key, ttl, limit, blockDuration]);
    return limitCountOf(row!);
  }

  /** Deletes up to a batch of counters that no longer count anything; returns how many. */
  async sweep(): Promise<number> {
    return countAffected(this.dataSource.manager, SWEEP, []);
  }

  onModuleDestroy(): void {
    clearInterval(this.sweeper);
  }
}

export const limitCountOf = (row: CounterRow): LimitCount => ({ totalHits: row.hits, timeToExpire: row.time_to_expire, isBlocked: row.blocked, timeToBlockExpire: row.time_to_block_expire });
