import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import {
  ADMIN,
  ApiProcess,
  apiProcessEnv,
  createAttendee,
  createEvent,
  createOrganiser,
  createTestDatabase,
  expectData,
  queryRows,
  remoteApi,
  seedConference,
  startEventApp,
  startTestApp,
  waitForRound,
  type TestApp,
  type TestDatabase,
} from '@pairwise/testing';
import { freePort } from '../apps/api/src/common/free-port';
import { RoundGenerationService } from '../apps/api/src/rounds/round-generation.service';

// Real processes, thousands of attendees, generations of several seconds: minutes on a busy 2-core machine.
jest.setTimeout(300_000);

/** Big enough that its matching still runs when the test acts on it (seconds, even on a fast machine). */
const ATTENDEES = 4000;

const CREATE_ROUND = `mutation ($input: CreateRoundInput!) { createRound(input: $input) { id } }`;
const GENERATE = `mutation ($id: ID!) { generateRound(input: {roundId: $id}) { status } }`;
const CANCEL = `mutation ($id: ID!) { cancelRound(roundId: $id) { status progress { phase } } }`;
const ROUND = `query ($id: ID!) { round(id: $id) { status progress { phase attendees error } stats { eligible matched } } }`;

interface RoundView {
  status: string;
  progress: { phase: string; attendees: number | null; error: string | null } | null;
  stats: { eligible: number; matched: number } | null;
}

async function poll<T>(read: () => Promise<T>, done: (value: T) => boolean, what: string, timeoutMs = 120_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`${what}: still ${JSON.stringify(value)} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe('a generation whose API process stops never leaves its round stuck', () => {
  let database: TestDatabase | undefined;
  const processes: ApiProcess[] = [];
  const state = { port: 0, token: '', eventId: '', env: {} as Record<string, string> };
  afterAll(async () => {
    for (const api of processes) await api.kill();
    await database?.drop();
  });

  const start = async () => {
    const api = new ApiProcess(state.env);
    processes.push(api);
    await api.waitFor(/Pairwise API ready at/);
    return api;
  };
  const gql = async <T = Record<string, any>>(document: string, variables: Record<string, unknown> = {}): Promise<T> =>
    expectData(await remoteApi(`http://127.0.0.1:${state.port}`).gql<T>(document, variables, state.token || undefined));
  const round = async (id: string) => (await gql<{ round: RoundView }>(ROUND, { id })).round;

  beforeAll(async () => {
    database = await createTestDatabase();
    state.port = await freePort();
    // The same secret for every process: the admin's token outlives the crash. A short lease, so the test need not wait 30 s.
    state.env = apiProcessEnv({ databaseUrl: database.url, port: state.port, admin: ADMIN, env: { PAIRWISE_GENERATION_LEASE_SECONDS: '3' } });
  });

  it('kill -9: a new process fails the round back to DRAFT at start-up, with progress.error; it then generates again', async () => {
    const first = await start();
    state.token = (await gql<{ login: { token: string } }>(`mutation ($input: LoginInput!) { login(input: $input) { token } }`, { input: ADMIN })).login.token;
    state.eventId = (await gql(`mutation { createEvent(input: {slug: "crash", name: "Crash test", timeZone: "Europe/Paris"}) { id } }`)).createEvent.id;
    await seedConference(database!.url, state.eventId, ATTENDEES);
    const { createRound } = await gql(CREATE_ROUND, { input: { eventId: state.eventId, name: 'Big round', startsAt: '2030-06-01T10:00:00Z' } });
    const roundId: string = createRound.id;

    expect((await gql(GENERATE, { id: roundId })).generateRound.status).toBe('GENERATING');
    await poll(() => round(roundId), (r) => r.progress?.phase === 'matching', 'waiting for the matching to start', 60_000);
    await first.kill();

    // What the crash leaves: GENERATING, phase matching, a lease nobody renews.
    const [stuck] = await queryRows(database!.url, `SELECT status, progress->>'phase' AS phase, lease_owner FROM rounds WHERE id = $1`, [roundId]);
    expect(stuck).toMatchObject({ status: 'GENERATING', phase: 'matching', lease_owner: expect.stringContaining(`/${first.process.pid}/`) });
    await poll(() => queryRows(database!.url, `SELECT lease_expires_at < now() AS lapsed FROM rounds WHERE id = $1`, [roundId]), ([row]) => row.lapsed, 'waiting for the lease to lapse', 30_000);

    const killedAt = Date.now();
    await start();
    // Failed by the new process as it started: no wait for a sweep, no organiser action.
    const failed = await round(roundId);
    expect(failed).toMatchObject({ status: 'DRAFT', progress: { phase: 'failed', error: expect.stringContaining('stopped before it finished') } });
    expect(Date.now() - killedAt).toBeLessThan(60_000);
    expect(await queryRows(database!.url, `SELECT count(*)::int AS n FROM meetings WHERE round_id = $1`, [roundId])).toEqual([{ n: 0 }]);

    // Generating again works.
    expect((await gql(GENERATE, { id: roundId })).generateRound.status).toBe('GENERATING');
    const done = await poll(() => round(roundId), (r) => r.status !== 'GENERATING', 'waiting for the second generation', 240_000);
    expect(done).toMatchObject({ status: 'GENERATED', progress: { phase: 'done', error: null }, stats: { eligible: ATTENDEES } });
    expect(done.stats!.matched).toBeGreaterThan(ATTENDEES * 0.95);
    expect(await queryRows(database!.url, `SELECT lease_owner, lease_expires_at FROM rounds WHERE id = $1`, [roundId])).toEqual([{ lease_owner: null, lease_expires_at: null }]);
  });

  it('a graceful stop (SIGTERM) fails the generation at once, with its own reason', async () => {
    for (const earlier of processes) await earlier.kill();
    const api = await start();
    const { createRound } = await gql(CREATE_ROUND, { input: { eventId: state.eventId, name: 'Stopped round', startsAt: '2030-06-01T11:00:00Z' } });
    expect((await gql(GENERATE, { id: createRound.id })).generateRound.status).toBe('GENERATING');
    await poll(() => round(createRound.id), (r) => r.progress?.phase === 'matching', 'waiting for the matching to start', 60_000);
    api.process.kill('SIGTERM');
    expect(await api.exited).toBe(0);
    const [stopped] = await queryRows(database!.url, `SELECT status, progress, lease_owner FROM rounds WHERE id = $1`, [createRound.id]);
    expect(stopped).toMatchObject({ status: 'DRAFT', lease_owner: null, progress: { phase: 'failed', error: 'The API was stopped while generating this round; generate it again' } });
  });
});

