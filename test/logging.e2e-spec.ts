import { DataSource } from 'typeorm';
import { APP_LOGGER, type AppLogger } from '../apps/api/src/logging/app-logger';
import { attendeeToken, createAttendee, createEvent, expectData, startTestApp, withClient, type TestApp } from '@pairwise/testing';

interface LogLine {
  level: number;
  msg?: string;
  reqId?: string;
  req?: { id: string; method: string; url: string; remoteAddress?: string };
  res?: { statusCode: number };
  responseTime?: number;
  err?: { type?: string; message: string; stack?: string; code?: string };
  [key: string]: unknown;
}

const ERROR = 50;

describe('logging: JSON lines that follow a request by its id', () => {
  let t: TestApp;
  const lines: LogLine[] = [];
  const raw: string[] = [];
  let eventId: string;
  let admin: string;

  beforeAll(async () => {
    t = await startTestApp(
      { LOG_LEVEL: 'info' },
      {
        logDestination: {
          write: (line: string) => {
            raw.push(line);
            lines.push(JSON.parse(line) as LogLine);
          },
        },
      },
    );
    admin = await t.adminToken();
    ({ id: eventId } = await createEvent(t));
  });
  afterAll(() => t?.close());

  /** Runs `work` while `table` is missing, the way a broken deployment would fail. */
  function withoutTable<T>(table: string, work: () => Promise<T>): Promise<T> {
    return withClient(t.database.url, async (client) => {
      await client.query(`ALTER TABLE ${table} RENAME TO ${table}_away`);
      try {
        return await work();
      } finally {
        await client.query(`ALTER TABLE ${table}_away RENAME TO ${table}`);
      }
    });
  }

  it('writes one line per request with its id, method, URL and status, and never the token', async () => {
    const token = await attendeeToken(t, await createAttendee(t, eventId, { name: 'Log Reader' }));
    const response = await t.http().post('/graphql').set('authorization', `Bearer ${token}`).set('content-type', 'application/json').send({ query: '{ myMeetings { id } }' }).expect(200);
    const id = response.headers['x-request-id'] as string;
    const requestLines = lines.filter((line) => line.req?.id === id);
    expect(requestLines).toHaveLength(1);
    expect(requestLines[0]).toMatchObject({ level: 30, msg: 'request completed', req: { method: 'POST', url: '/graphql' }, res: { statusCode: 200 } });
    expect(typeof requestLines[0]!.responseTime).toBe('number');
    expect(raw.join('')).not.toContain(token);
    expect(raw.join('').toLowerCase()).not.toContain('authorization');
  });

  it('never writes the calendar feed’s secret, nor any token-like query parameter, and anonymises the client address', async () => {
    const attendee = await attendeeToken(t, await createAttendee(t, eventId, { name: 'Feed Reader' }));
    const { url } = expectData(await t.gql<{ issueCalendarFeed: { url: string } }>(`mutation { issueCalendarFeed { url } }`, {}, attendee)).issueCalendarFeed;
    const feed = new URL(url);
    const secret = feed.searchParams.get('token')!;
    expect(secret.length).toBeGreaterThan(20);
    const response = await t.http().get(feed.pathname + feed.search).expect(200);
    const line = lines.find((entry) => entry.req?.id === response.headers['x-request-id']);
    expect(line?.req).toMatchObject({ url: `${feed.pathname}?token=[redacted]`, remoteAddress: '127.0.0.0' });
    const link = await t.http().get('/sign-in?token=one-time-link-secret&next=%2Fmeetings');
    expect(lines.find((entry) => entry.req?.id === link.headers['x-request-id'])?.req?.url).toBe('/sign-in?token=[redacted]&next=%2Fmeetings');
    expect(raw.join('')).not.toContain(secret);
    expect(raw.join('')).not.toContain('one-time-link-secret');
  });

  it('logs a failed statement without the personal data it was given: erasure has nothing to chase in the logs', async () => {
    const person = { name: 'Zebedee Quillfeather', email: 'zebedee.quillfeather@example.org' };
    const response = await withoutTable('attendees', () =>
      t.gql(`mutation ($input: CreateAttendeeInput!) { createAttendee(input: $input) { attendee { id } } }`, { input: { eventId, ...person, consentMatchmaking: true } }, admin),
    );
    expect(response.errors?.[0]?.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
    const logged = lines.find((line) => line.level === ERROR && /relation "attendees" does not exist/.test(line.err?.message ?? ''));
    expect(logged?.err).toMatchObject({ type: 'QueryFailedError', code: '42P01' });
    expect(logged?.err?.stack).toBeDefined();
    expect(raw.join('')).not.toMatch(/Zebedee|Quillfeather|zebedee\.quillfeather/i);
    expect(raw.join('')).not.toMatch(/"parameters"|"detail"|"query"/);
  });

  it('logs PostgreSQL’s own message without the value it quotes', async () => {
    const failure = await t.app.get(DataSource).query('SELECT $1::uuid', ['grace.hopper@example.org']).catch((error: unknown) => error);
    expect((failure as Error).message).toContain('grace.hopper@example.org'); // what PostgreSQL said
    t.app.get<AppLogger>(APP_LOGGER).error({ err: failure }, 'a failed statement');
    const logged = lines.find((line) => line.msg === 'a failed statement');
    expect(logged?.err).toMatchObject({ type: 'QueryFailedError', message: 'invalid input syntax for type uuid: [redacted]', code: '22P02' });
    expect(raw.join('')).not.toContain('grace.hopper');
  });

  it('leaves health probes out', async () => {
    const response = await t.http().get('/health').expect(200);
    expect(lines.some((line) => line.req?.id === response.headers['x-request-id'])).toBe(false);
  });

  it('logs an unexpected GraphQL failure in full under the request id its response carries, and tells the client nothing of it', async () => {
    const response = await withoutTable('event_tags', () =>
      t.http().post('/graphql').set('authorization', `Bearer ${admin}`).set('content-type', 'application/json').send({ query: `{ event(id: "${eventId}") { vocabulary { slug } } }` }),
    );
    expect(response.body.errors[0].extensions.code).toBe('INTERNAL_SERVER_ERROR');
    expect(JSON.stringify(response.body)).not.toMatch(/event_tags|relation|does not exist/);
    const id = response.headers['x-request-id'] as string;
    const logged = lines.find((line) => line.reqId === id && line.level === ERROR);
    expect(logged?.err?.message).toMatch(/relation "event_tags" does not exist/);
    expect(logged?.err?.stack).toBeDefined();
  });

  it('logs an unexpected failure on an HTTP route the same way, and answers a 500 with a stable code', async () => {
    const attendee = await attendeeToken(t, await createAttendee(t, eventId, { name: 'Calendar User' }));
    const { url } = expectData(await t.gql<{ issueCalendarFeed: { url: string } }>(`mutation { issueCalendarFeed { url } }`, {}, attendee)).issueCalendarFeed;
    const feed = new URL(url);
    const response = await withoutTable('events', () => t.http().get(feed.pathname + feed.search));
    expect(response.status).toBe(500);
    expect(response.body).toEqual({ code: 'INTERNAL_SERVER_ERROR', message: expect.stringMatching(/logged/) });
    const id = response.headers['x-request-id'] as string;
    expect(lines.find((line) => line.reqId === id && line.level === ERROR)?.err?.message).toMatch(/relation "events" does not exist/);
    expect(lines.find((line) => line.req?.id === id)).toMatchObject({ level: ERROR, msg: 'request errored', res: { statusCode: 500 } });
  });

  it('keeps domain errors out of the error log: they are the client’s to read', async () => {
    const before = lines.filter((line) => line.level >= ERROR).length;
    const response = await t.gql(`{ event(id: "${eventId}") { organisers { id } } }`);
    expect(response.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(lines.filter((line) => line.level >= ERROR)).toHaveLength(before);
  });

  it('answers an unknown route with a plain 404, logged as a request and not as an error', async () => {
    const before = lines.filter((line) => line.level >= ERROR).length;
    const response = await t.http().get('/no-such-route').expect(404);
    expect(response.body).toMatchObject({ statusCode: 404, message: 'Cannot GET /no-such-route' });
    expect(lines.find((line) => line.req?.id === response.headers['x-request-id'])).toMatchObject({ level: 30, res: { statusCode: 404 } });
    expect(lines.filter((line) => line.level >= ERROR)).toHaveLength(before);
  });
});
