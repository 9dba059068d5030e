import { createClient, type Client } from 'graphql-ws';
import ICAL from 'ical.js';
import { DataSource } from 'typeorm';
import WebSocket from 'ws';
import { MeetingRequestsRepository } from '../apps/api/src/meeting-requests/meeting-requests.repository';
import { attendeeToken, createAttendee, createEvent, createEventWithOrganiser, expectData, startEventApp, startSmtpServer, waitForRound, type AttendeeFixture, type GraphqlResponse, type TestApp, type TestSmtpServer } from '@pairwise/testing';

const REQUEST = `mutation ($input: RequestMeetingInput!) { requestMeeting(input: $input) { id status direction message expiresAt requester { id name company } recipient { id name company } } }`;
const RESPOND = `mutation ($input: RespondToMeetingRequestInput!) { respondToMeetingRequest(input: $input) { id status direction respondedAt } }`;
const CANCEL = `mutation ($id: ID!) { cancelMeetingRequest(id: $id) { id status } }`;
const MINE = `{ myMeetingRequests { id status direction message roundId meetingId requester { id name company } recipient { id name company } } }`;
const OF_EVENT = `query ($e: ID!, $status: MeetingRequestStatus, $first: Int, $after: String) {
  eventMeetingRequests(eventId: $e, status: $status, first: $first, after: $after) {
    pageInfo { hasNextPage endCursor } edges { node { id status direction message requester { id name company } recipient { id name } } } } }`;
const REVIEW = `query ($id: ID!) { round(id: $id) { status draftProblems { rule attendeeA attendeeB } meetingRequests { seated reason request { id status requester { id } recipient { id } } } } }`;
const MY_MEETINGS = `{ myMeetings { roundId partners { id } sentence reasons { attendeeA attendeeB requestedBy } } }`;
const OUTBOX = `query ($e: ID!) { outbox(eventId: $e, first: 100) { edges { node { kind to status } } } }`;

/** The error's stable parts: what a client can tell apart. */
const refusal = (response: GraphqlResponse) => {
  const [error] = response.errors ?? [];
  return { code: error?.extensions?.code, reason: error?.extensions?.reason, message: error?.message };
};

/**
 * Meeting requests end to end, on one app with a real SMTP server: asking (message, quota, blocks and
 * consent hidden behind one answer, idempotence), answering, withdrawing, expiry, privacy of what each side
 * reads, the mail both receive, and an accepted request seated as a must-meet pair, reported in the
 * round's review, fulfilled at publish and re-checked when withdrawn before publishing.
 */
