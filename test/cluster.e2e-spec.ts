import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import { apiProcessEnv, built, closeLater, createTestDatabase, isAlive, trackProcess, type TestDatabase } from '@pairwise/testing';
import { freePort } from '../apps/api/src/common/free-port';

// Each case starts the built server (a primary and its workers, each loading Nest): seconds when the
// machine is idle, more than a minute when a few builds and test runs share its two cores.
jest.setTimeout(240_000);

const main = built('apps/api/src/main.js');
const ADMIN = { email: 'cluster-admin@pairwise.test', password: 'cluster-admin-password' };

/** The server as `PAIRWISE_WORKERS=2 npm start` runs it, with its output kept for the assertions. */
class Server {
  readonly process: ChildProcess;
  output = '';
  readonly exited: Promise<number | null>;

  constructor(env: Record<string, string>) {
    this.process = trackProcess(spawn('node', [main], { env: { ...process.env, LOG_LEVEL: 'warn', NODE_ENV: 'test', ...env } }));
    this.process.stdout!.on('data', (chunk) => (this.output += chunk));
    this.process.stderr!.on('data', (chunk) => (this.output += chunk));
    this.exited = new Promise((resolve) => this.process.once('exit', (code) => resolve(code)));
  }

  /** Resolves with the match once the output shows it; fails if the server exits first. */
  async waitFor(pattern: RegExp, timeoutMs = 150_000): Promise<RegExpMatchArray> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const match = this.output.match(pattern);
      if (match) return match;
      if (this.process.exitCode !== null) throw new Error(`the server exited (${this.process.exitCode}) before printing ${pattern}:\n${this.output}`);
      if (Date.now() > deadline) throw new Error(`no ${pattern} within ${timeoutMs} ms:\n${this.output}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  workerPid(index: number): number {
    const lines = [...this.output.matchAll(new RegExp(`"pid":(\\d+),"msg":"worker ${index} serving"`, 'g'))];
    return Number(lines.at(-1)![1]);
  }
}

async function gql<T>(port: number, query: string, token?: string): Promise<T> {
  const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query }),
  });
  const payload = (await response.json()) as { data?: T; errors?: unknown[] };
  if (!payload.data || payload.errors) throw new Error(`GraphQL failed: ${JSON.stringify(payload)}`);
  return payload.data;
}

describe('PAIRWISE_WORKERS: the API as a cluster of processes', () => {
  let database: TestDatabase;
  const env = (port: number) => apiProcessEnv({ databaseUrl: database.url, port, admin: ADMIN, env: { PAIRWISE_WORKERS: '2' } });

  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database?.drop());

  it('serves from every worker, replaces one that dies, and stops them all on SIGTERM', async () => {
    const port = await freePort();
    const server = new Server(env(port));
    try {
      await server.waitFor(/Pairwise API ready at http:\/\/127\.0\.0\.1:\d+\/graphql \(2 workers\)/);
      const [first, second] = [server.workerPid(0), server.workerPid(1)];
      expect(new Set([first, second, server.process.pid]).size).toBe(3);

      // A token signed by one worker is accepted by the other: they share the resolved secret.
      const { login } = await gql<{ login: { token: string } }>(port, `mutation { login(input: {email: "${ADMIN.email}", password: "${ADMIN.password}"}) { token } }`);
      for (let i = 0; i < 6; i++) expect((await gql<{ me: { role: string } }>(port, '{ me { role } }', login.token)).me.role).toBe('ADMIN');

      process.kill(second, 'SIGKILL');
      await server.waitFor(new RegExp(`worker 1 \\(pid ${second}\\) exited \\(SIGKILL\\); starting a new one`));
      await server.waitFor(/worker 1 serving[\s\S]*worker 1 serving/);
      const replacement = server.workerPid(1);
      expect(replacement).not.toBe(second);
      expect(isAlive(replacement)).toBe(true);
      for (let i = 0; i < 4; i++) expect((await gql<{ me: { role: string } }>(port, '{ me { role } }', login.token)).me.role).toBe('ADMIN');

      server.process.kill('SIGTERM');
      expect(await server.exited).toBe(0);
      expect(server.output).toContain('SIGTERM received: stopping 2 workers');
      expect([first, replacement].filter(isAlive)).toEqual([]);
    } finally {
      server.process.kill('SIGKILL');
    }
  });

  it('gives up with exit code 1 when the workers cannot start (the port is taken)', async () => {
    const taken = net.createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const release = closeLater(() => new Promise<void>((resolve) => taken.close(() => resolve()))); // even if the case times out
    const server = new Server(env((taken.address() as net.AddressInfo).port));
    try {
      expect(await server.exited).toBe(1);
      expect(server.output).toContain(`port ${(taken.address() as net.AddressInfo).port} is already in use; set PORT to a free one`);
      expect(server.output).toMatch(/worker \d \(pid \d+\) could not start/);
    } finally {
      server.process.kill('SIGKILL');
      await release();
    }
  });
});
