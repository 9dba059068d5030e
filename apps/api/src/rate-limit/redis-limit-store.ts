import { Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import Redis from 'ioredis';
import type { LimitCount, LimitStore } from './limit-store';

/** Keys live under this prefix, so one Redis may serve other applications (or several test runs) too. */
export const REDIS_KEY_PREFIX = 'pairwise:limit:';
/** A counter call that Redis does not answer within this is let through (see increment). */
const COMMAND_TIMEOUT_MS = 1_000;
/** At most one "Redis is unreachable" warning this often, however many requests meet it. */
const WARN_EVERY_MS = 10_000;

/**
 * The same counting as PostgresLimitStore (see limit-store.ts), in one Lua script, which Redis runs
 * atomically: KEYS[1] counts the window's hits and expires with it, KEYS[2] exists while the key is
 * blocked. Redis's own key expiry is the clean-up. Returns hits, ms left in the window, blocked (0/1),
 * ms left in the block.
 */
const INCREMENT_SCRIPT = `
local ttl, limit, block = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3])
local blocked = redis.call('PTTL', KEYS[2])
if blocked > 0 then
  return {limit + 1, math.max(redis.call('PTTL', KEYS[1]), 0), 1, blocked}
end
local hits = redis.call('INCR', KEYS[1])
if hits == 1 then redis.call('PEXPIRE', KEYS[1], ttl) end
local window = redis.call('PTTL', KEYS[1])
if window < 0 then
  redis.call('PEXPIRE', KEYS[1], ttl)
  window = ttl
end
if hits > limit then
  local length = block
  if length <= 0 then length = window end
  redis.call('SET', KEYS[2], '1', 'PX', length)
  redis.call('DEL', KEYS[1])
  return {hits, window, 1, length}
end
return {hits, window, 0, 0}`;

type Counted = [hits: number, windowMs: number, blocked: number, blockMs: number];
type WithIncrement = Redis & { pairwiseLimitIncrement(hitsKey: string, blockKey: string, ttl: number, limit: number, block: number): Promise<Counted> };

/**
 * Counters in Redis (PAIRWISE_REDIS_URL). An unreachable Redis at start stops the start (a wrong URL is
 * seen at once); later, a counter call that fails or times out lets the request through and logs a
 * warning — the rate limit guards capacity, not secrets: sign-in guessing stays throttled in PostgreSQL
 * (SignInThrottle) whatever Redis does.
 */
export class RedisLimitStore implements LimitStore, OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(RedisLimitStore.name);
  private readonly redis: WithIncrement;
  private lastWarning = 0;
  private connecting?: Promise<void>;
  private closing?: Promise<void>;

  constructor(url: string) {
    this.redis = new Redis(url, {
      lazyConnect: true,
      commandTimeout: COMMAND_TIMEOUT_MS,
      // Fail a call at once while disconnected rather than queueing it behind reconnection attempts.
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
    }) as WithIncrement;
    this.redis.defineCommand('pairwiseLimitIncrement', { numberOfKeys: 2, lua: INCREMENT_SCRIPT });
    this.redis.on('error', (error) => this.warn(error));
  }

  /** Once, however many modules hold this store (the throttler's module registers it again as its storage). */
  onModuleInit(): Promise<void> {
    this.connecting ??= this.redis
      .connect()
      .then(() => this.redis.ping())
      .then(
        () => undefined,
        (error: Error) => {
          this.redis.disconnect();
          throw new Error(`PAIRWISE_REDIS_URL: cannot reach Redis (${error.message})`);
        },
      );
    return this.connecting;
  }

  async increment(key: string, ttl: number, limit: number, blockDuration: number): Promise<LimitCount> {
    // A hash tag ({…}): both keys of one counter sit on the same Redis Cluster node, as a script needs.
    const base = `${REDIS_KEY_PREFIX}{${key}}`;
    try {
      const [hits, windowMs, blocked, blockMs] = await this.redis.pairwiseLimitIncrement(`${base}:hits`, `${base}:block`, ttl, limit, blockDuration);
      return { totalHits: hits, timeToExpire: Math.ceil(windowMs / 1000), isBlocked: blocked === 1, timeToBlockExpire: Math.ceil(blockMs / 1000) };
    } catch (error) {
      this.warn(error as Error);
      return { totalHits: 0, timeToExpire: Math.ceil(ttl / 1000), isBlocked: false, timeToBlockExpire: 0 };
    }
  }

  onModuleDestroy(): Promise<void> {
    this.closing ??= this.redis.quit().then(
      () => undefined,
      () => this.redis.disconnect(),
    );
    return this.closing;
  }

  private warn(error: Error): void {
    if (Date.now() - this.lastWarning < WARN_EVERY_MS) return;
    this.lastWarning = Date.now();
    this.logger.warn({ err: error }, 'Redis did not answer a rate-limit count: requests are let through uncounted until it does');
  }
}
