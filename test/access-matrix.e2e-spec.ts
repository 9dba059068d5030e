import { randomBytes } from 'node:crypto';
import {
  attendeeToken,
  createAttendee,
  createEvent,
  createOrganiser,
  expectData,
  login,
  queryRows,
  startAdminEventApp,
  type AttendeeFixture,
  type EventFixture,
  type GraphqlResponse,
  type OrganiserFixture,
  type TestApp,
  waitForRound,
} from '@pairwise/testing';

/**
 * Who may do what, as one table: every operation of the API against every
 * kind of caller. Product rules: admins do everything; organisers manage their
 * own events only; attendees read their own event and the consenting
 * attendees in it, and edit only their own profile; anonymous callers may only
 * `login` (see auth.e2e-spec.ts). Rounds, meetings, talks and office hours:
 * organisers run them; attendees read the published rounds of their event but
 * not who else sits out or how well others are served, read and rate their own
 * meetings, and ask speakers for office-hour slots; an attendee of another event
 * reaches none of it.
 */
const CALLERS = ['anonymous', 'attendee', 'otherAttendee', 'organiser', 'otherOrganiser', 'admin'] as const;
type Caller = (typeof CALLERS)[number];
type Outcome = 'ok' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND';
type Row = readonly [Outcome, Outcome, Outcome, Outcome, Outcome, Outcome];

const OK = 'ok';
const UNAUTH = 'UNAUTHENTICATED';
const DENIED = 'FORBIDDEN';
/**
 * Refused without saying the target exists, in the words an unknown id gets: whatever belongs to an event the
 * caller is not part of, and a draft round (or its meetings) for an attendee (docs/security.md, "Refusals").
 * DENIED is for what the caller sees but may not change, and for operations their kind of account never uses.
 */
const HIDDEN = 'NOT_FOUND';

