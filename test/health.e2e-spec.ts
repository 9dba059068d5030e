import { Client } from 'pg';
import { startTestApp, type TestApp } from '@pairwise/testing';

interface LogLine {
  level: number;
  msg?: string;
  [key: string]: unknown;
}

describe('health', () => {
  let t: TestApp;
  const lines: LogLine[] = [];
  beforeAll(async () => {
    t = await startTestApp({ LOG_LEVEL: 'info' }, { logDestination: { write: (line: string) => lines.push(JSON.parse(line) as LogLine) } });
  });
  afterAll(() => t?.close());

  it('answers liveness without a token', async () => {
    const response = await t.http().get('/health').expect(200);
    expect(response.body.status).toBe('ok');
  });

  it('answers readiness with its status only', async () => {
    const response = await t.http().get('/health/ready').expect(200);
    expect(response.body).toEqual({ status: 'ok' });
  });

  it('tells an anonymous caller nothing of the internals when the database does not answer, and logs why', async () => {
    const server = new URL(t.database.url);
    server.pathname = '/postgres';
    const admin = new Client({ connectionString: server.toString() });
    await admin.connect();
    const database = t.database.name;
    try {
      // The database refuses new connections and the API's pooled ones are cut: an outage, as the API's queries see it.
      // (Its LISTEN connection is left alone: this test is about what readiness answers, not about reconnecting.)
      await admin.query(`ALTER DATABASE "${database}" ALLOW_CONNECTIONS false`);
      await admin.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND application_name = 'pairwise'`, [database]);
      const response = await t.http().get('/health/ready');
      expect(response.status).toBe(503);
      expect(response.body).toEqual({ status: 'unavailable' });
      expect(response.text).not.toMatch(/database|accepting|ECONNREFUSED|127\.0\.0\.1|postgres|terminat/i);
      const logged = lines.find((line) => line.msg === 'Not ready: the database does not answer');
      expect(JSON.stringify(logged)).toMatch(/not currently accepting connections|terminat/);
    } finally {
      await admin.query(`ALTER DATABASE "${database}" ALLOW_CONNECTIONS true`);
      await admin.end();
    }
    await expect(t.http().get('/health/ready')).resolves.toMatchObject({ status: 200, body: { status: 'ok' } });
    expect(lines.some((line) => line.msg === 'Ready again: the database answers')).toBe(true);
  });

  it('tags every response with a request id, keeping a sane one the client sent', async () => {
    const response = await t.http().get('/health').set('x-request-id', 'client-req-42').expect(200);
    expect(response.headers['x-request-id']).toBe('client-req-42');
  });
});
