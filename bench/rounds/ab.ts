import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { benchAttendeeTokens } from '../support/attendee-sessions';
import { freePort } from '../../apps/api/src/common/free-port';
import { isMyMeeting, MY_MEETINGS, waitUntilReady } from '../support/my-meetings';
import { openLoopLoad, openLoopPool } from '../support/open-loop-load';
import { cpuMillis } from '../support/process-cpu';

/**
 * `node dist/bench/rounds/ab.js <build A> <build B> [--rate 300 --seconds 15 --rounds 3]`
 *
 * Which of two builds of the API spends less CPU per `myMeetings`: both are served at once, one
 * process each, on the database DATABASE_URL names (a round already published: keep the one of
 * `bench:rounds` with BENCH_KEEP_DATABASE=1), each under its own open-loop load at the same rate;
 * the CPU each process used is read from /proc. Served at the same time, both meet the same
 * machine: on a VM whose speed drifts by tens of percent within an hour, runs one after the other
 * cannot show a 10% change, this can. A build is a checkout's root with `npm run build` done.
 */
interface Served {
  name: string;
  process: ChildProcess;
  base: string;
}

async function main(): Promise<void> {
  const [rootA, rootB, ...rest] = process.argv.slice(2);
  const databaseUrl = process.env.DATABASE_URL;
  if (!rootA || !rootB || !databaseUrl) throw new Error('usage: DATABASE_URL=… ab.js <build A> <build B> [--rate R] [--seconds S] [--rounds N]');
  const option = (name: string, fallback: number) => {
    const at = rest.indexOf(`--${name}`);
    return at >= 0 ? Number(rest[at + 1]) : fallback;
  };
  const rate = option('rate', 300);
  const seconds = option('seconds', 15);
  const rounds = option('rounds', 3);

  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  const event = (await client.query<{ event_id: string }>(`SELECT event_id FROM rounds WHERE status = 'PUBLISHED' LIMIT 1`)).rows[0]?.event_id;
  if (!event) throw new Error('no published round in this database: run bench:rounds with BENCH_KEEP_DATABASE=1 first');
  const ids = (await client.query<{ attendee_id: string }>(`SELECT attendee_id FROM meeting_participants p JOIN rounds r ON r.id = p.round_id WHERE r.event_id = $1 ORDER BY random()`, [event])).rows;
  const secret = randomBytes(32).toString('hex');
  const tokens = await benchAttendeeTokens(client, event, ids.map(({ attendee_id }) => attendee_id), secret);
  await client.end();

  const served: Served[] = [];
  try {
    for (const [name, root] of [['A', rootA], ['B', rootB]] as const) served.push(await serve(name, path.resolve(root), databaseUrl, secret));
    const pools = served.map(({ base }) => openLoopPool(base));
    const load = () =>
      Promise.all(served.map(({ base }, i) => openLoopLoad({ url: `${base}/graphql`, body: JSON.stringify({ query: MY_MEETINGS }), rate, seconds, tokens, pool: pools[i], verify: isMyMeeting })));
    log(`warming up both builds: ${2 * seconds} s at ${rate} req/s each`);
    await load();
    await load();
    const ratios: number[] = [];
    for (let round = 1; round <= rounds; round++) {
      const before = served.map(({ process }) => cpuMillis(process.pid!));
      const results = await load();
      const perRequest = served.map(({ process }, i) => (cpuMillis(process.pid!) - before[i]!) / results[i]!.requests);
      ratios.push(perRequest[1]! / perRequest[0]!);
      const errors = results.map((result) => result.errors).join(' / ');
      process.stdout.write(`round ${round}: A ${perRequest[0]!.toFixed(3)} ms, B ${perRequest[1]!.toFixed(3)} ms of CPU per request; B/A ${ratios.at(-1)!.toFixed(3)}; errors ${errors}\n`);
    }
    process.stdout.write(`B/A mean ${(ratios.reduce((sum, ratio) => sum + ratio, 0) / ratios.length).toFixed(3)} over ${rounds} rounds of ${seconds} s at ${rate} req/s each\n`);
    await Promise.all(pools.map((pool) => pool.close()));
  } finally {
    for (const { process } of served) process.kill('SIGTERM');
  }
}

/** One API process of the build at `root`, listening on a free port of 127.0.0.1. */
async function serve(name: string, root: string, databaseUrl: string, secret: string): Promise<Served> {
  const port = await freePort();
  const logFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), `pairwise-ab-${name}-`)), 'api.log');
  const output = fs.openSync(logFile, 'w');
  const api = spawn('node', [path.join(root, 'dist/apps/api/src/main.js')], {
    env: { ...process.env, DATABASE_URL: databaseUrl, PORT: String(port), HOST: '127.0.0.1', NODE_ENV: 'production', PAIRWISE_JWT_SECRET: secret, PAIRWISE_WORKERS: '1', LOG_LEVEL: 'info' },
    stdio: ['ignore', output, output],
  });
  await waitUntilReady(logFile, api);
  return { name, process: api, base: `http://127.0.0.1:${port}` };
}

const log = (line: string) => process.stderr.write(`${line}\n`);

main().catch((error) => {
  process.stderr.write(`${error?.stack ?? error}\n`);
  process.exit(1);
});
