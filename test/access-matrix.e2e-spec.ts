import { randomBytes } from 'node:crypto';
import {
  attendeeToken,
  createAttendee,
  createEvent,
  createOrganiser,
  expectData,
  login,
  startTestApp,
  type AttendeeFixture,
  type EventFixture,
  type GraphqlResponse,
  type OrganiserFixture,
  type TestApp,
} from '@pairwise/testing';

/**
 * Who may do what, as one table: every operation of the API against every
 * kind of caller. Product rules: admins do everything; organisers manage their
 * own events only; attendees read their own event and the consenting
 * attendees in it, and edit only their own profile; anonymous callers may only
 * `login` (see auth.e2e-spec.ts).
 */
const CALLERS = ['anonymous', 'attendee', 'organiser', 'otherOrganiser', 'admin'] as const;
type Caller = (typeof CALLERS)[number];
type Outcome = 'ok' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND';

const OK = 'ok';
const UNAUTH = 'UNAUTHENTICATED';
const DENIED = 'FORBIDDEN';

// Columns: anonymous, attendee of this event, organiser of this event, organiser of another event, admin.
const MATRIX = {
  createEvent:      [UNAUTH, DENIED, DENIED, DENIED, OK],
  updateEvent:      [UNAUTH, DENIED, OK,     DENIED, OK],
  event:            [UNAUTH, OK,     OK,     DENIED, OK],
  events:           [UNAUTH, OK,     OK,     OK,     OK],
  addOrganiser:     [UNAUTH, DENIED, DENIED, DENIED, OK],
  removeOrganiser:  [UNAUTH, DENIED, DENIED, DENIED, OK],
  createAttendee:   [UNAUTH, DENIED, OK,     DENIED, OK],
  updateAttendee:   [UNAUTH, DENIED, OK,     DENIED, OK],
  deleteAttendee:   [UNAUTH, DENIED, OK,     DENIED, OK],
  attendee:         [UNAUTH, OK,     OK,     DENIED, OK],
  attendees:        [UNAUTH, OK,     OK,     DENIED, OK],
  myProfile:        [UNAUTH, OK,     DENIED, DENIED, DENIED],
  updateMyProfile:  [UNAUTH, OK,     DENIED, DENIED, DENIED],
  issueAccessCode:  [UNAUTH, DENIED, OK,     DENIED, OK],
  issueAccessCodes: [UNAUTH, DENIED, OK,     DENIED, OK],
  importAttendees:  [UNAUTH, DENIED, OK,     DENIED, OK],
  'Event.organisers': [UNAUTH, DENIED, OK,   DENIED, OK],
  me:               [UNAUTH, OK,     OK,     OK,     OK],
  outbox:           [UNAUTH, DENIED, OK,     DENIED, OK],
  sendInvitations:  [UNAUTH, DENIED, OK,     DENIED, OK],
  invitationRun:    [UNAUTH, DENIED, OK,     DENIED, OK],
  invitationRuns:   [UNAUTH, DENIED, OK,     DENIED, OK],
  requestSignInLink: [OK,    OK,     OK,     OK,     OK],
  setMailOptOut:    [UNAUTH, OK,     DENIED, DENIED, DENIED],
  myUpcomingRounds: [UNAUTH, OK,     DENIED, DENIED, DENIED],
} as const satisfies Record<string, readonly [Outcome, Outcome, Outcome, Outcome, Outcome]>;
type OperationName = keyof typeof MATRIX;

interface Attempt {
  response: GraphqlResponse;
  /** The top-level field the operation answers in. */
  field: string;
  /** For mutations: re-reads as admin and fails if a refused call changed anything. */
  wroteNothing?: () => Promise<void>;
}

const unique = () => randomBytes(4).toString('hex');

