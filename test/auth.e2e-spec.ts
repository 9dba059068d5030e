import jwt from 'jsonwebtoken';
import {
  ADMIN,
  attendeeToken,
  createAttendee,
  createEvent,
  expectData,
  login,
  startAdminEventApp,
  withClient,
  type AttendeeFixture,
  type EventFixture,
  type TestApp,
} from '@pairwise/testing';

const LOGIN = `mutation ($input: LoginInput!) { login(input: $input) { token expiresAt viewer { role accountId attendeeId eventIds } } }`;
const ME = `{ me { role accountId attendeeId eventIds } }`;
const ISSUE_CODE = `mutation ($id: ID!) { issueAccessCode(attendeeId: $id) { code expiresAt attendeeId } }`;
const ADD_ORGANISER = `mutation ($input: AddOrganiserInput!) { addOrganiser(input: $input) { organiser { id email } accessCode { code expiresAt accountId } } }`;

describe('auth', () => {
  let t: TestApp;
  let event: EventFixture;
  let admin: string;

  beforeAll(async () => {
    ({ t, admin, event } = await startAdminEventApp());
  });
  afterAll(() => t?.close());

  /** One statement on the app's database, behind the API's back (what only time or an operator would change). */
  const sql = (text: string, parameters: unknown[]) => withClient(t.database.url, (db) => db.query(text, parameters));

  const issueCode = async (attendee: AttendeeFixture, token = admin): Promise<string> =>
    expectData(await t.gql(ISSUE_CODE, { id: attendee.id }, token)).issueAccessCode.code;

  describe('admin password login', () => {
    it('exchanges the configured password for a token that says ADMIN', async () => {
      const response = await t.gql(LOGIN, { input: { email: ADMIN.email, password: ADMIN.password } });
      const { login: payload } = expectData(response);
      expect(payload.viewer).toEqual({ role: 'ADMIN', accountId: expect.any(String), attendeeId: null, eventIds: [] });
      expect(new Date(payload.expiresAt).getTime()).toBeGreaterThan(Date.now());
      const me = expectData(await t.gql(ME, {}, payload.token));
      expect(me.me).toEqual(payload.viewer);
    });

    it('accepts the email in any case', async () => {
      const response = await t.gql(LOGIN, { input: { email: ADMIN.email.toUpperCase(), password: ADMIN.password } });
      expect(expectData(response).login.viewer.role).toBe('ADMIN');
    });

    it('refuses a wrong password and an unknown email with the same message, hinting at neither', async () => {
      const wrongPassword = await t.gql(LOGIN, { input: { email: ADMIN.email, password: 'not-the-password' } });
      const unknownEmail = await t.gql(LOGIN, { input: { email: 'nobody@pairwise.test', password: ADMIN.password } });
      for (const response of [wrongPassword, unknownEmail]) {
        expect(response.data).toBeNull();
        expect(response.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      }
      expect(wrongPassword.errors![0]!.message).toBe(unknownEmail.errors![0]!.message);
      expect(wrongPassword.errors![0]!.message).not.toMatch(/unknown|no such|not found|wrong password|incorrect password/i);
    });

    it.each([
      ['both a password and an access code', { password: ADMIN.password, accessCode: 'ABCD-EFGH-JKMN' }],
      ['neither a password nor an access code', {}],
    ])('wants exactly one secret: %s is BAD_USER_INPUT', async (_, secrets) => {
      const response = await t.gql(LOGIN, { input: { email: ADMIN.email, ...secrets } });
      expect(response.data).toBeNull();
      expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'LOGIN_NEEDS_ONE_SECRET' });
    });

    it('refuses a malformed email as BAD_USER_INPUT naming the field', async () => {
      const response = await t.gql(LOGIN, { input: { email: 'not-an-email', password: ADMIN.password } });
      expect(response.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(response.errors?.[0]?.extensions?.fields).toEqual([expect.objectContaining({ field: 'email' })]);
    });

    it('lets anyone call login, even with a broken Authorization header', async () => {
      const response = await t
        .http()
        .post('/graphql')
        .set('authorization', 'Bearer broken')
        .send({ query: LOGIN, variables: { input: { email: ADMIN.email, password: ADMIN.password } } });
      expect(response.body.data.login.viewer.role).toBe('ADMIN');
    });
  });

  describe('organisers', () => {
    it('sign in once with the access code the admin got when naming them', async () => {
      const email = 'olga@pairwise.test';
      const grant = expectData(await t.gql(ADD_ORGANISER, { input: { eventId: event.id, email, name: 'Olga' } }, admin)).addOrganiser;
      expect(grant.accessCode.code).toMatch(/^[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$/);
      expect(grant.accessCode.accountId).toBe(grant.organiser.id);

      const first = expectData(await t.gql(LOGIN, { input: { email, accessCode: grant.accessCode.code } })).login;
      expect(first.viewer).toEqual({ role: 'ORGANISER', accountId: grant.organiser.id, attendeeId: null, eventIds: [event.id] });
      expect(expectData(await t.gql(ME, {}, first.token)).me.role).toBe('ORGANISER');

      const second = await t.gql(LOGIN, { input: { email, accessCode: grant.accessCode.code } });
      expect(second.data).toBeNull();
      expect(second.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    });

    it.each([
      ['a blank name', { name: '   ' }, 'name'],
      ['a malformed email', { email: 'olga-at-example' }, 'email'],
      ['an event id that is not an id', { eventId: 'my-event' }, 'eventId'],
    ])('cannot be named with %s: BAD_USER_INPUT naming the field', async (_, override, field) => {
      const input = { eventId: event.id, email: 'someone@pairwise.test', name: 'Someone', ...override };
      const response = await t.gql(ADD_ORGANISER, { input }, admin);
      expect(response.data).toBeNull();
      expect(response.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(response.errors?.[0]?.extensions?.fields?.map((f) => f.field)).toEqual([field]);
    });

    it('cannot be named for an unknown event', async () => {
      const input = { eventId: '00000000-0000-4000-8000-000000000000', email: 'someone@pairwise.test', name: 'Someone' };
      const response = await t.gql(ADD_ORGANISER, { input }, admin);
      expect(response.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    });

    it('cannot sign in with a password (they have none)', async () => {
      const email = 'otto@pairwise.test';
      expectData(await t.gql(ADD_ORGANISER, { input: { eventId: event.id, email, name: 'Otto' } }, admin));
      const response = await t.gql(LOGIN, { input: { email, password: 'any-password-at-all' } });
      expect(response.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    });
  });

  describe('attendee invitations', () => {
    it('turn into a token whose `me` is the attendee of their event', async () => {
      const attendee = await createAttendee(t, event.id);
      const grant = expectData(await t.gql(ISSUE_CODE, { id: attendee.id }, admin)).issueAccessCode;
      expect(grant.attendeeId).toBe(attendee.id);
      expect(new Date(grant.expiresAt).getTime()).toBeGreaterThan(Date.now());

      const { token, viewer } = await login(t.gql, { email: attendee.email, accessCode: grant.code });
      expect(viewer.role).toBe('ATTENDEE');
      const me = expectData(await t.gql(ME, {}, token)).me;
      expect(me).toEqual({ role: 'ATTENDEE', attendeeId: attendee.id, accountId: null, eventIds: [event.id] });
      const profile = expectData(await t.gql(`{ myProfile { id email event { id } } }`, {}, token)).myProfile;
      expect(profile).toEqual({ id: attendee.id, email: attendee.email, event: { id: event.id } });
    });

    it('are one-time', async () => {
      const attendee = await createAttendee(t, event.id);
      const code = await issueCode(attendee);
      expectData(await t.gql(LOGIN, { input: { email: attendee.email, accessCode: code } }));
      const again = await t.gql(LOGIN, { input: { email: attendee.email, accessCode: code } });
      expect(again.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    });

    it('void the previous unused code when a new one is issued', async () => {
      const attendee = await createAttendee(t, event.id);
      const old = await issueCode(attendee);
      const fresh = await issueCode(attendee);
      expect(fresh).not.toBe(old);
      const withOld = await t.gql(LOGIN, { input: { email: attendee.email, accessCode: old } });
      expect(withOld.data).toBeNull();
      expect(withOld.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      expectData(await t.gql(LOGIN, { input: { email: attendee.email, accessCode: fresh } }));
    });

    it('refuse a code presented with another email, which leaves the code usable by its owner', async () => {
      const owner = await createAttendee(t, event.id);
      const other = await createAttendee(t, event.id);
      const code = await issueCode(owner);
      const stolen = await t.gql(LOGIN, { input: { email: other.email, accessCode: code } });
      expect(stolen.data).toBeNull();
      expect(stolen.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      const { viewer } = await login(t.gql, { email: owner.email, accessCode: code });
      expect(viewer.role).toBe('ATTENDEE');
    });

    it('ignore case, dashes and spaces in the typed code, and case in the email', async () => {
      const attendee = await createAttendee(t, event.id);
      const code = await issueCode(attendee);
      const typed = code.toLowerCase().replace(/-/g, ' ');
      const { viewer } = await login(t.gql, { email: attendee.email.toUpperCase(), accessCode: typed });
      expect(viewer.role).toBe('ATTENDEE');
    });

    it('accept the lower-case dashed form of the code', async () => {
      const attendee = await createAttendee(t, event.id);
      const code = await issueCode(attendee);
      const { viewer } = await login(t.gql, { email: attendee.email, accessCode: code.toLowerCase() });
      expect(viewer.role).toBe('ATTENDEE');
    });

    it('refuse an expired code', async () => {
      const attendee = await createAttendee(t, event.id);
      const code = await issueCode(attendee);
      const result = await sql(`UPDATE access_codes SET expires_at = now() - interval '1 minute' WHERE attendee_id = $1 AND used_at IS NULL`, [attendee.id]);
      expect(result.rowCount).toBe(1);
      const response = await t.gql(LOGIN, { input: { email: attendee.email, accessCode: code } });
      expect(response.data).toBeNull();
      expect(response.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    });

    it('accept the email with surrounding spaces and in another case', async () => {
      const attendee = await createAttendee(t, event.id);
      const code = await issueCode(attendee);
      const { viewer } = await login(t.gql, { email: `  ${attendee.email.toUpperCase()}\t`, accessCode: code });
      expect(viewer.role).toBe('ATTENDEE');
      const admin = await login(t.gql, { email: ` ${ADMIN.email.replace('admin', 'Admin')} `, password: ADMIN.password });
      expect(admin.viewer.role).toBe('ADMIN');
    });

    describe('say why a real code no longer works, to the person it was issued to', () => {
      const refusal = (response: { errors?: { message: string; extensions?: { code?: string; reason?: string } }[] }) => ({
        code: response.errors?.[0]?.extensions?.code,
        reason: response.errors?.[0]?.extensions?.reason,
        message: response.errors?.[0]?.message,
      });
      const WRONG = { code: 'UNAUTHENTICATED', reason: 'UNAUTHENTICATED', message: 'The email and password or access code do not match' };

      it('a code already used', async () => {
        const attendee = await createAttendee(t, event.id);
        const code = await issueCode(attendee);
        expectData(await t.gql(LOGIN, { input: { email: attendee.email, accessCode: code } }));
        expect(refusal(await t.gql(LOGIN, { input: { email: ` ${attendee.email.toUpperCase()}`, accessCode: code.toLowerCase() } }))).toEqual({
          code: 'UNAUTHENTICATED',
          reason: 'ACCESS_CODE_USED',
          message: 'This code was already used — ask for a new one',
        });
      });

      it('a code past its expiry', async () => {
        const attendee = await createAttendee(t, event.id);
        const code = await issueCode(attendee);
        await sql(`UPDATE access_codes SET expires_at = now() - interval '1 minute' WHERE attendee_id = $1`, [attendee.id]);
        expect(refusal(await t.gql(LOGIN, { input: { email: attendee.email, accessCode: code } }))).toEqual({
          code: 'UNAUTHENTICATED',
          reason: 'ACCESS_CODE_EXPIRED',
          message: 'This code has expired — ask for a new one',
        });
      });

      it('a code replaced by a newer one', async () => {
        const attendee = await createAttendee(t, event.id);
        const old = await issueCode(attendee);
        await issueCode(attendee);
        expect(refusal(await t.gql(LOGIN, { input: { email: attendee.email, accessCode: old } }))).toEqual({
          code: 'UNAUTHENTICATED',
          reason: 'ACCESS_CODE_REPLACED',
          message: 'A newer code was issued after this one — use the latest code you were given',
        });
      });

      it('and to nobody else: a used, expired or replaced code with another email is just wrong, as is a code never issued', async () => {
        const [owner, other] = [await createAttendee(t, event.id), await createAttendee(t, event.id)];
        const used = await issueCode(owner);
        expectData(await t.gql(LOGIN, { input: { email: owner.email, accessCode: used } }));
        const replaced = await issueCode(owner);
        const expired = await issueCode(owner);
        await sql(`UPDATE access_codes SET expires_at = now() - interval '1 minute' WHERE attendee_id = $1 AND used_at IS NULL AND revoked_at IS NULL`, [owner.id]);
        // From a client address each, so that the sign-in throttle (3 free failures per email and address) stays out of it.
        for (const [i, code] of [used, replaced, expired, 'ABCD-EFGH-JKMN'].entries()) {
          const from = t.gqlFrom(`127.0.1.${i + 1}`);
          expect(refusal(await from(LOGIN, { input: { email: other.email, accessCode: code } }))).toEqual(WRONG);
          expect(refusal(await from(LOGIN, { input: { email: 'nobody@pairwise.test', accessCode: code } }))).toEqual(WRONG);
        }
        expect(refusal(await t.gql(LOGIN, { input: { email: owner.email, accessCode: 'ABCD-EFGH-JKMN' } }))).toEqual(WRONG);
      });
    });

    it('refuse a code that was never issued', async () => {
      const attendee = await createAttendee(t, event.id);
      const response = await t.gql(LOGIN, { input: { email: attendee.email, accessCode: 'ABCD-EFGH-JKMN' } });
      expect(response.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    });

    it('can be issued by the event’s organiser, not by an attendee', async () => {
      const attendee = await createAttendee(t, event.id);
      const email = 'inviter@pairwise.test';
      const grant = expectData(await t.gql(ADD_ORGANISER, { input: { eventId: event.id, email, name: 'Inviter' } }, admin));
      const organiser = (await login(t.gql, { email, accessCode: grant.addOrganiser.accessCode.code })).token;
      const code = await issueCode(attendee, organiser);
      expectData(await t.gql(LOGIN, { input: { email: attendee.email, accessCode: code } }));

      const attendeeCaller = await attendeeToken(t, await createAttendee(t, event.id));
      const refused = await t.gql(ISSUE_CODE, { id: attendee.id }, attendeeCaller);
      expect(refused.data).toBeNull();
      expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    });
  });

  describe('access codes for many attendees at once (issueAccessCodes)', () => {
    const ISSUE_CODES = `mutation ($ids: [ID!]!) { issueAccessCodes(attendeeIds: $ids) { code expiresAt attendeeId } }`;

    it('issues one working code per attendee, in the order asked, each once, voiding their earlier unused codes', async () => {
      const [ada, grace, alan] = [await createAttendee(t, event.id), await createAttendee(t, event.id), await createAttendee(t, event.id)];
      const earlier = await issueCode(grace);
      const grants = expectData(await t.gql(ISSUE_CODES, { ids: [alan.id, ada.id, grace.id, ada.id] }, admin)).issueAccessCodes;
      expect(grants.map((grant: { attendeeId: string }) => grant.attendeeId)).toEqual([alan.id, ada.id, grace.id]);
      expect(new Set(grants.map((grant: { code: string }) => grant.code)).size).toBe(3);
      for (const [index, person] of [alan, ada, grace].entries()) {
        expect((await login(t.gql, { email: person.email, accessCode: grants[index].code })).viewer.role).toBe('ATTENDEE');
      }
      expect((await t.gql(LOGIN, { input: { email: grace.email, accessCode: earlier } })).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    });

    it('issues all or none: an attendee of another event, or an unknown one, refuses the whole call and voids nobody’s code', async () => {
      const other = await createEvent(t);
      const email = `codes-${Date.now()}@pairwise.test`;
      const grant = expectData(await t.gql(ADD_ORGANISER, { input: { eventId: event.id, email, name: 'Codes' } }, admin));
      const organiser = (await login(t.gql, { email, accessCode: grant.addOrganiser.accessCode.code })).token;
      const mine = await createAttendee(t, event.id);
      const theirs = await createAttendee(t, other.id);
      const held = await issueCode(mine);
      const refused = await t.gql(ISSUE_CODES, { ids: [mine.id, theirs.id] }, organiser);
      expect(refused.data).toBeNull();
      expect(refused.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
      const unknown = await t.gql(ISSUE_CODES, { ids: [mine.id, '00000000-0000-4000-8000-000000000000'] }, organiser);
      expect(unknown.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
      // Neither refusal voided the code the attendee holds.
      expect((await login(t.gql, { email: mine.email, accessCode: held })).viewer.role).toBe('ATTENDEE');
      const attendeeCaller = await attendeeToken(t, await createAttendee(t, event.id));
      expect((await t.gql(ISSUE_CODES, { ids: [mine.id] }, attendeeCaller)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    });

    it('takes 1 to 100 ids: none, 101 or a malformed one is BAD_USER_INPUT naming the argument', async () => {
      const ids = Array.from({ length: 101 }, (_, index) => `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`);
      for (const bad of [[], ids, ['not-an-id']]) {
        const response = await t.gql(ISSUE_CODES, { ids: bad }, admin);
        expect(response.data).toBeNull();
        expect(response.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
        expect(response.errors?.[0]?.extensions?.fields?.map((field) => field.field)).toEqual([expect.stringMatching(/^attendeeIds/)]);
      }
    });
  });

  describe('tokens', () => {
    let attendee: AttendeeFixture;
    let claims: Record<string, unknown>;
    const expectRefused = async (token: string) => {
      const response = await t.gql(ME, {}, token);
      expect(response.data).toBeNull();
      expect(response.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    };

    beforeAll(async () => {
      attendee = await createAttendee(t, event.id);
      // A live session of the attendee's: the forgeries below differ from a real token in one thing only.
      const { sid } = jwt.decode(await attendeeToken(t, attendee)) as { sid: string };
      claims = { sub: attendee.id, kind: 'attendee', evt: event.id, sid };
    });

    it('a token signed the way the app signs is accepted (the forgeries below differ in one thing only)', async () => {
      const token = jwt.sign(claims, t.config.auth.jwtSecret!, { issuer: 'pairwise', audience: 'pairwise-api', expiresIn: 60 });
      expect(expectData(await t.gql(ME, {}, token)).me.attendeeId).toBe(attendee.id);
    });

    it('refuses `alg: none`', async () => {
      const header = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
      const now = Math.floor(Date.now() / 1000);
      const body = Buffer.from(JSON.stringify({ ...claims, iss: 'pairwise', aud: 'pairwise-api', iat: now, exp: now + 60 })).toString(
        'base64url',
      );
      await expectRefused(`${header}.${body}.`);
    });

    it('refuses a token signed with another key', async () => {
      await expectRefused(jwt.sign(claims, 'another-secret-that-is-long-enough-0123456789', { issuer: 'pairwise', audience: 'pairwise-api' }));
    });

    it('refuses another algorithm with the same secret', async () => {
      await expectRefused(jwt.sign(claims, t.config.auth.jwtSecret!, { algorithm: 'HS512', issuer: 'pairwise', audience: 'pairwise-api' }));
    });

    it('refuses a wrong issuer', async () => {
      await expectRefused(jwt.sign(claims, t.config.auth.jwtSecret!, { issuer: 'someone-else', audience: 'pairwise-api' }));
    });

    it('refuses a wrong audience', async () => {
      await expectRefused(jwt.sign(claims, t.config.auth.jwtSecret!, { issuer: 'pairwise', audience: 'another-api' }));
    });

    it('refuses an expired token, saying so', async () => {
      const past = Math.floor(Date.now() / 1000) - 3600;
      const token = jwt.sign({ ...claims, iat: past - 60, exp: past }, t.config.auth.jwtSecret!, {
        issuer: 'pairwise',
        audience: 'pairwise-api',
      });
      const response = await t.gql(ME, {}, token);
      expect(response.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      expect(response.errors?.[0]?.message).toMatch(/expired/i);
    });

    it('refuses a token that expires after it was accepted (verified tokens are remembered only until they expire)', async () => {
      const exp = Math.floor(Date.now() / 1000) + 2;
      const token = jwt.sign({ ...claims, exp }, t.config.auth.jwtSecret!, { issuer: 'pairwise', audience: 'pairwise-api' });
      expect(expectData(await t.gql(ME, {}, token)).me.attendeeId).toBe(attendee.id);
      expect(expectData(await t.gql(ME, {}, token)).me.attendeeId).toBe(attendee.id);
      await new Promise((resolve) => setTimeout(resolve, exp * 1000 - Date.now() + 50));
      const response = await t.gql(ME, {}, token);
      expect(response.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      expect(response.errors?.[0]?.message).toMatch(/expired/i);
    });

    it('refuses an accepted token as soon as the person behind it is erased', async () => {
      const leaving = await createAttendee(t, event.id);
      const token = await attendeeToken(t, leaving);
      expect(expectData(await t.gql(ME, {}, token)).me.attendeeId).toBe(leaving.id);
      expectData(await t.gql(`mutation { deleteMyData }`, {}, token));
      await expectRefused(token);
    });

    it('refuses an attendee token bound to another event', async () => {
      const other = await createEvent(t);
      await expectRefused(jwt.sign({ ...claims, evt: other.id }, t.config.auth.jwtSecret!, { issuer: 'pairwise', audience: 'pairwise-api' }));
    });

    it.each([
      ['no Bearer scheme', (token: string) => token],
      ['Basic scheme', () => `Basic ${Buffer.from(`${ADMIN.email}:${ADMIN.password}`).toString('base64')}`],
      ['Bearer without a token', () => 'Bearer '],
      ['Bearer with two tokens', (token: string) => `Bearer ${token} ${token}`],
      ['garbage', () => 'Bearer not.a.jwt'],
    ])('refuses a malformed Authorization header: %s', async (_, header) => {
      const response = await t
        .http()
        .post('/graphql')
        .set('authorization', header(admin))
        .send({ query: ME });
      expect(response.body.data).toBeNull();
      expect(response.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    });

    it('stop working once their attendee is deleted', async () => {
      const doomed = await createAttendee(t, event.id);
      const token = await attendeeToken(t, doomed);
      expect(expectData(await t.gql(ME, {}, token)).me.attendeeId).toBe(doomed.id);
      expectData(await t.gql(`mutation ($id: ID!) { deleteAttendee(id: $id) }`, { id: doomed.id }, admin));
      await expectRefused(token);
    });

    it('of an organiser lose the event when the admin removes them', async () => {
      const email = 'leaver@pairwise.test';
      const grant = expectData(await t.gql(ADD_ORGANISER, { input: { eventId: event.id, email, name: 'Leaver' } }, admin));
      const token = (await login(t.gql, { email, accessCode: grant.addOrganiser.accessCode.code })).token;
      const query = `query ($id: ID) { event(id: $id) { id } }`;
      expect(expectData(await t.gql(query, { id: event.id }, token)).event.id).toBe(event.id);
      expectData(
        await t.gql(
          `mutation ($e: ID!, $a: ID!) { removeOrganiser(eventId: $e, accountId: $a) }`,
          { e: event.id, a: grant.addOrganiser.organiser.id },
          admin,
        ),
      );
      const after = await t.gql(query, { id: event.id }, token);
      expect(after.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    });

    it('of an attendee of event A cannot read event B, nor its attendees: not found, as unknown ids', async () => {
      const eventB = await createEvent(t);
      const inB = await createAttendee(t, eventB.id);
      const token = await attendeeToken(t, attendee);

      const own = await t.gql(`query ($id: ID) { event(id: $id) { id } }`, { id: event.id }, token);
      expect(expectData(own).event.id).toBe(event.id);

      const other = await t.gql(`query ($id: ID) { event(id: $id) { id name } }`, { id: eventB.id }, token);
      expect(other.data).toBeNull();
      expect(other.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');

      const list = await t.gql(`query ($e: ID!) { attendees(eventId: $e) { totalCount } }`, { e: eventB.id }, token);
      expect(list.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');

      const one = await t.gql(`query ($id: ID!) { attendee(id: $id) { id name } }`, { id: inB.id }, token);
      expect(one.data).toBeNull();
      expect(one.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');

      const events = expectData(await t.gql(`{ events { id } }`, {}, token)).events;
      expect(events).toEqual([{ id: event.id }]);
    });
  });

  it('anonymous callers can do nothing but login', async () => {
    for (const query of [ME, `{ events { id } }`, `{ myProfile { id } }`]) {
      const response = await t.gql(query);
      expect(response.data).toBeNull();
      expect(response.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    }
  });
});
