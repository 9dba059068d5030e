import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { EmbeddedPostgres } from '../../apps/api/src/database/embedded-postgres';
import { runMigrations } from '../../apps/api/src/database/data-source';
import { TEST_ENV, databaseUrl } from '../../libs/testing/src/test-env';

/**
 * Once per `jest` run: build when the sources changed (suites run the built server and CLI),
 * find a PostgreSQL server (DATABASE_URL, else an
 * embedded one in a temporary folder), migrate a template database once, and
 * let every test file clone it into a database of its own.
 */
export default async function globalSetup(): Promise<void> {
  buildFirst();
  const runId = `${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
  let serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    const tempDir = await fs.mkdtemp(path.join(os.tmpdir(), 'pairwise-test-'));
    await fs.chmod(tempDir, 0o755); // as root, PostgreSQL runs as the postgres OS user, who must enter it
    const dataDir = path.join(tempDir, 'pg');
    const embedded = new EmbeddedPostgres({ dataDir, ephemeral: true, onLog: () => undefined });
    serverUrl = await embedded.start();
    (globalThis as { __pairwiseEmbedded?: EmbeddedPostgres }).__pairwiseEmbedded = embedded;
  }
  const template = `pairwise_tpl_${runId}`;
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${template}`);
  } finally {
    await admin.end();
  }
  await runMigrations(databaseUrl(serverUrl, template));
  process.env[TEST_ENV.serverUrl] = serverUrl;
  process.env[TEST_ENV.template] = template;
  process.env[TEST_ENV.runId] = runId;
}

/** Builds dist/ when the sources changed since it was built; a failed build stops the run with the compiler's reason. */
function buildFirst(): void {
  try {
    execFileSync(process.execPath, [path.resolve(__dirname, '../../libs/build/src/build.js'), '--if-changed'], { stdio: ['ignore', 'inherit', 'inherit'] });
  } catch {
    throw new Error('the build failed (its errors are above): the e2e suites run the built server and CLI, so none was run');
  }
}
