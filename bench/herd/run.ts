import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { benchAttendeeTokens } from '../support/attendee-sessions';
import { createBenchDatabase, dropUnlessKept, type BenchDatabase } from '../support/bench-database';
import { isMyMeeting, MY_MEETINGS, waitUntilReady } from '../support/my-meetings';
import { startNginxProxy, type NginxProxy } from '../support/nginx-proxy';
import { openLoopLoad, openLoopPool, rampSchedule } from '../support/open-loop-load';
import { cpuMillis, processTree } from '../support/process-cpu';
import { freePort } from '../../apps/api/src/common/free-port';
import { graphqlClient } from '../support/graphql-client';
import { parseOptions } from '../support/options';
import { benchApiNodeArgs, productionApiEnv, stopProcess } from '../support/api-process';

/**
 * `npm run bench:herd [-- --attendees 10000 --rate 1000 --ramp 10 --apis 2 --connections 100 --nginx-workers 1]`
 *
 * The herd (issue 16): right after a round of N attendees is published, every attendee asks for
 * `myMeetings`, through nginx, from API processes that are separate replicas. On real PostgreSQL
 * (DATABASE_URL's server, in a database of its own, dropped at the end; else an embedded server):
 *  1. seeds an event of N present, consenting attendees with the real `pairwise demo` CLI, and signs
 *     every attendee in (a session row each, in one statement, and a token signed as the API signs);
 *  2. starts `apis` real API processes (`node dist/apps/api/src/main.js`, NODE_ENV=production, `info`
 *     logs as in production) on ports of their own, behind nginx with a generated configuration
 *     (docs/deploy/nginx.conf's; PAIRWISE_TRUST_PROXY=1);
 *  3. through the proxy, as the organiser: creates, generates and publishes the round; the publish is
 *     timed as the client sees it (request sent → response read);
 *  4. at once, the herd: every attendee asks for `myMeetings` once, with their own token, open loop
 *     (bench/support/open-loop-load.ts: request i leaves when it is due whether or not earlier ones were
 *     answered; latency from when it was due), the rate climbing linearly from 0 to `rate` over `ramp`
 *     seconds and holding there until all N have asked. A non-200, a 200 without the meeting or with
 *     GraphQL errors, and a request unanswered within 10 s are errors.
 * It reports the latency percentiles, the rate achieved, and the CPU each part spent during the herd
 * (/proc): each API process, the PostgreSQL backends of the bench database, nginx, and this generator,
 * which shares the machine's cores with them — CPU per request says what the herd costs whatever else
 * the machine runs.
 *
 * BENCH_API_ARGS (e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof") is passed to every API process's node;
 * BENCH_LOG_LEVEL changes their log level; BENCH_KEEP_DATABASE=1 keeps the database (its URL is printed).
 * Every process started here is stopped on exit, on failure and on Ctrl-C.
 */
const run = promisify(execFile);
const root = path.resolve(__dirname, '../../..');
const cli = path.join(root, 'apps/cli/bin/pairwise.js');
const apiMain = path.join(root, 'dist/apps/api/src/main.js');

const DEFAULTS = { attendees: 10_000, rate: 1000, ramp: 10, apis: 2, connections: 100, 'nginx-workers': 1 };

interface Api {
  process: ChildProcess;
  port: number;
  logFile: string;
}

