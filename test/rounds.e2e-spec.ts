import { Client } from 'pg';
import { attendeeToken, createAttendee, createEventWithOrganiser, createOrganiser, expectData, startTestApp, waitForRound, type AttendeeFixture, type TestApp } from '@pairwise/testing';

const CREATE_ROUND = `mutation ($input: CreateRoundInput!) { createRound(input: $input) { id status durationMinutes oddPolicy } }`;
const GENERATE = `mutation ($input: GenerateRoundInput!) { generateRound(input: $input) { id status } }`;
const ROUND = `query ($id: ID!) {
  round(id: $id) {
    status seed startsAt endsAt
    stats { eligible matched pairs trios byes meanScore minScore crossCompanyShare crossRoleShare certifiedOptimal worstServed { attendeeId score } }
    leftOut { attendeeId reason }
    meetings(first: 100) { edges { node { id table tableNumber score participants { id } reasons { attendeeA attendeeB sharedInterests } sentence openingQuestion } } }
  }
}`;
const MY_MEETINGS = `{ myMeetings { id roundName table startsAt endsAt partners { id name email company interests } reasons { sharedInterests } sentence openingQuestion } }`;

/** A start for each new round, an hour apart: two rounds of an event may not overlap. The first is 2030-06-01T10:00Z. */
const nextSlot = (() => {
  let rounds = 0;
  return () => new Date(Date.parse('2030-06-01T10:00:00Z') + rounds++ * 3_600_000).toISOString();
})();

/**
 * One app for the file's cases, each on an event of its own (an app start costs seconds on a busy machine); the
 * case about a small pool starts its own with that setting. Closed after the file's cases.
 */
let appStart: Promise<TestApp> | undefined;
const fileApp = () => (appStart ??= startTestApp());
afterAll(async () => (await appStart?.catch(() => undefined))?.close());

/** A new event on the file's app, and an organiser of it. */
async function eventOnFileApp(event: Record<string, unknown> = {}): Promise<{ t: TestApp; eventId: string; organiser: string }> {
  const t = await fileApp();
  const { event: { id }, organiser } = await createEventWithOrganiser(t, event);
  return { t, eventId: id, organiser: organiser.token };
}

const PROFILES = [
  { name: 'Ada', company: 'Analytical', role: 'researcher', interests: ['rag', 'evals', 'speculative-decoding'], lookingFor: ['gpu-access'], canOffer: ['paper-feedback'] },
  { name: 'Grace', company: 'Navy', role: 'engineer', interests: ['rag', 'inference'], lookingFor: ['paper-feedback'], canOffer: ['gpu-access'] },
  { name: 'Alan', company: 'Bletchley', role: 'founder', interests: ['agents', 'evals'], lookingFor: ['funding'], canOffer: ['job-opportunities'] },
  { name: 'Katherine', company: 'NASA', role: 'investor', interests: ['agents', 'inference'], lookingFor: ['deal-flow'], canOffer: ['funding'] },
  { name: 'Linus', company: 'Kernel', role: 'engineer', interests: ['inference', 'compilers'], lookingFor: ['code-review'], canOffer: ['code-review'] },
  { name: 'Margaret', company: 'MIT', role: 'researcher', interests: ['speculative-decoding', 'compilers'], lookingFor: ['research-collaboration'], canOffer: ['research-collaboration'] },
  { name: 'Edsger', company: 'Eindhoven', role: 'researcher', interests: ['evals', 'rag'], lookingFor: ['industry-problems'], canOffer: ['mentorship'] },
];