describe('meeting requests', () => {
  let t: TestApp;
  let smtp: TestSmtpServer;
  let eventId: string;
  let organiser: string;
  const people: Record<string, AttendeeFixture> = {};
  const tokens: Record<string, string> = {};
  let otherEventPerson: AttendeeFixture;
  let adaToGrace: string;

  beforeAll(async () => {
    smtp = await startSmtpServer();
    ({ t, event: { id: eventId }, organiser: { token: organiser } } = await startEventApp({
      env: { PAIRWISE_SMTP_URL: smtp.url, PAIRWISE_MAIL_RATE: '1000', PAIRWISE_PUBLIC_URL: 'https://meet.summit.test/' },
      event: { meetingRequestsPerDay: 3, oddPolicy: 'BYE' },
    }));
    // Ada shares her name only; the rounds' natural pairs are Ada–Alan (RAG) and Grace–Linus (robotics).
    const profiles: Record<string, Record<string, unknown>> = {
      ada: { name: 'Ada Lovelace', company: 'Analytical Engines', interests: ['rag', 'evals'], sharedFields: ['name'] },
      grace: { name: 'Grace Hopper', company: 'Navy', interests: ['robotics', 'compilers'] },
      alan: { name: 'Alan Turing', interests: ['rag', 'evals'] },
      linus: { name: 'Linus Torvalds', interests: ['robotics', 'compilers'] },
      erin: { name: 'Erin Optout', interests: ['robotics'] },
      nora: { name: 'Nora Noconsent', interests: ['rag'], consentMatchmaking: false },
      quinn: { name: 'Quinn Quota', interests: ['evals'] },
    };
    for (const [key, profile] of Object.entries(profiles)) {
      people[key] = await createAttendee(t, eventId, { present: true, ...profile });
      tokens[key] = await attendeeToken(t, people[key]!);
    }
    const other = await createEvent(t, { name: 'Elsewhere' });
    otherEventPerson = await createAttendee(t, other.id, { name: 'Olivia Elsewhere' });
    expectData(await t.gql(`mutation { setMailOptOut(optOut: true) { mailOptOut } }`, {}, tokens.erin));
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.close();
  });

  const ask = (from: string, attendeeId: string, message?: string | null) => t.gql(REQUEST, { input: { attendeeId, ...(message !== undefined ? { message } : {}) } }, tokens[from]);

  it('refuses bad input with a stable code and reason: yourself, a long message, a NUL, a malformed id, staff', async () => {
    expect(refusal(await ask('ada', people.ada!.id))).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'SELF_REQUEST' });
    expect(refusal(await ask('ada', people.grace!.id, 'x'.repeat(281)))).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'MESSAGE_TOO_LONG' });
    expect(refusal(await ask('ada', people.grace!.id, 'hi\u0000there'))).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(refusal(await ask('ada', 'score'))).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(refusal(await t.gql(REQUEST, { input: { attendeeId: people.grace!.id } }, organiser))).toMatchObject({ code: 'FORBIDDEN' });
    expect(refusal(await t.gql(RESPOND, { input: { id: '1', accept: true } }, tokens.grace))).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(refusal(await t.gql(CANCEL, { id: '00000000-0000-4000-a000-000000000000' }, tokens.grace))).toMatchObject({ code: 'NOT_FOUND' });
    // Nothing was stored by any of them.
    expect(expectData(await t.gql(MINE, {}, tokens.ada)).myMeetingRequests).toEqual([]);
  });

  it('answers a block (either way), a withdrawn consent and another event’s attendee exactly as an unknown id', async () => {
    const unknown = refusal(await ask('ada', '00000000-0000-4000-a000-0000000000aa'));
    expect(unknown).toMatchObject({ code: 'NOT_FOUND', reason: 'NOT_FOUND' });
    expectData(await t.gql(`mutation ($id: ID!) { blockAttendee(attendeeId: $id) }`, { id: people.ada!.id }, tokens.linus));
    expect(refusal(await ask('ada', people.linus!.id))).toEqual(unknown);
    expect(refusal(await ask('linus', people.ada!.id))).toEqual(unknown);
    expect(refusal(await ask('ada', people.nora!.id))).toEqual(unknown);
    expect(refusal(await ask('ada', otherEventPerson.id))).toEqual(unknown);
    // Someone who does not consent cannot ask either (the other would not see who asks).
    expect(refusal(await ask('nora', people.ada!.id))).toMatchObject({ code: 'FORBIDDEN', reason: 'CONSENT_REQUIRED' });
    expectData(await t.gql(`mutation ($id: ID!) { blockAttendee(attendeeId: $id, block: false) }`, { id: people.ada!.id }, tokens.linus));
  });

  it('asks once (asking again returns the same request), shows each side only what the other shares, mails the one asked', async () => {
    const first = expectData(await ask('ada', people.grace!.id, '  Loved your talk on compilers — coffee?  ')).requestMeeting;
    expect(first).toMatchObject({ status: 'PENDING', direction: 'SENT', message: 'Loved your talk on compilers — coffee?' });
    expect(first.requester).toMatchObject({ id: people.ada!.id, name: 'Ada Lovelace', company: 'Analytical Engines' });
    expect(first.recipient).toMatchObject({ id: people.grace!.id, name: 'Grace Hopper', company: 'Navy' });
    adaToGrace = first.id;
    expect(expectData(await ask('ada', people.grace!.id, 'another message')).requestMeeting).toMatchObject({ id: adaToGrace, message: first.message });

    const received = expectData(await t.gql(MINE, {}, tokens.grace)).myMeetingRequests;
    expect(received).toEqual([
      expect.objectContaining({ id: adaToGrace, status: 'PENDING', direction: 'RECEIVED', message: first.message, requester: { id: people.ada!.id, name: 'Ada Lovelace', company: null } }),
    ]);
    // Organisers see both people, and neither the message nor a direction.
    const listed = expectData(await t.gql(OF_EVENT, { e: eventId }, organiser)).eventMeetingRequests.edges.map((edge: { node: unknown }) => edge.node);
    expect(listed).toEqual([expect.objectContaining({ id: adaToGrace, message: null, direction: null, requester: { id: people.ada!.id, name: 'Ada Lovelace', company: 'Analytical Engines' } })]);
    expect(refusal(await t.gql(OF_EVENT, { e: eventId }, tokens.ada))).toMatchObject({ code: 'FORBIDDEN' });

    const [mail] = await smtp.waitFor(1);
    expect(mail).toMatchObject({ to: people.grace!.email, subject: 'Ada Lovelace would like to meet you' });
    expect(mail!.text).toContain('“Loved your talk on compilers — coffee?”');
    expect(mail!.text).toContain(`https://meet.summit.test/e/`);
    expect(mail!.text).toContain('/requests');
    expect(mail!.text).not.toContain('Analytical Engines');
  });

  it('the one asked cannot ask back while it is pending; only they answer; a third person does not see it', async () => {
    expect(refusal(await ask('grace', people.ada!.id))).toMatchObject({ code: 'CONFLICT', reason: 'ALREADY_ASKED_YOU' });
    expect(refusal(await t.gql(RESPOND, { input: { id: adaToGrace, accept: true } }, tokens.ada))).toMatchObject({ code: 'FORBIDDEN', reason: 'WRONG_SIDE' });
    expect(refusal(await t.gql(RESPOND, { input: { id: adaToGrace, accept: true } }, tokens.alan))).toMatchObject({ code: 'NOT_FOUND' });
    expect(refusal(await t.gql(CANCEL, { id: adaToGrace }, tokens.grace))).toMatchObject({ code: 'FORBIDDEN', reason: 'WRONG_SIDE' });
  });

  it('accepts (again: the same), refuses declining afterwards, and mails the answer to the one who asked', async () => {
    expect(expectData(await t.gql(RESPOND, { input: { id: adaToGrace, accept: true } }, tokens.grace)).respondToMeetingRequest).toMatchObject({ status: 'ACCEPTED', direction: 'RECEIVED' });
    expect(expectData(await t.gql(RESPOND, { input: { id: adaToGrace, accept: true } }, tokens.grace)).respondToMeetingRequest).toMatchObject({ status: 'ACCEPTED' });
    expect(refusal(await t.gql(RESPOND, { input: { id: adaToGrace, accept: false } }, tokens.grace))).toMatchObject({ code: 'CONFLICT', reason: 'REQUEST_NOT_PENDING' });
    // Asking again, either way, finds the accepted request.
    expect(expectData(await ask('grace', people.ada!.id)).requestMeeting).toMatchObject({ id: adaToGrace, status: 'ACCEPTED', direction: 'RECEIVED' });
    const mails = await smtp.waitFor(2);
    expect(mails[1]).toMatchObject({ to: people.ada!.email, subject: 'Grace Hopper (robotics, compilers) accepted to meet you' });
    expect(mails[1]!.text).toContain('You two will be seated together in the next round');
  });

  it('does not mail someone who unsubscribed, but they see the request in the app', async () => {
    const toErin = expectData(await ask('ada', people.erin!.id, 'Hello Erin')).requestMeeting;
    expect(expectData(await t.gql(MINE, {}, tokens.erin)).myMeetingRequests).toEqual([expect.objectContaining({ id: toErin.id, direction: 'RECEIVED', status: 'PENDING' })]);
    const outbox = expectData(await t.gql(OUTBOX, { e: eventId }, organiser)).outbox.edges.map((edge: { node: { kind: string; to: string } }) => edge.node);
    expect(outbox.filter((m: { to: string }) => m.to === people.erin!.email)).toEqual([]);
    expect(outbox.filter((m: { kind: string }) => m.kind.startsWith('MEETING_REQUEST'))).toHaveLength(2);
  });

  it('counts requests sent per day against the event’s quota; at the quota every name gets the same answer; 0 closes requests', async () => {
    // Ada has sent two today (Grace, Erin); the idempotent repeats and the refusals counted nothing.
    expectData(await ask('ada', people.alan!.id));
    const quota = refusal(await ask('ada', people.quinn!.id));
    expect(quota).toMatchObject({ code: 'TOO_MANY_REQUESTS', reason: 'DAILY_QUOTA_REACHED' });
    expect(refusal(await ask('ada', people.linus!.id))).toMatchObject({ reason: 'DAILY_QUOTA_REACHED' });
    expect(refusal(await ask('ada', people.nora!.id))).toMatchObject({ reason: 'DAILY_QUOTA_REACHED' });
    // Withdrawing does not give a request back.
    const toAlan = expectData(await t.gql(MINE, {}, tokens.ada)).myMeetingRequests.find((r: { recipient: { id: string } }) => r.recipient.id === people.alan!.id);
    expect(expectData(await t.gql(CANCEL, { id: toAlan.id }, tokens.ada)).cancelMeetingRequest).toMatchObject({ status: 'CANCELLED' });
    expect(expectData(await t.gql(CANCEL, { id: toAlan.id }, tokens.ada)).cancelMeetingRequest).toMatchObject({ status: 'CANCELLED' });
    expect(refusal(await t.gql(RESPOND, { input: { id: toAlan.id, accept: true } }, tokens.alan))).toMatchObject({ code: 'CONFLICT', reason: 'REQUEST_NOT_PENDING' });
    expect(refusal(await ask('ada', people.quinn!.id))).toMatchObject({ reason: 'DAILY_QUOTA_REACHED' });

    expect(expectData(await t.gql(`mutation ($input: UpdateEventInput!) { updateEvent(input: $input) { meetingRequestsPerDay } }`, { input: { id: eventId, meetingRequestsPerDay: 0 } }, organiser)).updateEvent).toEqual({
      meetingRequestsPerDay: 0,
    });
    expect(refusal(await ask('quinn', people.alan!.id))).toMatchObject({ code: 'CONFLICT', reason: 'REQUESTS_CLOSED' });
    expectData(await t.gql(`mutation ($input: UpdateEventInput!) { updateEvent(input: $input) { id } }`, { input: { id: eventId, meetingRequestsPerDay: 3 } }, organiser));
    expect(refusal(await t.gql(`mutation ($input: UpdateEventInput!) { updateEvent(input: $input) { id } }`, { input: { id: eventId, meetingRequestsPerDay: 101 } }, organiser))).toMatchObject({ code: 'BAD_USER_INPUT' });
  });

  it('expires an unanswered request at its time: it reads EXPIRED, cannot be answered, and may be asked again', async () => {
    const request = expectData(await ask('quinn', people.alan!.id, 'Evals?')).requestMeeting;
    await t.app.get(DataSource).query(`UPDATE meeting_requests SET expires_at = now() - interval '1 second' WHERE id = $1`, [request.id]);
    const alans = expectData(await t.gql(MINE, {}, tokens.alan)).myMeetingRequests;
    expect(alans.find((r: { id: string }) => r.id === request.id)).toMatchObject({ status: 'EXPIRED', direction: 'RECEIVED', message: 'Evals?' });
    expect(refusal(await t.gql(RESPOND, { input: { id: request.id, accept: true } }, tokens.alan))).toMatchObject({ code: 'CONFLICT', reason: 'REQUEST_NOT_PENDING' });
    expect(refusal(await t.gql(CANCEL, { id: request.id }, tokens.quinn))).toMatchObject({ code: 'CONFLICT', reason: 'REQUEST_CLOSED' });
    const expired = expectData(await t.gql(OF_EVENT, { e: eventId, status: 'EXPIRED' }, organiser)).eventMeetingRequests.edges;
    expect(expired.map((edge: { node: { id: string } }) => edge.node.id)).toEqual([request.id]);
    const again = expectData(await ask('quinn', people.alan!.id, 'Evals, again?')).requestMeeting;
    expect(again).toMatchObject({ status: 'PENDING' });
    expect(again.id).not.toBe(request.id);
  });

  it('pages the organiser’s list and refuses a cursor it did not make', async () => {
    const first = expectData(await t.gql(OF_EVENT, { e: eventId, first: 2 }, organiser)).eventMeetingRequests;
    expect(first.pageInfo.hasNextPage).toBe(true);
    const next = expectData(await t.gql(OF_EVENT, { e: eventId, first: 50, after: first.pageInfo.endCursor }, organiser)).eventMeetingRequests;
    const ids = [...first.edges, ...next.edges].map((edge: { node: { id: string } }) => edge.node.id);
    expect(new Set(ids).size).toBe(5);
    expect(refusal(await t.gql(OF_EVENT, { e: eventId, after: 'bm9wZQ' }, organiser))).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_CURSOR' });
  });

  const createRound = async (name: string, startsAt: string): Promise<string> =>
    expectData(await t.gql(`mutation ($input: CreateRoundInput!) { createRound(input: $input) { id } }`, { input: { eventId, name, startsAt, durationMinutes: 15 } }, organiser)).createRound.id;
  async function generate(id: string, regenerate = false): Promise<string> {
    expectData(await t.gql(`mutation ($id: ID!, $regenerate: Boolean) { generateRound(input: {roundId: $id, regenerate: $regenerate}) { id } }`, { id, regenerate }, organiser));
    expect(await waitForRound(t, id, organiser)).toMatchObject({ status: 'GENERATED' });
    return id;
  }

  it('seats an accepted request as a must-meet pair, says why to both, reports it in the review, and fulfils it at publish', async () => {
    // Erin asks Linus (accepted), but Linus sits the round out: that request waits, reported NOT_IN_ROUND.
    const erinToLinus = expectData(await ask('erin', people.linus!.id)).requestMeeting.id;
    expectData(await t.gql(RESPOND, { input: { id: erinToLinus, accept: true } }, tokens.linus));
    const roundId = await createRound('Morning round', '2030-06-01T10:00:00Z');
    expectData(await t.gql(`mutation ($id: ID!) { optOutOfRound(roundId: $id) }`, { id: roundId }, tokens.linus));
    await generate(roundId);

    const review = expectData(await t.gql(REVIEW, { id: roundId }, organiser)).round;
    expect(review.draftProblems).toEqual([]);
    expect(review.meetingRequests).toEqual([
      { seated: true, reason: null, request: { id: adaToGrace, status: 'ACCEPTED', requester: { id: people.ada!.id }, recipient: { id: people.grace!.id } } },
      { seated: false, reason: 'NOT_IN_ROUND', request: { id: erinToLinus, status: 'ACCEPTED', requester: { id: people.erin!.id }, recipient: { id: people.linus!.id } } },
    ]);
    expectData(await t.gql(`mutation ($id: ID!) { publishRound(roundId: $id) { status } }`, { id: roundId }, organiser));
    expect(refusal(await t.gql(`query ($id: ID!) { round(id: $id) { meetingRequests { seated } } }`, { id: roundId }, tokens.ada))).toMatchObject({ code: 'FORBIDDEN' });
    const adaMeeting = expectData(await t.gql(MY_MEETINGS, {}, tokens.ada)).myMeetings.find((m: { roundId: string }) => m.roundId === roundId);
    expect(adaMeeting.partners).toEqual([{ id: people.grace!.id }]);
    expect(adaMeeting.reasons).toEqual([expect.objectContaining({ requestedBy: people.ada!.id })]);
    expect(adaMeeting.sentence).toMatch(/^You asked to meet Grace Hopper, and the request was accepted\./);
    const graceMeeting = expectData(await t.gql(MY_MEETINGS, {}, tokens.grace)).myMeetings.find((m: { roundId: string }) => m.roundId === roundId);
    expect(graceMeeting.sentence).toMatch(/^Ada Lovelace asked to meet you, and you accepted\./);
    // Nobody else's table mentions a request.
    const alanMeetings = expectData(await t.gql(MY_MEETINGS, {}, tokens.alan)).myMeetings;
    for (const meeting of alanMeetings) expect(meeting.reasons.every((r: { requestedBy: string | null }) => r.requestedBy === null)).toBe(true);

    const mine = expectData(await t.gql(MINE, {}, tokens.ada)).myMeetingRequests.find((r: { id: string }) => r.id === adaToGrace);
    expect(mine).toMatchObject({ status: 'FULFILLED', roundId });
    expect(mine.meetingId).toEqual(expect.any(String));
    // They met: asking again, either way, is refused (no round seats a pair twice), and counts nothing.
    expect(refusal(await ask('grace', people.ada!.id))).toMatchObject({ code: 'CONFLICT', reason: 'ALREADY_MET' });
    const erins = expectData(await t.gql(MINE, {}, tokens.erin)).myMeetingRequests.find((r: { id: string }) => r.id === erinToLinus);
    expect(erins).toMatchObject({ status: 'ACCEPTED', roundId: null });
  });

  it('gives the next round only the unfulfilled request; one withdrawn after generation blocks publishing until generated again', async () => {
    const roundId = await generate(await createRound('Afternoon round', '2030-06-01T14:00:00Z'));
    const review = expectData(await t.gql(REVIEW, { id: roundId }, organiser)).round;
    expect(review.meetingRequests).toEqual([expect.objectContaining({ seated: true, reason: null, request: expect.objectContaining({ requester: { id: people.erin!.id }, recipient: { id: people.linus!.id } }) })]);
    const erinToLinus = review.meetingRequests[0].request.id;

    expect(expectData(await t.gql(CANCEL, { id: erinToLinus }, tokens.linus)).cancelMeetingRequest).toMatchObject({ status: 'CANCELLED' });
    const stale = expectData(await t.gql(REVIEW, { id: roundId }, organiser)).round;
    expect(stale.draftProblems).toEqual([{ rule: 'request-withdrawn', attendeeA: people.erin!.id, attendeeB: people.linus!.id }]);
    expect(refusal(await t.gql(`mutation ($id: ID!) { publishRound(roundId: $id) { status } }`, { id: roundId }, organiser))).toMatchObject({ code: 'CONFLICT', reason: 'DRAFT_BREAKS_HARD_RULES' });

    await generate(roundId, true);
    const again = expectData(await t.gql(REVIEW, { id: roundId }, organiser)).round;
    expect(again).toMatchObject({ draftProblems: [], meetingRequests: [] });
    expect(expectData(await t.gql(`mutation ($id: ID!) { publishRound(roundId: $id) { status } }`, { id: roundId }, organiser)).publishRound).toEqual({ status: 'PUBLISHED' });
  });

  describe('at an event whose organisers give accepted requests a slot of their own', () => {
    // Tomorrow (UTC) at hh:mm: availability windows pin every slot below to a time known in advance.
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    const at = (time: string) => `${tomorrow}T${time}:00.000Z`;
    const SLOT_FIELDS = `id status slot { startsAt startsAtLocal endsAt table } slotOutcome`;
    const UPDATE = `mutation ($input: UpdateEventInput!) { updateEvent(input: $input) { meetingRequestSlots { minutes tables dayStartsAt dayEndsAt } } }`;
    const SCHEDULE = `{ mySchedule { entries { id kind title place startsAt endsAt ... on MeetingScheduleEntry { meetingRequestId meeting { kind meetingRequestId table partners { id } openingQuestion } } } } }`;
    const who: Record<string, AttendeeFixture> = {};
    const keys: Record<string, string> = {};
    let slotsEvent: string;
    let staff: string;
    const clients: Client[] = [];

    const accept = async (from: string, to: string, message = '') => {
      const id = expectData(await t.gql(REQUEST, { input: { attendeeId: who[to]!.id, message } }, keys[from])).requestMeeting.id as string;
      expectData(await t.gql(RESPOND, { input: { id, accept: true } }, keys[to]));
      return expectData(await t.gql(`{ myMeetingRequests { ${SLOT_FIELDS} } }`, {}, keys[from])).myMeetingRequests.find((r: { id: string }) => r.id === id);
    };
    const windows = (person: string, from: string, to: string) =>
      t.gql(`mutation ($a: ID!, $w: [AvailabilityWindowInput!]!) { setAttendeeAvailability(attendeeId: $a, windows: $w) { always } }`, { a: who[person]!.id, w: [{ startsAt: at(from), endsAt: at(to) }] }, staff);

    beforeAll(async () => {
      const today = new Date().toISOString().slice(0, 10);
      const inTwoDays = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
      ({ event: { id: slotsEvent }, organiser: { token: staff } } = await createEventWithOrganiser(t, { name: 'Slots Summit', timeZone: 'UTC', startsOn: today, endsOn: inTwoDays, oddPolicy: 'BYE' }));
      for (const name of ['Ann', 'Ben', 'Cat', 'Dan', 'Eve', 'Fay', 'Gus', 'Hal', 'Ivy', 'Jon', 'Kim', 'Lou']) {
        who[name.toLowerCase()] = await createAttendee(t, slotsEvent, { name: `${name} Slot`, present: true, interests: ['rag'] });
        keys[name.toLowerCase()] = await attendeeToken(t, who[name.toLowerCase()]!);
      }
    });
    afterAll(async () => {
      await Promise.all(clients.map((client) => client.dispose()));
    });

    it('is the organisers’ choice, set through GraphQL (off by default); hours that hold no slot are refused in words', async () => {
      expect(expectData(await t.gql(`query ($id: ID!) { event(id: $id) { meetingRequestSlots { minutes } } }`, { id: slotsEvent }, staff)).event.meetingRequestSlots).toBeNull();
      const settings = { minutes: 15, tables: 2, dayStartsAt: '09:00', dayEndsAt: '18:00' };
      expect(expectData(await t.gql(UPDATE, { input: { id: slotsEvent, meetingRequestSlots: settings } }, staff)).updateEvent.meetingRequestSlots).toEqual(settings);
      expect(refusal(await t.gql(UPDATE, { input: { id: slotsEvent, meetingRequestSlots: { ...settings, dayStartsAt: '17:50' } } }, staff))).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'REQUEST_SLOT_HOURS' });
      expect(refusal(await t.gql(UPDATE, { input: { id: slotsEvent, meetingRequestSlots: { ...settings, dayEndsAt: '25:00' } } }, staff))).toMatchObject({ code: 'BAD_USER_INPUT' });
      expect(refusal(await t.gql(UPDATE, { input: { id: slotsEvent, meetingRequestSlots: { ...settings, tables: 0 } } }, staff))).toMatchObject({ code: 'BAD_USER_INPUT' });
      // Attendees cannot change it.
      expect(refusal(await t.gql(UPDATE, { input: { id: slotsEvent, meetingRequestSlots: null } }, keys.ann))).toMatchObject({ code: 'FORBIDDEN' });
    });

    it('both free: the first slot both are free at, at the first free table; in both schedules, calendars, myMeetings; mailed and pushed to both', async () => {
      // Ann and Ben are here tomorrow 10:00–12:00; Ben bookmarked Kim's talk 10:00–10:20, so 10:00 and 10:15 do not suit him.
      for (const person of ['ann', 'ben']) expectData(await windows(person, '10:00', '12:00'));
      const talk = expectData(
        await t.gql(`mutation ($input: CreateTalkInput!) { createTalk(input: $input) { id } }`, { input: { eventId: slotsEvent, title: 'Retrieval', speakerId: who.kim!.id, startsAt: at('10:00'), durationMinutes: 20, tags: [], slotCount: 1, slotMinutes: 5 } }, staff),
      ).createTalk.id;
      expectData(await t.gql(`mutation ($id: ID!) { bookmarkTalk(talkId: $id) }`, { id: talk }, keys.ben));
      const url = (await t.listen()).replace('http', 'ws') + '/graphql';
      const pushed: Record<string, Record<string, any>[]> = { ann: [], ben: [] };
      for (const person of ['ann', 'ben']) {
        const client = createClient({ url, webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${keys[person]}` }, retryAttempts: 0, lazy: false });
        clients.push(client);
        client.subscribe({ query: `subscription { meetingAssigned { id kind meetingRequestId table startsAt partners { id } } }` }, { next: (m) => pushed[person]!.push(m.data as Record<string, any>), error: () => undefined, complete: () => undefined });
      }
      await new Promise((resolve) => setTimeout(resolve, 500)); // the subscriptions are registered

      const mailsBefore = smtp.received.length;
      const annBen = await accept('ann', 'ben', 'Shall we compare retrieval evals?');
      expect(annBen).toMatchObject({ status: 'ACCEPTED', slotOutcome: null, slot: { startsAt: at('10:30'), startsAtLocal: `${tomorrow}T10:30:00+00:00`, endsAt: at('10:45'), table: 'R1' } });
      // One table taken at 10:30: Cat and Dan, here 10:30–11:00, get the other one at the same time.
      for (const person of ['cat', 'dan']) expectData(await windows(person, '10:30', '11:00'));
      expect(await accept('cat', 'dan')).toMatchObject({ slot: { startsAt: at('10:30'), table: 'R2' } });

      for (const [person, other] of [['ann', 'ben'], ['ben', 'ann']] as const) {
        const entry = expectData(await t.gql(SCHEDULE, {}, keys[person])).mySchedule.entries.find((e: { kind: string }) => e.kind === 'MEETING_REQUEST');
        expect(entry).toMatchObject({ id: `meeting:${annBen.id}`, title: 'Meeting request', place: 'Table R1', startsAt: at('10:30'), endsAt: at('10:45'), meetingRequestId: annBen.id });
        expect(entry.meeting).toEqual({ kind: 'MEETING_REQUEST', meetingRequestId: annBen.id, table: 'R1', partners: [{ id: who[other]!.id }], openingQuestion: 'Shall we compare retrieval evals?' });
        const { url: feed } = expectData(await t.gql(`mutation { issueCalendarFeed { url } }`, {}, keys[person])).issueCalendarFeed;
        const ics = await t.http().get(new URL(feed).pathname + new URL(feed).search).expect(200);
        const events = new ICAL.Component(ICAL.parse(ics.text)).getAllSubcomponents('vevent').map((c) => new ICAL.Event(c));
        const slot = events.find((e) => e.uid === `${annBen.id}@pairwise`)!;
        expect(slot.startDate.toJSDate().toISOString()).toBe(at('10:30'));
        expect(slot.location).toBe('Table R1');
      }
      // Both are told: live, and by mail (the slot's mail says it was accepted; no separate answer mail).
      const deadline = Date.now() + 30_000;
      while ((pushed.ann!.length < 1 || pushed.ben!.length < 1) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
      for (const [person, other] of [['ann', 'ben'], ['ben', 'ann']] as const) {
        expect(pushed[person]).toEqual([{ meetingAssigned: { id: annBen.id, kind: 'MEETING_REQUEST', meetingRequestId: annBen.id, table: 'R1', startsAt: at('10:30'), partners: [{ id: who[other]!.id }] } }]);
      }
      // Ben's "would like to meet you" mail is sent when the sender reaches it before Ben accepts (and cancelled when
      // it does not): either is right, so it is left out here; no other mail may reach them.
      const mails = (await smtp.waitFor(mailsBefore + 4))
        .slice(mailsBefore)
        .filter((mail) => (mail.to === who.ann!.email || mail.to === who.ben!.email) && !mail.subject.endsWith('would like to meet you'));
      expect(mails.map((mail) => mail.to).sort()).toEqual([who.ann!.email, who.ben!.email].sort());
      expect(mails.find((mail) => mail.to === who.ann!.email)!.subject).toMatch(/^Meeting with Ben Slot.*: .*, 10:30, Table R1$/);
      expect(mails.find((mail) => mail.to === who.ann!.email)!.text).toContain('Ben Slot');
      expect(mails.find((mail) => mail.to === who.ben!.email)!.text).toMatch(/You accepted Ann Slot.*’s request to meet/);
    });

    it('no common free time: the request stays accepted for the next round, and says why', async () => {
      expectData(await windows('eve', '10:00', '10:15'));
      expectData(await windows('fay', '14:00', '15:00'));
      const eveFay = await accept('eve', 'fay');
      expect(eveFay).toMatchObject({ status: 'ACCEPTED', slot: null, slotOutcome: 'NO_COMMON_FREE_TIME' });
      expect(expectData(await t.gql(MINE, {}, keys.fay)).myMeetingRequests[0]).toMatchObject({ id: eveFay.id, status: 'ACCEPTED' });
      expect(expectData(await t.gql(SCHEDULE, {}, keys.eve)).mySchedule.entries.filter((e: { kind: string }) => e.kind === 'MEETING_REQUEST')).toEqual([]);
      // The one who asked is told the answer, as before.
      const outbox = expectData(await t.gql(OUTBOX, { e: slotsEvent }, staff)).outbox.edges.map((edge: { node: { kind: string; to: string } }) => edge.node);
      expect(outbox.filter((m: { to: string }) => m.to === who.eve!.email || m.to === who.fay!.email).map((m: { kind: string }) => m.kind).sort()).toEqual(['MEETING_REQUEST', 'MEETING_REQUEST_ANSWER']);
    });

    it('a later round treats both people as BUSY at their slot; a slot given after generation blocks publishing; the waiting request goes to the round', async () => {
      const roundId = expectData(await t.gql(`mutation ($input: CreateRoundInput!) { createRound(input: $input) { id } }`, { input: { eventId: slotsEvent, name: 'Tomorrow 10:30', startsAt: at('10:30'), durationMinutes: 15 } }, staff)).createRound.id;
      // Gus and Hal are here only 10:30–10:45: eligible for the round, and free for no other slot.
      for (const person of ['gus', 'hal']) expectData(await windows(person, '10:30', '10:45'));
      expectData(await t.gql(`mutation ($id: ID!) { generateRound(input: {roundId: $id}) { id } }`, { id: roundId }, staff));
      await waitForRound(t, roundId, staff);
      const ROUND = `query ($id: ID!) { round(id: $id) { status leftOut { attendeeId reason } draftProblems { rule attendeeA attendeeB }
        meetings(first: 50) { edges { node { participants { id } } } } meetingRequests { seated request { id } } } }`;
      const draft = expectData(await t.gql(ROUND, { id: roundId }, staff)).round;
      const busy = draft.leftOut.filter((entry: { reason: string }) => entry.reason === 'BUSY').map((entry: { attendeeId: string }) => entry.attendeeId).sort();
      expect(busy).toEqual(['ann', 'ben', 'cat', 'dan'].map((p) => who[p]!.id).sort());
      const seated = draft.meetings.edges.flatMap((edge: { node: { participants: { id: string }[] } }) => edge.node.participants.map((p) => p.id));
      expect(seated).toEqual(expect.arrayContaining([who.gus!.id, who.hal!.id]));
      // Eve and Fay's request, with no slot, is the round's to seat (both are away then: not seated).
      expect(draft.meetingRequests).toEqual([expect.objectContaining({ seated: false })]);

      // A third table; Gus and Hal's request is accepted after the draft was made: their slot is 10:30, at R3.
      expectData(await t.gql(UPDATE, { input: { id: slotsEvent, meetingRequestSlots: { minutes: 15, tables: 3, dayStartsAt: '09:00', dayEndsAt: '18:00' } } }, staff));
      expect(await accept('gus', 'hal')).toMatchObject({ slot: { startsAt: at('10:30'), table: 'R3' } });
      const stale = expectData(await t.gql(ROUND, { id: roundId }, staff)).round;
      expect(stale.draftProblems.map((p: { rule: string }) => p.rule)).toContain('busy');
      expect(refusal(await t.gql(`mutation ($id: ID!) { publishRound(roundId: $id) { status } }`, { id: roundId }, staff))).toMatchObject({ code: 'CONFLICT', reason: 'DRAFT_BREAKS_HARD_RULES' });
      expectData(await t.gql(`mutation ($id: ID!) { generateRound(input: {roundId: $id, regenerate: true}) { id } }`, { id: roundId }, staff));
      await waitForRound(t, roundId, staff);
      const again = expectData(await t.gql(ROUND, { id: roundId }, staff)).round;
      expect(again.leftOut).toEqual(expect.arrayContaining([{ attendeeId: who.gus!.id, reason: 'BUSY' }, { attendeeId: who.hal!.id, reason: 'BUSY' }]));
      expect(expectData(await t.gql(`mutation ($id: ID!) { publishRound(roundId: $id) { status } }`, { id: roundId }, staff)).publishRound).toEqual({ status: 'PUBLISHED' });
      // Gus's day: the slot, and the round sat out at that time (BUSY), no table.
      const gus = expectData(await t.gql(`{ mySchedule { entries { kind startsAt ... on SitOutScheduleEntry { reason } } } }`, {}, keys.gus)).mySchedule.entries;
      expect(gus).toEqual([
        { kind: 'MEETING_REQUEST', startsAt: at('10:30') },
        { kind: 'SIT_OUT', startsAt: at('10:30'), reason: 'BUSY' },
      ]);
    });

    it('withdrawn: gone from both schedules and no longer busy; switched off: an accepted request waits for a round again', async () => {
      const [annBen] = expectData(await t.gql(`{ myMeetingRequests { ${SLOT_FIELDS} } }`, {}, keys.ann)).myMeetingRequests;
      expect(expectData(await t.gql(CANCEL, { id: annBen.id }, keys.ben)).cancelMeetingRequest).toEqual({ id: annBen.id, status: 'CANCELLED' });
      for (const person of ['ann', 'ben']) {
        expect(expectData(await t.gql(SCHEDULE, {}, keys[person])).mySchedule.entries.filter((e: { kind: string }) => e.kind === 'MEETING_REQUEST')).toEqual([]);
      }
      const db = t.app.get(DataSource);
      const holders = await t.app.get(MeetingRequestsRepository).slotHoldersDuring(slotsEvent, new Date(at('10:30')), new Date(at('10:45')), db.manager);
      expect(holders.sort()).toEqual(['cat', 'dan', 'gus', 'hal'].map((p) => who[p]!.id).sort());

      expect(expectData(await t.gql(UPDATE, { input: { id: slotsEvent, meetingRequestSlots: null } }, staff)).updateEvent.meetingRequestSlots).toBeNull();
      // (Ann and Cat: two people no round has seated together, so they may still ask.)
      expect(await accept('cat', 'ann')).toMatchObject({ status: 'ACCEPTED', slot: null, slotOutcome: null });
    });
  });

  it('a slot of their own counts as the pair’s meeting: a later round never seats the two together, even as each other’s best match, until it is withdrawn', async () => {
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    const at = (time: string) => `${tomorrow}T${time}:00.000Z`;
    const today = new Date().toISOString().slice(0, 10);
    const inTwoDays = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
    const { event: { id: eventId }, organiser: { token: staff } } = await createEventWithOrganiser(t, { name: 'Pair Slots', timeZone: 'UTC', startsOn: today, endsOn: inTwoDays, oddPolicy: 'BYE' });
    // Four people, two twins: Ann and Ben share everything, Cat and Dan share the rest; across, nothing.
    const ai = { interests: ['rag', 'evals', 'vector-search'], stack: ['python', 'pytorch'], lookingFor: ['cofounder'], canOffer: ['cofounder'] };
    const craft = { interests: ['pottery', 'gardening', 'woodwork'], stack: ['clay'], lookingFor: ['apprentice'], canOffer: ['apprentice'] };
    const p: Record<string, AttendeeFixture> = {};
    for (const [name, profile] of [['ann', ai], ['ben', ai], ['cat', craft], ['dan', craft]] as const) {
      p[name] = await createAttendee(t, eventId, { name: `${name} Pair`, company: `${name} Ltd`, present: true, ...profile });
    }
    const key = { ann: await attendeeToken(t, p.ann!), ben: await attendeeToken(t, p.ben!) };
    // Ann and Ben are free 09:00–09:15 (their slot) and for the round at 15:00: not busy then, so eligible.
    for (const person of ['ann', 'ben']) {
      const w = [{ startsAt: at('09:00'), endsAt: at('09:15') }, { startsAt: at('15:00'), endsAt: at('15:15') }];
      expectData(await t.gql(`mutation ($a: ID!, $w: [AvailabilityWindowInput!]!) { setAttendeeAvailability(attendeeId: $a, windows: $w) { always } }`, { a: p[person]!.id, w }, staff));
    }
    const UPDATE = `mutation ($input: UpdateEventInput!) { updateEvent(input: $input) { id } }`;
    expectData(await t.gql(UPDATE, { input: { id: eventId, meetingRequestSlots: { minutes: 15, tables: 1, dayStartsAt: '09:00', dayEndsAt: '18:00' } } }, staff));
    const requestId = expectData(await t.gql(REQUEST, { input: { attendeeId: p.ben!.id, message: '' } }, key.ann)).requestMeeting.id as string;
    expectData(await t.gql(RESPOND, { input: { id: requestId, accept: true } }, key.ben));
    const [mine] = expectData(await t.gql(`{ myMeetingRequests { id slot { startsAt } } }`, {}, key.ann)).myMeetingRequests;
    expect(mine).toEqual({ id: requestId, slot: { startsAt: at('09:00') } });

    const roundId = expectData(await t.gql(`mutation ($input: CreateRoundInput!) { createRound(input: $input) { id } }`, { input: { eventId, name: 'Afternoon', startsAt: at('15:00'), durationMinutes: 15 } }, staff)).createRound.id;
    const ROUND = `query ($id: ID!) { round(id: $id) { leftOut { attendeeId reason } meetings(first: 10) { edges { node { participants { id } } } } } }`;
    const tables = async (regenerate: boolean) => {
      expectData(await t.gql(`mutation ($id: ID!, $r: Boolean) { generateRound(input: {roundId: $id, regenerate: $r}) { id } }`, { id: roundId, r: regenerate }, staff));
      await waitForRound(t, roundId, staff);
      const round = expectData(await t.gql(ROUND, { id: roundId }, staff)).round;
      expect(round.leftOut).toEqual([]);
      return round.meetings.edges.map((edge: { node: { participants: { id: string }[] } }) => edge.node.participants.map((x) => x.id).sort()).sort();
    };
    const together = (...names: string[]) => names.map((n) => p[n]!.id).sort();
    const withSlot = await tables(false);
    expect(withSlot).toHaveLength(2);
    expect(withSlot).not.toContainEqual(together('ann', 'ben'));
    expect(withSlot).not.toContainEqual(together('cat', 'dan'));

    // Withdrawn: the two have not met after all, and the round may seat its best pairs.
    expectData(await t.gql(CANCEL, { id: requestId }, key.ben));
    expect(await tables(true)).toEqual([together('ann', 'ben'), together('cat', 'dan')].sort());
  });

  it('erasing someone removes every request they sent or received, and the mail that carried one', async () => {
    const request = expectData(await ask('quinn', people.grace!.id, 'Quinn’s private words')).requestMeeting;
    const deadline = Date.now() + 60_000;
    while (!smtp.received.some((mail) => mail.to === people.grace!.email && mail.text.includes('Quinn’s private words')) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(smtp.received.filter((mail) => mail.text.includes('Quinn’s private words'))).toHaveLength(1);
    expect(expectData(await t.gql(`mutation { deleteMyData }`, {}, tokens.quinn)).deleteMyData).toBe(true);
    expect(expectData(await t.gql(MINE, {}, tokens.grace)).myMeetingRequests.map((r: { id: string }) => r.id)).not.toContain(request.id);
    const left = await t.app.get(DataSource).query(`SELECT count(*)::int AS n FROM meeting_requests WHERE requester_id = $1 OR recipient_id = $1`, [people.quinn!.id]);
    expect(left).toEqual([{ n: 0 }]);
    const stored = await t.app.get(DataSource).query(`SELECT count(*)::int AS n FROM mail_outbox WHERE body_text LIKE '%Quinn’s private words%' OR subject LIKE '%Quinn Quota%'`);
    expect(stored).toEqual([{ n: 0 }]);
  });
});
