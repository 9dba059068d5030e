import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import type { DestinationStream } from 'pino';
import type { Logger as TypeOrmLogger } from 'typeorm';
import { loadConfig, type AppConfig } from '../../../apps/api/src/config/app-config';
import { createApp } from '../../../apps/api/src/create-app';
import { closeLater } from './cleanup';
import { lateBound } from './late-bound';
import { openTestDatabase, type TestDatabase } from './test-database';

export const ADMIN = { email: 'admin@pairwise.test', password: 'admin-password-for-tests' };

export interface GraphqlResponse<T = Record<string, any>> {
  status: number;
  data?: T | null;
  errors?: { message: string; path?: string[]; extensions?: { code?: string; reason?: string; fields?: { field: string; message: string }[]; [key: string]: unknown } }[];
}

/**
 * Counts SQL statements (to prove batching). The rate limiter's own statements (one upsert on rate_limit_counters
 * per operation, the same for every operation, and the sweeper's delete) are counted apart, in `limitCounts`:
 * `count` is the operation's own work. A statement that reads and counts too (myMeetings, CountsLimitInStatement)
 * is the operation's.
 */
export class QueryCounter implements TypeOrmLogger {
  count = 0;
  limitCounts = 0;
  logQuery(query: string): void {
    if (/^\s*(INSERT INTO|DELETE FROM) rate_limit_counters\b/.test(query)) this.limitCounts++;
    else this.count++;
  }
  logQueryError(): void {}
  logQuerySlow(): void {}
  logSchemaBuild(): void {}
  logMigration(): void {}
  log(): void {}
}

export interface TestApp {
  app: INestApplication;
  config: AppConfig;
  database: TestDatabase;
  queries: QueryCounter;
  /** POST /graphql as the holder of `token` (anonymous without one), from 127.0.0.1. */
  gql<T = Record<string, any>>(query: string, variables?: Record<string, unknown>, token?: string): Promise<GraphqlResponse<T>>;
  /**
   * `gql` from another client address of the loopback network (`127.0.0.2`, `127.0.0.3` … all
   * reach the API on Linux): a truly different client, as the server sees it, with no proxy header.
   */
  gqlFrom(address: string, headers?: Record<string, string>): TestApp['gql'];
  http(): ReturnType<typeof request>;
  adminToken(): Promise<string>;
  /** Listens on a free port of 127.0.0.1 (for WebSocket clients); returns the base URL. */
  listen(): Promise<string>;
  /** Closes the app and drops its own database; safe to call more than once. */
  close(): Promise<void>;
}

/** What the factories need of an API: an in-process TestApp, or a server process the test started (`remoteApi`). */
export type GraphqlCaller = Pick<TestApp, 'gql' | 'adminToken'>;