describe('matching rounds, end to end', () => {
  let t: TestApp;
  let eventId: string;
  let organiser: string;
  let people: AttendeeFixture[];
  let tokens: string[];
  let absent: AttendeeFixture;
  let noConsent: AttendeeFixture;

  const roundInput = (name: string, extra: Record<string, unknown> = {}) => ({
    input: { eventId, name, startsAt: nextSlot(), durationMinutes: 15, tables: ['A1', 'A2', 'A3'], ...extra },
  });

  async function generated(name: string, extra: Record<string, unknown> = {}) {
    const round = expectData(await t.gql(CREATE_ROUND, roundInput(name, extra), organiser)).createRound;
    expectData(await t.gql(GENERATE, { input: { roundId: round.id } }, organiser));
    expect(await waitForRound(t, round.id, organiser)).toMatchObject({ status: 'GENERATED' });
    return round.id as string;
  }

  const pairsOf = (round: { meetings: { edges: { node: { participants: { id: string }[] } }[] } }) =>
    round.meetings.edges.map((edge) => edge.node.participants.map((p) => p.id).sort().join('+'));

  beforeAll(async () => {
    ({ t, eventId, organiser } = await eventOnFileApp({ oddPolicy: 'TRIO' }));
    people = [];
    for (const profile of PROFILES) people.push(await createAttendee(t, eventId, { ...profile, present: true, languages: ['en'] }));
    absent = await createAttendee(t, eventId, { name: 'Absent Abe', present: false });
    noConsent = await createAttendee(t, eventId, { name: 'Private Pat', present: true, consentMatchmaking: false });
    tokens = [];
    for (const person of people) tokens.push(await attendeeToken(t, person));
  });

  let firstRound: string;

  it('an organiser creates a draft round with the event defaults', async () => {
    const round = expectData(await t.gql(CREATE_ROUND, roundInput('Round 1'), organiser)).createRound;
    expect(round).toMatchObject({ status: 'DRAFT', durationMinutes: 15, oddPolicy: 'TRIO' });
    firstRound = round.id;
  });

  it('attendees block, wish and opt out before the round is generated', async () => {
    expectData(await t.gql(`mutation ($a: ID!) { blockAttendee(attendeeId: $a) }`, { a: people[1]!.id }, tokens[0]));
    expectData(await t.gql(`mutation ($a: ID!) { wishToMeet(attendeeId: $a) }`, { a: people[3]!.id }, tokens[2]));
    expectData(await t.gql(`mutation ($a: ID!) { wishToMeet(attendeeId: $a) }`, { a: people[2]!.id }, tokens[3]));
    const blocks = expectData(await t.gql(`{ myBlocks { id } }`, {}, tokens[0])).myBlocks;
    expect(blocks).toEqual([{ id: people[1]!.id }]);
    const self = await t.gql(`mutation ($a: ID!) { blockAttendee(attendeeId: $a) }`, { a: people[0]!.id }, tokens[0]);
    expect(self.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('generates a draft in the background: everyone eligible matched, hard rules kept, left-out people explained', async () => {
    const started = expectData(await t.gql(GENERATE, { input: { roundId: firstRound } }, organiser)).generateRound;
    expect(['GENERATING', 'GENERATED']).toContain(started.status);
    expect(await waitForRound(t, firstRound, organiser)).toMatchObject({ status: 'GENERATED', progress: { phase: 'done' } });
    const round = expectData(await t.gql(ROUND, { id: firstRound }, organiser)).round;
    expect(round.stats).toMatchObject({ eligible: 7, matched: 7, pairs: 2, trios: 1, byes: 0, certifiedOptimal: true });
    // The phases it took, as measured by the API (the worker's parts add up to the matching, the phases to the total).
    const { timings } = expectData(
      await t.gql(`query ($id: ID!) { round(id: $id) { progress { timings { loadingMs matchingMs workerStartMs planMs resultTransferMs storingMs totalMs } } } }`, { id: firstRound }, organiser),
    ).round.progress;
    for (const value of Object.values(timings)) expect(Number.isInteger(value) && (value as number) >= 0).toBe(true);
    expect(timings.workerStartMs + timings.planMs + timings.resultTransferMs).toBeLessThanOrEqual(timings.matchingMs + 3);
    expect(timings.loadingMs + timings.matchingMs + timings.storingMs).toBeLessThanOrEqual(timings.totalMs + 3);
    expect(timings.totalMs).toBeGreaterThan(0);
    expect(round.leftOut).toEqual(
      expect.arrayContaining([
        { attendeeId: absent.id, reason: 'NOT_PRESENT' },
        { attendeeId: noConsent.id, reason: 'NO_CONSENT' },
      ]),
    );
    const meetings = round.meetings.edges.map((edge: { node: unknown }) => edge.node);
    expect(meetings.map((m: { table: string }) => m.table)).toEqual(['A1', 'A2', 'A3']);
    const pairs = pairsOf(round);
    const blocked = [people[0]!.id, people[1]!.id].sort();
    for (const meeting of pairs) expect(meeting.includes(blocked[0]!) && meeting.includes(blocked[1]!)).toBe(false);
    for (const meeting of meetings) {
      expect(meeting.sentence.length).toBeGreaterThan(10);
      expect(meeting.openingQuestion).toMatch(/\?$/);
    }
  });

  it('names, for its organisers, who sits out and who is worst served', async () => {
    const REVIEW = `query ($id: ID!) { round(id: $id) { leftOut { attendeeId reason attendee { name } } stats { worstServed { attendeeId score attendee { id name } } } } }`;
    const round = expectData(await t.gql(REVIEW, { id: firstRound }, organiser)).round;
    expect(round.leftOut).toEqual(
      expect.arrayContaining([
        { attendeeId: absent.id, reason: 'NOT_PRESENT', attendee: { name: 'Absent Abe' } },
        { attendeeId: noConsent.id, reason: 'NO_CONSENT', attendee: { name: 'Private Pat' } },
      ]),
    );
    expect(round.stats.worstServed.length).toBeGreaterThan(0);
    for (const entry of round.stats.worstServed) {
      expect(entry.attendee).toEqual({ id: entry.attendeeId, name: PROFILES[people.findIndex((p) => p.id === entry.attendeeId)]!.name });
    }
  });

  it('refuses a second generation of the same draft with CONFLICT', async () => {
    const again = await t.gql(GENERATE, { input: { roundId: firstRound } }, organiser);
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'ROUND_ALREADY_GENERATED' });
  });

  it('lets organisers swap and move people in the draft, re-checking hard rules and recording overrides', async () => {
    const SWAP = `mutation ($input: SwapAttendeesInput!) { swapAttendees(input: $input) { stats { certifiedOptimal trios pairs } } }`;
    const MOVE = `mutation ($input: MoveAttendeeInput!) { moveAttendee(input: $input) { stats { trios pairs matched } } }`;
    const tables = async () =>
      expectData(await t.gql(ROUND, { id: firstRound }, organiser)).round.meetings.edges.map(
        (edge: { node: { id: string; score: number; participants: { id: string }[] } }) => ({ id: edge.node.id, score: edge.node.score, members: edge.node.participants.map((p) => p.id) }),
      );
    const [ada, grace] = [people[0]!.id, people[1]!.id];
    const before: { id: string; score: number; members: string[] }[] = await tables();
    const adaTable = before.find((table) => table.members.includes(ada))!;
    const partner = adaTable.members.find((id) => id !== ada)!;
    // Seating Grace with Ada breaks Ada's block: refused, then refused without a reason, then forced.
    const refused = await t.gql(SWAP, { input: { roundId: firstRound, attendeeA: partner, attendeeB: grace } }, organiser);
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'HARD_RULE' });
    expect(refused.errors?.[0]?.message).toContain('blocked');
    // The rule and the two people, as data, for a client to say it in its own words.
    expect(refused.errors?.[0]?.extensions?.violations).toEqual([{ rule: 'blocked', attendeeA: expect.any(String), attendeeB: expect.any(String) }]);
    const { attendeeA, attendeeB } = (refused.errors![0]!.extensions as { violations: { attendeeA: string; attendeeB: string }[] }).violations[0]!;
    expect([attendeeA, attendeeB].sort()).toEqual([ada, grace].sort());
    const noReason = await t.gql(SWAP, { input: { roundId: firstRound, attendeeA: partner, attendeeB: grace, force: true } }, organiser);
    expect(noReason.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'OVERRIDE_NEEDS_REASON' });
    expect(await tables()).toEqual(before);
    const forced = expectData(await t.gql(SWAP, { input: { roundId: firstRound, attendeeA: partner, attendeeB: grace, force: true, reason: 'they asked at the desk' } }, organiser)).swapAttendees;
    expect(forced.stats.certifiedOptimal).toBe(false);
    const after: { members: string[] }[] = await tables();
    expect(after.find((table) => table.members.includes(ada))!.members).toContain(grace);
    const client = new Client({ connectionString: t.database.url });
    await client.connect();
    const { rows } = await client.query(`SELECT kind, overridden_rules, reason FROM round_adjustments WHERE round_id = $1`, [firstRound]);
    await client.end();
    expect(rows).toEqual([{ kind: 'swap', overridden_rules: ['blocked'], reason: 'they asked at the desk' }]);
    // Undo it the same way (a plain swap back is allowed), then move the trio's third person to a pair.
    expectData(await t.gql(SWAP, { input: { roundId: firstRound, attendeeA: partner, attendeeB: grace } }, organiser));
    const trio = (await tables()).find((table: { members: string[] }) => table.members.length === 3)!;
    const pair = (await tables()).find((table: { members: string[] }) => table.members.length === 2 && !table.members.includes(ada))!;
    const moved = await t.gql(MOVE, { input: { roundId: firstRound, attendeeId: trio.members[2], toMeetingId: pair.id } }, organiser);
    if (moved.errors) expect(moved.errors[0]!.extensions).toMatchObject({ code: 'CONFLICT', reason: 'HARD_RULE' });
    else expect(moved.data!.moveAttendee.stats).toMatchObject({ trios: 1, pairs: 2, matched: 7 });
    const full = await t.gql(MOVE, { input: { roundId: firstRound, attendeeId: pair.members[0], toMeetingId: (await tables()).find((x: { members: string[] }) => x.members.length === 3)!.id, force: true, reason: 'x' } }, organiser);
    expect(full.errors?.[0]?.extensions?.code).toMatch(/BAD_USER_INPUT|CONFLICT/);
  });

  it('shows attendees nothing before publishing, everything after', async () => {
    expect(expectData(await t.gql(MY_MEETINGS, {}, tokens[4])).myMeetings).toEqual([]);
    const hidden = await t.gql(`query ($id: ID!) { round(id: $id) { status } }`, { id: firstRound }, tokens[4]);
    expect(hidden.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(expectData(await t.gql(`mutation ($id: ID!) { publishRound(roundId: $id) { status publishedAt } }`, { id: firstRound }, organiser)).publishRound.status).toBe('PUBLISHED');
    for (const token of tokens) {
      const [meeting] = expectData(await t.gql(MY_MEETINGS, {}, token)).myMeetings;
      expect(meeting).toMatchObject({ roundName: 'Round 1', startsAt: '2030-06-01T10:00:00.000Z', endsAt: '2030-06-01T10:15:00.000Z' });
      expect(meeting.partners.length).toBeGreaterThanOrEqual(1);
      for (const partner of meeting.partners) {
        expect(partner.email).toBeNull(); // not shared by default
        expect(partner.name).toEqual(expect.any(String));
      }
    }
    const republish = await t.gql(`mutation ($id: ID!) { publishRound(roundId: $id) { status } }`, { id: firstRound }, organiser);
    expect(republish.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'ROUND_NOT_GENERATED' });
    // Who sits out, by name, is for the organisers: an attendee of the published round is refused.
    const names = await t.gql(`query ($id: ID!) { round(id: $id) { leftOut { attendee { name } } stats { worstServed { attendee { name } } } } }`, { id: firstRound }, tokens[4]);
    expect(names.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(JSON.stringify(names.data ?? null)).not.toMatch(/Absent Abe|Private Pat/);
    // Nor by id: others' sit-out reasons and scores are refused; each attendee reads their own reason.
    for (const fields of ['leftOut { attendeeId reason }', 'stats { worstServed { attendeeId score } }', 'stats { eligible byes }']) {
      const refused = await t.gql(`query ($id: ID!) { round(id: $id) { id ${fields} } }`, { id: firstRound }, tokens[4]);
      expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      // stats is nullable: the round may come back, without it; leftOut is not: the whole answer is null.
      expect(refused.data?.round?.stats ?? refused.data?.round?.leftOut ?? null).toBeNull();
      const listed = await t.gql(`query ($e: ID!) { rounds(eventId: $e) { id ${fields} } }`, { e: eventId }, tokens[4]);
      expect(listed.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
    const MY_SIT_OUT = `query ($id: ID!) { round(id: $id) { mySitOut } }`;
    expect(expectData(await t.gql(MY_SIT_OUT, { id: firstRound }, await attendeeToken(t, absent))).round.mySitOut).toBe('NOT_PRESENT');
    expect(expectData(await t.gql(MY_SIT_OUT, { id: firstRound }, tokens[4])).round.mySitOut).toBeNull();
    expect(expectData(await t.gql(MY_SIT_OUT, { id: firstRound }, organiser)).round.mySitOut).toBeNull();
  });

  it('lets participants give feedback, organisers mark no-shows and close the round', async () => {
    const [meeting] = expectData(await t.gql(MY_MEETINGS, {}, tokens[0])).myMeetings;
    const feedback = expectData(
      await t.gql(
        `mutation ($input: FeedbackInput!) { submitFeedback(input: $input) { met rating wouldMeetAgain note } }`,
        { input: { meetingId: meeting.id, met: true, rating: 5, wouldMeetAgain: true, note: 'great talk on evals' } },
        tokens[0],
      ),
    ).submitFeedback;
    expect(feedback).toEqual({ met: true, rating: 5, wouldMeetAgain: true, note: 'great talk on evals' });
    const badRating = await t.gql(`mutation ($input: FeedbackInput!) { submitFeedback(input: $input) { met } }`, { input: { meetingId: meeting.id, met: true, rating: 9 } }, tokens[0]);
    expect(badRating.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const stranger = people.findIndex((p) => p.id !== people[0]!.id && !meeting.partners.some((x: { id: string }) => x.id === p.id));
    const notMine = await t.gql(`mutation ($input: FeedbackInput!) { submitFeedback(input: $input) { met } }`, { input: { meetingId: meeting.id, met: true } }, tokens[stranger]);
    expect(notMine.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const status = expectData(
      await t.gql(`mutation ($m: ID!, $a: ID!) { markNoShow(meetingId: $m, attendeeId: $a) }`, { m: meeting.id, a: meeting.partners[0].id }, organiser),
    ).markNoShow;
    expect(['NO_SHOW', 'SCHEDULED']).toContain(status);
    // Before it starts nothing can have been held: closing (which marks every meeting held) is refused.
    const early = await t.gql(`mutation ($id: ID!) { closeRound(roundId: $id) { status } }`, { id: firstRound }, organiser);
    expect(early.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'ROUND_NOT_STARTED' });
    expect(early.errors?.[0]?.message).toContain('2030-06-01T10:00:00.000Z');
    const client = new Client({ connectionString: t.database.url });
    await client.connect();
    try {
      const statuses = async () => (await client.query(`SELECT status FROM meetings WHERE round_id = $1`, [firstRound])).rows.map((row) => row.status);
      expect(await statuses()).not.toContain('HELD');
      // The conversations took place: the round started a quarter of an hour ago.
      await client.query(`UPDATE rounds SET starts_at = now() - interval '15 minutes' WHERE id = $1`, [firstRound]);
      expect(expectData(await t.gql(`mutation ($id: ID!) { closeRound(roundId: $id) { status } }`, { id: firstRound }, organiser)).closeRound.status).toBe('CLOSED');
      expect(await statuses()).toContain('HELD');
    } finally {
      await client.end();
    }
  });

  it('never repeats a pair that met in the next rounds, but may pair a no-show pair again', async () => {
    const first = expectData(await t.gql(ROUND, { id: firstRound }, organiser)).round;
    const client = new Client({ connectionString: t.database.url });
    await client.connect();
    const { rows: metPairs } = await client.query(`SELECT attendee_low || '+' || attendee_high AS pair FROM event_pairs WHERE event_id = $1`, [eventId]);
    await client.end();
    const second = expectData(await t.gql(ROUND, { id: await generated('Round 2') }, organiser)).round;
    const seen = new Set(metPairs.map((row: { pair: string }) => row.pair));
    for (const meeting of second.meetings.edges) {
      const ids: string[] = meeting.node.participants.map((p: { id: string }) => p.id).sort();
      for (let i = 0; i < ids.length; i++) for (let j = i + 1; j < ids.length; j++) expect(seen.has(`${ids[i]}+${ids[j]}`)).toBe(false);
    }
    expect(pairsOf(second)).not.toEqual(pairsOf(first));
  });

  it('PostgreSQL itself refuses a repeated pair, a self-pair and a second meeting in a round', async () => {
    const client = new Client({ connectionString: t.database.url });
    await client.connect();
    try {
      const { rows } = await client.query(`SELECT event_id, attendee_low, attendee_high, meeting_id FROM event_pairs LIMIT 1`);
      const pair = rows[0];
      await expect(
        client.query(`INSERT INTO event_pairs VALUES ($1, $2, $3, $4)`, [pair.event_id, pair.attendee_low, pair.attendee_high, pair.meeting_id]),
      ).rejects.toThrow(/duplicate key/);
      await expect(
        client.query(`INSERT INTO event_pairs VALUES ($1, $2, $3, $4)`, [pair.event_id, pair.attendee_high, pair.attendee_low, pair.meeting_id]),
      ).rejects.toThrow(/ck_event_pairs_ordered/);
      await expect(
        client.query(`INSERT INTO event_pairs VALUES ($1, $2, $2, $3)`, [pair.event_id, pair.attendee_low, pair.meeting_id]),
      ).rejects.toThrow(/ck_event_pairs_ordered/);
      const { rows: participants } = await client.query(`SELECT meeting_id, round_id, attendee_id FROM meeting_participants LIMIT 1`);
      // Another table of the same round (rows come in no set order: OFFSET 1 could be the attendee's own table).
      const { rows: otherMeeting } = await client.query(`SELECT id FROM meetings WHERE round_id = $1 AND id <> $2 LIMIT 1`, [participants[0].round_id, participants[0].meeting_id]);
      await expect(
        client.query(`INSERT INTO meeting_participants (meeting_id, attendee_id, round_id) VALUES ($1, $2, $3)`, [otherMeeting[0].id, participants[0].attendee_id, participants[0].round_id]),
      ).rejects.toThrow(/uq_participants_round_attendee/);
    } finally {
      await client.end();
    }
  });

  it('gives one draft when two organisers generate at once; the other gets CONFLICT', async () => {
    const round = expectData(await t.gql(CREATE_ROUND, roundInput('Round 3'), organiser)).createRound;
    const second = (await createOrganiser(t, eventId)).token;
    const results = await Promise.all([
      t.gql(GENERATE, { input: { roundId: round.id } }, organiser),
      t.gql(GENERATE, { input: { roundId: round.id } }, second),
    ]);
    const ok = results.filter((r) => r.data?.generateRound);
    const refused = results.filter((r) => r.errors?.[0]?.extensions?.code === 'CONFLICT');
    expect(ok).toHaveLength(1);
    expect(refused).toHaveLength(1);
    expect(await waitForRound(t, round.id, organiser)).toMatchObject({ status: 'GENERATED' });
    const client = new Client({ connectionString: t.database.url });
    await client.connect();
    const { rows } = await client.query(`SELECT count(DISTINCT attendee_id)::int AS people, count(*)::int AS rows FROM meeting_participants WHERE round_id = $1`, [round.id]);
    await client.end();
    expect(rows[0].people).toBe(rows[0].rows);
  });

  it('cancels a draft and frees its pairs; regenerates on request; keeps attendees out of drafts', async () => {
    const round = await generated('Round 4', { oddPolicy: 'BYE' });
    const draft = expectData(await t.gql(ROUND, { id: round }, organiser)).round;
    // BYE policy: no trio; 7 people means an odd one out (more sit out once earlier rounds used up their compatible pairs).
    expect(draft.stats.trios).toBe(0);
    expect(draft.stats.byes % 2).toBe(1);
    const sittingOut = draft.leftOut.filter((entry: { reason: string }) => ['ODD_COUNT', 'NO_COMPATIBLE_PARTNER'].includes(entry.reason));
    expect(sittingOut).toHaveLength(draft.stats.byes);
    expectData(await t.gql(GENERATE, { input: { roundId: round, regenerate: true, seed: 'another' } }, organiser));
    expect(await waitForRound(t, round, organiser)).toMatchObject({ status: 'GENERATED' });
    expect(expectData(await t.gql(`query ($id: ID!) { round(id: $id) { seed } }`, { id: round }, organiser)).round.seed).toBe('another');
    expect(expectData(await t.gql(`mutation ($id: ID!) { cancelRound(roundId: $id) { status } }`, { id: round }, organiser)).cancelRound.status).toBe('CANCELLED');
    const client = new Client({ connectionString: t.database.url });
    await client.connect();
    const { rows } = await client.query(`SELECT count(*)::int AS n FROM event_pairs p JOIN meetings m ON m.id = p.meeting_id WHERE m.round_id = $1`, [round]);
    await client.end();
    expect(rows[0].n).toBe(0);
    const regenerate = await t.gql(GENERATE, { input: { roundId: round } }, organiser);
    expect(regenerate.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'ROUND_NOT_DRAFT' });
  });

  it('recovers a round whose generating process died: once its lease lapsed, it can be generated again at once', async () => {
    const round = expectData(await t.gql(CREATE_ROUND, roundInput('Round 5'), organiser)).createRound;
    const client = new Client({ connectionString: t.database.url });
    await client.connect();
    // What a killed process leaves behind: GENERATING, no meetings, a lease nobody renews, and (the session gone) no advisory lock.
    // (test/generation-lease.e2e-spec.ts kills a real process; a sweep would also fail this round within a lease and a half.)
    await client.query(
      `UPDATE rounds SET status = 'GENERATING', progress = '{"phase":"matching"}', lease_owner = 'gone/1/run', lease_expires_at = now() - interval '1 second' WHERE id = $1`,
      [round.id],
    );
    await client.end();
    expectData(await t.gql(GENERATE, { input: { roundId: round.id } }, organiser));
    expect(await waitForRound(t, round.id, organiser)).toMatchObject({ status: 'GENERATED', progress: { phase: 'done' } });
  });

  it('is for the organisers of this event only', async () => {
    const { organiser: { token: stranger } } = await createEventWithOrganiser(t);
    const create = await t.gql(CREATE_ROUND, roundInput('Sneaky'), stranger);
    expect(create.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const generate = await t.gql(GENERATE, { input: { roundId: firstRound } }, stranger);
    expect(generate.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const asAttendee = await t.gql(GENERATE, { input: { roundId: firstRound } }, tokens[0]);
    expect(asAttendee.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('two rounds of an event may not overlap', () => {
  let t: TestApp;
  let eventId: string;
  let organiser: string;
  beforeAll(async () => {
    ({ t, eventId, organiser } = await eventOnFileApp());
  });

  const create = (name: string, startsAt: string, durationMinutes: number, event = eventId) =>
    t.gql(CREATE_ROUND, { input: { eventId: event, name, startsAt, durationMinutes } }, organiser);

  it('refuses a round whose time meets another’s, naming it; a round may start as the other ends', async () => {
    const coffee = expectData(await create('Morning coffee', '2030-06-02T10:00:00Z', 15)).createRound;
    for (const [startsAt, minutes] of [['2030-06-02T10:14:00Z', 10], ['2030-06-02T09:50:00Z', 11], ['2030-06-02T09:00:00Z', 120], ['2030-06-02T10:05:00Z', 5]] as const) {
      const refused = await create('Clash', startsAt, minutes);
      expect(refused.data).toBeNull();
      expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'ROUNDS_OVERLAP' });
      expect(refused.errors?.[0]?.message).toContain('“Morning coffee” (2030-06-02T10:00:00.000Z to 2030-06-02T10:15:00.000Z)');
    }
    // Rounds hold [start, start + duration): touching ends are not an overlap.
    expect(expectData(await create('Before', '2030-06-02T09:50:00Z', 10)).createRound.status).toBe('DRAFT');
    expect(expectData(await create('After', '2030-06-02T10:15:00Z', 10)).createRound.status).toBe('DRAFT');
    // A cancelled round frees its time.
    expectData(await t.gql(`mutation ($id: ID!) { cancelRound(roundId: $id) { status } }`, { id: coffee.id }, organiser));
    expect(expectData(await create('Instead', '2030-06-02T10:00:00Z', 15)).createRound.status).toBe('DRAFT');
  });

  it('another event’s rounds do not count', async () => {
    const { event: other, organiser: { token } } = await createEventWithOrganiser(t);
    const created = await t.gql(CREATE_ROUND, { input: { eventId: other.id, name: 'Same time elsewhere', startsAt: '2030-06-02T10:00:00Z', durationMinutes: 15 } }, token);
    expect(expectData(created).createRound.status).toBe('DRAFT');
  });

  it('of two overlapping rounds created at once, one is made and the other refused', async () => {
    const answers = await Promise.all([create('Race A', '2030-06-03T10:00:00Z', 15), create('Race B', '2030-06-03T10:10:00Z', 15)]);
    expect(answers.filter((answer) => answer.data?.createRound).length).toBe(1);
    const refused = answers.find((answer) => answer.errors)!;
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'ROUNDS_OVERLAP' });
  });
});

describe('review statistics after a change by hand', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await fileApp();
  });

  it('recomputes the cross-company and cross-role shares from the adjusted tables', async () => {
    const { event: { id: eventId }, organiser: { token: organiser } } = await createEventWithOrganiser(t);
    const person = (name: string, company: string, role: string) =>
      createAttendee(t, eventId, { name, company, role, present: true, interests: ['rag', 'agents'], languages: ['en'] });
    // Whatever pairing the generator picks, it crosses companies and roles; after the swap below
    // Acme meets Acme (two engineers) and Beta meets Beta (a founder and an investor).
    const ann = await person('Ann Acme', 'Acme', 'engineer');
    const abe = await person('Abe Acme', 'Acme', 'engineer');
    await person('Bea Beta', 'Beta', 'founder');
    await person('Bob Beta', 'Beta', 'investor');
    const round = expectData(await t.gql(CREATE_ROUND, { input: { eventId, name: 'Mix', startsAt: nextSlot() } }, organiser)).createRound;
    expectData(await t.gql(GENERATE, { input: { roundId: round.id } }, organiser));
    await waitForRound(t, round.id, organiser);
    const review = async () => expectData(await t.gql(ROUND, { id: round.id }, organiser)).round;
    const tablesOf = (r: { meetings: { edges: { node: { participants: { id: string }[] } }[] } }) =>
      r.meetings.edges.map((edge) => edge.node.participants.map((p) => p.id));
    const before = await review();
    expect(before.stats).toMatchObject({ crossCompanyShare: 1, crossRoleShare: 1 });
    const annPartner = tablesOf(before).find((members) => members.includes(ann.id))!.find((id) => id !== ann.id)!;
    expectData(await t.gql(`mutation ($input: SwapAttendeesInput!) { swapAttendees(input: $input) { id } }`, { input: { roundId: round.id, attendeeA: annPartner, attendeeB: abe.id } }, organiser));
    const after = await review();
    expect(tablesOf(after).find((members) => members.includes(ann.id))!.sort()).toEqual([ann.id, abe.id].sort());
    expect(after.stats).toMatchObject({ crossCompanyShare: 0, crossRoleShare: 0.5, certifiedOptimal: false });
  });
});

describe('many events generating at once in one process', () => {
  let t: TestApp;
  afterAll(() => t?.close());

  it('generates them all while the API keeps answering (generation locks take no pool connection)', async () => {
    // A pool smaller than the number of generations: each held a pool connection for its lock, then waited for another.
    t = await startTestApp({ PAIRWISE_DB_POOL_SIZE: '3' });
    const events = await Promise.all(
      Array.from({ length: 5 }, async () => {
        const { event: { id }, organiser: { token } } = await createEventWithOrganiser(t);
        for (const profile of PROFILES.slice(0, 4)) await createAttendee(t, id, { ...profile, present: true });
        const round = expectData(await t.gql(CREATE_ROUND, { input: { eventId: id, name: 'R1', startsAt: nextSlot() } }, token)).createRound;
        return { token, roundId: round.id as string };
      }),
    );
    const started = await Promise.all(events.map(({ token, roundId }) => t.gql(GENERATE, { input: { roundId } }, token)));
    expect(started.map((response) => expectData(response).generateRound.status)).toEqual(Array(5).fill('GENERATING'));
    const admin = await t.adminToken();
    expect(expectData(await t.gql(`{ me { role } }`, {}, admin)).me.role).toBe('ADMIN');
    const finished = await Promise.all(events.map(({ token, roundId }) => waitForRound(t, roundId, token)));
    expect(finished.map((round) => round.status)).toEqual(Array(5).fill('GENERATED'));
  });
});

describe('sit-out reasons are true', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await fileApp();
  });

  const SWAP = `mutation ($input: SwapAttendeesInput!) { swapAttendees(input: $input) { leftOut { attendeeId reason } } }`;
  const sittingOut = (leftOut: { attendeeId: string; reason: string }[]) =>
    leftOut.filter((entry) => ['ODD_COUNT', 'NO_COMPATIBLE_PARTNER'].includes(entry.reason));

  it('reports NO_COMPATIBLE_PARTNER, not ODD_COUNT, for the odd one out nobody may meet (no shared language, or blocked by all)', async () => {
    for (const cutOff of ['language', 'blocks'] as const) {
      const { event: { id: eventId }, organiser: { token: organiser } } = await createEventWithOrganiser(t);
      const english = [];
      for (const profile of PROFILES.slice(0, 4)) english.push(await createAttendee(t, eventId, { ...profile, present: true, languages: ['en'] }));
      const loner = await createAttendee(t, eventId, { name: 'Haruki', present: true, interests: ['rag'], languages: cutOff === 'language' ? ['ja'] : ['en'] });
      if (cutOff === 'blocks') {
        for (const person of english) expectData(await t.gql(`mutation ($a: ID!) { blockAttendee(attendeeId: $a) }`, { a: loner.id }, await attendeeToken(t, person)));
      }
      // Five people: one is the odd one out under either policy, and it can only be the one nobody may meet.
      for (const oddPolicy of ['TRIO', 'BYE']) {
        const round = expectData(await t.gql(CREATE_ROUND, { input: { eventId, name: `${cutOff} ${oddPolicy}`, startsAt: nextSlot(), oddPolicy } }, organiser)).createRound;
        expectData(await t.gql(GENERATE, { input: { roundId: round.id } }, organiser));
        expect(await waitForRound(t, round.id, organiser)).toMatchObject({ status: 'GENERATED' });
        const review = expectData(await t.gql(ROUND, { id: round.id }, organiser)).round;
        expect({ cutOff, oddPolicy, sittingOut: sittingOut(review.leftOut) }).toEqual({
          cutOff,
          oddPolicy,
          sittingOut: [{ attendeeId: loner.id, reason: 'NO_COMPATIBLE_PARTNER' }],
        });
        expectData(await t.gql(`mutation ($id: ID!) { cancelRound(roundId: $id) { status } }`, { id: round.id }, organiser));
      }
    }
  });

  it('after a swap by hand, the person unseated sits out as ODD_COUNT (they had partners), not NO_COMPATIBLE_PARTNER', async () => {
    const { event: { id: eventId }, organiser: { token: organiser } } = await createEventWithOrganiser(t, { oddPolicy: 'BYE' });
    for (const profile of PROFILES.slice(0, 5)) await createAttendee(t, eventId, { ...profile, present: true, languages: ['en'] });
    const round = expectData(await t.gql(CREATE_ROUND, { input: { eventId, name: 'Odd', startsAt: nextSlot() } }, organiser)).createRound;
    expectData(await t.gql(GENERATE, { input: { roundId: round.id } }, organiser));
    await waitForRound(t, round.id, organiser);
    const review = expectData(await t.gql(ROUND, { id: round.id }, organiser)).round;
    const [bye] = sittingOut(review.leftOut);
    expect(bye).toMatchObject({ reason: 'ODD_COUNT' });
    const seated = review.meetings.edges[0].node.participants[0].id;
    const swapped = expectData(await t.gql(SWAP, { input: { roundId: round.id, attendeeA: bye.attendeeId, attendeeB: seated } }, organiser)).swapAttendees;
    expect(sittingOut(swapped.leftOut)).toEqual([{ attendeeId: seated, reason: 'ODD_COUNT' }]);
  });
});

