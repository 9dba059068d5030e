import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { TEST_ENV, databaseUrl } from './test-env';
import { closeLater } from './cleanup';

export interface TestDatabase {
  url: string;
  name: string;
  drop(): Promise<void>;
}

function serverUrl(): string {
  const url = process.env[TEST_ENV.serverUrl];
  if (!url) throw new Error('No test server: run the e2e tests through jest (its globalSetup prepares PostgreSQL)');
  return url;
}

/**
 * A database of its own for one test file, cloned from the migrated template in milliseconds. It is
 * dropped after the file's hooks even if nobody calls `drop` (a setup that failed or timed out).
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const creating = openTestDatabase();
  const drop = closeLater(async () => {
    const database = await creating.catch(() => undefined);
    await database?.drop();
  });
  try {
    return { ...(await creating), drop };
  } catch (error) {
    await drop();
    throw error;
  }
}

/** The database alone, not registered for closing: for `startTestApp`, which closes its own. */
export async function openTestDatabase(): Promise<TestDatabase> {
  const name = `pairwise_t_${process.env[TEST_ENV.runId]}_${randomBytes(4).toString('hex')}`;
  const admin = new Client({ connectionString: serverUrl() });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${process.env[TEST_ENV.template]}`);
  } finally {
    await admin.end();
  }
  return {
    name,
    url: databaseUrl(serverUrl(), name),
    drop: async () => {
      const client = new Client({ connectionString: serverUrl() });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}

/** Runs `work` on a client of the database at `url`, connected for it alone and ended after it, whatever it does. */
export async function withClient<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** The rows one statement returns on the database at `url` (withClient: a connection for it alone). */
export function queryRows<T = Record<string, any>>(url: string, sql: string, parameters: unknown[] = []): Promise<T[]> {
  return withClient(url, async (client) => (await client.query(sql, parameters)).rows as T[]);
}

/**
 * A client of the database at `url`, connected for the rest of the test file and ended after its hooks
 * (closeLater) even when its setup fails half-way; the file may end it sooner.
 */
export async function connectClient(url: string): Promise<Client> {
  const client = new Client({ connectionString: url });
  const connecting = client.connect();
  closeLater(async () => {
    if (await connecting.then(() => true, () => false)) await client.end();
  });
  await connecting;
  return client;
}
