import jwt from 'jsonwebtoken';
import { Client } from 'pg';
import {
  ADMIN,
  createAttendee,
  createEvent,
  createOrganiser,
  expectData,
  startTestApp,
  type AttendeeFixture,
  type GraphqlResponse,
  type TestApp,
} from '@pairwise/testing';

const LOGIN = `mutation ($input: LoginInput!) { login(input: $input) { token expiresAt refreshAfter viewer { role } } }`;
const REFRESH = `mutation { refreshSession { token expiresAt refreshAfter viewer { role attendeeId accountId eventIds } } }`;
const ME = `{ me { role attendeeId accountId } }`;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

interface Payload {
  token: string;
  expiresAt: string;
  refreshAfter: string;
}

const sessionOf = (token: string): string => (jwt.decode(token) as { sid: string }).sid;
const expOf = (token: string): number => (jwt.decode(token) as { exp: number }).exp;
const refusal = (response: GraphqlResponse) => ({ code: response.errors?.[0]?.extensions?.code, reason: response.errors?.[0]?.extensions?.reason });
const ENDED = { code: 'UNAUTHENTICATED', reason: 'SESSION_ENDED' };
/** `YYYY-MM-DD`, `days` from today (UTC). */
const dateIn = (days: number) => new Date(Date.now() + days * DAY).toISOString().slice(0, 10);