// Columns: anonymous, attendee of this event, attendee of another event, organiser of this event, organiser of another event, admin.
const MATRIX = {
  createEvent:                 [UNAUTH, DENIED, DENIED, DENIED, DENIED, OK],
  updateEvent:                 [UNAUTH, DENIED, HIDDEN, OK,     HIDDEN, OK],
  event:                       [UNAUTH, OK,     HIDDEN, OK,     HIDDEN, OK],
  events:                      [UNAUTH, OK,     OK,     OK,     OK,     OK],
  addOrganiser:                [UNAUTH, DENIED, DENIED, DENIED, DENIED, OK],
  removeOrganiser:             [UNAUTH, DENIED, DENIED, DENIED, DENIED, OK],
  createAttendee:              [UNAUTH, DENIED, HIDDEN, OK,     HIDDEN, OK],
  updateAttendee:              [UNAUTH, DENIED, HIDDEN, OK,     HIDDEN, OK],
  deleteAttendee:              [UNAUTH, DENIED, HIDDEN, OK,     HIDDEN, OK],
  attendee:                    [UNAUTH, OK,     HIDDEN, OK,     HIDDEN, OK],
  attendees:                   [UNAUTH, OK,     HIDDEN, OK,     HIDDEN, OK],
  myProfile:                   [UNAUTH, OK,     OK,     DENIED, DENIED, DENIED],
  updateMyProfile:             [UNAUTH, OK,     OK,     DENIED, DENIED, DENIED],
  issueAccessCode:             [UNAUTH, DENIED, HIDDEN, OK,     HIDDEN, OK],
  issueAccessCodes:            [UNAUTH, DENIED, HIDDEN, OK,     HIDDEN, OK],
  importAttendees:             [UNAUTH, DENIED, HIDDEN, OK,     HIDDEN, OK],
  'Event.organisers':          [UNAUTH, DENIED, HIDDEN, OK,     HIDDEN, OK],
  me:                          [UNAUTH, OK,     OK,     OK,     OK,     OK],
  outbox:                      [UNAUTH, DENIED, HIDDEN, OK,     HIDDEN, OK],
  sendInvitations:             [UNAUTH, DENIED, HIDDEN, OK,     HIDDEN, OK],
  invitationRun:               [UNAUTH, DENIED, HIDDEN, OK,     HIDDEN, OK],
  invitationRuns:              [UNAUTH, DENIED, HIDDEN, OK,     HIDDEN, OK],
  requestSignInLink:           [OK,     OK,     OK,     OK,     OK,     OK],
  setMailOptOut:               [UNAUTH, OK,     OK,     DENIED, DENIED, DENIED],
  myUpcomingRounds:            [UNAUTH, OK,     OK,     DENIED, DENIED, DENIED],

  // Rounds. An attendee sees published rounds of their event, never a draft (NOT_FOUND for every operation on it,
  // adjustments included: nothing says it exists); who sits out and how well others are served are for organisers (attendees
  // read their own `mySitOut`).
  createRound:                 [UNAUTH, DENIED, HIDDEN, OK,     HIDDEN, OK],
  generateRound:               [UNAUTH, HIDDEN, HIDDEN, OK,     HIDDEN, OK],
  publishRound:                [UNAUTH, HIDDEN, HIDDEN, OK,     HIDDEN, OK],
  cancelRound:                 [UNAUTH, HIDDEN, HIDDEN, OK,     HIDDEN, OK],
  closeRound:                  [UNAUTH, DENIED, HIDDEN, OK,     HIDDEN, OK],
  swapAttendees:               [UNAUTH, HIDDEN, HIDDEN, OK,     HIDDEN, OK],
  moveAttendee:                [UNAUTH, HIDDEN, HIDDEN, OK,     HIDDEN, OK],
  round:                       [UNAUTH, OK,     HIDDEN, OK,     HIDDEN, OK],
  rounds:                      [UNAUTH, OK,     HIDDEN, OK,     HIDDEN, OK],
  'Round.meetings':            [UNAUTH, DENIED, HIDDEN, OK,     HIDDEN, OK],
  'Round.leftOut':             [UNAUTH, DENIED, HIDDEN, OK,     HIDDEN, OK],
  'Round.stats':               [UNAUTH, DENIED, HIDDEN, OK,     HIDDEN, OK],
  'Round.draftProblems':       [UNAUTH, DENIED, HIDDEN, OK,     HIDDEN, OK],
  'Round.mySitOut':            [UNAUTH, OK,     HIDDEN, OK,     HIDDEN, OK],
  'LeftOut.attendee':          [UNAUTH, DENIED, HIDDEN, OK,     HIDDEN, OK],
  optOutOfRound:               [UNAUTH, OK,     HIDDEN, DENIED, DENIED, DENIED],
  // Meetings.
  myMeetings:                  [UNAUTH, OK,     OK,     DENIED, DENIED, DENIED],
  submitFeedback:              [UNAUTH, OK,     HIDDEN, DENIED, DENIED, DENIED],
  markNoShow:                  [UNAUTH, DENIED, HIDDEN, OK,     HIDDEN, OK],
  'Meeting.feedback':          [UNAUTH, DENIED, HIDDEN, OK,     HIDDEN, OK],
  issueCalendarFeed:           [UNAUTH, OK,     OK,     DENIED, DENIED, DENIED],
  // Talks and their office hours.
  createTalk:                  [UNAUTH, DENIED, HIDDEN, OK,     HIDDEN, OK],
  importAgenda:                [UNAUTH, DENIED, HIDDEN, OK,     HIDDEN, OK],
  talks:                       [UNAUTH, OK,     HIDDEN, OK,     HIDDEN, OK],
  'Talk.requests':             [UNAUTH, OK,     HIDDEN, OK,     HIDDEN, OK],
  requestSpeakerSlot:          [UNAUTH, OK,     HIDDEN, DENIED, DENIED, DENIED],
  withdrawSpeakerSlotRequest:  [UNAUTH, OK,     HIDDEN, DENIED, DENIED, DENIED],
  allocateSpeakerSlots:        [UNAUTH, DENIED, HIDDEN, OK,     HIDDEN, OK],
  publishSpeakerSlots:         [UNAUTH, DENIED, HIDDEN, OK,     HIDDEN, OK],
  allocateOfficeHours:         [UNAUTH, DENIED, HIDDEN, OK,     HIDDEN, OK],
  publishOfficeHours:          [UNAUTH, DENIED, HIDDEN, OK,     HIDDEN, OK],
  // One schedule per attendee (issue 14): bookmarks, availability, meeting requests (their slots too), check-in.
  mySchedule:                  [UNAUTH, OK,     OK,     DENIED, DENIED, DENIED],
  bookmarkTalk:                [UNAUTH, OK,     HIDDEN, DENIED, DENIED, DENIED],
  unbookmarkTalk:              [UNAUTH, OK,     HIDDEN, DENIED, DENIED, DENIED],
  myAvailability:              [UNAUTH, OK,     OK,     DENIED, DENIED, DENIED],
  setMyAvailability:           [UNAUTH, OK,     OK,     DENIED, DENIED, DENIED],
  attendeeAvailability:        [UNAUTH, DENIED, HIDDEN, OK,     HIDDEN, OK],
  setAttendeeAvailability:     [UNAUTH, DENIED, HIDDEN, OK,     HIDDEN, OK],
  requestMeeting:              [UNAUTH, OK,     HIDDEN, DENIED, DENIED, DENIED],
  respondToMeetingRequest:     [UNAUTH, OK,     HIDDEN, DENIED, DENIED, DENIED],
  cancelMeetingRequest:        [UNAUTH, OK,     HIDDEN, DENIED, DENIED, DENIED],
  myMeetingRequests:           [UNAUTH, OK,     OK,     DENIED, DENIED, DENIED],
  eventMeetingRequests:        [UNAUTH, DENIED, HIDDEN, OK,     HIDDEN, OK],
  'Round.meetingRequests':     [UNAUTH, DENIED, HIDDEN, OK,     HIDDEN, OK],
  'Event.meetingRequestSlots': [UNAUTH, OK,     HIDDEN, OK,     HIDDEN, OK],
  'updateEvent(meetingRequestSlots)': [UNAUTH, DENIED, HIDDEN, OK, HIDDEN, OK],
  myCheckInCode:               [UNAUTH, OK,     OK,     DENIED, DENIED, DENIED],
  checkIn:                     [UNAUTH, DENIED, HIDDEN, OK,     HIDDEN, OK],
} as const satisfies Record<string, Row>;
type OperationName = keyof typeof MATRIX;

interface Attempt {
  response: GraphqlResponse;
  /** The top-level field the operation answers in. */
  field: string;
  /** What must be there when allowed and null when refused, if not the whole top-level field (a nullable field refused alone). */
  shown?: (data: Record<string, any>) => unknown;
  /** For mutations: re-reads as admin and fails if a refused call changed anything. */
  wroteNothing?: () => Promise<void>;
  /** Puts back what the call used up (a drafted round holds its pairs until cancelled). */
  cleanUp?: () => Promise<void>;
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
  /** A published round of this event, in which the attendee caller has a table. */
  let published: string;
  let talkId: string;
  const tokens = {} as Record<Caller, string | undefined>;