/** GraphQL over HTTP to an API listening at `baseUrl` (a process the test started), signed in as its admin when asked. */
export function remoteApi(baseUrl: string, admin: { email: string; password: string } = ADMIN): GraphqlCaller {
  const gql: TestApp['gql'] = async (query, variables, token) => {
    const response = await fetch(`${baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json().catch(() => undefined)) as { data?: never; errors?: never } | undefined;
    return { status: response.status, data: body?.data, errors: body?.errors };
  };
  let adminToken: string | undefined;
  return {
    gql,
    adminToken: async () => {
      adminToken ??= (await login(gql, admin)).token;
      return adminToken;
    },
  };
}

export interface StartOptions {
  /** Share another app's database (a second API process on the same PostgreSQL); it stays theirs to drop. */
  database?: TestDatabase;
  /** Receives the API's log lines (set LOG_LEVEL in `env` too: tests run silent by default). */
  logDestination?: DestinationStream;
}

/**
 * The real API on a fresh database of its own: each test file gets one. A start that fails closes what
 * it opened before throwing; a start its hook gave up on is closed after the file's hooks (cleanup.ts).
 */
export async function startTestApp(env: Record<string, string> = {}, options: StartOptions = {}): Promise<TestApp> {
  const opened: { app?: INestApplication; ownDatabase?: TestDatabase } = {};
  const starting = openTestApp(env, options, opened);
  const close = closeLater(async () => {
    await starting.catch(() => undefined); // an abandoned start finishes (or fails) before what it opened is closed
    try {
      await opened.app?.close();
    } finally {
      await opened.ownDatabase?.drop();
    }
  });
  try {
    return { ...(await starting), close };
  } catch (error) {
    await close().catch(() => undefined); // the start's own error is the one worth reading
    throw error;
  }
}

/**
 * Registers the describe's beforeAll (startTestApp with `env`) and afterAll (closing it), and returns the app
 * to use in its tests: it stands for what the beforeAll starts, and says so clearly when used before that ran
 * or after it failed. Call it inside the `describe`.
 * @example
 * describe('production mode', () => {
 *   const t = useTestApp({ NODE_ENV: 'production' });
 *   it('…', async () => expect((await t.gql('{ me { role } }')).status).toBe(200));
 * });
 */
export function useTestApp(env: Record<string, string> = {}, options: StartOptions = {}): TestApp {
  let started: TestApp | undefined;
  beforeAll(async () => {
    started = await startTestApp(env, options);
  });
  afterAll(() => started?.close());
  return lateBound(() => {
    if (!started) throw new Error("The app is not started: the describe's beforeAll has not run, or it failed");
    return started;
  });
}

async function openTestApp(
  env: Record<string, string>,
  options: StartOptions,
  opened: { app?: INestApplication; ownDatabase?: TestDatabase },
): Promise<Omit<TestApp, 'close'>> {
  const database = options.database ?? (opened.ownDatabase = await openTestDatabase());
  const config: AppConfig = {
    ...loadConfig({
      NODE_ENV: 'test',
      LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
      PAIRWISE_ADMIN_EMAIL: ADMIN.email,
      PAIRWISE_ADMIN_PASSWORD: ADMIN.password,
      PAIRWISE_JWT_SECRET: randomBytes(32).toString('hex'),
      // Test files fire hundreds of calls per minute with one token; the attack suite sets its own limits.
      PAIRWISE_RATE_LIMIT_PER_MINUTE: '1000000',
      PAIRWISE_LOGIN_ATTEMPTS_PER_MINUTE: '1000000',
      ...env,
    }),
    databaseUrl: database.url,
  };
  const queries = new QueryCounter();
  const app = (opened.app = await createApp(config, { typeormLogger: queries, logDestination: options.logDestination }));
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  const server = app.getHttpServer();
  // One sign-in per app, shared by callers that ask at the same time (concurrent sign-ins count as attempts).
  let adminToken: Promise<string> | undefined;
  const agents = new Map<string, http.Agent>();
  const gqlFrom = (address?: string, headers: Record<string, string> = {}): TestApp['gql'] => async (query, variables, token) => {
    const call = request(server).post('/graphql').set('content-type', 'application/json').set(headers);
    if (address) {
      if (!agents.has(address)) agents.set(address, new http.Agent({ localAddress: address, keepAlive: false }));
      call.agent(agents.get(address)!);
    }
    if (token) call.set('authorization', `Bearer ${token}`);
    const response = await call.send({ query, variables });
    return { status: response.status, data: response.body?.data, errors: response.body?.errors };
  };
  const gql = gqlFrom();
  return {
    app,
    config,
    database,
    queries,
    gql,
    gqlFrom: (address, headers) => gqlFrom(address, headers),
    http: () => request(server),
    adminToken: () => {
      adminToken ??= login(gql, { email: ADMIN.email, password: ADMIN.password }).then((session) => session.token);
      // A failed sign-in is not kept: the next caller tries again.
      adminToken.catch(() => (adminToken = undefined));
      return adminToken;
    },
    listen: async () => {
      await app.listen(0, '127.0.0.1');
      const address = app.getHttpServer().address() as { port: number };
      return `http://127.0.0.1:${address.port}`;
    },
  };
}

export async function login(
  gql: TestApp['gql'],
  input: { email: string; password?: string; accessCode?: string },
): Promise<{ token: string; viewer: { role: string } }> {
  const response = await gql(
    `mutation ($input: LoginInput!) { login(input: $input) { token viewer { role attendeeId accountId eventIds } } }`,
    { input },
  );
  if (!response.data?.login) throw new Error(`login failed: ${JSON.stringify(response.errors)}`);
  return response.data.login;
}

/** Throws with the GraphQL errors when the call did not succeed, so a broken fixture fails loudly. */
export function expectData<T>(response: GraphqlResponse<T>): T {
  if (response.errors?.length || !response.data) {
    throw new Error(`GraphQL call failed (${response.status}): ${JSON.stringify(response.errors)}`);
  }
  return response.data;
}
