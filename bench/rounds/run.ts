import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { benchAttendeeTokens } from '../support/attendee-sessions';
import { createBenchDatabase, dropUnlessKept } from '../support/bench-database';
import { isMyMeeting, MY_MEETINGS, waitUntilReady } from '../support/my-meetings';
import { openLoopLoad, openLoopPool } from '../support/open-loop-load';
import { cpuMeter, peakRssMb } from '../support/process-cpu';
import { planRound } from '@pairwise/matching';
import { freePort } from '../../apps/api/src/common/free-port';
import { provenGapFor } from '../../apps/api/src/rounds/proven-gap';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../apps/api/src/database/data-source';
import { RoundRosterRepository } from '../../apps/api/src/rounds/round-roster.repository';
import type { GenerationTimings } from '../../apps/api/src/rounds/round.entity';
import { graphqlClient } from '../support/graphql-client';
import { parseOptions } from '../support/options';
import { benchApiNodeArgs, productionApiEnv, stopProcess } from '../support/api-process';

/**
 * `npm run bench:rounds [-- --attendees 5000 --rate 1000 --duration 20 --warmup 5 --workers 2 --generations 1]`
 * `npm run bench:rounds:10k` (10,000 attendees, the round generated 3 times, a short load phase)
 *
 * On real PostgreSQL (DATABASE_URL's server, else an embedded one):
 *  1. seeds an event of N present, consenting attendees with the real `pairwise demo` CLI;
 *  2. spawns the real API (`node dist/apps/api/src/main.js`, NODE_ENV=production) on 127.0.0.1,
 *     as PAIRWISE_WORKERS processes (default: one per CPU, as a deployment on this machine would);
 *  3. times generateRound + store (mutation → status GENERATED, polled; `generations` times, again with
 *     regenerate: the median is reported) with the phases the API measured (`progress { timings }`) and
 *     the CPU the API and PostgreSQL spent (/proc), then publishRound;
 *  4. has N distinct attendees fetch `myMeetings` over HTTP at a fixed arrival rate, open loop
 *     (bench/support/open-loop-load.ts), after a ramp: `warmup` seconds at half the rate, then as
 *     long at the full rate (connections and pools opened, code compiled), so the figures are
 *     those of a server in steady state; the ramp's own figures are printed too. The ramp and the
 *     measurement share one set of 100 keep-alive connections, as a proxy in front of the API would.
 *
 * Set BENCH_API_ARGS (e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof") to profile the API process,
 * BENCH_LOG_LEVEL to change its log level (default info, one JSON line per request, as in production),
 * BENCH_KEEP_DATABASE=1 to keep the seeded database (e.g. for EXPLAIN ANALYZE); its URL is printed.
 */
const run = promisify(execFile);
const root = path.resolve(__dirname, '../../..');
const cli = path.join(root, 'apps/cli/bin/pairwise.js');
const apiMain = path.join(root, 'dist/apps/api/src/main.js');

const DEFAULTS = { attendees: 5000, rate: 1000, duration: 20, warmup: 5, workers: os.availableParallelism(), generations: 1 };

