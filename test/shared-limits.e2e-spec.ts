import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { Client } from 'pg';
import { DataSource } from 'typeorm';
import {
  ApiProcess,
  attendeeToken,
  closeLater,
  connectClient,
  createAttendee,
  createEvent,
  createOrganiser,
  createTestDatabase,
  remoteApi,
  startApiProcess,
  startRedisServer,
  type GraphqlResponse,
  type RunningApi,
  type TestDatabase,
  type TestRedis,
} from '@pairwise/testing';
import { freePort } from '../apps/api/src/common/free-port';
import { dataSourceOptions } from '../apps/api/src/database/data-source';
import { PostgresLimitStore } from '../apps/api/src/rate-limit/postgres-limit-store';
import { REDIS_KEY_PREFIX, RedisLimitStore } from '../apps/api/src/rate-limit/redis-limit-store';
import type { LimitStore } from '../apps/api/src/rate-limit/limit-store';

// Two real API processes per store (the built server), each loading Nest: minutes on a busy machine.
jest.setTimeout(600_000);

const ADMIN = { email: 'limits-admin@pairwise.test', password: 'limits-admin-password' };
const REQUESTS_PER_MINUTE = 6;
const SIGN_IN_ATTEMPTS_PER_MINUTE = 5;
const LOGIN = `mutation ($input: LoginInput!) { login(input: $input) { token } }`;
const LINK = `mutation ($input: RequestSignInLinkInput!) { requestSignInLink(input: $input) }`;

type Api = RunningApi;

/** POST /graphql to `api` from a loopback address of our choosing (127.0.0.x: a different client, as the server sees it). */
function gqlAt(api: Api, from: string, query: string, variables: Record<string, unknown>, token?: string): Promise<GraphqlResponse & { headers: http.IncomingHttpHeaders }> {
  const body = JSON.stringify({ query, variables });
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        host: '127.0.0.1',
        port: api.port,
        path: '/graphql',
        method: 'POST',
        localAddress: from,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...(token ? { authorization: `Bearer ${token}` } : {}) },
      },
      (response) => {
        let text = '';
        response.on('data', (chunk) => (text += chunk));
        response.on('end', () => {
          const parsed = JSON.parse(text);
          resolve({ status: response.statusCode ?? 0, data: parsed.data, errors: parsed.errors, headers: response.headers });
        });
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}

/** What an answer says, in one comparable word: OK, or the refusal's code and reason. */
const outcome = (response: GraphqlResponse): string => {
  const error = response.errors?.[0] as { extensions?: { code?: string; reason?: string } } | undefined;
  return error ? `${error.extensions?.code}/${error.extensions?.reason}` : 'OK';
};

const unique = () => randomBytes(4).toString('hex');
let nextAddress = 10;
/** A client address no earlier case used (127.0.0.10, .11 …), so each case starts with nothing counted. */
const freshAddress = () => `127.0.0.${nextAddress++}`;

