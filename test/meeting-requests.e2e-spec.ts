import { DataSource } from 'typeorm';
import {
  attendeeToken,
  createAttendee,
  createEvent,
  expectData,
  startEventApp,
  startSmtpServer,
  waitForRound,
  type AttendeeFixture,
  type GraphqlResponse,
  type TestApp,
  type TestSmtpServer,
} from '@pairwise/testing';

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