interface Generation {
  seconds: number;
  load: number;
  timings: GenerationTimings;
  apiMs: number;
  apiMainMs: number;
  postgresMs: number;
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2), DEFAULTS);
  const database = await createBenchDatabase('rounds');
  const logDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pairwise-bench-rounds-'));
  let api: ChildProcess | undefined;
  try {
    // 1. Seed through the real CLI.
    let started = performance.now();
    const { stdout } = await run('node', [cli, 'demo', '--event', 'bench-rounds', '--attendees', String(options.attendees), '--present-share', '1', '--seed', 'bench-rounds', '--json'], {
      env: { ...process.env, DATABASE_URL: database.url, LOG_LEVEL: 'silent' },
      maxBuffer: 16 * 1024 * 1024,
    });
    const seedSeconds = (performance.now() - started) / 1000;
    const demo = JSON.parse(stdout) as { event: { id: string }; attendees: number; present: number; organiser: { email: string; accessCode: string } };
    log(`seeded ${demo.attendees} attendees (${demo.present} present) in ${seedSeconds.toFixed(2)} s`);

    // 2. The real API in a process of its own.
    const port = await freePort();
    const secret = randomBytes(32).toString('hex');
    const apiLogFile = path.join(logDir, 'api.log');
    const apiLog = fs.openSync(apiLogFile, 'w');
    api = spawn('node', [...benchApiNodeArgs(), apiMain], {
      cwd: logDir,
      env: productionApiEnv(database.url, port, { PAIRWISE_JWT_SECRET: secret, PAIRWISE_WORKERS: String(options.workers), LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'info' }),
      stdio: ['ignore', apiLog, apiLog],
    });
    const base = `http://127.0.0.1:${port}`;
    await waitUntilReady(apiLogFile, api);
    const gql = graphqlClient(`${base}/graphql`);
    const organiser = (await gql<{ login: { token: string } }>(`mutation ($c: String!) { login(input: {email: "${demo.organiser.email}", accessCode: $c}) { token } }`, { c: demo.organiser.accessCode })).login.token;

    // 3. Generate + store, then publish.
    const round = (await gql<{ createRound: { id: string } }>(
      `mutation ($e: ID!, $s: DateTime!) { createRound(input: {eventId: $e, name: "Benchmark round", startsAt: $s, durationMinutes: 15}) { id } }`,
      { e: demo.event.id, s: new Date(Date.now() + 3600_000).toISOString() },
      organiser,
    )).createRound;
    const loadBefore = os.loadavg()[0]!;
    const generations: Generation[] = [];
    for (let g = 0; g < options.generations; g++) {
      const load = os.loadavg()[0]!;
      const cpu = await cpuMeter(api.pid!, database.url);
      started = performance.now();
      await gql(`mutation ($r: ID!, $again: Boolean) { generateRound(input: {roundId: $r, regenerate: $again}) { status } }`, { r: round.id, again: g > 0 }, organiser);
      let status = 'GENERATING';
      let progress = null as { phase: string; error: string | null; timings: GenerationTimings | null } | null;
      const deadline = Date.now() + 300_000;
      while (status === 'GENERATING' && Date.now() < deadline) {
        await sleep(100);
        ({ status, progress } = (await gql<{ round: { status: string; progress: typeof progress } }>(
          `query ($r: ID!) { round(id: $r) { status progress { phase error timings { loadingMs matchingMs workerStartMs planMs resultTransferMs storingMs totalMs } } } }`,
          { r: round.id },
          organiser,
        )).round);
      }
      const seconds = (performance.now() - started) / 1000;
      if (status !== 'GENERATED' || !progress?.timings) throw new Error(`generation ended as ${status}: ${JSON.stringify(progress)}`);
      generations.push({ seconds, load, timings: progress.timings, ...(await cpu()) });
      const t = progress.timings;
      log(
        `generation ${g + 1}: ${seconds.toFixed(2)} s (load ${load.toFixed(2)}): loading ${t.loadingMs} ms, worker start ${t.workerStartMs} ms, planRound ${t.planMs} ms, ` +
          `plan back ${t.resultTransferMs} ms, storing ${t.storingMs} ms; CPU: API ${generations.at(-1)!.apiMs} ms (main thread ${generations.at(-1)!.apiMainMs} ms), PostgreSQL ${generations.at(-1)!.postgresMs} ms`,
      );
    }
    const generateSeconds = median(generations.map((g) => g.seconds));
    const peakRss = peakRssMb(api.pid!);
    log(`peak resident memory of an API process so far: ${peakRss} MB`);
    const stats = (await gql<{ round: { stats: { eligible: number; matched: number; pairs: number; trios: number; meanScore: number; certifiedOptimal: boolean; optimalityGap: number } } }>(
      `query ($r: ID!) { round(id: $r) { stats { eligible matched pairs trios meanScore certifiedOptimal optimalityGap } } }`,
      { r: round.id },
      organiser,
    )).round.stats;
    log(`generated ${stats.matched}/${stats.eligible} matched (${stats.pairs} pairs, ${stats.trios} trios; ${stats.certifiedOptimal ? 'certified optimal' : `within ${(stats.optimalityGap * 100).toPrecision(2)}% of the optimum`}) in ${generateSeconds.toFixed(2)} s (median of ${generations.length})`);
    const library = await libraryAlone(database.url, demo.event.id, round.id);
    log(`the library alone on the same roster, in this process: planRound ${library.planSeconds.toFixed(2)} s (CPU ${library.planCpuMs} ms)`);
    const publishCpu = await cpuMeter(api.pid!, database.url);
    started = performance.now();
    await gql(`mutation ($r: ID!) { publishRound(roundId: $r) { status } }`, { r: round.id }, organiser);
    const publishSeconds = (performance.now() - started) / 1000;
    const publishCpuMs = await publishCpu();
    log(`published in ${(publishSeconds * 1000).toFixed(0)} ms (CPU: API ${publishCpuMs.apiMs} ms, PostgreSQL ${publishCpuMs.postgresMs} ms)`);

    // 4. myMeetings by every attendee, open loop.
    const client = new Client({ connectionString: database.url });
    await client.connect();
    const ids = (await client.query<{ id: string }>(`SELECT id FROM attendees WHERE event_id = $1 ORDER BY random()`, [demo.event.id])).rows.map((r) => r.id);
    const tokens = await benchAttendeeTokens(client, demo.event.id, ids, secret);
    await client.end();
    const sample = await gql<{ myMeetings: { partners: unknown[] }[] }>(MY_MEETINGS, {}, tokens[0]);
    if (sample.myMeetings.length !== 1 || !sample.myMeetings[0]!.partners.length) throw new Error(`unexpected myMeetings: ${JSON.stringify(sample)}`);

    log(`warm-up: ${options.warmup} s at ${options.rate / 2} req/s, then ${options.warmup} s at ${options.rate} req/s`);
    // One set of keep-alive connections for the ramp and the measurement, as a proxy in front of the API keeps
    // its upstream connections: the measured seconds are not those of 100 connections being opened.
    const pool = openLoopPool(base);
    const fetchMyMeetings = (rate: number, seconds: number) => openLoopLoad({ url: `${base}/graphql`, body: JSON.stringify({ query: MY_MEETINGS }), rate, seconds, tokens, pool, verify: isMyMeeting });
    await fetchMyMeetings(options.rate / 2, options.warmup);
    const ramp = await fetchMyMeetings(options.rate, options.warmup);
    log(`ramp at ${options.rate} req/s: p50 / p99 / max ${ramp.latency.p50} / ${ramp.latency.p99} / ${ramp.latency.max} ms, ${ramp.errors} errors, at most ${ramp.peakOutstanding} outstanding`);
    const loadDuring = os.loadavg()[0]!;
    log(`measuring: ${options.duration} s at ${options.rate} req/s, open loop, ${tokens.length} distinct attendees`);
    const measured = await fetchMyMeetings(options.rate, options.duration);
    await pool.close();

    const rows: [string, string, string, string][] = [
      ['seed (`pairwise demo`, CLI start-up included)', `${options.attendees} attendees`, `${seedSeconds.toFixed(2)} s`, '—'],
      [
        `generateRound + store (mutation → GENERATED)${generations.length > 1 ? `, median of ${generations.length}` : ''}`,
        `${stats.eligible} present; ${stats.pairs} pairs, ${stats.trios} trios`,
        `${generateSeconds.toFixed(2)} s (CPU: API ${median(generations.map((g) => g.apiMs))} ms, PostgreSQL ${median(generations.map((g) => g.postgresMs))} ms)`,
        options.attendees >= 10_000 ? '< 6 s' : '< 10 s',
      ],
      ['peak resident memory of an API process (after generating)', `${options.workers} process${options.workers > 1 ? 'es' : ''}`, `${peakRss} MB`, '—'],
      ['planRound alone on the same roster (in the bench process)', `${stats.eligible} profiles`, `${library.planSeconds.toFixed(2)} s (CPU ${library.planCpuMs} ms)`, '—'],
      ['publishRound', `${stats.pairs + stats.trios} meetings`, `${(publishSeconds * 1000).toFixed(0)} ms (CPU: API ${publishCpuMs.apiMs} ms, PostgreSQL ${publishCpuMs.postgresMs} ms)`, '< 1 s'],
      ['myMeetings: offered / achieved rate', `${measured.requests} requests, ${measured.distinctTokens} distinct attendees, ${measured.connections} connections, at most ${measured.peakOutstanding} outstanding`, `${options.rate} / ${measured.achievedRate.toFixed(0)} req/s`, '≥ 1,000 req/s'],
      ['myMeetings: latency p50 / p90 / p99 / max', 'open loop, from when each request was due to its whole response', `${[measured.latency.p50, measured.latency.p90, measured.latency.p99, measured.latency.max].map((value) => value ?? 'n/a').join(' / ')} ms`, 'p99 < 100 ms'],
      ['myMeetings: errors', 'HTTP errors, network errors, 200s without the meeting', `${measured.errors}${measured.errors ? ` ${JSON.stringify(measured.errorsByKind)}` : ''}`, '0'],
    ];
    process.stdout.write(`\nRounds benchmark, ${database.server}, Node ${process.version}, ${os.cpus().length} cores, API in ${options.workers} process${options.workers > 1 ? 'es' : ''}, load average ${loadBefore.toFixed(2)} before generating, ${loadDuring.toFixed(2)} before measuring\n\n`);
    process.stdout.write('| what | size | measured | target |\n|---|---|---|---|\n');
    for (const row of rows) process.stdout.write(`| ${row.join(' | ')} |\n`);
    process.stdout.write(`\nGenerations (wall s, load average, phases in ms: loading / worker start / planRound / plan back / storing; CPU ms: API (its main thread) / PostgreSQL):\n`);
    for (const g of generations) {
      const t = g.timings;
      process.stdout.write(`- ${g.seconds.toFixed(2)} s at load ${g.load.toFixed(2)}: ${t.loadingMs} / ${t.workerStartMs} / ${t.planMs} / ${t.resultTransferMs} / ${t.storingMs}; CPU ${g.apiMs} (${g.apiMainMs}) / ${g.postgresMs}\n`);
    }
    process.stdout.write(`\nSlowest myMeetings response per second of the measurement (ms): ${measured.slowestBySecond.join(' ')}\n`);
    process.stdout.write(`API log: ${path.join(logDir, 'api.log')}\n`);
  } finally {
    await stopProcess(api);
    await dropUnlessKept(database);
  }
}