describe('limits shared by every API process', () => {
  let database: TestDatabase;
  let sql: Client;
  let redis: TestRedis;
  const secret = randomBytes(32).toString('hex');

  beforeAll(async () => {
    database = await createTestDatabase();
    sql = await connectClient(database.url);
    redis = await startRedisServer();
    closeLater(() => redis.close());
  });

  const startApi = (env: Record<string, string>): Promise<Api> =>
    startApiProcess({
      databaseUrl: database.url,
      secret,
      admin: ADMIN,
      env: { PAIRWISE_RATE_LIMIT_PER_MINUTE: String(REQUESTS_PER_MINUTE), PAIRWISE_LOGIN_ATTEMPTS_PER_MINUTE: String(SIGN_IN_ATTEMPTS_PER_MINUTE), ...env },
    });

  /**
   * The same cases for either store: each sends one sequence of requests spread over both processes
   * (a, b, a, b …) and the same sequence, for another caller, to one process alone, and expects both to
   * be answered alike, and as the limits say.
   */
  async function expectSharedLimits(a: Api, b: Api): Promise<void> {
    const admin = remoteApi(a.url, ADMIN);
    const event = await createEvent(admin);
    const spread = (index: number) => (index % 2 === 0 ? a : b);
    const alone = () => a;

    // Requests per minute, per signed-in caller: two organisers, one spread over both processes, one on one.
    const requests = async (pick: (index: number) => Api) => {
      const organiser = await createOrganiser(admin, event.id);
      const from = freshAddress();
      const answers = [];
      for (let i = 0; i < REQUESTS_PER_MINUTE + 3; i++) answers.push(outcome(await gqlAt(pick(i), from, `{ me { role } }`, {}, organiser.token)));
      return answers;
    };
    const requestLimit = [...Array(REQUESTS_PER_MINUTE).fill('OK'), ...Array(3).fill('TOO_MANY_REQUESTS/RATE_LIMITED')];
    expect(await requests(spread)).toEqual(requestLimit);
    expect(await requests(alone)).toEqual(requestLimit);

    // An attendee's myMeetings, counted inside its own statement when the store is PostgreSQL (CountsLimitInStatement):
    // the same answers, the same rate-limit headers, and two aliased calls in one document count twice.
    const myMeetings = async (pick: (index: number) => Api) => {
      const token = await attendeeToken(admin, await createAttendee(admin, event.id));
      const from = freshAddress();
      const answers = [];
      const remaining = [];
      for (let i = 0; i < REQUESTS_PER_MINUTE + 3; i++) {
        const response = await gqlAt(pick(i), from, `{ myMeetings { id } }`, {}, token);
        answers.push(outcome(response));
        remaining.push(response.headers['x-ratelimit-remaining'] ?? (response.headers['retry-after'] ? 'retry' : undefined));
      }
      return { answers, remaining };
    };
    const expectedRemaining = [...Array.from({ length: REQUESTS_PER_MINUTE }, (_, i) => String(REQUESTS_PER_MINUTE - 1 - i)), 'retry', 'retry', 'retry'];
    expect(await myMeetings(spread)).toEqual({ answers: requestLimit, remaining: expectedRemaining });
    expect(await myMeetings(alone)).toEqual({ answers: requestLimit, remaining: expectedRemaining });
    const twice = async (pick: (index: number) => Api) => {
      const token = await attendeeToken(admin, await createAttendee(admin, event.id));
      const from = freshAddress();
      const answers = [];
      for (let i = 0; i < REQUESTS_PER_MINUTE / 2 + 1; i++) answers.push(outcome(await gqlAt(pick(i), from, `{ a: myMeetings { id } b: myMeetings { id } }`, {}, token)));
      return answers;
    };
    const twiceLimit = [...Array(REQUESTS_PER_MINUTE / 2).fill('OK'), 'TOO_MANY_REQUESTS/RATE_LIMITED'];
    expect(await twice(spread)).toEqual(twiceLimit);
    expect(await twice(alone)).toEqual(twiceLimit);

    // Sign-in link requests per minute, per email and address (the sign-in limit).
    const links = async (pick: (index: number) => Api) => {
      const from = freshAddress();
      const email = `link-${unique()}@pairwise.test`;
      const answers = [];
      for (let i = 0; i < SIGN_IN_ATTEMPTS_PER_MINUTE + 2; i++) answers.push(outcome(await gqlAt(pick(i), from, LINK, { input: { email, eventSlug: event.slug } })));
      return answers;
    };
    const linkLimit = [...Array(SIGN_IN_ATTEMPTS_PER_MINUTE).fill('OK'), ...Array(2).fill('TOO_MANY_REQUESTS/RATE_LIMITED')];
    expect(await links(spread)).toEqual(linkLimit);
    expect(await links(alone)).toEqual(linkLimit);

    // Failed sign-ins: three free, then a wait that doubles, whichever process each attempt reaches.
    const failures = async (pick: (index: number) => Api) => {
      const from = freshAddress();
      const email = `guess-${unique()}@pairwise.test`;
      const attempt = (i: number) => gqlAt(pick(i), from, LOGIN, { input: { email, password: `wrong-${i}` } }).then(outcome);
      const seen: (string | number)[] = [];
      for (let i = 0; i < 3; i++) seen.push(await attempt(i));
      seen.push(await waitSeconds());
      // The wait is 1 s; made a minute (in the database, so no test waits on a clock) to be sure the next attempt falls in it.
      await sql.query(`UPDATE sign_in_failures SET retry_at = retry_at + interval '1 minute' WHERE last_failed_at = (SELECT max(last_failed_at) FROM sign_in_failures)`);
      seen.push(await attempt(3));
      await sql.query(`UPDATE sign_in_failures SET retry_at = now() WHERE last_failed_at = (SELECT max(last_failed_at) FROM sign_in_failures)`);
      seen.push(await attempt(4));
      seen.push(await waitSeconds());
      return seen;
    };
    const waitSeconds = async () =>
      Number((await sql.query(`SELECT extract(epoch FROM retry_at - last_failed_at)::int AS s FROM sign_in_failures ORDER BY last_failed_at DESC LIMIT 1`)).rows[0].s);
    const WRONG = 'UNAUTHENTICATED/UNAUTHENTICATED';
    const throttled = [WRONG, WRONG, WRONG, 1, 'TOO_MANY_REQUESTS/SIGN_IN_DELAYED', WRONG, 2];
    expect(await failures(spread)).toEqual(throttled);
    expect(await failures(alone)).toEqual(throttled);
  }

  it('in PostgreSQL: two processes enforce exactly the limits one does, and keep no email or address in clear', async () => {
    const [a, b] = await Promise.all([startApi({}), startApi({})]);
    await expectSharedLimits(a, b);
    const { rows } = await sql.query(`SELECT key FROM rate_limit_counters`);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.map((row) => row.key).join('\n')).not.toMatch(/@|127\.0\.0|login|account/);
    await Promise.all([a.process.kill(), b.process.kill()]);
  });

  it('in Redis (PAIRWISE_REDIS_URL): the same limits, counted in Redis and not in PostgreSQL', async () => {
    const before = Number((await sql.query(`SELECT count(*)::int AS n FROM rate_limit_counters`)).rows[0].n);
    const [a, b] = await Promise.all([startApi({ PAIRWISE_REDIS_URL: redis.url }), startApi({ PAIRWISE_REDIS_URL: redis.url })]);
    await expectSharedLimits(a, b);
    expect(Number((await sql.query(`SELECT count(*)::int AS n FROM rate_limit_counters`)).rows[0].n)).toBe(before);
    const keys = await redis.command(`KEYS ${REDIS_KEY_PREFIX}*`);
    expect(keys).toContain(REDIS_KEY_PREFIX);
    expect(keys).not.toMatch(/@|127\.0\.0|login|account/);
    await Promise.all([a.process.kill(), b.process.kill()]);
  });

  it('refuses to start when PAIRWISE_REDIS_URL names no Redis, saying so', async () => {
    const port = await freePort();
    const process = new ApiProcess({ DATABASE_URL: database.url, HOST: '127.0.0.1', PORT: String(await freePort()), PAIRWISE_JWT_SECRET: secret, PAIRWISE_REDIS_URL: `redis://127.0.0.1:${port}` });
    closeLater(() => process.kill());
    expect(await process.exited).not.toBe(0);
    expect(process.output).toContain('PAIRWISE_REDIS_URL: cannot reach Redis');
  });
});