  beforeAll(async () => {
    ({ t, admin, event } = await startAdminEventApp());
    otherEvent = await createEvent(t);
    organiser = await createOrganiser(t, event.id);
    otherOrganiser = await createOrganiser(t, otherEvent.id);
    attendeeCaller = await createAttendee(t, event.id, { name: 'Caller', present: true });
    target = await createAttendee(t, event.id, { name: 'Target', company: 'Initial Co', present: true });
    // Thirteen present people: six tables (a trio among them), and pairs enough for every draft below.
    for (let i = 0; i < 11; i++) await createAttendee(t, event.id, { name: `Peer ${i}`, present: true });
    const otherAttendee = await createAttendee(t, otherEvent.id, { name: 'Elsewhere' });
    runId = expectData(await t.gql(`mutation ($e: ID!) { sendInvitations(input: {eventId: $e}) { id } }`, { e: event.id }, admin)).sendInvitations.id;
    Object.assign(tokens, {
      anonymous: undefined,
      attendee: await attendeeToken(t, attendeeCaller),
      otherAttendee: await attendeeToken(t, otherAttendee),
      organiser: organiser.token,
      otherOrganiser: otherOrganiser.token,
      admin,
    });
    published = await newRound('PUBLISHED');
    talkId = await newTalk();
  });
  afterAll(() => t?.close());

  /**
   * A round of this event, created and taken to `status` by the admin; it starts an hour ago or earlier (so it
   * may be closed), each 20 minutes before the last (they last 15, the default): two rounds of an event may not overlap.
   */
  const firstRoundStart = Date.now() - 3_600_000;
  let roundsMade = 0;
  async function newRound(status: 'DRAFT' | 'GENERATED' | 'PUBLISHED'): Promise<string> {
    const startsAt = new Date(firstRoundStart - roundsMade++ * 20 * 60_000).toISOString();
    const { id } = (await asAdmin(`mutation ($input: CreateRoundInput!) { createRound(input: $input) { id } }`, { input: { eventId: event.id, name: `Round ${unique()}`, startsAt } })).createRound;
    if (status === 'DRAFT') return id;
    await asAdmin(`mutation ($id: ID!) { generateRound(input: {roundId: $id}) { id } }`, { id });
    expect(await waitForRound(t, id, admin)).toMatchObject({ status: 'GENERATED' });
    if (status === 'PUBLISHED') await asAdmin(`mutation ($id: ID!) { publishRound(roundId: $id) { id } }`, { id });
    return id;
  }
  const roundStatus = async (id: string) => (await asAdmin(`query ($id: ID!) { round(id: $id) { status } }`, { id })).round.status as string;
  /** Cancelling releases the round's pairs for the drafts that follow (a closed round keeps them). */
  const cancel = (id: string) => async () => {
    if (['DRAFT', 'GENERATED', 'PUBLISHED'].includes(await roundStatus(id))) await asAdmin(`mutation ($id: ID!) { cancelRound(roundId: $id) { id } }`, { id });
  };
  /** The tables of a round as the admin sees them. */
  const tablesOf = async (id: string) =>
    (await asAdmin(`query ($id: ID!) { round(id: $id) { meetings { edges { node { id status participants { id } } } } } }`, { id })).round.meetings.edges.map(
      (edge: { node: { id: string; status: string; participants: { id: string }[] } }) => ({ id: edge.node.id, status: edge.node.status, members: edge.node.participants.map((p) => p.id) }),
    ) as { id: string; status: string; members: string[] }[];
  /** A talk of this event by the target, with office-hour slots. */
  const newTalk = async () =>
    (
      await asAdmin(`mutation ($input: CreateTalkInput!) { createTalk(input: $input) { id } }`, {
        input: { eventId: event.id, title: `Talk ${unique()}`, speakerId: target.id, startsAt: new Date(Date.now() + 86_400_000).toISOString(), tags: ['rag'], slotCount: 2 },
      })
    ).createTalk.id as string;
  /** A talk alone on a day of its own (a programme call on that day touches nothing else), with a request. */
  let programmeDays = 0;
  const talkAloneOnItsDay = async () => {
    const day = new Date(Date.UTC(2031, 0, 1 + programmeDays++)).toISOString().slice(0, 10);
    const id = (
      await asAdmin(`mutation ($input: CreateTalkInput!) { createTalk(input: $input) { id } }`, {
        input: { eventId: event.id, title: `Talk ${unique()}`, speakerId: target.id, startsAt: `${day}T10:00:00Z`, tags: ['rag'], slotCount: 2 },
      })
    ).createTalk.id as string;
    expectData(await requestSlot(id));
    return { day, id };
  };
  const talkState = async (id: string) =>
    (await asAdmin(`query ($e: ID!) { talks(eventId: $e) { id allocationStatus requests { attendee { id } status } } }`, { e: event.id })).talks.find(
      (talk: { id: string }) => talk.id === id,
    );
  /** Who opted out of a round: only the database says before the round is generated. */
  const optOutsOf = (roundId: string) => queryRows(t.database.url, `SELECT attendee_id FROM round_opt_outs WHERE round_id = $1 ORDER BY attendee_id`, [roundId]);
  const requestSlot = (id: string) =>
    t.gql(`mutation ($input: RequestSlotInput!) { requestSpeakerSlot(input: $input) { status } }`, { input: { talkId: id, question: 'How do you evaluate retrieval?' } }, tokens.attendee);

