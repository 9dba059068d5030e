import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import {
  apiProcessEnv,
  built,
  createAttendee,
  createEvent,
  createOrganiser,
  createTestDatabase,
  remoteApi,
  runFile,
  runRound,
  trackProcess,
  type GraphqlCaller,
  type TestDatabase,
} from '@pairwise/testing';
import { freePort } from '../apps/api/src/common/free-port';

const root = path.resolve(__dirname, '..');
const ADMIN = { email: 'build-admin@pairwise.test', password: 'build-admin-password' };
/** The build folder dist/ points at now. */
const currentBuild = () => fs.realpathSync(path.join(root, 'dist'));

/** A server process started the way a person starts it, in a process group of its own (npm runs node under a shell). */
class Server {
  readonly process: ChildProcess;
  output = '';

  constructor(command: string, args: string[], env: Record<string, string>) {
    this.process = trackProcess(spawn(command, args, { cwd: root, env: { ...process.env, ...env }, detached: true }), { group: true });
    this.process.stdout!.on('data', (chunk) => (this.output += chunk));
    this.process.stderr!.on('data', (chunk) => (this.output += chunk));
  }

  async waitUntilReady(timeoutMs = 120_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!this.output.includes('Pairwise API ready at')) {
      if (this.process.exitCode !== null) throw new Error(`the server exited (${this.process.exitCode}) before it was ready:\n${this.output}`);
      if (Date.now() > deadline) throw new Error(`the server was not ready within ${timeoutMs} ms:\n${this.output}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

/** A small event generated to its end through the server's matching worker; throws unless the round is GENERATED. */
async function generateARound(api: GraphqlCaller, name: string): Promise<void> {
  const { id: eventId } = await createEvent(api);
  const organiser = await createOrganiser(api, eventId);
  for (const person of ['Ada', 'Grace', 'Alan', 'Katherine']) {
    await createAttendee(api, eventId, { name: person, present: true, interests: ['rag', 'agents'] });
  }
  await runRound(api, organiser.token, { eventId, name, startsAt: '2030-06-01T09:00:00Z', tables: ['T1', 'T2'] }, { publish: false });
}

describe('building beside a running server', () => {
  let database: TestDatabase;
  const env = (port: number) => apiProcessEnv({ databaseUrl: database.url, port, admin: ADMIN, env: { NODE_ENV: 'test', LOG_LEVEL: 'warn' } });

  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database?.drop());

  it('the server keeps generating rounds during and after `npm run build`, and dist points at the new build', async () => {
    const port = await freePort();
    const server = new Server(process.execPath, [built('apps/api/src/main.js')], env(port));
    await server.waitUntilReady();
    const api = remoteApi(`http://127.0.0.1:${port}`, ADMIN);
    const before = currentBuild();

    let buildFinished = false;
    const building = runFile('npm', ['run', 'build'], { cwd: root }).finally(() => (buildFinished = true));
    await generateARound(api, 'During the build');
    expect(buildFinished).toBe(false); // the round above really ran beside the build
    await building;

    expect(currentBuild()).not.toBe(before);
    await generateARound(api, 'After the build');
    expect(server.process.exitCode).toBeNull();
    expect(server.output).not.toMatch(/Cannot find module|matching worker stopped/);
  }, 600_000);

  it('`npm start` with nothing changed starts the current build without building again', async () => {
    const before = currentBuild();
    const started = Date.now();
    const server = new Server('npm', ['start'], env(await freePort()));
    await server.waitUntilReady();
    expect(server.output).toContain(`build: dist is up to date (${path.basename(before)})`);
    expect(server.output).not.toContain('build: API');
    expect(currentBuild()).toBe(before);
    // Ready in seconds (under 5 on an idle machine, docs/benchmarks.md); a build alone takes a minute here.
    expect(Date.now() - started).toBeLessThan(60_000);
  }, 180_000);
});