/** The stores themselves, against real PostgreSQL and Redis: the counting rule of limit-store.ts. */
describe('the limit stores count alike', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let redis: TestRedis;
  let postgres: PostgresLimitStore;
  let redisStore: RedisLimitStore;

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = new DataSource(dataSourceOptions(database.url));
    await dataSource.initialize();
    closeLater(() => dataSource.destroy());
    postgres = new PostgresLimitStore(dataSource);
    closeLater(async () => postgres.onModuleDestroy());
    redis = await startRedisServer();
    closeLater(() => redis.close());
    redisStore = new RedisLimitStore(redis.url);
    await redisStore.onModuleInit();
    closeLater(() => redisStore.onModuleDestroy());
  });

  /** Each store, and how to end a key's block now (as if its time had passed: no test waits on a clock). */
  const cases: [string, () => LimitStore, (key: string) => Promise<unknown>][] = [
    ['PostgreSQL', () => postgres, (key) => dataSource.query(`UPDATE rate_limit_counters SET blocked_until = now() - interval '1 ms' WHERE key = $1`, [key])],
    ['Redis', () => redisStore, (key) => redis.command(`DEL ${REDIS_KEY_PREFIX}{${key}}:block`)],
  ];

  it.each(cases)('%s: counts to the limit, blocks beyond it without counting, and starts anew after the block', async (_name, store, endBlock) => {
    const key = `case-${unique()}`;
    const hit = () => store().increment(key, 60_000, 2, 30_000, 'default');
    const first = await hit();
    expect(first).toMatchObject({ totalHits: 1, isBlocked: false, timeToBlockExpire: 0 });
    expect(first.timeToExpire).toBeGreaterThan(0);
    expect(first.timeToExpire).toBeLessThanOrEqual(60);
    expect(await hit()).toMatchObject({ totalHits: 2, isBlocked: false });
    const blocked = await hit();
    expect(blocked).toMatchObject({ isBlocked: true });
    expect(blocked.timeToBlockExpire).toBeGreaterThan(0);
    expect(blocked.timeToBlockExpire).toBeLessThanOrEqual(30);
    expect(await hit()).toMatchObject({ isBlocked: true });
    // After the block, a new window: counted from 1.
    await endBlock(key);
    expect(await hit()).toMatchObject({ totalHits: 1, isBlocked: false });
    expect(await hit()).toMatchObject({ totalHits: 2, isBlocked: false });
  });

  it.each(cases)('%s: counts hits from many callers at once each exactly once', async (_name, store) => {
    const key = `burst-${unique()}`;
    const answers = await Promise.all(Array.from({ length: 40 }, () => store().increment(key, 60_000, 25, 60_000, 'default')));
    expect(answers.filter((answer) => !answer.isBlocked)).toHaveLength(25);
    expect(answers.filter((answer) => !answer.isBlocked).map((answer) => answer.totalHits).sort((x, y) => x - y)).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
  });

  it('Redis: lets requests through, uncounted, while Redis is down (no error reaches the request)', async () => {
    const own = await startRedisServer();
    closeLater(() => own.close());
    const store = new RedisLimitStore(own.url);
    await store.onModuleInit();
    closeLater(() => store.onModuleDestroy());
    const key = `outage-${unique()}`;
    expect(await store.increment(key, 60_000, 1, 60_000)).toMatchObject({ totalHits: 1, isBlocked: false });
    expect(await store.increment(key, 60_000, 1, 60_000)).toMatchObject({ isBlocked: true });
    await own.close();
    // Redis is gone: no exception reaches the request, and nothing is refused.
    expect(await store.increment(key, 60_000, 1, 60_000)).toMatchObject({ isBlocked: false });
  });

  it('PostgreSQL: the sweeper deletes the counters that count nothing any more, and only those', async () => {
    const live = `live-${unique()}`;
    await postgres.increment(live, 60_000, 5, 60_000);
    await dataSource.query(
      `INSERT INTO rate_limit_counters (key, hits, window_ends_at, blocked_until, expires_at)
       SELECT 'old-' || n, 1, now() - interval '2 minutes', NULL, now() - interval '1 minute' FROM generate_series(1, 30) n`,
    );
    expect(await postgres.sweep()).toBe(30);
    const keys = (await dataSource.query(`SELECT key FROM rate_limit_counters`)).map((row: { key: string }) => row.key);
    expect(keys).toContain(live);
    expect(keys.filter((key: string) => key.startsWith('old-'))).toEqual([]);
  });
});
