import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { ADMIN, attendeeToken, createAttendee, createEvent, login, startTestApp, type TestApp } from '@pairwise/testing';

const codeOf = (response: { errors?: { extensions?: { code?: string } }[] }) => response.errors?.[0]?.extensions?.code;

async function countRows(t: TestApp, table: string): Promise<number> {
  const client = new Client({ connectionString: t.database.url });
  await client.connect();
  const { rows } = await client.query(`SELECT count(*)::int AS n FROM ${table}`);
  await client.end();
  return rows[0].n;
}

describe('attack suite: abusive GraphQL, refused before anything runs or is written', () => {
  let t: TestApp;
  let admin: string;
  let eventId: string;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.adminToken();
    ({ id: eventId } = await createEvent(t));
  });
  afterAll(() => t?.close());

  it('refuses deep nesting (depth > 8), fragments and introspection included', async () => {
    const deepest = `{ rounds(eventId: "${eventId}") { meetings { edges { node { participants { event { vocabulary { synonyms } } } } } } } }`;
    // Depth 8, the deepest the schema allows: not refused for depth (its cost is another matter).
    expect((await t.gql(deepest, {}, admin)).errors?.[0]?.message ?? '').not.toMatch(/depth/i);
    const ofTypes = (depth: number): string => (depth === 0 ? 'name' : `ofType { ${ofTypes(depth - 1)} }`);
    const introspection = `{ __type(name: "Query") { fields { type { ${ofTypes(7)} } } } }`;
    const response = await t.gql(introspection, {}, admin);
    expect(codeOf(response)).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(response.errors?.[0]?.message).toMatch(/depth/i);
    const viaFragments = `query { __type(name: "Query") { ...F } } fragment F on __Type { fields { type { ${ofTypes(7)} } } }`;
    expect(codeOf(await t.gql(viaFragments, {}, admin))).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('refuses alias overloading (more than 15 aliases)', async () => {
    const aliases = Array.from({ length: 16 }, (_, i) => `a${i}: me { role }`).join(' ');
    const response = await t.gql(`{ ${aliases} }`, {}, admin);
    expect(codeOf(response)).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(response.errors?.[0]?.message).toMatch(/alias/i);
  });

  it('refuses field duplication and huge documents (token limit)', async () => {
    const response = await t.gql(`{ me { ${'role '.repeat(3000)} } }`, {}, admin);
    expect(['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED']).toContain(codeOf(response));
    expect(response.errors?.[0]?.message).toMatch(/token/i);
  });

  it('refuses a huge `first` by its cost before running it', async () => {
    const response = await t.gql(`{ attendees(eventId: "${eventId}", first: 1000000) { edges { node { id name } } } }`, {}, admin);
    expect(codeOf(response)).toBe('QUERY_TOO_COSTLY');
    const page = await t.gql(`{ attendees(eventId: "${eventId}", first: 100) { totalCount } }`, {}, admin);
    expect(codeOf(page)).toBeUndefined();
  });

  it('costs the same document by its variables each time (the estimate is remembered per document and variables)', async () => {
    const query = `query ($e: ID!, $n: Int!) { attendees(eventId: $e, first: $n) { edges { node { id name } } } }`;
    for (const [first, code] of [[20, undefined], [1_000_000, 'QUERY_TOO_COSTLY'], [20, undefined], [1_000_000, 'QUERY_TOO_COSTLY'], [5_000, 'QUERY_TOO_COSTLY']] as const) {
      expect(codeOf(await t.gql(query, { e: eventId, n: first }, admin))).toBe(code);
    }
  });

  it('refuses batched requests', async () => {
    const response = await t
      .http()
      .post('/graphql')
      .set('content-type', 'application/json')
      .set('authorization', `Bearer ${admin}`)
      .send([{ query: '{ me { role } }' }, { query: '{ me { role } }' }]);
    expect(response.status).toBe(400);
    expect(JSON.stringify(response.body ?? response.text)).toMatch(/batch/i);
  });

  it('refuses CSRF-style requests (simple content types, GET without a preflight header)', async () => {
    const form = await t.http().post('/graphql').set('content-type', 'text/plain').send(JSON.stringify({ query: 'mutation { deleteMyData }' }));
    expect(form.status).toBe(400);
    const get = await t.http().get('/graphql').query({ query: '{ me { role } }' }).set('authorization', `Bearer ${admin}`);
    expect(get.status).toBe(400);
    expect(get.text).toMatch(/CSRF|preflight/i);
  });

  it('refuses a body over the size limit with 413, writing nothing', async () => {
    const before = await countRows(t, 'attendees');
    const csv = `email,name\n${'x'.repeat(11 * 1024 * 1024)}`;
    const response = await t
      .http()
      .post('/graphql')
      .set('content-type', 'application/json')
      .set('authorization', `Bearer ${admin}`)
      .send({ query: 'mutation ($e: ID!, $c: String!) { importAttendees(eventId: $e, csv: $c) { created } }', variables: { e: eventId, c: csv } });
    expect(response.status).toBe(413);
    expect(await countRows(t, 'attendees')).toBe(before);
  });

  it('answers an internal failure without SQL, constraint names or a stack', async () => {
    // A malformed id that reaches PostgreSQL would leak its message; the API answers with a clear input error instead.
    const response = await t.gql(`{ attendee(id: "not-a-uuid") { id } }`, {}, admin);
    expect(codeOf(response)).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(response)).not.toMatch(/uuid_|syntax for type|stack|at .*\.ts/);
  });
});