const children = new Set<ChildProcess>();

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2), DEFAULTS);
  const logDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pairwise-bench-herd-'));
  let database: BenchDatabase | undefined;
  let nginx: NginxProxy | undefined;
  const apis: Api[] = [];
  const stopAll = async () => {
    await nginx?.stop();
    await Promise.all(apis.map((api) => stopProcess(api.process)));
    if (database) await dropUnlessKept(database);
    database = undefined;
  };
  // Ctrl-C or a kill: stop what was started, then go.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      log(`${signal}: stopping the processes started`);
      void stopAll().finally(() => process.exit(130));
    });
  }
  try {
    database = await createBenchDatabase('herd');

    // 1. Seed through the real CLI; sign everyone in.
    let started = performance.now();
    const { stdout } = await run('node', [cli, 'demo', '--event', 'bench-herd', '--attendees', String(options.attendees), '--present-share', '1', '--seed', 'bench-herd', '--json'], {
      env: { ...process.env, DATABASE_URL: database.url, LOG_LEVEL: 'silent' },
      maxBuffer: 16 * 1024 * 1024,
    });
    const demo = JSON.parse(stdout) as { event: { id: string }; attendees: number; present: number; organiser: { email: string; accessCode: string } };
    log(`seeded ${demo.attendees} attendees (${demo.present} present) in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    const secret = randomBytes(32).toString('hex');
    started = performance.now();
    const client = new Client({ connectionString: database.url });
    await client.connect();
    const ids = (await client.query<{ id: string }>(`SELECT id FROM attendees WHERE event_id = $1 ORDER BY random()`, [demo.event.id])).rows.map((row) => row.id);
    const tokens = await benchAttendeeTokens(client, demo.event.id, ids, secret);
    await client.end();
    log(`signed ${tokens.length} attendees in (sessions and tokens) in ${((performance.now() - started) / 1000).toFixed(1)} s`);

    // 2. The API processes, then nginx in front of them.
    for (let i = 0; i < options.apis; i++) {
      const port = await freePort();
      const logFile = path.join(logDir, `api-${i + 1}.log`);
      const out = fs.openSync(logFile, 'w');
      const child = spawn('node', [...benchApiNodeArgs(), apiMain], {
        cwd: logDir,
        env: productionApiEnv(database.url, port, {
          PAIRWISE_JWT_SECRET: secret,
          PAIRWISE_WORKERS: '1',
          PAIRWISE_TRUST_PROXY: '1',
          LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'info',
        }),
        stdio: ['ignore', out, out],
      });
      children.add(child);
      child.once('exit', () => children.delete(child));
      apis.push({ process: child, port, logFile });
    }
    for (const api of apis) await waitUntilReady(api.logFile, api.process);
    nginx = await startNginxProxy({ listen: await freePort(), upstreams: apis.map((api) => api.port), dir: logDir, workers: options['nginx-workers'], track: (child) => children.add(child) });
    log(`${apis.length} API processes (pids ${apis.map((api) => api.process.pid).join(', ')}) behind nginx at ${nginx.url}`);
    const gql = graphqlClient(`${nginx.url}/graphql`);

    // 3. Generate and publish, as the organiser, through the proxy.
    const organiser = (await gql<{ login: { token: string } }>(`mutation ($e: String!, $c: String!) { login(input: {email: $e, accessCode: $c}) { token } }`, { e: demo.organiser.email, c: demo.organiser.accessCode })).login.token;
    const round = (await gql<{ createRound: { id: string } }>(
      `mutation ($e: ID!, $s: DateTime!) { createRound(input: {eventId: $e, name: "Herd round", startsAt: $s, durationMinutes: 15}) { id } }`,
      { e: demo.event.id, s: new Date(Date.now() + 3600_000).toISOString() },
      organiser,
    )).createRound;
    started = performance.now();
    await gql(`mutation ($r: ID!) { generateRound(input: {roundId: $r}) { status } }`, { r: round.id }, organiser);
    let status = 'GENERATING';
    const deadline = Date.now() + 600_000;
    while (status === 'GENERATING' && Date.now() < deadline) {
      await sleep(250);
      status = (await gql<{ round: { status: string } }>(`query ($r: ID!) { round(id: $r) { status } }`, { r: round.id }, organiser)).round.status;
    }
    if (status !== 'GENERATED') throw new Error(`generation ended as ${status}`);
    const generateSeconds = (performance.now() - started) / 1000;
    const stats = (await gql<{ round: { stats: { matched: number; pairs: number; trios: number } } }>(`query ($r: ID!) { round(id: $r) { stats { matched pairs trios } } }`, { r: round.id }, organiser)).round.stats;
    log(`generated: ${stats.matched} matched, ${stats.pairs} pairs, ${stats.trios} trios in ${generateSeconds.toFixed(2)} s (wall, polled every 250 ms)`);

    // The generator's connections are opened before the publish: phones that have the app open are already connected.
    const pool = openLoopPool(nginx.url, options.connections);
    const loadBefore = os.loadavg();
    const publishCpu = cpuSnapshot(apis, nginx, await postgresBackends(database.url));
    started = performance.now();
    await gql(`mutation ($r: ID!) { publishRound(roundId: $r) { status } }`, { r: round.id }, organiser);
    const publishMs = performance.now() - started;

    // 4. The herd, at once.
    const herdCpu = cpuSnapshot(apis, nginx, await postgresBackends(database.url));
    const machineBefore = machineTicks();
    const generatorBefore = process.cpuUsage();
    const publishSpent = publishCpu.spent(await postgresBackends(database.url));
    log(`published ${stats.pairs + stats.trios} meetings in ${publishMs.toFixed(0)} ms as the client saw it (CPU: API ${publishSpent.apis.join(' + ')} ms, PostgreSQL ${publishSpent.postgres} ms)`);
    log(`herd: ${tokens.length} attendees, the rate from 0 to ${options.rate} req/s over ${options.ramp} s, then held; open loop over ${options.connections} connections to nginx`);
    const herd = await openLoopLoad({
      url: `${nginx.url}/graphql`,
      body: JSON.stringify({ query: MY_MEETINGS }),
      rate: options.rate,
      seconds: 0,
      schedule: rampSchedule(tokens.length, options.rate, options.ramp),
      tokens,
      pool,
      verify: isMyMeeting,
    });
    const generatorUsage = process.cpuUsage(generatorBefore);
    const generatorMs = Math.round((generatorUsage.user + generatorUsage.system) / 1000);
    const machine = machineTicks(machineBefore);
    const spent = herdCpu.spent(await postgresBackends(database.url));
    const loadAfter = os.loadavg();
    await pool.close();

    // What the herd's last attendee reads is what the first read: a spot check of the data, not only of its shape.
    const check = (await gql<{ myMeetings: { partners: { name: string }[] }[] }>(MY_MEETINGS, {}, tokens.at(-1))).myMeetings;
    if (check.length !== 1 || check[0]!.partners.length < 1) throw new Error(`unexpected myMeetings after the herd: ${JSON.stringify(check)}`);

    const requests = herd.requests;
    const perRequest = (ms: number) => (ms / requests).toFixed(3);
    const apiTotal = spent.apis.reduce((sum, ms) => sum + ms, 0);
    const allMs = apiTotal + spent.postgres + spent.nginx + generatorMs;
    const lastSecond = herd.dueBySecond.length;
    const rows: [string, string][] = [
      ['attendees (present, consenting), meetings', `${demo.attendees}, ${stats.pairs + stats.trios} (${stats.pairs} pairs, ${stats.trios} trios)`],
      ['generateRound + store (wall, polled; bench:rounds:10k measures it properly)', `${generateSeconds.toFixed(2)} s`],
      ['**publishRound, as the client sees it** (target < 1 s)', `**${publishMs.toFixed(0)} ms** (CPU: API ${publishSpent.apis.join(' + ')} ms, PostgreSQL ${publishSpent.postgres} ms)`],
      ['herd: requests, distinct attendees', `${requests}, ${herd.distinctTokens}`],
      ['herd: schedule', `0 → ${options.rate} req/s over ${options.ramp} s, then ${options.rate} req/s: all due within ${lastSecond} s; ${options.connections} keep-alive connections to nginx (${options['nginx-workers']} worker), ${apis.length} API processes`],
      ['herd: achieved rate (completed / wall)', `${herd.achievedRate.toFixed(0)} req/s over the whole herd`],
      ['**herd: errors** (non-200, GraphQL errors or no meeting, no answer in 10 s)', `**${herd.errors}**${herd.errors ? ` ${JSON.stringify(herd.errorsByKind)}` : ''}`],
      ['**herd: latency p50 / p90 / p99 / max** (from when due to the whole response; target p99 < 200 ms)', `**${[herd.latency.p50, herd.latency.p90, herd.latency.p99, herd.latency.max].map((value) => value ?? 'n/a').join(' / ')} ms**`],
      ['herd: at most outstanding (in flight or queued in the generator)', `${herd.peakOutstanding}`],
      ['CPU during the herd: API processes', `${spent.apis.map((ms) => `${ms} ms`).join(' + ')} = ${apiTotal} ms (${perRequest(apiTotal)} ms per request)`],
      ['CPU during the herd: PostgreSQL (the bench database\'s backends)', `${spent.postgres} ms (${perRequest(spent.postgres)} ms per request)`],
      ['CPU during the herd: nginx', `${spent.nginx} ms (${perRequest(spent.nginx)} ms per request)`],
      ['CPU during the herd: this load generator', `${generatorMs} ms (${perRequest(generatorMs)} ms per request)`],
      ['CPU during the herd: all of the above, per request', `${perRequest(allMs)} ms, i.e. ${((allMs / 1000 / (machine.wallMs / 1000)) * 100 / os.availableParallelism()).toFixed(0)}% of ${os.availableParallelism()} cores over the herd's ${(machine.wallMs / 1000).toFixed(1)} s`],
      ['machine busy during the herd (/proc/stat, everything running)', `${machine.busyPercent.toFixed(0)}% of ${os.availableParallelism()} cores`],
      ['load average (1, 5, 15 min) before publishing → after the herd', `${loadBefore.map((l) => l.toFixed(2)).join(', ')} → ${loadAfter.map((l) => l.toFixed(2)).join(', ')}`],
    ];
    process.stdout.write(`\nHerd benchmark, ${database.server}, Node ${process.version}, ${os.cpus().length} cores (${os.cpus()[0]?.model.trim()}), ${new Date().toISOString()}\n\n`);
    process.stdout.write('| what | measured |\n|---|---|\n');
    for (const row of rows) process.stdout.write(`| ${row.join(' | ')} |\n`);
    process.stdout.write(`\nRequests due per second: ${herd.dueBySecond.join(' ')}\n`);
    process.stdout.write(`Slowest response per second (ms): ${herd.slowestBySecond.join(' ')}\n`);
    process.stdout.write(`API logs: ${apis.map((api) => api.logFile).join(', ')}\n`);
    if (herd.errors > 0) process.exitCode = 1;
  } finally {
    await stopAll();
  }
}