/**
 * The matching library alone on the roster the API matched (read with the API's own RoundRosterRepository), with the
 * API's options, in this process: the yardstick for what the API adds around it (roster, worker, storing).
 */
async function libraryAlone(databaseUrl: string, eventId: string, roundId: string): Promise<{ planSeconds: number; planCpuMs: number }> {
  const dataSource = new DataSource(dataSourceOptions(databaseUrl, { extra: { max: 1, application_name: 'pairwise-bench' } }));
  await dataSource.initialize();
  try {
    const roster = await new RoundRosterRepository(dataSource).load(eventId, roundId);
    const cpu = process.cpuUsage();
    const started = performance.now();
    planRound({ profiles: roster.profiles, pastPairs: roster.pastPairs, sitOutCounts: roster.sitOutCounts, busy: [], seed: roundId, policy: 'trio', fairness: 'none', weights: {}, maxGap: provenGapFor(roster.profiles.length) });
    const planSeconds = (performance.now() - started) / 1000;
    const used = process.cpuUsage(cpu);
    return { planSeconds, planCpuMs: Math.round((used.user + used.system) / 1000) };
  } finally {
    await dataSource.destroy();
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)]!;
const sleep = (millis: number) => new Promise((resolve) => setTimeout(resolve, millis));
const log = (line: string) => process.stderr.write(`${line}\n`);

main().catch((error) => {
  process.stderr.write(`${error?.stack ?? error}\n`);
  process.exit(1);
});
