import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import ExcelJS from 'exceljs';
import { Client } from 'pg';
import { createBenchDatabase } from '../support/bench-database';
import { seedReportEvent } from '../support/seed-report-event';
import { freePort } from '../../apps/api/src/common/free-port';
import { productionApiEnv, stopProcess } from '../support/api-process';
import { graphqlClient } from '../support/graphql-client';
import { parseOptions, wholeAtLeast } from '../support/options';

/**
 * `npm run bench:reports [-- --tables 2000 --rounds 50]` (100,000 meetings by default)
 *
 * On real PostgreSQL (DATABASE_URL's server, else an embedded one):
 *  1. seeds an event by SQL: 2·tables attendees, `rounds` closed rounds of `tables` meetings;
 *  2. spawns the real API (`node dist/apps/api/src/main.js`, NODE_ENV=production) with a
 *     256 MB heap limit, and a preloaded probe that records its peak V8 heap;
 *  3. signs in as the admin and downloads pairings.csv and pairings.xlsx over HTTP, timing each
 *     (first byte, last byte) and recording the API process's peak resident memory (VmHWM, reset
 *     before each export through /proc/<pid>/clear_refs) and peak heap;
 *  4. checks the files (every row there) and the export log; times eventStats;
 *  5. times `pairwise export --format xlsx` (the CLI, start-up included) and its peak memory.
 */
const root = path.resolve(__dirname, '../../..');
const apiMain = path.join(root, 'dist/apps/api/src/main.js');
const probe = path.join(root, 'dist/bench/support/heap-probe.js');
const cli = path.join(root, 'apps/cli/bin/pairwise.js');
const ADMIN = { email: 'bench-admin@pairwise.test', password: 'bench-admin-password' };
const HEAP_LIMIT_MB = 256;

