import { randomBytes } from 'node:crypto';
import { ADMIN, attendeeToken, createAttendee, createEvent, expectData, login, queryRows, startAdminEventApp, useTestApp, type GraphqlResponse, type TestApp } from '@pairwise/testing';

const codeOf = (response: { errors?: { extensions?: { code?: string } }[] }) => response.errors?.[0]?.extensions?.code;

async function countRows(t: TestApp, table: string): Promise<number> {
  const [row] = await queryRows<{ n: number }>(t.database.url, `SELECT count(*)::int AS n FROM ${table}`);
  return row!.n;
}

describe('attack suite: abusive GraphQL, refused before anything runs or is written', () => {
  let t: TestApp;
  let admin: string;
  let eventId: string;

  beforeAll(async () => {
    ({ t, admin, event: { id: eventId } } = await startAdminEventApp());
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
  const t = useTestApp({ NODE_ENV: 'production' });

  it('refuses introspection and gives no "did you mean" hints', async () => {
    const introspection = await t.gql(`{ __schema { types { name } } }`, {}, await t.adminToken());
    expect(codeOf(introspection)).toBe('GRAPHQL_VALIDATION_FAILED');
    const typo = await t.gql(`{ attendes(eventId: "x") { totalCount } }`, {}, await t.adminToken());
    expect(typo.errors?.[0]?.message).not.toMatch(/did you mean/i);
  });
});

describe('attack suite: rate limits and sign-in lockout', () => {
  const t = useTestApp({ PAIRWISE_RATE_LIMIT_PER_MINUTE: '5', PAIRWISE_LOGIN_ATTEMPTS_PER_MINUTE: '1000' });

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

/**
 * The latest failure's row in `sign_in_failures` (keys are HMACs: the tests find rows by time). The waits are
 * read there and moved there, rather than raced against on a busy machine.
 */
const LATEST = `(SELECT max(last_failed_at) FROM sign_in_failures)`;
const latestWaitSeconds = async (t: TestApp) =>
  Number((await queryRows(t.database.url, `SELECT extract(epoch FROM retry_at - last_failed_at) AS s FROM sign_in_failures WHERE last_failed_at = ${LATEST}`))[0]!.s);
/** As if the latest failing network had kept failing for a while: it waits `interval`. */
const waitLonger = (t: TestApp, interval: string) => queryRows(t.database.url, `UPDATE sign_in_failures SET retry_at = now() + $1::interval WHERE last_failed_at = ${LATEST}`, [interval]);
/** As if the latest failing network's wait were over. */
const waitOver = (t: TestApp) => queryRows(t.database.url, `UPDATE sign_in_failures SET retry_at = now() WHERE last_failed_at = ${LATEST}`);
const LOGIN = `mutation ($input: LoginInput!) { login(input: $input) { token } }`;
const refusal = (response: GraphqlResponse) => ({ code: codeOf(response), reason: response.errors?.[0]?.extensions?.reason });
const DELAYED = { code: 'TOO_MANY_REQUESTS', reason: 'SIGN_IN_DELAYED' };
const WRONG = { code: 'UNAUTHENTICATED', reason: 'UNAUTHENTICATED' };

describe('attack suite: nobody can lock another person out of signing in', () => {
  const t = useTestApp({ PAIRWISE_SIGN_IN_FAILURES_PER_NETWORK: '20' });

  /** An attendee and a fresh access code of theirs. */
  async function attendeeWithCode(): Promise<{ email: string; code: string }> {
    const { id: eventId } = await createEvent(t);
    const attendee = await createAttendee(t, eventId);
    const { code } = expectData(await t.gql(`mutation ($id: ID!) { issueAccessCode(attendeeId: $id) { code } }`, { id: attendee.id }, await t.adminToken())).issueAccessCode;
    return { email: attendee.email, code };
  }

  it('lets the admin in from their own address, at once, while an attacker fails on the admin’s email from another', async () => {
    const attacker = t.gqlFrom('127.0.0.2');
    for (let i = 0; i < 3; i++) expect(refusal(await attacker(LOGIN, { input: { email: ADMIN.email, password: `wrong-${i}` } }))).toEqual(WRONG);
    await waitLonger(t, '15 minutes');
    expect(refusal(await attacker(LOGIN, { input: { email: ADMIN.email, password: 'wrong-again' } }))).toEqual(DELAYED);
    expect(refusal(await attacker(LOGIN, { input: { email: ADMIN.email, password: ADMIN.password } }))).toEqual(DELAYED);
    // The admin, elsewhere: the right password goes through, and so does a typo followed by it.
    expect(expectData(await t.gql(LOGIN, { input: { email: ADMIN.email, password: ADMIN.password } })).login.token).toEqual(expect.any(String));
    expect(refusal(await t.gql(LOGIN, { input: { email: ADMIN.email, password: 'typo' } }))).toEqual(WRONG);
    expect(expectData(await t.gql(LOGIN, { input: { email: ADMIN.email, password: ADMIN.password } })).login.token).toEqual(expect.any(String));
  });

  it('makes a failing network wait longer after each failure, the right code included, and forgets it all on success', async () => {
    const { email, code } = await attendeeWithCode();
    const from = t.gqlFrom('127.0.0.3');
    const guess = () => from(LOGIN, { input: { email, accessCode: 'ABCD-EFGH-JKMN' } });
    expect(refusal(await guess())).toEqual(WRONG);
    expect(await latestWaitSeconds(t)).toBe(0);
    expect(refusal(await guess())).toEqual(WRONG);
    expect(refusal(await guess())).toEqual(WRONG);
    expect(await latestWaitSeconds(t)).toBe(1);
    await waitLonger(t, '1 minute');
    const refused = await from(LOGIN, { input: { email, accessCode: code } });
    expect(refusal(refused)).toEqual(DELAYED);
    expect(refused.errors?.[0]?.message).toMatch(/try again in \d+ s/);
    await waitOver(t);
    expect(refusal(await guess())).toEqual(WRONG);
    expect(await latestWaitSeconds(t)).toBe(2);
    await waitOver(t);
    expect(refusal(await guess())).toEqual(WRONG);
    expect(await latestWaitSeconds(t)).toBe(4);
    await waitOver(t);
    expect(expectData(await from(LOGIN, { input: { email, accessCode: code } })).login.token).toEqual(expect.any(String));
    // Forgotten: the next failures start from nothing.
    expect(refusal(await guess())).toEqual(WRONG);
    expect(await latestWaitSeconds(t)).toBe(0);
  });

  it('doubles the wait up to 15 minutes, no more', async () => {
    const from = t.gqlFrom('127.0.0.4');
    const email = `doubling-${randomBytes(3).toString('hex')}@pairwise.test`;
    expect(refusal(await from(LOGIN, { input: { email, password: 'wrong-password' } }))).toEqual(WRONG);
    // As if it had failed 11 times: the 12th failure waits 2^9 s, the 13th 2^10 s, capped at 15 min, and so on.
    await queryRows(t.database.url, `UPDATE sign_in_failures SET failures = 11, retry_at = now() WHERE last_failed_at = ${LATEST}`);
    const waits = [];
    for (let i = 0; i < 3; i++) {
      expect(refusal(await from(LOGIN, { input: { email, password: 'wrong-password' } }))).toEqual(WRONG);
      waits.push(await latestWaitSeconds(t));
      await waitOver(t);
    }
    expect(waits).toEqual([512, 900, 900]);
    await waitLonger(t, '900 seconds');
    expect((await from(LOGIN, { input: { email, password: 'wrong-password' } })).errors?.[0]?.message).toMatch(/try again in 15 min/);
  });

  it('caps one network across accounts: it cannot go through 60 accounts, and locks none of them', async () => {
    const victims = await Promise.all(Array.from({ length: 3 }, () => attendeeWithCode()));
    const emails = [...victims.map((victim) => victim.email), ...Array.from({ length: 57 }, (_, i) => `sprayed-${i}@pairwise.test`)];
    const from = t.gqlFrom('127.0.0.5');
    const answers = [];
    for (const email of emails) answers.push(refusal(await from(LOGIN, { input: { email, accessCode: 'ABCD-EFGH-JKMN' } })));
    expect(answers.slice(0, 20)).toEqual(Array(20).fill(WRONG));
    expect(answers.slice(20)).toEqual(Array(40).fill({ code: 'TOO_MANY_REQUESTS', reason: 'SIGN_IN_NETWORK_THROTTLED' }));
    // Each victim, from their own address, signs in at once with their code.
    for (const victim of victims) expect(expectData(await t.gql(LOGIN, { input: { email: victim.email, accessCode: victim.code } })).login.token).toEqual(expect.any(String));
  });

  it('counts attempts before checking them: 20 at once from one network get 3 tries, not 20', async () => {
    const from = t.gqlFrom('127.0.0.6');
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => from(LOGIN, { input: { email: ADMIN.email, password: `parallel-${i}` } })));
    const codes = answers.map((answer) => codeOf(answer));
    expect(codes.filter((code) => code === 'UNAUTHENTICATED')).toHaveLength(3);
    expect(codes.filter((code) => code === 'TOO_MANY_REQUESTS')).toHaveLength(17);
    // The third failure's wait runs from when it was told (1 s), not from when it was counted.
    expect(await latestWaitSeconds(t)).toBe(1);
  });

  it('does not let a client choose its address with X-Forwarded-For (no proxy is trusted by default)', async () => {
    const email = `forwarded-${randomBytes(3).toString('hex')}@pairwise.test`;
    const before = await countRows(t, 'sign_in_network_failures');
    const answers = [];
    for (let i = 0; i < 3; i++) {
      const spoofing = t.gqlFrom('127.0.0.7', { 'x-forwarded-for': `198.51.100.${i + 1}` });
      answers.push(refusal(await spoofing(LOGIN, { input: { email, password: 'wrong-password' } })));
    }
    expect(answers).toEqual([WRONG, WRONG, WRONG]);
    // One network counted (127.0.0.7), three failures for it: the forwarded addresses were not believed.
    expect(await countRows(t, 'sign_in_network_failures')).toBe(before + 1);
    expect(await latestWaitSeconds(t)).toBe(1);
  });

  it('keeps neither emails nor addresses in its tables', async () => {
    const rows = await queryRows(t.database.url, `SELECT row_to_json(f)::text AS row FROM sign_in_failures f UNION ALL SELECT row_to_json(n)::text FROM sign_in_network_failures n`);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.map((row) => row.row).join('\n')).not.toMatch(/@|127\.0\.0|198\.51/);
  });
});

describe('attack suite: behind a trusted proxy', () => {
  const t = useTestApp({ PAIRWISE_TRUST_PROXY: 'loopback' });

  it('counts failures by the client address the proxy forwards, so another client behind it still signs in', async () => {
    const attacker = t.gqlFrom('127.0.0.2', { 'x-forwarded-for': '198.51.100.7' });
    for (let i = 0; i < 3; i++) expect(refusal(await attacker(LOGIN, { input: { email: ADMIN.email, password: `wrong-${i}` } }))).toEqual(WRONG);
    await waitLonger(t, '15 minutes');
    expect(refusal(await attacker(LOGIN, { input: { email: ADMIN.email, password: ADMIN.password } }))).toEqual(DELAYED);
    const admin = t.gqlFrom('127.0.0.2', { 'x-forwarded-for': '203.0.113.9' });
    expect(expectData(await admin(LOGIN, { input: { email: ADMIN.email, password: ADMIN.password } })).login.token).toEqual(expect.any(String));
  });
});

describe('attack suite: sign-in attempts per email and address', () => {
  const t = useTestApp({ PAIRWISE_LOGIN_ATTEMPTS_PER_MINUTE: '3' });

  it('throttles guessing access codes for one email, not other people signing in', async () => {
    const guesses = [];
    for (let i = 0; i < 4; i++) {
      guesses.push(await t.gql(`mutation ($c: String!) { login(input: {email: "victim@example.org", accessCode: $c}) { token } }`, { c: randomBytes(6).toString('hex') }));
    }
    expect(codeOf(guesses[3]!)).toBe('TOO_MANY_REQUESTS');
    expect((await login(t.gql, ADMIN)).token).toEqual(expect.any(String));
  });
});
