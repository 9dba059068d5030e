import jwt from 'jsonwebtoken';
import {
  attendeeToken,
  createAttendee,
  createEvent,
  expectData,
  startEventApp,
  waitForRound,
  type AttendeeFixture,
  type TestApp,
} from '@pairwise/testing';
import { DataSource } from 'typeorm';
import { MeetingsService } from '../apps/api/src/rounds/meetings.service';
import { MeetingsWhen } from '../apps/api/src/rounds/models/meeting-views.model';

/** `myMeetings` in detail: what each participant sees of the others (one statement serves it; see bench/rounds). */
const MY_MEETINGS = `query ($when: MeetingsWhen) {
  myMeetings(when: $when) {
    id kind roundName table startsAt endsAt status sentence openingQuestion
    partners { id eventId name email company role interests lookingFor consentMatchmaking sharedFields createdAt }
    reasons { attendeeA attendeeB sharedInterests }
    myFeedback { attendeeId met rating wouldMeetAgain note updatedAt }
  }
}`;

/** The session a token names. */
const sessionOf = (token: string): string => (jwt.decode(token) as { sid: string }).sid;

describe('myMeetings', () => {
  let t: TestApp;
  let eventId: string;
  let organiser: string;
  let trio: AttendeeFixture[];
  let tokens: string[];

  beforeAll(async () => {
    ({ t, event: { id: eventId }, organiser: { token: organiser } } = await startEventApp({ event: { oddPolicy: 'TRIO' } }));
    trio = [
      await createAttendee(t, eventId, { name: 'Ada', company: 'Analytical', role: 'researcher', interests: ['rag', 'evals'], lookingFor: ['gpu-access'], present: true }),
      await createAttendee(t, eventId, {
        name: 'Grace', company: 'Navy', role: 'engineer', interests: ['rag'], lookingFor: ['paper-feedback'], present: true,
        sharedFields: ['name', 'email', 'lookingFor'],
      }),
      await createAttendee(t, eventId, { name: 'Alan', company: 'Bletchley', role: 'founder', interests: ['evals'], present: true }),
    ];
    tokens = await Promise.all(trio.map((attendee) => attendeeToken(t, attendee)));
    const round = expectData(
      await t.gql(
        `mutation ($input: CreateRoundInput!) { createRound(input: $input) { id } }`,
        { input: { eventId, name: 'Round 1', startsAt: '2030-06-01T10:00:00Z', durationMinutes: 15, tables: ['A1'] } },
        organiser,
      ),
    ).createRound;
    expectData(await t.gql(`mutation ($r: ID!) { generateRound(input: {roundId: $r}) { status } }`, { r: round.id }, organiser));
    expect(await waitForRound(t, round.id, organiser)).toMatchObject({ status: 'GENERATED' });
    expectData(await t.gql(`mutation ($r: ID!) { publishRound(roundId: $r) { status } }`, { r: round.id }, organiser));
  });
  afterAll(() => t?.close());

  it('shows each member of a trio the two others, with only the fields each chose to share', async () => {
    const [ada, grace, alan] = trio;
    const seenByAda = expectData(await t.gql(MY_MEETINGS, {}, tokens[0])).myMeetings;
    expect(seenByAda).toHaveLength(1);
    expect(seenByAda[0]).toMatchObject({ kind: 'ROUND', roundName: 'Round 1', table: 'A1', startsAt: '2030-06-01T10:00:00.000Z', endsAt: '2030-06-01T10:15:00.000Z', status: 'SCHEDULED', myFeedback: null });
    const partners = [...seenByAda[0].partners].sort((a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id));
    const expected = [
      { id: grace!.id, eventId, name: 'Grace', email: grace!.email, company: null, role: null, interests: null, lookingFor: ['paper-feedback'], consentMatchmaking: null, sharedFields: null, createdAt: null },
      { id: alan!.id, eventId, name: 'Alan', email: null, company: 'Bletchley', role: 'founder', interests: ['evals'], lookingFor: null, consentMatchmaking: null, sharedFields: null, createdAt: null },
    ].sort((a, b) => a.id.localeCompare(b.id));
    expect(partners).toEqual(expected);
    // Reasons concern the viewer's own pairs only.
    for (const reason of seenByAda[0].reasons) expect([reason.attendeeA, reason.attendeeB]).toContain(ada!.id);

    for (const [index, token] of tokens.entries()) {
      const [meeting] = expectData(await t.gql(MY_MEETINGS, {}, token)).myMeetings;
      expect(meeting.id).toBe(seenByAda[0].id);
      expect(meeting.partners.map((p: { id: string }) => p.id).sort()).toEqual(trio.filter((_, i) => i !== index).map((p) => p.id).sort());
    }
  });

  it('reads from PostgreSQL only what each partner shares: the rest never leaves the database', async () => {
    const [ada, grace, alan] = trio;
    const meetings = await t.app.get(MeetingsService).myMeetings({ kind: 'attendee', attendeeId: ada!.id, eventId }, MeetingsWhen.ALL);
    const byId = new Map(meetings[0]!.partners.map((partner) => [partner.id, partner]));
    expect(byId.get(grace!.id)).toMatchObject({ name: 'Grace', email: grace!.email, company: null, role: null, interests: null });
    expect(byId.get(alan!.id)).toMatchObject({ name: 'Alan', email: null, company: 'Bletchley', lookingFor: null });
    for (const partner of byId.values()) {
      expect(partner.consentAt).toBeUndefined();
      expect(partner.createdAt).toBeUndefined();
    }
  });

  it('includes the viewer’s own feedback once given, and no one else’s', async () => {
    const [meeting] = expectData(await t.gql(MY_MEETINGS, {}, tokens[1])).myMeetings;
    expectData(
      await t.gql(
        `mutation ($input: FeedbackInput!) { submitFeedback(input: $input) { met } }`,
        { input: { meetingId: meeting.id, met: true, rating: 4, wouldMeetAgain: false, note: 'kind, but off topic' } },
        tokens[1],
      ),
    );
    const [mine] = expectData(await t.gql(MY_MEETINGS, {}, tokens[1])).myMeetings;
    expect(mine.myFeedback).toEqual({ attendeeId: trio[1]!.id, met: true, rating: 4, wouldMeetAgain: false, note: 'kind, but off topic', updatedAt: expect.any(String) });
    expect(new Date(mine.myFeedback.updatedAt).getTime()).not.toBeNaN();
    const [theirs] = expectData(await t.gql(MY_MEETINGS, {}, tokens[0])).myMeetings;
    expect(theirs.myFeedback).toBeNull();
  });

  it('filters upcoming and past meetings', async () => {
    expect(expectData(await t.gql(MY_MEETINGS, { when: 'UPCOMING' }, tokens[2])).myMeetings).toHaveLength(1);
    expect(expectData(await t.gql(MY_MEETINGS, { when: 'PAST' }, tokens[2])).myMeetings).toEqual([]);
  });

  it('is for attendees only', async () => {
    const response = await t.gql(MY_MEETINGS, {}, organiser);
    expect(response.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('serves attendees asking at the same moment with one statement, each with their own answer', async () => {
    const meetings = t.app.get(MeetingsService);
    const other = await createEvent(t);
    const [ada, grace, alan] = trio;
    const asking = [0, 1, 2, 0].map((i) => ({ actor: { kind: 'attendee' as const, attendeeId: trio[i]!.id, eventId }, session: sessionOf(tokens[i]!) }));
    const stranger = await createAttendee(t, eventId, { name: 'Stranger' });
    const strangerSession = sessionOf(await attendeeToken(t, stranger));
    const graceElsewhere = await attendeeToken(t, grace!);
    const endedSession = sessionOf(graceElsewhere);
    expectData(await t.gql(`mutation { signOut }`, {}, graceElsewhere));
    const before = t.queries.count;
    const [forAda, forGrace, forAlan, forAdaAgain, forStranger, forImpostor, forMalformed, forSignedOut, forSomeoneElsesSession] = await Promise.allSettled([
      ...asking.map(({ actor, session }) => meetings.myMeetings(actor, MeetingsWhen.ALL, { confirmSession: session })),
      meetings.myMeetings({ kind: 'attendee', attendeeId: stranger.id, eventId }, MeetingsWhen.ALL, { confirmSession: strangerSession }),
      // A real attendee, but the token names another event: refused, and only this caller.
      meetings.myMeetings({ kind: 'attendee', attendeeId: ada!.id, eventId: other.id }, MeetingsWhen.ALL, { confirmSession: sessionOf(tokens[0]!) }),
      // An id PostgreSQL cannot read as a UUID must not fail the statement the others share.
      meetings.myMeetings({ kind: 'attendee', attendeeId: 'not-a-uuid', eventId }, MeetingsWhen.ALL, { confirmSession: sessionOf(tokens[0]!) }),
      // A session that was signed out, and a live session of someone else: refused.
      meetings.myMeetings({ kind: 'attendee', attendeeId: grace!.id, eventId }, MeetingsWhen.ALL, { confirmSession: endedSession }),
      meetings.myMeetings({ kind: 'attendee', attendeeId: grace!.id, eventId }, MeetingsWhen.ALL, { confirmSession: sessionOf(tokens[0]!) }),
    ]);
    expect(t.queries.count - before).toBe(1);
    const partnersOf = (result: PromiseSettledResult<Awaited<ReturnType<MeetingsService['myMeetings']>>>) =>
      result.status === 'fulfilled' ? result.value.flatMap((meeting) => meeting.partners.map((partner) => partner.id)).sort() : result.reason;
    expect(partnersOf(forAda)).toEqual([grace!.id, alan!.id].sort());
    expect(partnersOf(forGrace)).toEqual([ada!.id, alan!.id].sort());
    expect(partnersOf(forAlan)).toEqual([ada!.id, grace!.id].sort());
    expect(partnersOf(forAdaAgain)).toEqual(partnersOf(forAda));
    expect(partnersOf(forStranger)).toEqual([]);
    expect(forImpostor).toMatchObject({ status: 'rejected', reason: { category: 'UNAUTHENTICATED' } });
    expect(forMalformed).toMatchObject({ status: 'rejected', reason: { category: 'UNAUTHENTICATED' } });
    expect(forSignedOut).toMatchObject({ status: 'rejected', reason: { category: 'UNAUTHENTICATED', reason: 'SESSION_ENDED' } });
    expect(forSomeoneElsesSession).toMatchObject({ status: 'rejected', reason: { category: 'UNAUTHENTICATED', reason: 'SESSION_ENDED' } });
  });

  it('is planned once per connection, not on every call (its statement is prepared, with a plan PostgreSQL reuses)', async () => {
    const meetings = t.app.get(MeetingsService);
    const actor = { kind: 'attendee' as const, attendeeId: trio[0]!.id, eventId };
    // One at a time: the pool hands back the connection it just got, so they all run on one.
    for (let i = 0; i < 10; i++) await meetings.myMeetings(actor, MeetingsWhen.ALL);
    const [plans] = await t.app.get(DataSource).query(
      `SELECT generic_plans, custom_plans FROM pg_prepared_statements WHERE statement LIKE '%round_name%' ORDER BY generic_plans + custom_plans DESC LIMIT 1`,
    );
    // PostgreSQL tries custom plans 5 times, then keeps the generic one when it costs no more.
    expect(Number(plans.custom_plans)).toBeLessThanOrEqual(5);
    expect(Number(plans.generic_plans)).toBeGreaterThanOrEqual(5);
  });

  describe('checks the caller in its own statement (no separate lookup of the token’s attendee)', () => {
    const refusal = (response: { data?: unknown; errors?: { message: string; extensions?: { code?: string } }[] }) => ({
      data: response.data,
      code: response.errors?.[0]?.extensions?.code,
      message: response.errors?.[0]?.message,
    });
    const GONE = { data: null, code: 'UNAUTHENTICATED', message: 'The person behind this token no longer exists' };

    it('costs one SQL statement, the caller’s check and the rate limiter’s count included', async () => {
      await t.gql(MY_MEETINGS, {}, tokens[0]);
      // A counted hit moves its counter's expiry to now + the window (test/shared-limits.e2e-spec.ts checks the counts across processes).
      const lastCounted = async () => (await t.app.get(DataSource).query(`SELECT max(expires_at) AS at FROM rate_limit_counters`))[0].at as Date;
      const countedBefore = await lastCounted();
      const before = { count: t.queries.count, limitCounts: t.queries.limitCounts };
      expect(expectData(await t.gql(MY_MEETINGS, {}, tokens[0])).myMeetings).toHaveLength(1);
      expect({ count: t.queries.count, limitCounts: t.queries.limitCounts }).toEqual({ count: before.count + 1, limitCounts: before.limitCounts });
      expect((await lastCounted()).getTime()).toBeGreaterThan(countedBefore.getTime());
    });

    it('refuses an accepted token once its attendee erased their data', async () => {
      const leaving = await createAttendee(t, eventId, { name: 'Leaving' });
      const token = await attendeeToken(t, leaving);
      expect(expectData(await t.gql(MY_MEETINGS, {}, token)).myMeetings).toEqual([]);
      expectData(await t.gql(`mutation { deleteMyData }`, {}, token));
      expect(refusal(await t.gql(MY_MEETINGS, {}, token))).toEqual(GONE);
    });

    it('refuses an accepted token once its attendee was deleted', async () => {
      const doomed = await createAttendee(t, eventId, { name: 'Doomed' });
      const token = await attendeeToken(t, doomed);
      expect(expectData(await t.gql(MY_MEETINGS, {}, token)).myMeetings).toEqual([]);
      expectData(await t.gql(`mutation ($id: ID!) { deleteAttendee(id: $id) }`, { id: doomed.id }, organiser));
      expect(refusal(await t.gql(MY_MEETINGS, {}, token))).toEqual(GONE);
    });

    it('refuses a validly signed token that binds a real attendee to another event', async () => {
      const other = await createEvent(t);
      const sid = sessionOf(tokens[0]!);
      const forged = jwt.sign({ sub: trio[0]!.id, kind: 'attendee', evt: other.id, sid }, t.config.auth.jwtSecret!, { issuer: 'pairwise', audience: 'pairwise-api', expiresIn: 60 });
      expect(refusal(await t.gql(MY_MEETINGS, {}, forged))).toEqual(GONE);
      const unbound = jwt.sign({ sub: trio[0]!.id, kind: 'attendee', sid }, t.config.auth.jwtSecret!, { issuer: 'pairwise', audience: 'pairwise-api', expiresIn: 60 });
      expect(refusal(await t.gql(MY_MEETINGS, {}, unbound))).toEqual(GONE);
    });

    it('refuses a token once its session was signed out, in the same one statement', async () => {
      const token = await attendeeToken(t, trio[2]!);
      expect(expectData(await t.gql(MY_MEETINGS, {}, token)).myMeetings).toHaveLength(1);
      expectData(await t.gql(`mutation { signOut }`, {}, token));
      const before = t.queries.count;
      expect(refusal(await t.gql(MY_MEETINGS, {}, token))).toEqual({ data: null, code: 'UNAUTHENTICATED', message: expect.stringMatching(/session has ended/) });
      expect(t.queries.count - before).toBe(1);
      expect(expectData(await t.gql(MY_MEETINGS, {}, tokens[2])).myMeetings).toHaveLength(1); // the attendee's other session lives on
    });

    it('leaves the other fields of the same document to the usual check', async () => {
      const both = `{ me { attendeeId } myMeetings { id } }`;
      const staying = await createAttendee(t, eventId, { name: 'Staying' });
      const token = await attendeeToken(t, staying);
      expect(expectData(await t.gql(both, {}, token))).toEqual({ me: { attendeeId: staying.id }, myMeetings: [] });
      expectData(await t.gql(`mutation { deleteMyData }`, {}, token));
      const response = await t.gql(both, {}, token);
      expect(response.data).toBeNull();
      expect(response.errors?.length).toBeGreaterThan(0);
      expect(new Set(response.errors?.map((error) => error.extensions?.code))).toEqual(new Set(['UNAUTHENTICATED']));
    });
  });
});
