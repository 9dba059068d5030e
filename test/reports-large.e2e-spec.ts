import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { Client } from 'pg';
import { built, createTestDatabase, startTestApp, trackProcess, type TestApp, type TestDatabase } from '@pairwise/testing';
import { seedReportEvent } from '../bench/support/seed-report-event';

const cli = path.resolve(__dirname, '../apps/cli/bin/pairwise.js');
built('apps/cli/src/main.js'); // the bin below runs it
const TABLES = 800;
const ROUNDS = 25;
const MEETINGS = TABLES * ROUNDS;

interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
  /** Peak resident memory of the process (VmHWM), in MB; null where /proc is not there. */
  peakRssMb: number | null;
}

/** Runs the built CLI with a small heap, sampling its peak resident memory from /proc while it runs. */
function runCli(args: string[], env: Record<string, string>): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = trackProcess(spawn('node', ['--max-old-space-size=256', cli, ...args], { env: { ...process.env, ...env, LOG_LEVEL: 'silent' } }));
    let stdout = '';
    let stderr = '';
    let peakKb: number | null = null;
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const sample = setInterval(() => {
      try {
        const match = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${child.pid}/status`, 'utf8'));
        if (match) peakKb = Math.max(peakKb ?? 0, Number(match[1]));
      } catch {
        // gone, or no /proc
      }
    }, 20);
    child.on('error', reject);
    child.on('close', (code) => {
      clearInterval(sample);
      resolve({ code, stdout, stderr, peakRssMb: peakKb === null ? null : peakKb / 1024 });
    });
  });
}

/** Starts a download and drops it as soon as the first bytes arrive, like a browser tab closed mid-way. */
function abandonDownload(url: string, token: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = http.get(url, { headers: { authorization: `Bearer ${token}` } }, (response) => {
      if (response.statusCode !== 200) reject(new Error(`status ${response.statusCode}`));
      response.once('data', () => request.destroy());
    });
    request.on('close', () => resolve());
    request.on('error', () => undefined);
  });
}

/** A large event seeded by SQL; exports through the built CLI (small heap) and the real HTTP endpoint. */
describe(`exports of ${MEETINGS.toLocaleString('en')} meetings`, () => {
  let database: TestDatabase;
  let db: Client;
  let t: TestApp;
  let eventId: string;
  let firstRound: string;
  const slug = 'large-export';
  const env = () => ({ DATABASE_URL: database.url });

  beforeAll(async () => {
    database = await createTestDatabase();
    db = new Client({ connectionString: database.url });
    await db.connect();
    ({ eventId } = await seedReportEvent(db, { slug, tables: TABLES, rounds: ROUNDS }));
    firstRound = (await db.query(`SELECT id FROM rounds WHERE event_id = $1 ORDER BY starts_at LIMIT 1`, [eventId])).rows[0].id;
    t = await startTestApp({}, { database });
  }, 300_000);
  afterAll(async () => {
    await t?.close();
    await db?.end();
    await database?.drop();
  });

  it('the CLI writes the XLSX under a 256 MB heap, in about the memory of a 25 times smaller export', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pairwise-export-'));
    const out = path.join(dir, 'report.xlsx');
    const large = await runCli(['export', '--event', slug, '--format', 'xlsx', '--out', out], env());
    expect(large).toMatchObject({ code: 0, stdout: `${out}: ${MEETINGS} meetings of ${slug} as XLSX\n` });
    expect(fs.existsSync(`${out}.partial`)).toBe(false);
    const small = await runCli(['export', '--event', slug, '--round', firstRound, '--format', 'xlsx', '--out', path.join(dir, 'round.xlsx')], env());
    expect(small.code).toBe(0);
    if (large.peakRssMb !== null && small.peakRssMb !== null) {
      expect(large.peakRssMb).toBeLessThan(256);
      // Streaming: 25 times the rows, about the same memory (buffering 25,000 rows would add far more).
      expect(large.peakRssMb - small.peakRssMb).toBeLessThan(48);
    }

    // Read it back as a stream: the summary, then one sheet per round of a header and its tables.
    const rowsPerSheet: Record<string, number> = {};
    for await (const sheet of new ExcelJS.stream.xlsx.WorkbookReader(out, { worksheets: 'emit', sharedStrings: 'cache', styles: 'ignore', hyperlinks: 'ignore' })) {
      const name = (sheet as unknown as { name: string }).name;
      rowsPerSheet[name] = 0;
      for await (const _row of sheet) rowsPerSheet[name]!++;
    }
    expect(Object.keys(rowsPerSheet)).toHaveLength(ROUNDS + 1);
    expect(Object.entries(rowsPerSheet).filter(([name]) => name !== 'Summary').every(([, rows]) => rows === TABLES + 1)).toBe(true);
    fs.rmSync(dir, { recursive: true, force: true });

    const { rows } = await db.query(`SELECT channel, format, outcome, rows, account_id FROM report_exports ORDER BY started_at`);
    expect(rows).toEqual([
      { channel: 'cli', format: 'xlsx', outcome: 'COMPLETED', rows: MEETINGS, account_id: null },
      { channel: 'cli', format: 'xlsx', outcome: 'COMPLETED', rows: TABLES, account_id: null },
    ]);
  }, 300_000);

  it('an abandoned download gives its database connection back at once (more times than the pool holds)', async () => {
    const base = await t.listen();
    const admin = await t.adminToken();
    const abandoned = 22; // the pool holds 20
    for (let i = 0; i < abandoned; i++) await abandonDownload(`${base}/events/${eventId}/reports/pairings.csv`, admin);
    const deadline = Date.now() + 60_000;
    let outcomes: { outcome: string; rows: number }[] = [];
    while (Date.now() < deadline) {
      outcomes = (await db.query(`SELECT outcome, rows FROM report_exports WHERE channel = 'http' AND format = 'csv'`)).rows;
      if (outcomes.length === abandoned && outcomes.every((row) => row.outcome !== 'STARTED')) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(outcomes).toHaveLength(abandoned);
    for (const row of outcomes) {
      expect(row.outcome).toBe('ABORTED');
      expect(row.rows).toBeLessThan(MEETINGS);
    }
    const { rows: busy } = await db.query(
      `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid() AND state IN ('active', 'idle in transaction')`,
      [database.name],
    );
    expect(busy[0].n).toBe(0);

    // And the next download, complete.
    const response = await t.http().get(`/events/${eventId}/reports/pairings.csv`).set('authorization', `Bearer ${admin}`).buffer(true).expect(200);
    const lines = response.text.trimEnd().split('\r\n');
    expect(lines).toHaveLength(MEETINGS + 1);
    expect(lines[1]).toMatch(/^Round 1,Table 1,2030-06-01 10:00,/);
  }, 180_000);
});