interface Measured {
  what: string;
  seconds: number;
  firstByteMs?: number;
  bytes?: number;
  peakRssMb: number | null;
  peakHeapMb: number | null;
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2), { tables: 2000, rounds: 50 }, wholeAtLeast(1));
  const meetings = options.tables * options.rounds;
  const database = await createBenchDatabase('reports');
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pairwise-bench-reports-'));
  let api: ChildProcess | undefined;
  try {
    // 1. Seed by SQL.
    const client = new Client({ connectionString: database.url });
    await client.connect();
    let started = performance.now();
    const event = await seedReportEvent(client, { slug: 'bench-reports', tables: options.tables, rounds: options.rounds });
    const seedSeconds = (performance.now() - started) / 1000;
    log(`seeded ${event.meetings} meetings, ${event.attendees} attendees, ${event.rounds} rounds in ${seedSeconds.toFixed(1)} s`);

    // 2. The real API, heap-limited, with the probe.
    const port = await freePort();
    const heapFile = path.join(workDir, 'heap.json');
    const apiLog = fs.openSync(path.join(workDir, 'api.log'), 'w');
    api = spawn('node', [`--max-old-space-size=${HEAP_LIMIT_MB}`, '-r', probe, apiMain], {
      cwd: workDir,
      env: productionApiEnv(database.url, port, {
        LOG_LEVEL: 'info',
        PAIRWISE_JWT_SECRET: randomBytes(32).toString('hex'),
        PAIRWISE_ADMIN_EMAIL: ADMIN.email,
        PAIRWISE_ADMIN_PASSWORD: ADMIN.password,
        BENCH_HEAP_FILE: heapFile,
      }),
      stdio: ['ignore', apiLog, apiLog],
    });
    const base = `http://127.0.0.1:${port}`;
    await waitUntilReady(base, api);
    const graphql = graphqlClient(`${base}/graphql`);
    const token = (await graphql<{ login: { token: string } }>(`mutation ($i: LoginInput!) { login(input: $i) { token } }`, { i: ADMIN })).login.token;
    const idleRss = vmRss(api.pid!);

    // 3. Downloads over HTTP.
    const results: Measured[] = [];
    const files: Record<string, string> = {};
    for (const format of ['csv', 'xlsx'] as const) {
      await sleep(500);
      resetPeaks(api);
      await sleep(150);
      const file = path.join(workDir, `pairings.${format}`);
      started = performance.now();
      const { firstByteMs, bytes } = await download(`${base}/events/${event.eventId}/reports/pairings.${format}`, token, file);
      const seconds = (performance.now() - started) / 1000;
      await sleep(250); // one more probe write
      results.push({ what: `GET pairings.${format}`, seconds, firstByteMs, bytes, peakRssMb: peakRss(api.pid!), peakHeapMb: peakHeap(heapFile) });
      files[format] = file;
      log(`${format}: ${seconds.toFixed(2)} s, ${(bytes / 1e6).toFixed(1)} MB`);
    }

    // 4. Check the files and the log; eventStats.
    const csvLines = countLines(files.csv!);
    if (csvLines !== meetings + 1) throw new Error(`the CSV has ${csvLines} lines, not ${meetings + 1}`);
    const xlsxRows = await countXlsxRows(files.xlsx!);
    if (xlsxRows.sheets !== options.rounds + 1 || xlsxRows.meetingRows !== meetings) throw new Error(`unexpected XLSX: ${JSON.stringify(xlsxRows)}`);
    const { rows: exports } = await client.query(`SELECT format, outcome, rows FROM report_exports ORDER BY started_at`);
    if (exports.length !== 2 || exports.some((row) => row.outcome !== 'COMPLETED' || row.rows !== meetings)) throw new Error(`unexpected export log: ${JSON.stringify(exports)}`);
    resetPeaks(api);
    started = performance.now();
    const stats = (await graphql<{ eventStats: { meetingsScheduled: number; repeatPairs: number } }>(`query ($e: ID!) { eventStats(eventId: $e) { meetingsScheduled repeatPairs rounds { meanScore distribution { count } } } }`, { e: event.eventId }, token)).eventStats;
    const statsSeconds = (performance.now() - started) / 1000;
    if (stats.meetingsScheduled !== meetings || stats.repeatPairs !== 0) throw new Error(`unexpected stats: ${JSON.stringify(stats)}`);
    await sleep(250);
    results.push({ what: 'eventStats (GraphQL)', seconds: statsSeconds, peakRssMb: peakRss(api.pid!), peakHeapMb: peakHeap(heapFile) });

    // 5. The CLI, start-up included.
    const cliFile = path.join(workDir, 'cli.xlsx');
    started = performance.now();
    const cliRun = await runCli(['export', '--event', event.slug, '--format', 'xlsx', '--out', cliFile], { DATABASE_URL: database.url, LOG_LEVEL: 'silent' });
    if (cliRun.code !== 0) throw new Error(`pairwise export failed: ${cliRun.stderr}`);
    results.push({ what: '`pairwise export --format xlsx` (CLI start-up included)', seconds: (performance.now() - started) / 1000, bytes: fs.statSync(cliFile).size, peakRssMb: cliRun.peakRssMb, peakHeapMb: null });
    await client.end();

    process.stdout.write(
      `\nReports benchmark: ${meetings.toLocaleString('en')} meetings (${options.rounds} rounds × ${options.tables} tables, ${event.attendees.toLocaleString('en')} attendees), ` +
        `${database.server}, Node ${process.version}, ${os.cpus().length} cores, load average ${os.loadavg()[0]!.toFixed(2)}; ` +
        `API heap limit ${HEAP_LIMIT_MB} MB, API resident memory when idle ${idleRss?.toFixed(0) ?? '?'} MB; seeding took ${seedSeconds.toFixed(1)} s\n\n`,
    );
    process.stdout.write('| export | wall time | first byte | size | rows/s | peak RSS | peak V8 heap |\n|---|---|---|---|---|---|---|\n');
    for (const r of results) {
      const perSecond = r.what.startsWith('eventStats') ? '—' : Math.round(meetings / r.seconds).toLocaleString('en');
      process.stdout.write(
        `| ${r.what} | ${r.seconds.toFixed(2)} s | ${r.firstByteMs === undefined ? '—' : `${r.firstByteMs.toFixed(0)} ms`} | ${r.bytes === undefined ? '—' : `${(r.bytes / 1e6).toFixed(1)} MB`} | ${perSecond} | ${mb(r.peakRssMb)} | ${mb(r.peakHeapMb)} |\n`,
      );
    }
    process.stdout.write(`\nFiles and API log: ${workDir}\n`);
  } finally {
    await stopProcess(api);
    await database.close();
  }
}

