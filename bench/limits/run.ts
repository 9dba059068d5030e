import { randomBytes } from 'node:crypto';
import os from 'node:os';
import { ThrottlerStorageService } from '@nestjs/throttler';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../apps/api/src/database/data-source';
import type { LimitStore } from '../../apps/api/src/rate-limit/limit-store';
import { PostgresLimitStore } from '../../apps/api/src/rate-limit/postgres-limit-store';
import { RedisLimitStore } from '../../apps/api/src/rate-limit/redis-limit-store';
import { createBenchDatabase } from '../support/bench-database';

/**
 * What counting a request costs in each limit store: one `increment` is what every GraphQL operation adds
 * (a sign-in adds two: the request limit and the sign-in limit). Sequential calls (the latency one request
 * pays) and 16 callers at once (a burst), on keys spread over 1,000 callers as real traffic is, with the
 * pool size the API uses (PAIRWISE_DB_POOL_SIZE, 4). The throttler's in-memory storage, which counted per
 * process before, is the baseline. Redis: PAIRWISE_REDIS_URL, else 127.0.0.1:6379.
 */
const CALLS = Number(process.env.BENCH_CALLS ?? 5_000);
const CONCURRENCY = 16;
const CALLERS = 1_000;

async function timeCalls(store: LimitStore, prefix: string, concurrency: number): Promise<number[]> {
  const durations: number[] = [];
  let next = 0;
  const lane = async () => {
    while (next < CALLS) {
      const index = next++;
      const started = process.hrtime.bigint();
      await store.increment(`${prefix}:${index % CALLERS}`, 60_000, 1_000_000, 60_000, 'default');
      durations.push(Number(process.hrtime.bigint() - started) / 1e6);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, lane));
  return durations.sort((a, b) => a - b);
}

const at = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
const row = (name: string, mode: string, sorted: number[], wallMs: number) =>
  `| ${name} | ${mode} | ${at(sorted, 0.5).toFixed(2)} | ${(sorted.reduce((sum, ms) => sum + ms, 0) / sorted.length).toFixed(2)} | ${at(sorted, 0.99).toFixed(2)} | ${Math.round((CALLS / wallMs) * 1000)} |`;

async function main(): Promise<void> {
  const database = await createBenchDatabase('limits');
  const dataSource = new DataSource(dataSourceOptions(database.url, { extra: { max: 4 } }));
  await dataSource.initialize();
  const postgres = new PostgresLimitStore(dataSource);
  const redis = new RedisLimitStore(process.env.PAIRWISE_REDIS_URL ?? 'redis://127.0.0.1:6379');
  await redis.onModuleInit();
  const memory = new ThrottlerStorageService();
  const lines = ['| store | callers at once | p50 ms | mean ms | p99 ms | counts/s |', '|---|---|---|---|---|---|'];
  try {
    for (const [name, store] of [['in-memory (one process only)', memory], ['PostgreSQL', postgres], ['Redis', redis]] as const) {
      await timeCalls(store, `warm-${randomBytes(4).toString('hex')}`, 4); // prepared statements, script cache, JIT
      for (const concurrency of [1, CONCURRENCY]) {
        const started = process.hrtime.bigint();
        const sorted = await timeCalls(store, `bench-${randomBytes(4).toString('hex')}`, concurrency);
        lines.push(row(name, String(concurrency), sorted, Number(process.hrtime.bigint() - started) / 1e6));
      }
    }
  } finally {
    postgres.onModuleDestroy();
    memory.onApplicationShutdown();
    await redis.onModuleDestroy();
    await dataSource.destroy();
    await database.close();
  }
  process.stdout.write(`${CALLS} counts per line, ${CALLERS} callers; ${database.server}; load average ${os.loadavg()[0]!.toFixed(1)}\n${lines.join('\n')}\n`);
}

main().catch((error: Error) => {
  process.stderr.write(`${error.stack ?? error}\n`);
  process.exit(1);
});
