import { DataSource } from 'typeorm';
import { ReminderScheduler } from '../apps/api/src/mail/reminder-scheduler';
import { attendeeToken, createAttendee, createEvent, createOrganiser, expectData, startEventApp, waitForRound, type AttendeeFixture, type TestApp } from '@pairwise/testing';

const CREATE_ROUND = `mutation ($input: CreateRoundInput!) { createRound(input: $input) { id tableSize } }`;
const ROUND = `query ($id: ID!) {
  round(id: $id) {
    status tableSize leftOut { attendeeId reason }
    stats { matched pairs trios tables totalScore optimalityGap scoreUpperBound certifiedOptimal }
    meetings(first: 50) { edges { node { id table participants { id } score sentence } } }
  }
}`;

interface TableNode {
  id: string;
  table: string;
  participants: { id: string }[];
  score: number;
  sentence: string;
}

/**
 * Topic tables (issue 15) through GraphQL: a round created with a table size seats tables of k or
 * k − 1, the review shows the tables and the bound, publishing re-checks every pair of a table,
 * attendees read all their table-mates, and a second table round repeats no pair.
 */
describe('topic tables (Round.tableSize)', () => {
  let t: TestApp;
  let eventId: string;
  let organiser: string;
  const people: AttendeeFixture[] = [];
  const tokens = new Map<string, string>();

  beforeAll(async () => {
    ({ t, event: { id: eventId }, organiser: { token: organiser } } = await startEventApp());
    const names = ['Ada', 'Grace', 'Alan', 'Linus', 'Edsger', 'Barbara', 'Donald', 'Frances', 'John', 'Margaret', 'Ken'];
    for (const [i, name] of names.entries()) {
      const person = await createAttendee(t, eventId, { name, present: true, interests: i % 2 ? ['rag', 'evals'] : ['agents', 'evals'] });
      people.push(person);
      tokens.set(person.id, await attendeeToken(t, person));
    }
  });
  afterAll(() => t?.close());

  async function generate(name: string, startsAt: string) {
    const { id, tableSize } = expectData(await t.gql(CREATE_ROUND, { input: { eventId, name, startsAt, durationMinutes: 20, tableSize: 4 } }, organiser)).createRound;
    expect(tableSize).toBe(4);
    expectData(await t.gql(`mutation ($id: ID!) { generateRound(input: {roundId: $id}) { id } }`, { id }, organiser));
    expect(await waitForRound(t, id, organiser)).toMatchObject({ status: 'GENERATED' });
    return id as string;
  }
  const readRound = async (id: string) => expectData(await t.gql(ROUND, { id }, organiser)).round;
  const tablesOf = (round: { meetings: { edges: { node: TableNode }[] } }) => round.meetings.edges.map((edge) => edge.node);
  const pairsOf = (tables: TableNode[]) =>
    tables.flatMap((m) => m.participants.flatMap((a) => m.participants.filter((b) => a.id < b.id).map((b) => `${a.id}|${b.id}`)));

  it('refuses a table size outside 3…8, and tables with MAXMIN fairness; null means pairs', async () => {
    for (const tableSize of [2, 9]) {
      const refused = await t.gql(CREATE_ROUND, { input: { eventId, name: 'Bad', startsAt: '2030-06-01T08:00:00Z', tableSize } }, organiser);
      expect(refused.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    }
    const maxmin = await t.gql(CREATE_ROUND, { input: { eventId, name: 'Bad', startsAt: '2030-06-01T08:00:00Z', tableSize: 4, fairness: 'MAXMIN' } }, organiser);
    expect(maxmin.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'TABLES_WITH_MAXMIN' });
    const pairs = expectData(await t.gql(CREATE_ROUND, { input: { eventId, name: 'Pairs', startsAt: '2030-06-01T08:00:00Z', durationMinutes: 10, tableSize: null } }, organiser)).createRound;
    expect(pairs.tableSize).toBeNull();
    expectData(await t.gql(`mutation ($id: ID!) { cancelRound(roundId: $id) { status } }`, { id: pairs.id }, organiser));
  });

  it('seats 11 people at tables of 4, 4 and 3, shows the bound, re-checks every pair at publish, and shows attendees all their table-mates', async () => {
    const id = await generate('Tables 1', '2030-06-01T09:00:00Z');
    const round = await readRound(id);
    const tables = tablesOf(round);
    expect(round.tableSize).toBe(4);
    expect(tables.map((m) => m.participants.length).sort()).toEqual([3, 4, 4]);
    expect(round.leftOut).toEqual([]);
    expect(round.stats).toMatchObject({ matched: 11, pairs: 0, trios: 0, tables: 3 });
    expect(round.stats.scoreUpperBound).toBeGreaterThanOrEqual(round.stats.totalScore - 1e-6);
    expect(round.stats.optimalityGap).toBeGreaterThanOrEqual(0);
    expect(round.stats.optimalityGap).toBeLessThan(1);

    // A table is full at 4: moving someone there is refused; a swap between tables is judged on every pair.
    const full = tables.find((m) => m.participants.length === 4)!;
    const other = tables.find((m) => m !== full)!;
    const moved = await t.gql(`mutation ($input: MoveAttendeeInput!) { moveAttendee(input: $input) { id } }`, { input: { roundId: id, attendeeId: other.participants[0]!.id, toMeetingId: full.id } }, organiser);
    expect(moved.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'TABLE_FULL' });

    // Two table-mates block each other after generation: publishing names the pair, whichever seats they hold.
    const [a, b] = [full.participants[1]!.id, full.participants[2]!.id];
    expectData(await t.gql(`mutation ($id: ID!) { blockAttendee(attendeeId: $id) }`, { id: b }, tokens.get(a)));
    const refused = await t.gql(`mutation ($id: ID!) { publishRound(roundId: $id) { status } }`, { id }, organiser);
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'DRAFT_BREAKS_HARD_RULES' });
    expect(refused.errors?.[0]?.extensions?.violations).toEqual([expect.objectContaining({ rule: 'blocked' })]);
    expectData(await t.gql(`mutation ($id: ID!) { generateRound(input: {roundId: $id, regenerate: true}) { id } }`, { id }, organiser));
    expect(await waitForRound(t, id, organiser)).toMatchObject({ status: 'GENERATED' });
    const again = tablesOf(await readRound(id));
    expect(again.find((m) => m.participants.some((p) => p.id === a))!.participants.some((p) => p.id === b)).toBe(false);
    expect(expectData(await t.gql(`mutation ($id: ID!) { publishRound(roundId: $id) { status } }`, { id }, organiser)).publishRound.status).toBe('PUBLISHED');

    // The pairing report gives each seat of the largest table its columns: nobody at a table of 4 is cut off.
    const csv = await t.http().get(`/events/${eventId}/reports/pairings.csv?round=${id}`).set('authorization', `Bearer ${organiser}`).buffer(true).expect(200);
    const [header, ...rows] = csv.text.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(header!.split(',')).toEqual(expect.arrayContaining(['Person 4', 'Attendee id 4']));
    expect(header!.split(',')).not.toContain('Person 5');
    const seatedIds = new Set(rows.flatMap((row) => row.match(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g) ?? []));
    for (const table of again) for (const p of table.participants) expect(seatedIds.has(p.id)).toBe(true);

    // Each attendee reads one meeting with every table-mate as a partner.
    for (const table of again) {
      const reader = table.participants[0]!.id;
      const mine = expectData(await t.gql(`{ myMeetings(when: ALL) { roundName partners { id name } sentence } }`, {}, tokens.get(reader))).myMeetings;
      const meeting = mine.find((m: { roundName: string }) => m.roundName === 'Tables 1');
      expect(meeting.partners.map((p: { id: string }) => p.id).sort()).toEqual(table.participants.map((p) => p.id).filter((p) => p !== reader).sort());
      expect(meeting.sentence.length).toBeGreaterThan(0);
    }
  });

  it('a second table round repeats no pair of the first: with three tables before, no table of 4 is possible, so two sit out as NO_COMPATIBLE_TABLE', async () => {
    const first = expectData(await t.gql(`query ($e: ID!) { rounds(eventId: $e) { id name } }`, { e: eventId }, organiser)).rounds.find((r: { name: string }) => r.name === 'Tables 1');
    const before = new Set(pairsOf(tablesOf(await readRound(first.id))));
    const round = await readRound(await generate('Tables 2', '2030-06-01T10:00:00Z'));
    const second = tablesOf(round);
    for (const pair of pairsOf(second)) expect(before.has(pair)).toBe(false);
    // A table of 4 would need people from 4 different tables of round 1 (pigeonhole): three tables of 3 at most.
    expect(second.map((m) => m.participants.length)).toEqual([3, 3, 3]);
    // Not the count (11 people fill tables of 4, 4 and 3): every table they could join holds someone they met.
    expect(round.leftOut.map((entry: { reason: string }) => entry.reason)).toEqual(['NO_COMPATIBLE_TABLE', 'NO_COMPATIBLE_TABLE']);
    // A change by hand keeps that reason for those still without a table: swap two people who sat at one table of
    // round 1 (each table of round 2 then still holds one person of each table of round 1: no pair meets twice).
    const tableOfBefore = new Map(tablesOf(await readRound(first.id)).flatMap((m, index) => m.participants.map((p) => [p.id, index] as const)));
    const roundId = expectData(await t.gql(`query ($e: ID!) { rounds(eventId: $e) { id name } }`, { e: eventId }, organiser)).rounds.find((r: { name: string }) => r.name === 'Tables 2').id;
    // Two of them blocked each other in the test before: the first such swap that keeps them apart.
    const swaps = second.flatMap((x, i) => second.slice(i + 1).flatMap((y) => x.participants.flatMap((a) => y.participants.filter((b) => tableOfBefore.get(a.id) === tableOfBefore.get(b.id)).map((b) => ({ a, b, y })))));
    let done: (typeof swaps)[number] | undefined;
    for (const swap of swaps) {
      const answer = await t.gql(`mutation ($input: SwapAttendeesInput!) { swapAttendees(input: $input) { id } }`, { input: { roundId, attendeeA: swap.a.id, attendeeB: swap.b.id } }, organiser);
      if (answer.errors?.[0]?.extensions?.reason === 'HARD_RULE') continue;
      expectData(answer);
      done = swap;
      break;
    }
    const { a, b, y } = done!;
    const swapped = await readRound(roundId);
    expect(tablesOf(swapped).find((m) => m.participants.some((p) => p.id === a.id))!.participants.map((p) => p.id)).toContain(y.participants.find((p) => p.id !== b.id)!.id);
    expect(swapped.leftOut).toHaveLength(2);
    expect(swapped.leftOut).toEqual(expect.arrayContaining(round.leftOut));
    expect(expectData(await t.gql(`mutation ($id: ID!) { publishRound(roundId: $id) { status } }`, { id: roundId }, organiser)).publishRound.status).toBe('PUBLISHED');
    // The one sitting out reads why, in the reason's own words.
    const out = round.leftOut[0].attendeeId as string;
    const mine = expectData(await t.gql(`query ($e: ID!) { rounds(eventId: $e) { name mySitOut } }`, { e: eventId }, tokens.get(out))).rounds;
    expect(mine.find((r: { name: string }) => r.name === 'Tables 2').mySitOut).toBe('NO_COMPATIBLE_TABLE');
    // And their sit-out mail gives that reason (its words: mail/templates/strings.ts, en and fr).
    await t.app.get(ReminderScheduler).tick();
    const notices = await t.app
      .get(DataSource)
      .query(`SELECT attendee_id, payload->>'reason' AS reason FROM mail_outbox WHERE kind = 'SIT_OUT_NOTICE' AND payload->>'roundId' = $1 ORDER BY attendee_id`, [roundId]);
    expect(notices).toEqual(round.leftOut.map((entry: { attendeeId: string }) => ({ attendee_id: entry.attendeeId, reason: 'NO_COMPATIBLE_TABLE' })).sort((x: { attendee_id: string }, y: { attendee_id: string }) => (x.attendee_id < y.attendee_id ? -1 : 1)));
  });

  it('seats accepted meeting requests together at a table round and reports them in Round.meetingRequests', async () => {
    const event = await createEvent(t);
    const { token: host } = await createOrganiser(t, event.id);
    const guests: AttendeeFixture[] = [];
    const guestTokens: string[] = [];
    for (let i = 0; i < 9; i++) {
      // Three groups with nothing in common across them: the matching alone would never seat 0 with 1, nor 3 with 5.
      const interests = [['agents', 'planning'], ['rag', 'retrieval'], ['speech', 'audio']][i % 3]!;
      const guest = await createAttendee(t, event.id, { name: `Guest ${i}`, present: true, interests });
      guests.push(guest);
      guestTokens.push(await attendeeToken(t, guest));
    }
    const ask = async (from: number, to: number) => {
      const { id } = expectData(await t.gql(`mutation ($input: RequestMeetingInput!) { requestMeeting(input: $input) { id } }`, { input: { attendeeId: guests[to]!.id } }, guestTokens[from])).requestMeeting;
      expectData(await t.gql(`mutation ($input: RespondToMeetingRequestInput!) { respondToMeetingRequest(input: $input) { status } }`, { input: { id, accept: true } }, guestTokens[to]));
      return id as string;
    };
    const requests = [await ask(0, 1), await ask(3, 5)];
    const { id } = expectData(await t.gql(CREATE_ROUND, { input: { eventId: event.id, name: 'Tables with requests', startsAt: '2030-06-01T09:00:00Z', durationMinutes: 20, tableSize: 3 } }, host)).createRound;
    expectData(await t.gql(`mutation ($id: ID!) { generateRound(input: {roundId: $id}) { id } }`, { id }, host));
    expect(await waitForRound(t, id, host)).toMatchObject({ status: 'GENERATED' });
    const review = expectData(
      await t.gql(
        `query ($id: ID!) { round(id: $id) { leftOut { reason } stats { tables } meetingRequests { seated reason request { id } }
           meetings(first: 10) { edges { node { participants { id } reasons { attendeeA attendeeB requestedBy } } } } } }`,
        { id },
        host,
      ),
    ).round;
    expect(review.stats.tables).toBe(3);
    expect(review.leftOut).toEqual([]);
    expect(review.meetingRequests).toEqual(requests.map((requestId) => ({ seated: true, reason: null, request: { id: requestId } })));
    const tables = review.meetings.edges.map((edge: { node: { participants: { id: string }[]; reasons: { attendeeA: string; attendeeB: string; requestedBy: string | null }[] } }) => edge.node);
    for (const [a, b] of [[0, 1], [3, 5]] as const) {
      const table = tables.find((m: { participants: { id: string }[] }) => m.participants.some((p) => p.id === guests[a]!.id));
      expect(table.participants.map((p: { id: string }) => p.id)).toContain(guests[b]!.id);
      // The table says which of its pairs was asked for, and by whom.
      const asked = table.reasons.filter((r: { requestedBy: string | null }) => r.requestedBy !== null);
      expect(asked).toEqual([expect.objectContaining({ requestedBy: guests[a]!.id })]);
    }
    // Publishing fulfils both requests: each one sits with the person they asked to meet.
    expectData(await t.gql(`mutation ($id: ID!) { publishRound(roundId: $id) { status } }`, { id }, host));
    const mine = expectData(await t.gql(`{ myMeetingRequests { id status } }`, {}, guestTokens[0])).myMeetingRequests;
    expect(mine).toEqual([{ id: requests[0], status: 'FULFILLED' }]);
  });
});