/** SIGTERM (the API drains and exits; a --cpu-prof profile is written then), SIGKILL after 30 s. */
/** The bench database's PostgreSQL backends now (the server must run on this machine). */
async function postgresBackends(databaseUrl: string): Promise<number[]> {
  const client = new Client({ connectionString: databaseUrl });
  client.on('error', () => undefined);
  await client.connect();
  try {
    const database = new URL(databaseUrl).pathname.slice(1);
    return (await client.query<{ pid: number }>(`SELECT pid FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`, [database])).rows.map((row) => row.pid);
  } finally {
    await client.end();
  }
}

/** CPU so far of each API process (with its threads), nginx (master and workers) and PostgreSQL backends; `spent` gives what each used since. */
function cpuSnapshot(apis: Api[], nginx: NginxProxy, backends: number[]) {
  const apiBefore = apis.map((api) => cpuMillis(api.process.pid!));
  const nginxPids = processTree(nginx.process.pid!);
  const nginxBefore = nginxPids.map((pid) => cpuMillis(pid));
  const postgresBefore = new Map(backends.map((pid) => [pid, cpuMillis(pid)]));
  return {
    /** A backend that appeared meanwhile counts whole. */
    spent: (backendsNow: number[]) => ({
      apis: apis.map((api, i) => cpuMillis(api.process.pid!) - apiBefore[i]!),
      nginx: nginxPids.reduce((sum, pid, i) => sum + cpuMillis(pid) - nginxBefore[i]!, 0),
      postgres: [...new Set([...backends, ...backendsNow])].reduce((sum, pid) => sum + cpuMillis(pid) - (postgresBefore.get(pid) ?? 0), 0),
    }),
  };
}

/** The whole machine's busy and total CPU ticks (/proc/stat); with `since`, the share busy since then. */
function machineTicks(): { busy: number; total: number; at: number };
function machineTicks(since: { busy: number; total: number; at: number }): { busyPercent: number; wallMs: number };
function machineTicks(since?: { busy: number; total: number; at: number }) {
  const fields = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
  const total = fields.reduce((sum, value) => sum + value, 0);
  const idle = fields[3]! + fields[4]!; // idle + iowait
  const now = { busy: total - idle, total, at: performance.now() };
  if (!since) return now;
  return { busyPercent: (100 * (now.busy - since.busy)) / Math.max(1, now.total - since.total), wallMs: now.at - since.at };
}

const sleep = (millis: number) => new Promise((resolve) => setTimeout(resolve, millis));
const log = (line: string) => process.stderr.write(`${line}\n`);

// Whatever happens, no API process or nginx outlives the bench.
process.on('exit', () => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
});

main().catch((error) => {
  process.stderr.write(`${error?.stack ?? error}\n`);
  process.exit(1);
});
