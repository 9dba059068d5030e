import net from 'node:net';
import { ApiProcess, apiProcessEnv, closeLater, createTestDatabase, expectData, isAlive, remoteApi, type TestDatabase } from '@pairwise/testing';
import { freePort } from '../apps/api/src/common/free-port';

// Each case starts the built server (a primary and its workers, each loading Nest): seconds when the
// machine is idle, more than a minute when a few builds and test runs share its two cores.
jest.setTimeout(240_000);

const ADMIN = { email: 'cluster-admin@pairwise.test', password: 'cluster-admin-password' };

/** The server as `PAIRWISE_WORKERS=2 npm start` runs it (a primary and its workers), with its output kept for the assertions. */
class Server extends ApiProcess {
  /** Waits longer than a single process by default: the primary starts its workers one after another. */
  override waitFor(pattern: RegExp, timeoutMs = 150_000): Promise<RegExpMatchArray> {
    return super.waitFor(pattern, timeoutMs);
  }

  workerPid(index: number): number {
    const lines = [...this.output.matchAll(new RegExp(`"pid":(\\d+),"msg":"worker ${index} serving"`, 'g'))];
    return Number(lines.at(-1)![1]);
  }
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
      const api = remoteApi(`http://127.0.0.1:${port}`, ADMIN);
      const token = await api.adminToken();
      const role = async () => expectData(await api.gql<{ me: { role: string } }>('{ me { role } }', {}, token)).me.role;
      for (let i = 0; i < 6; i++) expect(await role()).toBe('ADMIN');

      process.kill(second, 'SIGKILL');
      await server.waitFor(new RegExp(`worker 1 \\(pid ${second}\\) exited \\(SIGKILL\\); starting a new one`));
      await server.waitFor(/worker 1 serving[\s\S]*worker 1 serving/);
      const replacement = server.workerPid(1);
      expect(replacement).not.toBe(second);
      expect(isAlive(replacement)).toBe(true);
      for (let i = 0; i < 4; i++) expect(await role()).toBe('ADMIN');

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
