import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { runMigrations } from '../../apps/api/src/database/data-source';
import { EmbeddedPostgres } from '../../apps/api/src/database/embedded-postgres';

export interface BenchDatabase {
  url: string;
  /** What the database runs on, for the written results. */
  server: string;
  close(): Promise<void>;
}

/** A fresh, migrated database for one benchmark run: on DATABASE_URL's server, else an embedded one. */
export async function createBenchDatabase(label: string): Promise<BenchDatabase> {
  let serverUrl = process.env.DATABASE_URL;
  let embedded: EmbeddedPostgres | undefined;
  if (!serverUrl) {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'pairwise-bench-'));
    await fs.chmod(dir, 0o755);
    embedded = new EmbeddedPostgres({ dataDir: path.join(dir, 'pg'), ephemeral: true });
    serverUrl = await embedded.start();
  }
  const name = `pairwise_bench_${label}_${Date.now().toString(36)}`;
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  const { rows } = await admin.query<{ server_version: string }>('SHOW server_version');
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  await runMigrations(url.toString());
  return {
    url: url.toString(),
    server: `PostgreSQL ${rows[0]!.server_version}${embedded ? ' (embedded)' : ''}`,
    close: async () => {
      const client = new Client({ connectionString: serverUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
      await embedded?.stop();
    },
  };
}

/** Drops the bench's database, unless BENCH_KEEP_DATABASE=1 keeps it (e.g. for EXPLAIN ANALYZE): then says where it is. */
export async function dropUnlessKept(database: BenchDatabase): Promise<void> {
  if (process.env.BENCH_KEEP_DATABASE === '1') process.stderr.write(`database kept: ${database.url}\n`);
  else await database.close();
}