/** Streams a download to a file; resolves with the time to the first byte and the size. */
function download(url: string, token: string, file: string): Promise<{ firstByteMs: number; bytes: number }> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const request = http.get(url, { headers: { authorization: `Bearer ${token}` } }, (response) => {
      if (response.statusCode !== 200) {
        reject(new Error(`GET ${url}: ${response.statusCode}`));
        response.resume();
        return;
      }
      let firstByteMs = 0;
      let bytes = 0;
      const out = fs.createWriteStream(file);
      response.on('data', (chunk: Buffer) => {
        if (!bytes) firstByteMs = performance.now() - started;
        bytes += chunk.length;
      });
      response.pipe(out);
      out.on('finish', () => resolve({ firstByteMs, bytes }));
      out.on('error', reject);
      response.on('error', reject);
    });
    request.on('error', reject);
  });
}

function countLines(file: string): number {
  const text = fs.readFileSync(file, 'utf8');
  return text.trimEnd().split('\r\n').length;
}

async function countXlsxRows(file: string): Promise<{ sheets: number; meetingRows: number }> {
  let sheets = 0;
  let meetingRows = 0;
  for await (const sheet of new ExcelJS.stream.xlsx.WorkbookReader(file, { worksheets: 'emit', sharedStrings: 'cache', styles: 'ignore', hyperlinks: 'ignore' })) {
    const summary = sheets++ === 0;
    let rows = 0;
    for await (const _row of sheet) rows++;
    if (!summary) meetingRows += rows - 1;
  }
  return { sheets, meetingRows };
}

/** The CLI with the same heap limit, its peak resident memory sampled from /proc. */
function runCli(args: string[], env: Record<string, string>): Promise<{ code: number | null; stderr: string; peakRssMb: number | null }> {
  return new Promise((resolve, reject) => {
    const child = spawn('node', [`--max-old-space-size=${HEAP_LIMIT_MB}`, cli, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    let peak: number | null = null;
    child.stderr!.on('data', (chunk) => (stderr += chunk));
    const sample = setInterval(() => {
      const value = peakRss(child.pid!);
      if (value !== null) peak = Math.max(peak ?? 0, value);
    }, 20);
    child.on('error', reject);
    child.on('close', (code) => {
      clearInterval(sample);
      resolve({ code, stderr, peakRssMb: peak });
    });
  });
}

/** Resets the process's peak resident memory (Linux: clear_refs 5) and the probe's peak heap. */
function resetPeaks(api: ChildProcess): void {
  try {
    fs.writeFileSync(`/proc/${api.pid}/clear_refs`, '5');
  } catch {
    log('could not reset VmHWM: peak RSS figures are since start');
  }
  api.kill('SIGUSR2');
}

function procStatus(pid: number, field: 'VmHWM' | 'VmRSS'): number | null {
  try {
    const match = new RegExp(`${field}:\\s+(\\d+) kB`).exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) / 1024 : null;
  } catch {
    return null;
  }
}
const peakRss = (pid: number) => procStatus(pid, 'VmHWM');
const vmRss = (pid: number) => procStatus(pid, 'VmRSS');

function peakHeap(file: string): number | null {
  try {
    return (JSON.parse(fs.readFileSync(file, 'utf8')) as { peakHeapUsed: number }).peakHeapUsed / 1024 / 1024;
  } catch {
    return null;
  }
}

async function waitUntilReady(base: string, api: ChildProcess): Promise<void> {
  for (let attempt = 0; attempt < 300; attempt++) {
    if (api.exitCode !== null) throw new Error(`the API exited with code ${api.exitCode}`);
    const ready = await fetch(`${base}/health/ready`).then((r) => r.ok, () => false);
    if (ready) return;
    await sleep(100);
  }
  throw new Error('the API did not become ready within 30 s');
}

const mb = (value: number | null) => (value === null ? '—' : `${value.toFixed(0)} MB`);
const sleep = (millis: number) => new Promise((resolve) => setTimeout(resolve, millis));
const log = (line: string) => process.stderr.write(`${line}\n`);

main().catch((error) => {
  process.stderr.write(`${error?.stack ?? error}\n`);
  process.exit(1);
});
