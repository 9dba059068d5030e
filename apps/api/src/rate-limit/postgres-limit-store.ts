import { Logger, type OnModuleDestroy } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { preparedQuery } from '../common/prepared-statement';
import { countAffected } from '../common/sql';
import type { LimitCount, LimitStore } from './limit-store';

/** Expired counters are deleted this often, by every process, a bounded batch at a time. */
export const SWEEP_INTERVAL_MS = 60_000;
const SWEEP_BATCH = 1_000;

const TTL = `make_interval(secs => $2::float8 / 1000)`;
/** When a block that starts now ends: after `blockDuration` ($4), or with the window when that is 0. */
const blockEnd = (windowEnd: string) => `CASE WHEN $4::float8 > 0 THEN now() + make_interval(secs => $4::float8 / 1000) ELSE ${windowEnd} END`;
/** The row's old values are blocked (nothing counted) … */
const BLOCKED = `c.blocked_until > now()`;
/** … or start a new window: the old one is over, or a block just ended. */
const FRESH = `(c.window_ends_at <= now() OR c.blocked_until IS NOT NULL)`;

/**
 * One statement counts a hit and answers, atomically: INSERT … ON CONFLICT DO UPDATE locks the key's
 * row, so hits from any number of processes at once are each counted once, in some order.
 */
const INCREMENT = `
  INSERT INTO rate_limit_counters AS c (key, hits, window_ends_at, blocked_until, expires_at)
  VALUES ($1, 1, now() + ${TTL}, CASE WHEN 1 > $3::int THEN ${blockEnd(`now() + ${TTL}`)} END, now() + greatest(${TTL}, make_interval(secs => $4::float8 / 1000)))
  ON CONFLICT (key) DO UPDATE SET
    hits = CASE WHEN ${BLOCKED} THEN c.hits WHEN ${FRESH} THEN 1 ELSE c.hits + 1 END,
    window_ends_at = CASE WHEN ${BLOCKED} THEN c.window_ends_at WHEN ${FRESH} THEN now() + ${TTL} ELSE c.window_ends_at END,
    blocked_until = CASE
      WHEN ${BLOCKED} THEN c.blocked_until
      WHEN ${FRESH} THEN CASE WHEN 1 > $3::int THEN ${blockEnd(`now() + ${TTL}`)} END
      WHEN c.hits + 1 > $3::int THEN ${blockEnd('c.window_ends_at')}
    END,
    expires_at = CASE WHEN ${BLOCKED} THEN c.expires_at ELSE now() + greatest(${TTL}, make_interval(secs => $4::float8 / 1000)) END
  RETURNING hits,
    ceil(extract(epoch FROM window_ends_at - now()))::int AS time_to_expire,
    coalesce(blocked_until > now(), false) AS blocked,
    coalesce(ceil(extract(epoch FROM blocked_until - now())), 0)::int AS time_to_block_expire`;

const SWEEP = `DELETE FROM rate_limit_counters WHERE ctid = ANY (ARRAY(SELECT ctid FROM rate_limit_counters WHERE expires_at < now() LIMIT ${SWEEP_BATCH})) RETURNING 1`;

interface CounterRow {
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
    return { totalHits: row!.hits, timeToExpire: row!.time_to_expire, isBlocked: row!.blocked, timeToBlockExpire: row!.time_to_block_expire };
  }

  /** Deletes up to a batch of counters that no longer count anything; returns how many. */
  async sweep(): Promise<number> {
    return countAffected(this.dataSource.manager, SWEEP, []);
  }

  onModuleDestroy(): void {
    clearInterval(this.sweeper);
  }
}