  const asAdmin = async (query: string, variables: Record<string, unknown> = {}) => expectData(await t.gql(query, variables, admin));
  /** Rows only the database shows whatever the caller: who bookmarked a talk, the requests one person is part of. */
  const database = (sql: string, params: unknown[]) => queryRows(t.database.url, sql, params);
  const bookmarksOf = (talk: string) => database(`SELECT attendee_id FROM talk_bookmarks WHERE talk_id = $1`, [talk]);
  const requestsInvolving = (attendee: string) => database(`SELECT id, status FROM meeting_requests WHERE requester_id = $1 OR recipient_id = $1 ORDER BY created_at`, [attendee]);
  /** A fresh attendee asks the attendee caller to meet: a pending request only the caller may answer. */
  const requestToCaller = async () => {
    const asker = await createAttendee(t, event.id, { name: `Asker ${unique()}` });
    const { id } = expectData(await t.gql(`mutation ($input: RequestMeetingInput!) { requestMeeting(input: $input) { id } }`, { input: { attendeeId: attendeeCaller.id } }, await attendeeToken(t, asker))).requestMeeting;
    return { id: id as string, asker: asker.id };
  };
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
    createRound: async (token) => {
      const count = async () => (await asAdmin(`query ($e: ID!) { rounds(eventId: $e) { id } }`, { e: event.id })).rounds.length as number;
      const before = await count();
      const response = await t.gql(
        `mutation ($input: CreateRoundInput!) { createRound(input: $input) { id } }`,
        { input: { eventId: event.id, name: `Round ${unique()}`, startsAt: new Date(Date.now() + 86_400_000).toISOString() } },
        token,
      );
      const created = response.data?.createRound?.id as string | undefined;
      return { response, field: 'createRound', wroteNothing: async () => expect(await count()).toBe(before), cleanUp: created ? cancel(created) : undefined };
    },
    generateRound: async (token) => {
      const id = await newRound('DRAFT');
      const response = await t.gql(`mutation ($id: ID!) { generateRound(input: {roundId: $id}) { id } }`, { id }, token);
      if (!response.errors) await waitForRound(t, id, admin);
      return { response, field: 'generateRound', wroteNothing: async () => expect(await roundStatus(id)).toBe('DRAFT'), cleanUp: cancel(id) };
    },
    publishRound: async (token) => {
      const id = await newRound('GENERATED');
      const response = await t.gql(`mutation ($id: ID!) { publishRound(roundId: $id) { id } }`, { id }, token);
      return { response, field: 'publishRound', wroteNothing: async () => expect(await roundStatus(id)).toBe('GENERATED'), cleanUp: cancel(id) };
    },
    cancelRound: async (token) => {
      const id = await newRound('DRAFT');
      const response = await t.gql(`mutation ($id: ID!) { cancelRound(roundId: $id) { id } }`, { id }, token);
      return { response, field: 'cancelRound', wroteNothing: async () => expect(await roundStatus(id)).toBe('DRAFT'), cleanUp: cancel(id) };
    },
    closeRound: async (token) => {
      const id = await newRound('PUBLISHED');
      const response = await t.gql(`mutation ($id: ID!) { closeRound(roundId: $id) { id } }`, { id }, token);
      return { response, field: 'closeRound', wroteNothing: async () => expect(await roundStatus(id)).toBe('PUBLISHED'), cleanUp: cancel(id) };
    },
    swapAttendees: async (token) => {
      const id = await newRound('GENERATED');
      const before = await tablesOf(id);
      const [first, second] = before;
      const response = await t.gql(
        `mutation ($input: SwapAttendeesInput!) { swapAttendees(input: $input) { id } }`,
        { input: { roundId: id, attendeeA: first!.members[0], attendeeB: second!.members[0], force: true, reason: 'access matrix' } },
        token,
      );
      return { response, field: 'swapAttendees', wroteNothing: async () => expect(await tablesOf(id)).toEqual(before), cleanUp: cancel(id) };
    },
    moveAttendee: async (token) => {
      const id = await newRound('GENERATED');
      const before = await tablesOf(id);
      const trio = before.find((table) => table.members.length === 3)!;
      const pair = before.find((table) => table.members.length === 2)!;
      const response = await t.gql(
        `mutation ($input: MoveAttendeeInput!) { moveAttendee(input: $input) { id } }`,
        { input: { roundId: id, attendeeId: trio.members[2], toMeetingId: pair.id, force: true, reason: 'access matrix' } },
        token,
      );
      return { response, field: 'moveAttendee', wroteNothing: async () => expect(await tablesOf(id)).toEqual(before), cleanUp: cancel(id) };
    },
    round: async (token) => ({ response: await t.gql(`query ($id: ID!) { round(id: $id) { id status } }`, { id: published }, token), field: 'round' }),
    rounds: async (token) => ({ response: await t.gql(`query ($e: ID!) { rounds(eventId: $e) { id } }`, { e: event.id }, token), field: 'rounds' }),
    'Round.meetings': async (token) => ({
      response: await t.gql(`query ($id: ID!) { round(id: $id) { id meetings { edges { node { id participants { id } } } } } }`, { id: published }, token),
      field: 'round',
    }),
    'Round.leftOut': async (token) => ({ response: await t.gql(`query ($id: ID!) { round(id: $id) { id leftOut { attendeeId reason } } }`, { id: published }, token), field: 'round' }),
    'Round.stats': async (token) => ({
      response: await t.gql(`query ($id: ID!) { round(id: $id) { id stats { eligible worstServed { attendeeId score } } } }`, { id: published }, token),
      field: 'round',
      shown: (data) => data.round?.stats,
    }),
    'Round.draftProblems': async (token) => ({ response: await t.gql(`query ($id: ID!) { round(id: $id) { id draftProblems { rule } } }`, { id: published }, token), field: 'round' }),
    'Round.mySitOut': async (token) => ({ response: await t.gql(`query ($id: ID!) { round(id: $id) { id mySitOut } }`, { id: published }, token), field: 'round' }),
    'LeftOut.attendee': async (token) => ({
      response: await t.gql(`query ($id: ID!) { round(id: $id) { id leftOut { attendee { name } } } }`, { id: published }, token),
      field: 'round',
    }),
    optOutOfRound: async (token) => {
      const id = await newRound('DRAFT');
      const optedOut = () => optOutsOf(id);
      const before = await optedOut();
      const response = await t.gql(`mutation ($id: ID!) { optOutOfRound(roundId: $id) }`, { id }, token);
      return { response, field: 'optOutOfRound', wroteNothing: async () => expect(await optedOut()).toEqual(before), cleanUp: cancel(id) };
    },
    myMeetings: async (token) => ({ response: await t.gql(`{ myMeetings { id sentence } }`, {}, token), field: 'myMeetings' }),
    submitFeedback: async (token) => {
      const meeting = (await tablesOf(published)).find((table) => table.members.includes(attendeeCaller.id))!;
      const feedbackOf = async () =>
        (await asAdmin(`query ($id: ID!) { round(id: $id) { meetings { edges { node { id feedback { attendeeId rating } } } } } }`, { id: published })).round.meetings.edges.find(
          (edge: { node: { id: string } }) => edge.node.id === meeting.id,
        ).node.feedback;
      const before = await feedbackOf();
      const response = await t.gql(`mutation ($m: ID!) { submitFeedback(input: {meetingId: $m, met: true, rating: 4}) { rating } }`, { m: meeting.id }, token);
      return { response, field: 'submitFeedback', wroteNothing: async () => expect(await feedbackOf()).toEqual(before) };
    },
    markNoShow: async (token) => {
      // Each call asks for the opposite of what is recorded, so a refused call that wrote would show.
      const pair = (await tablesOf(published)).find((table) => table.members.length === 2 && !table.members.includes(attendeeCaller.id))!;
      const before = await tablesOf(published);
      const response = await t.gql(
        `mutation ($m: ID!, $a: ID!, $n: Boolean!) { markNoShow(meetingId: $m, attendeeId: $a, noShow: $n) }`,
        { m: pair.id, a: pair.members[0], n: pair.status !== 'NO_SHOW' },
        token,
      );
      return { response, field: 'markNoShow', wroteNothing: async () => expect(await tablesOf(published)).toEqual(before) };
    },
    'Meeting.feedback': async (token) => ({
      response: await t.gql(`query ($id: ID!) { round(id: $id) { id meetings { edges { node { feedback { rating note } } } } } }`, { id: published }, token),
      field: 'round',
    }),
    issueCalendarFeed: async (token) => ({ response: await t.gql(`mutation { issueCalendarFeed { url } }`, {}, token), field: 'issueCalendarFeed' }),
    createTalk: async (token) => {
      const count = async () => (await asAdmin(`query ($e: ID!) { talks(eventId: $e) { id } }`, { e: event.id })).talks.length as number;
      const before = await count();
      const response = await t.gql(
        `mutation ($input: CreateTalkInput!) { createTalk(input: $input) { id } }`,
        { input: { eventId: event.id, title: `Talk ${unique()}`, speakerId: target.id, startsAt: new Date(Date.now() + 86_400_000).toISOString() } },
        token,
      );
      return { response, field: 'createTalk', wroteNothing: async () => expect(await count()).toBe(before) };
    },
    importAgenda: async (token) => {
      const count = async () => (await asAdmin(`query ($e: ID!) { talks(eventId: $e) { id } }`, { e: event.id })).talks.length as number;
      const before = await count();
      const startsAt = new Date(Date.now() + 86_400_000).toISOString();
      const file = `id,title,starts at,duration,speaker email\nS-${unique()},Imported talk,${startsAt},20,${target.email}\n`;
      const response = await t.gql(`mutation ($e: ID!, $file: String!) { importAgenda(eventId: $e, file: $file) { created } }`, { e: event.id, file }, token);
      return { response, field: 'importAgenda', wroteNothing: async () => expect(await count()).toBe(before) };
    },
    talks: async (token) => ({ response: await t.gql(`query ($e: ID!) { talks(eventId: $e) { id title } }`, { e: event.id }, token), field: 'talks' }),
    'Talk.requests': async (token) => ({
      response: await t.gql(`query ($e: ID!) { talks(eventId: $e) { id requests { question status } } }`, { e: event.id }, token),
      field: 'talks',
    }),
    requestSpeakerSlot: async (token) => {
      const before = await talkState(talkId);
      const response = await t.gql(`mutation ($input: RequestSlotInput!) { requestSpeakerSlot(input: $input) { status } }`, { input: { talkId, question: `Question ${unique()}` } }, token);
      return { response, field: 'requestSpeakerSlot', wroteNothing: async () => expect(await talkState(talkId)).toEqual(before) };
    },
    withdrawSpeakerSlotRequest: async (token) => {
      expectData(await requestSlot(talkId)); // the attendee caller has a request to withdraw
      const before = await talkState(talkId);
      const response = await t.gql(`mutation ($id: ID!) { withdrawSpeakerSlotRequest(talkId: $id) }`, { id: talkId }, token);
      return { response, field: 'withdrawSpeakerSlotRequest', wroteNothing: async () => expect(await talkState(talkId)).toEqual(before) };
    },
    allocateSpeakerSlots: async (token) => {
      const id = await newTalk();
      expectData(await requestSlot(id));
      const before = await talkState(id);
      const response = await t.gql(`mutation ($id: ID!) { allocateSpeakerSlots(talkId: $id) { allocationStatus } }`, { id }, token);
      return { response, field: 'allocateSpeakerSlots', wroteNothing: async () => expect(await talkState(id)).toEqual(before) };
    },
    publishSpeakerSlots: async (token) => {
      const id = await newTalk();
      expectData(await requestSlot(id));
      await asAdmin(`mutation ($id: ID!) { allocateSpeakerSlots(talkId: $id) { allocationStatus } }`, { id });
      const before = await talkState(id);
      const response = await t.gql(`mutation ($id: ID!) { publishSpeakerSlots(talkId: $id) { allocationStatus } }`, { id }, token);
      return { response, field: 'publishSpeakerSlots', wroteNothing: async () => expect(await talkState(id)).toEqual(before) };
    },
    allocateOfficeHours: async (token) => {
      const { day, id } = await talkAloneOnItsDay();
      const before = await talkState(id);
      const response = await t.gql(`mutation ($e: ID!, $day: String) { allocateOfficeHours(eventId: $e, day: $day) { slotsGranted } }`, { e: event.id, day }, token);
      return { response, field: 'allocateOfficeHours', wroteNothing: async () => expect(await talkState(id)).toEqual(before) };
    },
    publishOfficeHours: async (token) => {
      const { day, id } = await talkAloneOnItsDay();
      await asAdmin(`mutation ($id: ID!) { allocateSpeakerSlots(talkId: $id) { allocationStatus } }`, { id });
      const before = await talkState(id);
      const response = await t.gql(`mutation ($e: ID!, $day: String) { publishOfficeHours(eventId: $e, day: $day) { id } }`, { e: event.id, day }, token);
      return { response, field: 'publishOfficeHours', wroteNothing: async () => expect(await talkState(id)).toEqual(before) };
    },
    mySchedule: async (token) => ({ response: await t.gql(`{ mySchedule { eventId entries { id kind } } }`, {}, token), field: 'mySchedule' }),
    bookmarkTalk: async (token) => {
      const id = await newTalk();
      const response = await t.gql(`mutation ($id: ID!) { bookmarkTalk(talkId: $id) }`, { id }, token);
      return { response, field: 'bookmarkTalk', wroteNothing: async () => expect(await bookmarksOf(id)).toEqual([]) };
    },
    unbookmarkTalk: async (token) => {
      const id = await newTalk();
      expectData(await t.gql(`mutation ($id: ID!) { bookmarkTalk(talkId: $id) }`, { id }, tokens.attendee));
      const response = await t.gql(`mutation ($id: ID!) { unbookmarkTalk(talkId: $id) }`, { id }, token);
      return { response, field: 'unbookmarkTalk', wroteNothing: async () => expect(await bookmarksOf(id)).toEqual([{ attendee_id: attendeeCaller.id }]) };
    },
    myAvailability: async (token) => ({ response: await t.gql(`{ myAvailability { always windows { startsAt } } }`, {}, token), field: 'myAvailability' }),
    setMyAvailability: async (token) => ({
      // An empty list: here all the time (as every attendee of the matrix already is), so an allowed call changes nothing either.
      response: await t.gql(`mutation { setMyAvailability(windows: []) { always } }`, {}, token),
      field: 'setMyAvailability',
    }),
    attendeeAvailability: async (token) => ({
      response: await t.gql(`query ($a: ID!) { attendeeAvailability(attendeeId: $a) { always } }`, { a: target.id }, token),
      field: 'attendeeAvailability',
    }),
    setAttendeeAvailability: async (token) => {
      const someone = await createAttendee(t, event.id);
      const windows = [{ startsAt: new Date(Date.now() + 86_400_000).toISOString(), endsAt: new Date(Date.now() + 90_000_000).toISOString() }];
      const response = await t.gql(`mutation ($a: ID!, $w: [AvailabilityWindowInput!]!) { setAttendeeAvailability(attendeeId: $a, windows: $w) { always } }`, { a: someone.id, w: windows }, token);
      return {
        response,
        field: 'setAttendeeAvailability',
        wroteNothing: async () => expect((await asAdmin(`query ($a: ID!) { attendeeAvailability(attendeeId: $a) { always } }`, { a: someone.id })).attendeeAvailability.always).toBe(true),
      };
    },
    requestMeeting: async (token) => {
      const someone = await createAttendee(t, event.id, { name: `Asked ${unique()}` });
      const response = await t.gql(`mutation ($input: RequestMeetingInput!) { requestMeeting(input: $input) { id status } }`, { input: { attendeeId: someone.id, message: 'Coffee?' } }, token);
      return { response, field: 'requestMeeting', wroteNothing: async () => expect(await requestsInvolving(someone.id)).toEqual([]) };
    },
    respondToMeetingRequest: async (token) => {
      const { id, asker } = await requestToCaller();
      const response = await t.gql(`mutation ($input: RespondToMeetingRequestInput!) { respondToMeetingRequest(input: $input) { id status } }`, { input: { id, accept: true } }, token);
      return { response, field: 'respondToMeetingRequest', wroteNothing: async () => expect(await requestsInvolving(asker)).toEqual([{ id, status: 'PENDING' }]) };
    },
    cancelMeetingRequest: async (token) => {
      const someone = await createAttendee(t, event.id, { name: `Asked ${unique()}` });
      const { id } = expectData(await t.gql(`mutation ($input: RequestMeetingInput!) { requestMeeting(input: $input) { id } }`, { input: { attendeeId: someone.id } }, tokens.attendee)).requestMeeting;
      const response = await t.gql(`mutation ($id: ID!) { cancelMeetingRequest(id: $id) { id status } }`, { id }, token);
      return { response, field: 'cancelMeetingRequest', wroteNothing: async () => expect(await requestsInvolving(someone.id)).toEqual([{ id, status: 'PENDING' }]) };
    },
    myMeetingRequests: async (token) => ({ response: await t.gql(`{ myMeetingRequests { id status } }`, {}, token), field: 'myMeetingRequests' }),
    eventMeetingRequests: async (token) => ({
      response: await t.gql(`query ($e: ID!) { eventMeetingRequests(eventId: $e) { edges { node { id status } } } }`, { e: event.id }, token),
      field: 'eventMeetingRequests',
    }),
    'Round.meetingRequests': async (token) => ({
      response: await t.gql(`query ($id: ID!) { round(id: $id) { id meetingRequests { seated } } }`, { id: published }, token),
      field: 'round',
      shown: (data) => data.round?.meetingRequests,
    }),
    'Event.meetingRequestSlots': async (token) => ({
      // Off (null) unless an organiser sets it: whoever may read the event reads the field, so the event itself is what shows.
      response: await t.gql(`query ($id: ID) { event(id: $id) { id meetingRequestSlots { minutes tables dayStartsAt dayEndsAt } } }`, { id: event.id }, token),
      field: 'event',
    }),
    'updateEvent(meetingRequestSlots)': async (token) => {
      const slotsOf = async () => (await asAdmin(`query ($id: ID) { event(id: $id) { meetingRequestSlots { tables } } }`, { id: event.id })).event.meetingRequestSlots;
      const response = await t.gql(
        `mutation ($input: UpdateEventInput!) { updateEvent(input: $input) { id meetingRequestSlots { tables } } }`,
        { input: { id: event.id, meetingRequestSlots: { minutes: 15, tables: 3, dayStartsAt: '09:00', dayEndsAt: '18:00' } } },
        token,
      );
      return {
        response,
        field: 'updateEvent',
        wroteNothing: async () => expect(await slotsOf()).toBeNull(),
        // Back to off: every other cell runs with the event's default.
        cleanUp: async () => void (await asAdmin(`mutation ($input: UpdateEventInput!) { updateEvent(input: $input) { id } }`, { input: { id: event.id, meetingRequestSlots: null } })),
      };
    },
    myCheckInCode: async (token) => ({ response: await t.gql(`{ myCheckInCode { eventId code } }`, {}, token), field: 'myCheckInCode' }),
    checkIn: async (token) => {
      const arriving = await createAttendee(t, event.id, { name: `Arriving ${unique()}`, present: false });
      const { code } = expectData(await t.gql(`{ myCheckInCode { code } }`, {}, await attendeeToken(t, arriving))).myCheckInCode;
      const response = await t.gql(`mutation ($e: ID!, $code: String!) { checkIn(eventId: $e, code: $code) { alreadyPresent } }`, { e: event.id, code }, token);
      return {
        response,
        field: 'checkIn',
        wroteNothing: async () => expect((await asAdmin(`query ($id: ID!) { attendee(id: $id) { present } }`, { id: arriving.id })).attendee.present).toBe(false),
      };
    },
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
    const { response, field, shown = (data) => data[field], wroteNothing, cleanUp } = await OPERATIONS[operation](tokens[caller]);
    try {
      if (expected === 'ok') {
        expect(response.errors).toBeUndefined();
        expect(shown(response.data ?? {})).toBeTruthy();
      } else {
        expect(shown(response.data ?? {}) ?? null).toBeNull();
        expect(response.errors?.[0]?.extensions?.code).toBe(expected);
        await wroteNothing?.();
      }
    } finally {
      await cleanUp?.();
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
      expect(response.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
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

    it('what a caller may not see is refused exactly as an unknown id is: the same code, reason and message', async () => {
      const draft = await newRound('GENERATED');
      try {
        const seat = (await tablesOf(draft))[0]!.members;
        const cases: [string, Record<string, unknown>, (id: string) => Record<string, unknown>, Caller[]][] = [
          ['query ($id: ID!) { round(id: $id) { id } }', { id: published }, (id) => ({ id }), ['otherAttendee', 'otherOrganiser']],
          ['mutation ($id: ID!) { publishRound(roundId: $id) { id } }', { id: draft }, (id) => ({ id }), ['attendee', 'otherAttendee', 'otherOrganiser']],
          [
            'mutation ($input: SwapAttendeesInput!) { swapAttendees(input: $input) { id } }',
            { input: { roundId: draft, attendeeA: seat[0], attendeeB: seat[1] } },
            (id) => ({ input: { roundId: id, attendeeA: seat[0], attendeeB: seat[1] } }),
            ['attendee', 'otherAttendee', 'otherOrganiser'],
          ],
          ['query ($id: ID) { event(id: $id) { id } }', { id: event.id }, (id) => ({ id }), ['otherAttendee', 'otherOrganiser']],
          ['query ($id: ID!) { attendee(id: $id) { id } }', { id: target.id }, (id) => ({ id }), ['otherAttendee', 'otherOrganiser']],
          ['mutation ($id: ID!) { allocateSpeakerSlots(talkId: $id) { id } }', { id: talkId }, (id) => ({ id }), ['otherAttendee', 'otherOrganiser']],
          [
            'mutation ($input: RequestSlotInput!) { requestSpeakerSlot(input: $input) { status } }',
            { input: { talkId, question: 'Hidden?' } },
            (id) => ({ input: { talkId: id, question: 'Hidden?' } }),
            ['otherAttendee'],
          ],
        ];
        const missing = '00000000-0000-4000-8000-000000000000';
        const refusal = (response: GraphqlResponse) => {
          const error = response.errors?.[0];
          return { code: error?.extensions?.code, reason: error?.extensions?.reason, message: error?.message };
        };
        for (const [query, real, unknown, callers] of cases) {
          for (const caller of callers) {
            const hidden = refusal(await t.gql(query, real, tokens[caller]));
            expect({ query, caller, ...hidden }).toEqual({ query, caller, ...refusal(await t.gql(query, unknown(missing), tokens[caller])) });
            expect(hidden.code).toBe('NOT_FOUND');
          }
        }
      } finally {
        await cancel(draft)();
      }
    });

    it('an attendee gets NOT_FOUND (not FORBIDDEN) for a fellow attendee who did not consent, so nothing leaks', async () => {
      const shy = await createAttendee(t, event.id, { consentMatchmaking: false });
      const response = await t.gql(`query ($id: ID!) { attendee(id: $id) { id name } }`, { id: shy.id }, tokens.attendee);
      expect(response.data).toBeNull();
      expect(response.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    });

    it('an attendee may not delete a fellow attendee: one who did not consent is not found (as an unknown id), one who did is FORBIDDEN; both stay', async () => {
      const shy = await createAttendee(t, event.id, { consentMatchmaking: false });
      const open = await createAttendee(t, event.id, { consentMatchmaking: true });
      const unknown = await t.gql(`mutation ($id: ID!) { deleteAttendee(id: $id) }`, { id: '00000000-0000-4000-8000-000000000000' }, tokens.attendee);
      for (const [victim, code] of [[shy, 'NOT_FOUND'], [open, 'FORBIDDEN']] as const) {
        const response = await t.gql(`mutation ($id: ID!) { deleteAttendee(id: $id) }`, { id: victim.id }, tokens.attendee);
        expect(response.errors?.[0]?.extensions?.code).toBe(code);
        if (code === 'NOT_FOUND') expect(response.errors?.[0]?.message).toBe(unknown.errors?.[0]?.message);
        expect((await asAdmin(`query ($id: ID!) { attendee(id: $id) { id } }`, { id: victim.id })).attendee.id).toBe(victim.id);
      }
    });

    it('an organiser of another event is refused (not found) before the CSV is even read', async () => {
      const response = await t.gql(
        `mutation ($e: ID!, $csv: String!) { importAttendees(eventId: $e, csv: $csv) { created } }`,
        { e: event.id, csv: '' },
        otherOrganiser.token,
      );
      expect(response.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    });

    it('the outbox of an event lists only that event’s messages, and an organiser of another event gets none of them', async () => {
      const mine = (await asAdmin(`query ($e: ID!) { outbox(eventId: $e, first: 100) { edges { node { to } } } }`, { e: event.id })).outbox.edges;
      expect(mine.length).toBeGreaterThan(0);
      const theirs = (await asAdmin(`query ($e: ID!) { outbox(eventId: $e, first: 100) { edges { node { to } } } }`, { e: otherEvent.id })).outbox.edges;
      expect(theirs).toEqual([]);
      const response = await t.gql(`query ($e: ID!) { outbox(eventId: $e) { edges { node { to } } } }`, { e: event.id }, otherOrganiser.token);
      expect(response.data).toBeNull();
      expect(response.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    });

    it('an organiser cannot read an attendee of another event: not found', async () => {
      const stranger = await createAttendee(t, otherEvent.id);
      const response = await t.gql(`query ($id: ID!) { attendee(id: $id) { id email } }`, { id: stranger.id }, organiser.token);
      expect(response.data).toBeNull();
      expect(response.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    });

    it('an organiser cannot move an attendee into their event by creating one in another event', async () => {
      const response = await t.gql(
        `mutation ($input: CreateAttendeeInput!) { createAttendee(input: $input) { attendee { id } } }`,
        { input: { eventId: otherEvent.id, email: `x-${unique()}@pairwise.test`, name: 'X' } },
        organiser.token,
      );
      expect(response.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    });
  });
});