describe('rounds with nobody to match', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await fileApp();
  });

  const PUBLISH = `mutation ($id: ID!) { publishRound(roundId: $id) { status } }`;

  it('refuses to generate a round for 0 or 1 eligible attendee, and says why the others cannot be matched', async () => {
    const { event: { id: eventId }, organiser: { token: organiser } } = await createEventWithOrganiser(t);
    const round = expectData(await t.gql(CREATE_ROUND, { input: { eventId, name: 'Empty', startsAt: nextSlot() } }, organiser)).createRound;
    const empty = await t.gql(GENERATE, { input: { roundId: round.id } }, organiser);
    expect(empty.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'NOT_ENOUGH_ATTENDEES' });
    expect(empty.errors?.[0]?.message).toMatch(/^Nobody in this event can be matched in this round; it takes 2/);
    await createAttendee(t, eventId, { name: 'Only One', present: true });
    await createAttendee(t, eventId, { name: 'At Home', present: false });
    await createAttendee(t, eventId, { name: 'Private', present: true, consentMatchmaking: false });
    const one = await t.gql(GENERATE, { input: { roundId: round.id } }, organiser);
    expect(one.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'NOT_ENOUGH_ATTENDEES' });
    expect(one.errors?.[0]?.message).toContain('Only 1 attendee can be matched');
    expect(one.errors?.[0]?.message).toContain('1 not checked in (present: false), 1 without consent to matchmaking');
    // Nothing changed: the round is still a draft, and nothing was published.
    expect(expectData(await t.gql(`query ($id: ID!) { round(id: $id) { status progress { phase } } }`, { id: round.id }, organiser)).round).toEqual({ status: 'DRAFT', progress: null });
    expect((await t.gql(PUBLISH, { id: round.id }, organiser)).errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'ROUND_NOT_GENERATED' });
  });

  it('refuses to publish a draft with no meeting (the only two block each other; or one left the draft)', async () => {
    const { event: { id: eventId }, organiser: { token: organiser } } = await createEventWithOrganiser(t);
    const ann = await createAttendee(t, eventId, { name: 'Ann', present: true });
    const bob = await createAttendee(t, eventId, { name: 'Bob', present: true });
    const annToken = await attendeeToken(t, ann);
    const round = expectData(await t.gql(CREATE_ROUND, { input: { eventId, name: 'Pair', startsAt: nextSlot() } }, organiser)).createRound;
    expectData(await t.gql(GENERATE, { input: { roundId: round.id } }, organiser));
    expect(await waitForRound(t, round.id, organiser)).toMatchObject({ status: 'GENERATED' });
    // Ann withdraws her consent: the draft lets her go, and its only table is dissolved.
    expectData(await t.gql(`mutation { withdrawMatchmakingConsent { consentMatchmaking } }`, {}, annToken));
    const published = await t.gql(PUBLISH, { id: round.id }, organiser);
    expect(published.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'ROUND_EMPTY' });
    expect(expectData(await t.gql(`query ($id: ID!) { round(id: $id) { status } }`, { id: round.id }, organiser)).round.status).toBe('GENERATED');

    expectData(await t.gql(`mutation ($v: String!) { giveMatchmakingConsent(noticeVersion: $v) { consentMatchmaking } }`, { v: '2026-11' }, annToken));
    expectData(await t.gql(`mutation ($a: ID!) { blockAttendee(attendeeId: $a) }`, { a: bob.id }, annToken));
    const blocked = expectData(await t.gql(CREATE_ROUND, { input: { eventId, name: 'Blocked', startsAt: nextSlot() } }, organiser)).createRound;
    expectData(await t.gql(GENERATE, { input: { roundId: blocked.id } }, organiser));
    expect(await waitForRound(t, blocked.id, organiser)).toMatchObject({ status: 'GENERATED' });
    expect((await t.gql(PUBLISH, { id: blocked.id }, organiser)).errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'ROUND_EMPTY' });
  });
});