describe('attack suite: production mode hides the schema', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ NODE_ENV: 'production' });
  });
  afterAll(() => t?.close());

  it('refuses introspection and gives no "did you mean" hints', async () => {
    const introspection = await t.gql(`{ __schema { types { name } } }`, {}, await t.adminToken());
    expect(codeOf(introspection)).toBe('GRAPHQL_VALIDATION_FAILED');
    const typo = await t.gql(`{ attendes(eventId: "x") { totalCount } }`, {}, await t.adminToken());
    expect(typo.errors?.[0]?.message).not.toMatch(/did you mean/i);
  });
});

describe('attack suite: rate limits and sign-in lockout', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ PAIRWISE_RATE_LIMIT_PER_MINUTE: '5', PAIRWISE_LOGIN_ATTEMPTS_PER_MINUTE: '1000' });
  });
  afterAll(() => t?.close());

  it('limits each person, not the shared venue address', async () => {
    const { id: eventId } = await createEvent(t);
    const [ada, grace] = [await createAttendee(t, eventId), await createAttendee(t, eventId)];
    const adaToken = await attendeeToken(t, ada);
    const graceToken = await attendeeToken(t, grace);
    const calls = [];
    for (let i = 0; i < 6; i++) calls.push(await t.gql(`{ me { role } }`, {}, adaToken));
    expect(calls.slice(0, 5).every((r) => !r.errors)).toBe(true);
    expect(codeOf(calls[5]!)).toBe('TOO_MANY_REQUESTS');
    // Grace comes from the same address (127.0.0.1), yet has her own budget.
    expect(codeOf(await t.gql(`{ me { role } }`, {}, graceToken))).toBeUndefined();
  });

  it('tells each caller their budget in response headers, and when to come back', async () => {
    const { id: eventId } = await createEvent(t);
    const token = await attendeeToken(t, await createAttendee(t, eventId));
    const call = () => t.http().post('/graphql').set('authorization', `Bearer ${token}`).send({ query: '{ me { role } }' });
    const first = await call();
    expect(first.headers).toMatchObject({ 'x-ratelimit-limit': '5', 'x-ratelimit-remaining': '4' });
    for (let i = 0; i < 4; i++) await call();
    const refused = await call();
    expect(refused.body.errors[0].extensions.code).toBe('TOO_MANY_REQUESTS');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
  });

});

describe('attack suite: sign-in lockout', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t?.close());

  it('locks an email after repeated failed sign-ins, even for the right password', async () => {
    const tries = [];
    for (let i = 0; i < 5; i++) tries.push(await t.gql(`mutation { login(input: {email: "${ADMIN.email}", password: "wrong-${i}"}) { token } }`));
    expect(tries.every((r) => codeOf(r) === 'UNAUTHENTICATED')).toBe(true);
    const locked = await t.gql(`mutation ($p: String!) { login(input: {email: "${ADMIN.email}", password: $p}) { token } }`, { p: ADMIN.password });
    expect(locked.errors?.[0]?.extensions).toMatchObject({ code: 'TOO_MANY_REQUESTS', reason: 'SIGN_IN_LOCKED' });
  });
});

describe('attack suite: sign-in attempts per email and address', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ PAIRWISE_LOGIN_ATTEMPTS_PER_MINUTE: '3' });
  });
  afterAll(() => t?.close());

  it('throttles guessing access codes for one email, not other people signing in', async () => {
    const guesses = [];
    for (let i = 0; i < 4; i++) {
      guesses.push(await t.gql(`mutation ($c: String!) { login(input: {email: "victim@example.org", accessCode: $c}) { token } }`, { c: randomBytes(6).toString('hex') }));
    }
    expect(codeOf(guesses[3]!)).toBe('TOO_MANY_REQUESTS');
    expect((await login(t.gql, ADMIN)).token).toEqual(expect.any(String));
  });
});