describe('cancelling a GENERATING round', () => {
  let t: TestApp | undefined;
  let other: TestApp | undefined;
  const lines: Record<string, unknown>[] = [];
  afterAll(async () => {
    await other?.close();
    await t?.close();
  });

  async function bigRound(app: TestApp): Promise<{ roundId: string; organiser: string }> {
    const { id: eventId } = await createEvent(app);
    const organiser = (await createOrganiser(app, eventId)).token;
    await seedConference(app.database!.url, eventId, ATTENDEES);
    const roundId = expectData(await app.gql(CREATE_ROUND, { input: { eventId, name: 'Big round', startsAt: '2030-06-01T10:00:00Z' } }, organiser)).createRound.id;
    expect(expectData(await app.gql(GENERATE, { id: roundId }, organiser)).generateRound.status).toBe('GENERATING');
    const read = async () => expectData(await app.gql(ROUND, { id: roundId }, organiser)).round as RoundView;
    await poll(read, (r) => r.progress?.phase === 'matching', 'waiting for the matching to start', 60_000);
    return { roundId, organiser };
  }

  beforeAll(async () => {
    // A lease far longer than any generation here: what stops the runs below is the cancel, never a renewal.
    const log = new Writable({ write: (chunk, _encoding, callback) => (lines.push(JSON.parse(String(chunk))), callback()) });
    // One token secret: an organiser signed in through one process is known to the other.
    const shared = { PAIRWISE_GENERATION_LEASE_SECONDS: '600', PAIRWISE_JWT_SECRET: randomBytes(32).toString('hex') };
    // Both write to `lines`: Nest's class loggers follow the application created last.
    t = await startTestApp({ ...shared, LOG_LEVEL: 'info' }, { logDestination: log });
    other = await startTestApp({ ...shared, LOG_LEVEL: 'info' }, { database: t.database, logDestination: log });
  });

  it('in the process running it: stops its worker at once, and no draft appears', async () => {
    const { roundId, organiser } = await bigRound(t!);
    const cancelled = expectData(await t!.gql(CANCEL, { id: roundId }, organiser)).cancelRound;
    expect(cancelled).toEqual({ status: 'CANCELLED', progress: { phase: 'cancelled' } });
    await t!.app.get(RoundGenerationService).settled();
    expect(lines).toContainEqual(expect.objectContaining({ roundId, msg: 'Round generation stopped without a draft', reason: 'cancelled' }));
    expect(await queryRows(t!.database!.url, `SELECT status, lease_owner FROM rounds WHERE id = $1`, [roundId])).toEqual([{ status: 'CANCELLED', lease_owner: null }]);
    expect(await queryRows(t!.database!.url, `SELECT count(*)::int AS n FROM meetings WHERE round_id = $1`, [roundId])).toEqual([{ n: 0 }]);
  });

  it('from another process: the run finishes its matching, finds it no longer holds the lease, and writes nothing', async () => {
    const { roundId, organiser } = await bigRound(t!);
    // Cancelled through the other API process: the generating one learns it only from the database.
    expect(expectData(await other!.gql(CANCEL, { id: roundId }, organiser)).cancelRound.status).toBe('CANCELLED');
    await t!.app.get(RoundGenerationService).settled();
    expect(lines).toContainEqual(expect.objectContaining({ roundId, msg: 'Round generation dropped its plan: the round was cancelled or failed meanwhile' }));
    expect(await queryRows(t!.database!.url, `SELECT status FROM rounds WHERE id = $1`, [roundId])).toEqual([{ status: 'CANCELLED' }]);
    expect(await queryRows(t!.database!.url, `SELECT count(*)::int AS n FROM meetings WHERE round_id = $1`, [roundId])).toEqual([{ n: 0 }]);
  });
});