describe('publishing re-checks the draft', () => {
  let t: TestApp;
  let eventId: string;
  let organiser: string;
  let people: AttendeeFixture[];
  const tokenOf = new Map<string, string>();

  const PUBLISH = `mutation ($id: ID!) { publishRound(roundId: $id) { status } }`;
  const REVIEW = `query ($id: ID!) {
    round(id: $id) {
      status
      draftProblems { meetingId table rule attendeeA attendeeB }
      leftOut { attendeeId reason }
      meetings(first: 100) { edges { node { id table participants { id } } } }
    }
  }`;
  type Review = {
    status: string;
    draftProblems: { meetingId: string; table: string; rule: string; attendeeA: string; attendeeB: string | null }[];
    leftOut: { attendeeId: string; reason: string }[];
    meetings: { edges: { node: { id: string; table: string; participants: { id: string }[] } }[] };
  };
  const review = async (roundId: string): Promise<Review> => expectData(await t.gql(REVIEW, { id: roundId }, organiser)).round;
  const tablesOf = (r: Review) => r.meetings.edges.map(({ node }) => ({ id: node.id, table: node.table, members: node.participants.map((p) => p.id) }));
  const sorted = (a: string, b: string) => (a < b ? [a, b] : [b, a]);

  let roundCount = 0;
  async function draft(): Promise<{ id: string; review: Review }> {
    roundCount += 1;
    const round = expectData(await t.gql(CREATE_ROUND, { input: { eventId, name: `Check ${roundCount}`, startsAt: nextSlot(), oddPolicy: 'BYE' } }, organiser)).createRound;
    expectData(await t.gql(GENERATE, { input: { roundId: round.id } }, organiser));
    expect(await waitForRound(t, round.id, organiser)).toMatchObject({ status: 'GENERATED' });
    const generated = await review(round.id);
    expect(generated.draftProblems).toEqual([]);
    return { id: round.id, review: generated };
  }

  /** Publishing is refused with the review's list, and changes nothing. */
  async function expectRefused(roundId: string, expected: Review['draftProblems']): Promise<void> {
    const listed = (await review(roundId)).draftProblems;
    expect(listed).toEqual(expected);
    const refused = await t.gql(PUBLISH, { id: roundId }, organiser);
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'DRAFT_BREAKS_HARD_RULES', violations: listed });
    // The round has no table names: its tables are "Table <n>", said once.
    expect(refused.errors?.[0]?.message).toContain(`${expected[0]!.rule} at ${expected[0]!.table} (`);
    expect(refused.errors?.[0]?.message).not.toMatch(/\btable\s+table\b/i);
    expect((await review(roundId)).status).toBe('GENERATED');
  }

  /** Publishes, then cancels (a cancelled round frees its pairs for the next case). */
  async function publishAndCancel(roundId: string): Promise<void> {
    expect(expectData(await t.gql(PUBLISH, { id: roundId }, organiser)).publishRound.status).toBe('PUBLISHED');
    expectData(await t.gql(`mutation ($id: ID!) { cancelRound(roundId: $id) { status } }`, { id: roundId }, organiser));
  }

  beforeAll(async () => {
    ({ t, eventId, organiser } = await eventOnFileApp());
    people = [];
    for (const profile of PROFILES.slice(0, 6)) {
      const person = await createAttendee(t, eventId, { ...profile, present: true, languages: ['en'] });
      people.push(person);
      tokenOf.set(person.id, await attendeeToken(t, person));
    }
  });

  it('a block added after generation: refused with the pair, listed in the review; a swap fixes it and publish goes through', async () => {
    const round = await draft();
    const [first, second] = tablesOf(round.review);
    const [x, y] = first!.members as [string, string];
    expectData(await t.gql(`mutation ($a: ID!) { blockAttendee(attendeeId: $a) }`, { a: y }, tokenOf.get(x)));
    const [a, b] = sorted(x, y);
    await expectRefused(round.id, [{ meetingId: first!.id, table: first!.table, rule: 'blocked', attendeeA: a!, attendeeB: b! }]);
    // Nobody saw the draft.
    expect(expectData(await t.gql(`{ myMeetings { id } }`, {}, tokenOf.get(x))).myMeetings).toEqual([]);
    expectData(await t.gql(`mutation ($input: SwapAttendeesInput!) { swapAttendees(input: $input) { id } }`, { input: { roundId: round.id, attendeeA: y, attendeeB: second!.members[0] } }, organiser));
    expect((await review(round.id)).draftProblems).toEqual([]);
    await publishAndCancel(round.id);
  });

  it('a check-out after generation: refused; generating again leaves them out and publishes', async () => {
    const round = await draft();
    const [first] = tablesOf(round.review);
    const [x, y] = first!.members as [string, string];
    expectData(await t.gql(`mutation { setMyPresence(present: false) { present } }`, {}, tokenOf.get(x)));
    await expectRefused(round.id, [{ meetingId: first!.id, table: first!.table, rule: 'not-present', attendeeA: x, attendeeB: y }]);
    expectData(await t.gql(GENERATE, { input: { roundId: round.id, regenerate: true } }, organiser));
    expect(await waitForRound(t, round.id, organiser)).toMatchObject({ status: 'GENERATED' });
    const again = await review(round.id);
    expect(again.draftProblems).toEqual([]);
    expect(again.leftOut).toContainEqual({ attendeeId: x, reason: 'NOT_PRESENT' });
    await publishAndCancel(round.id);
    expectData(await t.gql(`mutation { setMyPresence(present: true) { present } }`, {}, tokenOf.get(x)));
  });

  it('an opt-out of the round after generation: refused; rejoining clears the warning', async () => {
    const round = await draft();
    const [first] = tablesOf(round.review);
    const [x, y] = first!.members as [string, string];
    expect(expectData(await t.gql(`mutation ($r: ID!) { optOutOfRound(roundId: $r) }`, { r: round.id }, tokenOf.get(y))).optOutOfRound).toBe(true);
    await expectRefused(round.id, [{ meetingId: first!.id, table: first!.table, rule: 'opted-out', attendeeA: y, attendeeB: x }]);
    expectData(await t.gql(`mutation ($r: ID!) { optOutOfRound(roundId: $r, optOut: false) }`, { r: round.id }, tokenOf.get(y)));
    await publishAndCancel(round.id);
  });

  it('consent withdrawn after generation (by the organiser, e.g. from a re-import): refused; the attendee withdrawing it themself leaves the draft', async () => {
    const round = await draft();
    const [first, second] = tablesOf(round.review);
    const [x, y] = first!.members as [string, string];
    expectData(await t.gql(`mutation ($input: UpdateAttendeeInput!) { updateAttendee(input: $input) { attendee { id } } }`, { input: { id: x, consentMatchmaking: false } }, organiser));
    await expectRefused(round.id, [{ meetingId: first!.id, table: first!.table, rule: 'no-consent', attendeeA: x, attendeeB: y }]);
    expectData(await t.gql(`mutation ($input: UpdateAttendeeInput!) { updateAttendee(input: $input) { attendee { id } } }`, { input: { id: x, consentMatchmaking: true } }, organiser));
    expect((await review(round.id)).draftProblems).toEqual([]);
    // Withdrawn by the attendee: the draft lets them go at once (their table is dissolved), so there is nothing stale to warn about.
    const [z] = second!.members as [string, string];
    expectData(await t.gql(`mutation { withdrawMatchmakingConsent { consentMatchmaking } }`, {}, tokenOf.get(z)));
    const after = await review(round.id);
    expect(after.draftProblems).toEqual([]);
    expect(tablesOf(after).flatMap((table) => table.members)).not.toContain(z);
    await publishAndCancel(round.id);
    expectData(await t.gql(`mutation ($v: String!) { giveMatchmakingConsent(noticeVersion: $v) { consentMatchmaking } }`, { v: '2026-11' }, tokenOf.get(z)));
  });

  it('a partner deleted after generation leaves someone alone at a table: refused', async () => {
    const extra: AttendeeFixture[] = [];
    for (const name of ['Barbara', 'Donald']) extra.push(await createAttendee(t, eventId, { name, present: true, interests: ['compilers'], languages: ['en'] }));
    const round = await draft();
    const table = tablesOf(round.review).find((each) => each.members.some((id) => id === extra[0]!.id))!;
    const partner = table.members.find((id) => id !== extra[0]!.id)!;
    expectData(await t.gql(`mutation ($id: ID!) { deleteAttendee(id: $id) }`, { id: extra[0]!.id }, organiser));
    await expectRefused(round.id, [{ meetingId: table.id, table: table.table, rule: 'alone', attendeeA: partner, attendeeB: null }]);
    expectData(await t.gql(`mutation ($id: ID!) { cancelRound(roundId: $id) { status } }`, { id: round.id }, organiser));
    expectData(await t.gql(`mutation ($id: ID!) { deleteAttendee(id: $id) }`, { id: extra[1]!.id }, organiser));
  });

  it('a rule an organiser overrode on purpose (forced, with a reason) does not stop publishing; a new rule for that pair does', async () => {
    const round = await draft();
    const [first, second] = tablesOf(round.review);
    const [x] = first!.members as [string, string];
    const [z] = second!.members as [string, string];
    // x has blocked z; the organiser seats them together anyway, with a reason.
    expectData(await t.gql(`mutation ($a: ID!) { blockAttendee(attendeeId: $a) }`, { a: z }, tokenOf.get(x)));
    const partnerOfX = first!.members.find((id) => id !== x)!;
    const forced = await t.gql(
      `mutation ($input: SwapAttendeesInput!) { swapAttendees(input: $input) { id } }`,
      { input: { roundId: round.id, attendeeA: partnerOfX, attendeeB: z, force: true, reason: 'they made up at the desk' } },
      organiser,
    );
    expectData(forced);
    expect((await review(round.id)).draftProblems).toEqual([]);
    // Then z checks out: that is new, and nobody overrode it.
    expectData(await t.gql(`mutation { setMyPresence(present: false) { present } }`, {}, tokenOf.get(z)));
    const problems = (await review(round.id)).draftProblems;
    expect(problems).toEqual([{ meetingId: first!.id, table: first!.table, rule: 'not-present', attendeeA: z, attendeeB: x }]);
    expectData(await t.gql(`mutation { setMyPresence(present: true) { present } }`, {}, tokenOf.get(z)));
    await publishAndCancel(round.id);
  });

  it('the warning is for the organisers of the event', async () => {
    const round = await draft();
    const { organiser: { token: stranger } } = await createEventWithOrganiser(t);
    const foreign = await t.gql(`query ($id: ID!) { round(id: $id) { draftProblems { rule } } }`, { id: round.id }, stranger);
    expect(foreign.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expectData(await t.gql(PUBLISH, { id: round.id }, organiser));
    const asAttendee = await t.gql(`query ($id: ID!) { round(id: $id) { draftProblems { rule } } }`, { id: round.id }, tokenOf.get(people[0]!.id));
    expect(asAttendee.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(asAttendee.data?.round ?? null).toBeNull();
  });
});
