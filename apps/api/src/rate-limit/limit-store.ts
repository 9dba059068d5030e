import type { ThrottlerStorage } from '@nestjs/throttler';

/**
 * Where the rate limiter counts: the throttler's own storage interface (one call per counted
 * operation, answering the hits so far and any block), kept by every API process in one place —
 * PostgreSQL (PostgresLimitStore) or, when PAIRWISE_REDIS_URL is set, Redis (RedisLimitStore) — so
 * N processes enforce exactly the limits one process does.
 *
 * Both count the same way: a fixed window of `ttl` ms opened by a key's first hit; the hit that passes
 * `limit` blocks the key for `blockDuration` ms (the rest of the window when 0), during which nothing
 * more is counted; the first hit after a block opens a new window. Durations come back in whole
 * seconds, rounded up, as the throttler's in-memory storage gives them.
 */
export const LIMIT_STORE = Symbol('LIMIT_STORE');

/** What a counted hit answers (the throttler's ThrottlerStorageRecord, which its index does not export). */
export interface LimitCount {
  totalHits: number;
  /** Seconds left in the window. */
  timeToExpire: number;
  isBlocked: boolean;
  /** Seconds left in the block (0 when not blocked). */
  timeToBlockExpire: number;
}

export interface LimitStore extends ThrottlerStorage {
  increment(key: string, ttl: number, limit: number, blockDuration: number, throttlerName: string): Promise<LimitCount>;
}