describe('a live process fails lapsed generations without being restarted', () => {
  let t: TestApp | undefined;
  afterAll(() => t?.close());

  it('sweeps a round whose lease lapsed within about a lease and a half; never one whose lease is alive', async () => {
    let eventId: string;
    let organiser: string;
    ({ t, event: { id: eventId }, organiser: { token: organiser } } = await startEventApp({ env: { PAIRWISE_GENERATION_LEASE_SECONDS: '2' } }));
    for (const name of ['Ann', 'Bob']) await createAttendee(t, eventId, { name, present: true });
    const roundId = expectData(await t.gql(CREATE_ROUND, { input: { eventId, name: 'Orphan', startsAt: '2030-06-01T10:00:00Z' } }, organiser)).createRound.id;
    // A run on another host that died: its lease is valid for 3 s more, then nobody renews it.
    await queryRows(
      t.database!.url,
      `UPDATE rounds SET status = 'GENERATING', progress = '{"phase":"matching"}', lease_owner = 'elsewhere/1/run', lease_expires_at = now() + interval '3 seconds' WHERE id = $1`,
      [roundId],
    );
    const read = async () => expectData(await t!.gql(ROUND, { id: roundId }, organiser)).round as RoundView;
    expect((await read()).status).toBe('GENERATING');
    const regenerate = await t.gql(GENERATE, { id: roundId }, organiser);
    expect(regenerate.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'GENERATION_IN_PROGRESS' });
    const lapsedBy = Date.now() + 3_000;
    const failed = await poll(read, (r) => r.status !== 'GENERATING', 'waiting for the sweep', 30_000);
    expect(Date.now()).toBeGreaterThanOrEqual(lapsedBy - 500);
    expect(failed).toMatchObject({ status: 'DRAFT', progress: { phase: 'failed', error: expect.stringContaining('stopped before it finished') } });
  });

  it('lets an organiser cancel a round stuck GENERATING (it used to refuse)', async () => {
    const { id: eventId } = await createEvent(t!);
    const organiser = (await createOrganiser(t!, eventId)).token;
    const roundId = expectData(await t!.gql(CREATE_ROUND, { input: { eventId, name: 'Stuck', startsAt: '2030-06-01T10:00:00Z' } }, organiser)).createRound.id;
    await queryRows(t!.database!.url, `UPDATE rounds SET status = 'GENERATING', lease_owner = 'elsewhere/1/run', lease_expires_at = now() + interval '1 hour' WHERE id = $1`, [roundId]);
    expect(expectData(await t!.gql(CANCEL, { id: roundId }, organiser)).cancelRound).toEqual({ status: 'CANCELLED', progress: { phase: 'cancelled' } });
    expect(await waitForRound(t!, roundId, organiser)).toMatchObject({ status: 'CANCELLED' });
  });
});
