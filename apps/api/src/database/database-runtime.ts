import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { Client } from 'pg';
import type { AppConfig } from '../config/app-config';
import { runMigrations } from './data-source';
import { EmbeddedPostgres } from './embedded-postgres';

const EMBEDDED_DATABASE = 'pairwise';

export interface Runtime {
  /** The configuration completed with the database URL and the token secret. */
  config: AppConfig;
  /** Stops what this process started (the embedded PostgreSQL), after the app has closed. */
  stop(): Promise<void>;
}

/**
 * Everything the app needs before Nest starts: a database (DATABASE_URL, or
 * an embedded PostgreSQL keeping its data in PAIRWISE_DATA_DIR), migrations
 * applied, and a token-signing secret that survives restarts.
 */
export interface RuntimeOptions {
  /** The embedded PostgreSQL in a process group of its own (see EmbeddedPostgresOptions): for the API server, which stops it in order. */
  ownProcessGroup?: boolean;
}

export async function prepareRuntime(config: AppConfig, log: (line: string) => void, options: RuntimeOptions = {}): Promise<Runtime> {
  let databaseUrl = config.databaseUrl;
  let embedded: EmbeddedPostgres | undefined;
  if (!databaseUrl) {
    embedded = new EmbeddedPostgres({
      dataDir: config.embeddedPostgres.dataDir,
      port: config.embeddedPostgres.port,
      fallbackDataDir: config.dataDirExplicit ? undefined : rootFallbackDir(config.embeddedPostgres.dataDir),
      onLog: (line) => log(`postgres: ${line}`),
      ownProcessGroup: options.ownProcessGroup,
    });
    const serverUrl = await embedded.start();
    await createDatabaseIfMissing(serverUrl, EMBEDDED_DATABASE);
    databaseUrl = embedded.url(EMBEDDED_DATABASE);
    log(`embedded PostgreSQL ready, data in ${embedded.dataDir}`);
  }
  try {
    const applied = await runMigrations(databaseUrl);
    if (applied.length) log(`migrations applied: ${applied.join(', ')}`);
    const jwtSecret = config.auth.jwtSecret ?? (await persistentSecret(path.join(config.dataDir, 'jwt-secret')));
    return {
      config: { ...config, databaseUrl, auth: { ...config.auth, jwtSecret } },
      stop: async () => embedded?.stop(),
    };
  } catch (error) {
    await embedded?.stop();
    throw error;
  }
}

/** Where a root-run embedded cluster lives when the postgres OS user cannot enter the default folder. */
function rootFallbackDir(dataDir: string): string {
  const key = createHash('sha256').update(path.resolve(dataDir)).digest('hex').slice(0, 12);
  return path.join('/var/lib/pairwise', key, 'pg');
}

async function createDatabaseIfMissing(serverUrl: string, database: string): Promise<void> {
  const client = new Client({ connectionString: serverUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (!rowCount) await client.query(`CREATE DATABASE ${client.escapeIdentifier(database)}`);
  } finally {
    await client.end();
  }
}

/** A random secret created once and kept in the data folder (development; production sets PAIRWISE_JWT_SECRET). */
async function persistentSecret(file: string): Promise<string> {
  try {
    const existing = (await fs.readFile(file, 'utf8')).trim();
    if (existing.length >= 32) return existing;
  } catch {
    // created below
  }
  const secret = randomBytes(48).toString('base64url');
  await fs.mkdir(path.dirname(file), { recursive: true });
  await fs.writeFile(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}