describe('access matrix', () => {
  let t: TestApp;
  let admin: string;
  let event: EventFixture;
  let otherEvent: EventFixture;
  let organiser: OrganiserFixture;
  let otherOrganiser: OrganiserFixture;
  let attendeeCaller: AttendeeFixture;
  let target: AttendeeFixture;
  let runId: string;
  const tokens = {} as Record<Caller, string | undefined>;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.adminToken();
    event = await createEvent(t);
    otherEvent = await createEvent(t);
    organiser = await createOrganiser(t, event.id);
    otherOrganiser = await createOrganiser(t, otherEvent.id);
    attendeeCaller = await createAttendee(t, event.id, { name: 'Caller' });
    target = await createAttendee(t, event.id, { name: 'Target', company: 'Initial Co' });
    runId = expectData(await t.gql(`mutation ($e: ID!) { sendInvitations(input: {eventId: $e}) { id } }`, { e: event.id }, admin)).sendInvitations.id;
    Object.assign(tokens, {
      anonymous: undefined,
      attendee: await attendeeToken(t, attendeeCaller),
      organiser: organiser.token,
      otherOrganiser: otherOrganiser.token,
      admin,
    });
  });
  afterAll(() => t?.close());

  const asAdmin = async (query: string, variables: Record<string, unknown> = {}) => expectData(await t.gql(query, variables, admin));
  const eventState = async () =>
    (await asAdmin(`query ($id: ID) { event(id: $id) { name venue organisers { email } } }`, { id: event.id })).event;
  const attendeeCount = async () =>
    (await asAdmin(`query ($e: ID!) { attendees(eventId: $e) { totalCount } }`, { e: event.id })).attendees.totalCount as number;

  /** One way to call each operation; mutations on things a call may destroy get fresh fixtures. */
  const OPERATIONS: Record<OperationName, (token: string | undefined) => Promise<Attempt>> = {
    createEvent: async (token) => {
      const slug = `matrix-${unique()}`;
      const response = await t.gql(`mutation ($input: CreateEventInput!) { createEvent(input: $input) { id } }`, { input: { slug, name: 'X' } }, token);
      return {
        response,
        field: 'createEvent',
        wroteNothing: async () => {
          const lookup = await t.gql(`query ($slug: String) { event(slug: $slug) { id } }`, { slug }, admin);
          expect(lookup.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
        },
      };
    },
    updateEvent: async (token) => {
      const before = await eventState();
      const response = await t.gql(
        `mutation ($input: UpdateEventInput!) { updateEvent(input: $input) { id } }`,
        { input: { id: event.id, venue: `Hall ${unique()}`, vocabulary: [] } },
        token,
      );
      return { response, field: 'updateEvent', wroteNothing: async () => expect(await eventState()).toEqual(before) };
    },
    event: async (token) => ({
      response: await t.gql(`query ($id: ID) { event(id: $id) { id name vocabulary { slug } } }`, { id: event.id }, token),
      field: 'event',
    }),
    events: async (token) => ({ response: await t.gql(`{ events { id } }`, {}, token), field: 'events' }),
    addOrganiser: async (token) => {
      const before = await eventState();
      const response = await t.gql(
        `mutation ($input: AddOrganiserInput!) { addOrganiser(input: $input) { organiser { id } } }`,
        { input: { eventId: event.id, email: `new-${unique()}@pairwise.test`, name: 'New' } },
        token,
      );
      return { response, field: 'addOrganiser', wroteNothing: async () => expect(await eventState()).toEqual(before) };
    },
    removeOrganiser: async (token) => {
      const extra = await createOrganiser(t, event.id);
      const before = await eventState();
      const response = await t.gql(
        `mutation ($e: ID!, $a: ID!) { removeOrganiser(eventId: $e, accountId: $a) }`,
        { e: event.id, a: extra.accountId },
        token,
      );
      return { response, field: 'removeOrganiser', wroteNothing: async () => expect(await eventState()).toEqual(before) };
    },
    createAttendee: async (token) => {
      const before = await attendeeCount();
      const response = await t.gql(
        `mutation ($input: CreateAttendeeInput!) { createAttendee(input: $input) { attendee { id } } }`,
        { input: { eventId: event.id, email: `new-${unique()}@pairwise.test`, name: 'New' } },
        token,
      );
      return { response, field: 'createAttendee', wroteNothing: async () => expect(await attendeeCount()).toBe(before) };
    },
    updateAttendee: async (token) => {
      const read = async () => (await asAdmin(`query ($id: ID!) { attendee(id: $id) { company updatedAt } }`, { id: target.id })).attendee;
      const before = await read();
      const response = await t.gql(
        `mutation ($input: UpdateAttendeeInput!) { updateAttendee(input: $input) { attendee { id } } }`,
        { input: { id: target.id, company: `Co ${unique()}` } },
        token,
      );
      return { response, field: 'updateAttendee', wroteNothing: async () => expect(await read()).toEqual(before) };
    },
    deleteAttendee: async (token) => {
      const doomed = await createAttendee(t, event.id);
      const response = await t.gql(`mutation ($id: ID!) { deleteAttendee(id: $id) }`, { id: doomed.id }, token);
      return {
        response,
        field: 'deleteAttendee',
        wroteNothing: async () => {
          expect((await asAdmin(`query ($id: ID!) { attendee(id: $id) { id } }`, { id: doomed.id })).attendee.id).toBe(doomed.id);
        },
      };
    },
    attendee: async (token) => ({
      response: await t.gql(`query ($id: ID!) { attendee(id: $id) { id name } }`, { id: target.id }, token),
      field: 'attendee',
    }),
    attendees: async (token) => ({
      response: await t.gql(`query ($e: ID!) { attendees(eventId: $e) { totalCount edges { node { id } } } }`, { e: event.id }, token),
      field: 'attendees',
    }),
    myProfile: async (token) => ({ response: await t.gql(`{ myProfile { id } }`, {}, token), field: 'myProfile' }),
    updateMyProfile: async (token) => {
      const before = await attendeeCount();
      const response = await t.gql(
        `mutation ($input: UpdateMyProfileInput!) { updateMyProfile(input: $input) { attendee { id } } }`,
        { input: { bio: `bio ${unique()}` } },
        token,
      );
      // Staff have no profile: a refusal must not have created one.
      return { response, field: 'updateMyProfile', wroteNothing: async () => expect(await attendeeCount()).toBe(before) };
    },
    issueAccessCode: async (token) => {
      const invitee = await createAttendee(t, event.id);
      const earlier = (await asAdmin(`mutation ($id: ID!) { issueAccessCode(attendeeId: $id) { code } }`, { id: invitee.id }))
        .issueAccessCode.code as string;
      const response = await t.gql(`mutation ($id: ID!) { issueAccessCode(attendeeId: $id) { code } }`, { id: invitee.id }, token);
      return {
        response,
        field: 'issueAccessCode',
        // A refused call must not have voided the code the invitee already holds.
        wroteNothing: async () => expect((await login(t.gql, { email: invitee.email, accessCode: earlier })).viewer.role).toBe('ATTENDEE'),
      };
    },
    issueAccessCodes: async (token) => {
      const invitee = await createAttendee(t, event.id);
      const earlier = (await asAdmin(`mutation ($id: ID!) { issueAccessCode(attendeeId: $id) { code } }`, { id: invitee.id }))
        .issueAccessCode.code as string;
      const response = await t.gql(`mutation ($ids: [ID!]!) { issueAccessCodes(attendeeIds: $ids) { code } }`, { ids: [invitee.id] }, token);
      return {
        response,
        field: 'issueAccessCodes',
        wroteNothing: async () => expect((await login(t.gql, { email: invitee.email, accessCode: earlier })).viewer.role).toBe('ATTENDEE'),
      };
    },
    importAttendees: async (token) => {
      const before = await attendeeCount();
      const csv = `Email,Name\nimported-${unique()}@pairwise.test,Imported Person\n`;
      const response = await t.gql(
        `mutation ($e: ID!, $csv: String!) { importAttendees(eventId: $e, csv: $csv) { created } }`,
        { e: event.id, csv },
        token,
      );
      return { response, field: 'importAttendees', wroteNothing: async () => expect(await attendeeCount()).toBe(before) };
    },
    'Event.organisers': async (token) => ({
      response: await t.gql(`query ($id: ID) { event(id: $id) { id organisers { id email } } }`, { id: event.id }, token),
      field: 'event',
    }),
    me: async (token) => ({ response: await t.gql(`{ me { role } }`, {}, token), field: 'me' }),
    outbox: async (token) => ({
      response: await t.gql(`query ($e: ID!) { outbox(eventId: $e) { totalCount edges { node { to subject } } } }`, { e: event.id }, token),
      field: 'outbox',
    }),
    sendInvitations: async (token) => {
      const outboxSize = async () => (await asAdmin(`query ($e: ID!) { outbox(eventId: $e) { totalCount } }`, { e: event.id })).outbox.totalCount as number;
      await createAttendee(t, event.id);
      const before = await outboxSize();
      const response = await t.gql(`mutation ($e: ID!) { sendInvitations(input: {eventId: $e}) { id queued } }`, { e: event.id }, token);
      return { response, field: 'sendInvitations', wroteNothing: async () => expect(await outboxSize()).toBe(before) };
    },
    invitationRun: async (token) => ({
      response: await t.gql(`query ($id: ID!) { invitationRun(id: $id) { id progress { sent held } } }`, { id: runId }, token),
      field: 'invitationRun',
    }),
    invitationRuns: async (token) => ({
      response: await t.gql(`query ($e: ID!) { invitationRuns(eventId: $e) { id } }`, { e: event.id }, token),
      field: 'invitationRuns',
    }),
    setMailOptOut: async (token) => ({
      // Staff cannot choose for anyone; an attendee resumes their own mail (already on: nothing changes).
      response: await t.gql(`mutation { setMailOptOut(optOut: false) { id mailOptOut } }`, {}, token),
      field: 'setMailOptOut',
    }),
    requestSignInLink: async (token) => ({
      response: await t.gql(`mutation ($email: String!, $slug: String!) { requestSignInLink(input: {email: $email, eventSlug: $slug}) }`, { email: target.email, slug: event.slug }, token),
      field: 'requestSignInLink',
    }),
    myUpcomingRounds: async (token) => ({ response: await t.gql(`{ myUpcomingRounds { id name optedOut } }`, {}, token), field: 'myUpcomingRounds' }),
  };

  const cells = (Object.entries(MATRIX) as [OperationName, readonly Outcome[]][]).flatMap(([operation, row]) =>
    CALLERS.map((caller, column) => [operation, caller, row[column]!] as const),
  );

  it.each(cells)('%s as %s → %s', async (operation, caller, expected) => {
    const { response, field, wroteNothing } = await OPERATIONS[operation](tokens[caller]);
    if (expected === 'ok') {
      expect(response.errors).toBeUndefined();
      expect(response.data?.[field]).toBeTruthy();
    } else {
      expect(response.data?.[field] ?? null).toBeNull();
      expect(response.errors?.[0]?.extensions?.code).toBe(expected);
      await wroteNothing?.();
    }
  });

  describe('what "ok" lets each caller see', () => {
    it('events lists all events for the admin, the organised ones for organisers, the attended one for attendees', async () => {
      const ids = async (caller: Caller) =>
        (expectData(await t.gql(`{ events { id } }`, {}, tokens[caller])).events as { id: string }[]).map((e) => e.id);
      expect(await ids('admin')).toEqual(expect.arrayContaining([event.id, otherEvent.id]));
      expect(await ids('organiser')).toEqual([event.id]);
      expect(await ids('otherOrganiser')).toEqual([otherEvent.id]);
      expect(await ids('attendee')).toEqual([event.id]);
    });

    it('an organiser of another event cannot reach this event through its slug either', async () => {
      const slug = (await asAdmin(`query ($id: ID) { event(id: $id) { slug } }`, { id: event.id })).event.slug;
      const response = await t.gql(`query ($slug: String) { event(slug: $slug) { id } }`, { slug }, otherOrganiser.token);
      expect(response.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    });

    it('Event.organisers names this event’s organisers to its staff', async () => {
      const organisers = (await asAdmin(`query ($id: ID) { event(id: $id) { organisers { email } } }`, { id: event.id })).event.organisers;
      expect(organisers).toContainEqual({ email: organiser.email });
      expect(organisers).not.toContainEqual({ email: otherOrganiser.email });
    });

    it('an attendee is refused Event.organisers but keeps the rest of the event in another query', async () => {
      const response = await t.gql(`query ($id: ID) { event(id: $id) { organisers { id } } }`, { id: event.id }, tokens.attendee);
      expect(response.errors?.[0]?.path).toEqual(['event', 'organisers']);
      expect(response.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    });
  });

  describe('targets that do not exist or may not be seen', () => {
    const missing = '00000000-0000-4000-8000-000000000000';

    it.each([
      ['event', `query ($id: ID) { event(id: $id) { id } }`, { id: missing }],
      ['attendee', `query ($id: ID!) { attendee(id: $id) { id } }`, { id: missing }],
      ['updateAttendee', `mutation ($input: UpdateAttendeeInput!) { updateAttendee(input: $input) { attendee { id } } }`, { input: { id: missing, name: 'X' } }],
      ['deleteAttendee', `mutation ($id: ID!) { deleteAttendee(id: $id) }`, { id: missing }],
      ['issueAccessCode', `mutation ($id: ID!) { issueAccessCode(attendeeId: $id) { code } }`, { id: missing }],
      ['updateEvent', `mutation ($input: UpdateEventInput!) { updateEvent(input: $input) { id } }`, { input: { id: missing, name: 'X' } }],
      ['attendees', `query ($e: ID!) { attendees(eventId: $e) { totalCount } }`, { e: missing }],
      ['importAttendees', `mutation ($e: ID!) { importAttendees(eventId: $e, csv: "Email\\na@b.test") { created } }`, { e: missing }],
      ['removeOrganiser', `mutation ($e: ID!, $a: ID!) { removeOrganiser(eventId: $e, accountId: $a) }`, { e: missing, a: missing }],
      ['outbox', `query ($e: ID!) { outbox(eventId: $e) { totalCount } }`, { e: missing }],
      ['sendInvitations', `mutation ($e: ID!) { sendInvitations(input: {eventId: $e}) { id } }`, { e: missing }],
      ['invitationRun', `query ($id: ID!) { invitationRun(id: $id) { id } }`, { id: missing }],
      ['invitationRuns', `query ($e: ID!) { invitationRuns(eventId: $e) { id } }`, { e: missing }],
    ])('%s of an unknown id is NOT_FOUND for the admin', async (_, query, variables) => {
      const response = await t.gql(query, variables, admin);
      expect(response.data ?? null).toBeNull();
      expect(response.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    });

    it.each([
      ['attendee', `query ($id: ID!) { attendee(id: $id) { id } }`, { id: 'not-a-uuid' }, 'id'],
      ['event', `query ($id: ID) { event(id: $id) { id } }`, { id: 'not-a-uuid' }, 'id'],
      ['deleteAttendee', `mutation ($id: ID!) { deleteAttendee(id: $id) }`, { id: '42' }, 'id'],
      ['issueAccessCode', `mutation ($id: ID!) { issueAccessCode(attendeeId: $id) { code } }`, { id: 'x' }, 'attendeeId'],
      ['importAttendees', `mutation ($e: ID!) { importAttendees(eventId: $e, csv: "Email") { created } }`, { e: 'x' }, 'eventId'],
      ['removeOrganiser', `mutation ($e: ID!, $a: ID!) { removeOrganiser(eventId: $e, accountId: $a) }`, { e: missing, a: 'x' }, 'accountId'],
      ['invitationRun', `query ($id: ID!) { invitationRun(id: $id) { id } }`, { id: 'x' }, 'id'],
      ['invitationRuns', `query ($e: ID!) { invitationRuns(eventId: $e) { id } }`, { e: '1' }, 'eventId'],
    ])('%s with a malformed id is BAD_USER_INPUT naming the argument, not an internal error', async (_, query, variables, field) => {
      const response = await t.gql(query, variables, admin);
      expect(response.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(response.errors?.[0]?.extensions?.fields).toEqual([{ field, message: 'must be an id' }]);
    });

    it('an attendee gets NOT_FOUND (not FORBIDDEN) for a fellow attendee who did not consent, so nothing leaks', async () => {
      const shy = await createAttendee(t, event.id, { consentMatchmaking: false });
      const response = await t.gql(`query ($id: ID!) { attendee(id: $id) { id name } }`, { id: shy.id }, tokens.attendee);
      expect(response.data).toBeNull();
      expect(response.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    });

    it('an attendee may not delete a fellow attendee, consenting or not, and both stay', async () => {
      const shy = await createAttendee(t, event.id, { consentMatchmaking: false });
      const open = await createAttendee(t, event.id, { consentMatchmaking: true });
      for (const victim of [shy, open]) {
        const response = await t.gql(`mutation ($id: ID!) { deleteAttendee(id: $id) }`, { id: victim.id }, tokens.attendee);
        expect(response.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
        expect((await asAdmin(`query ($id: ID!) { attendee(id: $id) { id } }`, { id: victim.id })).attendee.id).toBe(victim.id);
      }
    });

    it('an organiser of another event is refused before the CSV is even read', async () => {
      const response = await t.gql(
        `mutation ($e: ID!, $csv: String!) { importAttendees(eventId: $e, csv: $csv) { created } }`,
        { e: event.id, csv: '' },
        otherOrganiser.token,
      );
      expect(response.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    });

    it('the outbox of an event lists only that event’s messages, and an organiser of another event gets none of them', async () => {
      const mine = (await asAdmin(`query ($e: ID!) { outbox(eventId: $e, first: 100) { edges { node { to } } } }`, { e: event.id })).outbox.edges;
      expect(mine.length).toBeGreaterThan(0);
      const theirs = (await asAdmin(`query ($e: ID!) { outbox(eventId: $e, first: 100) { edges { node { to } } } }`, { e: otherEvent.id })).outbox.edges;
      expect(theirs).toEqual([]);
      const response = await t.gql(`query ($e: ID!) { outbox(eventId: $e) { edges { node { to } } } }`, { e: event.id }, otherOrganiser.token);
      expect(response.data).toBeNull();
      expect(response.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    });

    it('an organiser cannot read an attendee of another event', async () => {
      const stranger = await createAttendee(t, otherEvent.id);
      const response = await t.gql(`query ($id: ID!) { attendee(id: $id) { id email } }`, { id: stranger.id }, organiser.token);
      expect(response.data).toBeNull();
      expect(response.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    });

    it('an organiser cannot move an attendee into their event by creating one in another event', async () => {
      const response = await t.gql(
        `mutation ($input: CreateAttendeeInput!) { createAttendee(input: $input) { attendee { id } } }`,
        { input: { eventId: otherEvent.id, email: `x-${unique()}@pairwise.test`, name: 'X' } },
        organiser.token,
      );
      expect(response.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    });
  });
});