describe('sessions', () => {
  let t: TestApp;
  let db: Client;

  beforeAll(async () => {
    t = await startTestApp();
    db = new Client({ connectionString: t.database.url });
    await db.connect();
  });
  afterAll(async () => {
    await db?.end();
    await t?.close();
  });

  /** Signs an attendee in with a fresh access code; every call opens a new session. */
  async function signIn(attendee: AttendeeFixture): Promise<Payload> {
    const { code } = expectData(await t.gql(`mutation ($id: ID!) { issueAccessCode(attendeeId: $id) { code } }`, { id: attendee.id }, await t.adminToken())).issueAccessCode;
    return expectData(await t.gql(LOGIN, { input: { email: attendee.email, accessCode: code } })).login;
  }

  const sessionRows = async (column: 'attendee_id' | 'account_id', id: string) =>
    Number((await db.query(`SELECT count(*) AS n FROM sessions WHERE ${column} = $1`, [id])).rows[0].n);

  describe('of attendees', () => {
    it('last until the event ends plus a grace day: no sign-in every morning', async () => {
      // Tokyo has no daylight saving time: the end of the last day is 15:00 UTC the day before.
      const event = await createEvent(t, { timeZone: 'Asia/Tokyo', startsOn: dateIn(1), endsOn: dateIn(3) });
      const before = Date.now();
      const session = await signIn(await createAttendee(t, event.id));
      const lastDayEnds = Date.parse(`${dateIn(4)}T00:00:00+09:00`);
      expect(Date.parse(session.expiresAt)).toBe(lastDayEnds + DAY);
      expect(expOf(session.token) * 1000).toBe(lastDayEnds + DAY);
      // Refresh from half the token's life on.
      const half = (Date.parse(session.expiresAt) - before) / 2;
      expect(Date.parse(session.refreshAfter)).toBeGreaterThanOrEqual(before + half - 2000);
      expect(Date.parse(session.refreshAfter)).toBeLessThanOrEqual(Date.now() + half);
      // Days, not hours: from any time of today, the end of the last day (3 days on) plus a grace day
      // is more than 3 days away (more than 4 before 15:00 UTC, when Tokyo's today ends).
      expect(Date.parse(session.expiresAt) - before).toBeGreaterThan(3 * DAY);
    });

    it('of an event without dates last 7 days, and slide with each refresh', async () => {
      const event = await createEvent(t);
      const before = Date.now();
      const session = await signIn(await createAttendee(t, event.id));
      expect(Date.parse(session.expiresAt)).toBeGreaterThanOrEqual(before + 7 * DAY - 1000);
      expect(Date.parse(session.expiresAt)).toBeLessThanOrEqual(Date.now() + 7 * DAY);
      // Days later, with an hour left: the refresh gives 7 days again.
      await db.query(`UPDATE sessions SET expires_at = now() + interval '1 hour' WHERE id = $1`, [sessionOf(session.token)]);
      const refreshed = expectData(await t.gql(REFRESH, {}, session.token)).refreshSession as Payload;
      expect(Date.parse(refreshed.expiresAt)).toBeGreaterThanOrEqual(Date.now() + 7 * DAY - 5000);
    });

    it('give a new token on every refresh, even within the same second as the sign-in (the web app tells a refresh by its token)', async () => {
      const attendee = await createAttendee(t, (await createEvent(t)).id);
      const first = await signIn(attendee);
      const [a, b] = await Promise.all([t.gql(REFRESH, {}, first.token), t.gql(REFRESH, {}, first.token)]);
      const tokens = [first.token, (expectData(a).refreshSession as Payload).token, (expectData(b).refreshSession as Payload).token];
      expect(new Set(tokens).size).toBe(3);
      expect(new Set(tokens.map(sessionOf)).size).toBe(1);
    });

    it('follow the event when its dates move: a refresh brings the new end', async () => {
      const event = await createEvent(t, { timeZone: 'UTC', startsOn: dateIn(1), endsOn: dateIn(2) });
      const attendee = await createAttendee(t, event.id);
      const first = await signIn(attendee);
      expect(first.expiresAt).toBe(new Date(Date.parse(`${dateIn(3)}T00:00:00Z`) + DAY).toISOString());
      expectData(await t.gql(`mutation ($input: UpdateEventInput!) { updateEvent(input: $input) { id } }`, { input: { id: event.id, endsOn: dateIn(5) } }, await t.adminToken()));
      const refreshed = expectData(await t.gql(REFRESH, {}, first.token)).refreshSession;
      expect(refreshed.expiresAt).toBe(new Date(Date.parse(`${dateIn(6)}T00:00:00Z`) + DAY).toISOString());
      expect(refreshed.viewer).toEqual({ role: 'ATTENDEE', attendeeId: attendee.id, accountId: null, eventIds: [event.id] });
      expect(sessionOf(refreshed.token)).toBe(sessionOf(first.token));
      const [row] = (await db.query(`SELECT expires_at FROM sessions WHERE id = $1`, [sessionOf(first.token)])).rows;
      expect(row.expires_at.toISOString()).toBe(refreshed.expiresAt);
      expect(expectData(await t.gql(ME, {}, refreshed.token)).me.attendeeId).toBe(attendee.id);
    });

    it('end on the server when their time is up, whatever the token says', async () => {
      const attendee = await createAttendee(t, (await createEvent(t)).id);
      const { token } = await signIn(attendee);
      expect(expectData(await t.gql(ME, {}, token)).me.attendeeId).toBe(attendee.id);
      await db.query(`UPDATE sessions SET expires_at = now() - interval '1 second' WHERE id = $1`, [sessionOf(token)]);
      expect(refusal(await t.gql(ME, {}, token))).toEqual(ENDED);
      expect(refusal(await t.gql(REFRESH, {}, token))).toEqual(ENDED);
    });
  });

  describe('of staff', () => {
    it('last 12 hours from sign-in, and 12 hours from each refresh', async () => {
      const before = Date.now();
      const admin = expectData(await t.gql(LOGIN, { input: { email: ADMIN.email, password: ADMIN.password } })).login as Payload;
      expect(Date.parse(admin.expiresAt)).toBeGreaterThanOrEqual(before + 12 * HOUR - 1000);
      expect(Date.parse(admin.expiresAt)).toBeLessThanOrEqual(Date.now() + 12 * HOUR);
      expect(Date.parse(admin.refreshAfter)).toBeLessThanOrEqual(Date.now() + 6 * HOUR);
      // Three hours later, with an hour left: the refresh gives 12 hours again.
      await db.query(`UPDATE sessions SET created_at = now() - interval '11 hours', expires_at = now() + interval '1 hour' WHERE id = $1`, [sessionOf(admin.token)]);
      const refreshed = expectData(await t.gql(REFRESH, {}, admin.token)).refreshSession as Payload;
      expect(Date.parse(refreshed.expiresAt)).toBeGreaterThanOrEqual(Date.now() + 12 * HOUR - 5000);
      expect(expectData(await t.gql(ME, {}, refreshed.token)).me.role).toBe('ADMIN');
    });

    it('end 7 days after sign-in, however often refreshed', async () => {
      const organiser = await createOrganiser(t, (await createEvent(t)).id);
      await db.query(`UPDATE sessions SET created_at = now() - interval '7 days' + interval '1 hour' WHERE id = $1`, [sessionOf(organiser.token)]);
      const refreshed = expectData(await t.gql(REFRESH, {}, organiser.token)).refreshSession as Payload;
      expect(Date.parse(refreshed.expiresAt)).toBeLessThanOrEqual(Date.now() + HOUR);
      expect(Date.parse(refreshed.expiresAt)).toBeGreaterThan(Date.now() + HOUR - 60_000);
      await db.query(`UPDATE sessions SET created_at = now() - interval '7 days' WHERE id = $1`, [sessionOf(organiser.token)]);
      expect(refusal(await t.gql(REFRESH, {}, refreshed.token))).toEqual(ENDED);
      expect(refusal(await t.gql(ME, {}, refreshed.token))).toEqual(ENDED);
    });
  });

  describe('sign out', () => {
    it('ends this session at once, and only this one', async () => {
      const attendee = await createAttendee(t, (await createEvent(t)).id);
      const phone = await signIn(attendee);
      const laptop = await signIn(attendee);
      expect(expectData(await t.gql(`mutation { signOut }`, {}, phone.token))).toEqual({ signOut: true });
      expect(refusal(await t.gql(ME, {}, phone.token))).toEqual(ENDED);
      expect(refusal(await t.gql(`{ myMeetings { id } }`, {}, phone.token))).toEqual(ENDED);
      expect(refusal(await t.gql(REFRESH, {}, phone.token))).toEqual(ENDED);
      expect(expectData(await t.gql(ME, {}, laptop.token)).me.attendeeId).toBe(attendee.id);
    });

    it('everywhere ends every session of the caller, on every device, and nobody else’s', async () => {
      const organiser = await createOrganiser(t, (await createEvent(t)).id);
      const { code } = expectData(
        await t.gql(`mutation ($input: AddOrganiserInput!) { addOrganiser(input: $input) { accessCode { code } } }`, { input: { eventId: (await createEvent(t)).id, email: organiser.email, name: 'Olga' } }, await t.adminToken()),
      ).addOrganiser.accessCode;
      const second = expectData(await t.gql(LOGIN, { input: { email: organiser.email, accessCode: code } })).login as Payload;
      const bystander = await createOrganiser(t, (await createEvent(t)).id);
      expect(expectData(await t.gql(`mutation { signOutEverywhere }`, {}, second.token))).toEqual({ signOutEverywhere: 2 });
      expect(refusal(await t.gql(ME, {}, organiser.token))).toEqual(ENDED);
      expect(refusal(await t.gql(ME, {}, second.token))).toEqual(ENDED);
      expect(await sessionRows('account_id', organiser.accountId)).toBe(0);
      expect(expectData(await t.gql(ME, {}, bystander.token)).me.accountId).toBe(bystander.accountId);
    });

    it('needs a session: anonymous callers cannot sign anyone out', async () => {
      for (const mutation of [`mutation { signOut }`, `mutation { signOutEverywhere }`, REFRESH]) {
        expect((await t.gql(mutation)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      }
    });
  });

  describe('end at once for every device when the person goes', () => {
    it('by erasing their data', async () => {
      const attendee = await createAttendee(t, (await createEvent(t)).id);
      const [phone, laptop] = [await signIn(attendee), await signIn(attendee)];
      expect(await sessionRows('attendee_id', attendee.id)).toBe(2);
      expectData(await t.gql(`mutation { deleteMyData }`, {}, phone.token));
      for (const { token } of [phone, laptop]) expect((await t.gql(ME, {}, token)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      expect(await sessionRows('attendee_id', attendee.id)).toBe(0);
    });

    it('by being removed from the event', async () => {
      const attendee = await createAttendee(t, (await createEvent(t)).id);
      const [phone, laptop] = [await signIn(attendee), await signIn(attendee)];
      expectData(await t.gql(`mutation ($id: ID!) { deleteAttendee(id: $id) }`, { id: attendee.id }, await t.adminToken()));
      for (const { token } of [phone, laptop]) expect((await t.gql(`{ myMeetings { id } }`, {}, token)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      expect(await sessionRows('attendee_id', attendee.id)).toBe(0);
    });
  });

  it('refuses a token that names no session (as issued before sessions existed)', async () => {
    const attendee = await createAttendee(t, (await createEvent(t)).id);
    const { token } = await signIn(attendee);
    const { sid: _sid, iat: _iat, ...claims } = jwt.decode(token) as Record<string, unknown>;
    const sessionless = jwt.sign(claims, t.config.auth.jwtSecret!);
    expect((await t.gql(ME, {}, sessionless)).errors?.[0]).toMatchObject({ extensions: { code: 'UNAUTHENTICATED' }, message: expect.stringMatching(/sign in again/) });
  });
});
