import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { promisify } from 'node:util';
import { stringify } from 'csv-stringify/sync';
import { Client } from 'pg';
import { generateConference } from '@pairwise/matching';
import { createBenchDatabase } from '../support/bench-database';

/**
 * `npm run bench:import [-- ROWS]`: times `pairwise import` end to end (the
 * real CLI process, start-up included) on a ticketing-style CSV of seeded
 * attendees: a first import (all created), the same file again (all
 * unchanged), and a file where every row changed (all updated).
 */
const run = promisify(execFile);
const cli = path.resolve(__dirname, '../../../apps/cli/bin/pairwise.js');

async function main(): Promise<void> {
  const rows = Number(process.argv[2] ?? 10_000);
  const database = await createBenchDatabase('import');
  try {
    const client = new Client({ connectionString: database.url });
    await client.connect();
    await client.query(`INSERT INTO events (slug, name) VALUES ('bench-import', 'Import benchmark')`);
    await client.end();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pairwise-bench-import-'));
    const first = writeCsv(path.join(dir, 'attendees.csv'), rows, 'Acme');
    const changed = writeCsv(path.join(dir, 'attendees-changed.csv'), rows, 'Initech');
    const results = [];
    for (const [label, file] of [['first import', first], ['same file again', first], ['every row changed', changed]] as const) {
      const started = performance.now();
      const { stdout } = await run('node', [cli, 'import', '--event', 'bench-import', '--json', file], {
        env: { ...process.env, DATABASE_URL: database.url, LOG_LEVEL: 'silent' },
        maxBuffer: 64 * 1024 * 1024,
      });
      const seconds = (performance.now() - started) / 1000;
      const report = JSON.parse(stdout) as { created: number; updated: number; unchanged: number; rejected: unknown[] };
      results.push({ label, seconds, ...report, rejected: report.rejected.length });
    }
    process.stdout.write(`\nImport of ${rows} rows, ${database.server}, Node ${process.version}, ${os.cpus().length} cores\n\n`);
    process.stdout.write('| run | wall time (CLI start-up included) | created | updated | unchanged | rejected |\n|---|---|---|---|---|---|\n');
    for (const r of results) {
      process.stdout.write(`| ${r.label} | ${r.seconds.toFixed(2)} s | ${r.created} | ${r.updated} | ${r.unchanged} | ${r.rejected} |\n`);
    }
  } finally {
    await database.close();
  }
}

function writeCsv(file: string, rows: number, companySuffix: string): string {
  const profiles = generateConference(rows, 'bench-import');
  const records = profiles.map((p) => ({
    Email: `${p.id}@example.com`,
    'First Name': p.name?.split(' ')[0],
    'Last Name': p.name?.split(' ').slice(1).join(' '),
    'Company Name': `${p.company} ${companySuffix}`,
    'Job Title': p.role,
    Interests: p.interests.join('; '),
    Stack: p.stack.join('; '),
    'Looking For': p.lookingFor.join('; '),
    'Can Offer': p.canOffer.join('; '),
    Languages: p.languages.join('; '),
    'Matchmaking consent': 'yes',
  }));
  fs.writeFileSync(file, stringify(records, { header: true }));
  return file;
}

main().catch((error) => {
  process.stderr.write(`${error?.stack ?? error}\n`);
  process.exit(1);
});
