import { createClient } from 'graphql-ws';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import WebSocket from 'ws';
import { AttendeesRepository } from '../apps/api/src/attendees/attendees.repository';
import { EventsRepository } from '../apps/api/src/events/events.repository';
import { AttendeeErasure } from '../apps/api/src/privacy/erasure';
import { RetentionService } from '../apps/api/src/privacy/retention.service';
import { attendeeToken, createAttendee, createEvent, createEventWithOrganiser, expectData, runRound, startEventApp, type AttendeeFixture, type TestApp } from '@pairwise/testing';

/** Every row of every table, as text, that contains `needle` (case-insensitive). */
async function findEverywhere(url: string, needle: string): Promise<string[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows: tables } = await client.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`,
    );
    const hits: string[] = [];
    for (const { table_name: table } of tables) {
      const { rows } = await client.query(`SELECT t::text AS row FROM "${table}" t WHERE t::text ILIKE $1`, [`%${needle}%`]);
      hits.push(...rows.map((row) => `${table}: ${row.row}`));
    }
    return hits;
  } finally {
    await client.end();
  }
}

describe('privacy: consent, access, erasure, retention', () => {
  let t: TestApp;
  let eventId: string;
  let organiser: string;
  let zoe: AttendeeFixture;
  let zoeToken: string;
  let partner: AttendeeFixture;
  let partnerToken: string;

  const generateAndPublish = (name: string, publish = true) =>
    runRound(t, organiser, { eventId, name, startsAt: '2026-01-08T10:00:00Z' }, { publish });

  beforeAll(async () => {
    ({ t, event: { id: eventId }, organiser: { token: organiser } } = await startEventApp({ event: { startsOn: '2026-01-08', endsOn: '2026-01-10', retentionDays: 30 } }));
    zoe = await createAttendee(t, eventId, { name: 'Zoë Quintessa-Marlowe', email: 'zoe.marlowe@example.org', company: 'Zeta Labs', present: true, consentMatchmaking: false });
    partner = await createAttendee(t, eventId, { name: 'Pat Partner', present: true });
    zoeToken = await attendeeToken(t, zoe);
    partnerToken = await attendeeToken(t, partner);
  });
  afterAll(() => t?.close());

  it('records an explicit opt-in with its time and notice version', async () => {
    const me = expectData(await t.gql(`mutation { giveMatchmakingConsent(noticeVersion: "2026-11") { consentMatchmaking consentAt } }`, {}, zoeToken)).giveMatchmakingConsent;
    expect(me.consentMatchmaking).toBe(true);
    expect(new Date(me.consentAt).getTime()).toBeGreaterThan(Date.now() - 60_000);
    const profile = expectData(await t.gql(`{ myProfile { consentMatchmaking } exportMyData }`, {}, zoeToken));
    expect(profile.exportMyData.consent).toMatchObject({ matchmaking: true, noticeVersion: '2026-11' });
  });

  it('withdrawing takes the attendee out of unpublished drafts and every later round', async () => {
    const draft = await generateAndPublish('Draft round', false);
    expectData(await t.gql(`mutation { withdrawMatchmakingConsent { consentMatchmaking } }`, {}, zoeToken));
    const round = expectData(await t.gql(`query ($id: ID!) { round(id: $id) { leftOut { attendeeId reason } meetings { edges { node { participants { id } } } } } }`, { id: draft }, organiser)).round;
    expect(round.meetings.edges).toEqual([]); // two people: the table is dissolved
    expect(round.leftOut).toEqual(expect.arrayContaining([{ attendeeId: zoe.id, reason: 'NO_CONSENT' }]));
    expectData(await t.gql(`mutation ($id: ID!) { cancelRound(roundId: $id) { status } }`, { id: draft }, organiser));
    // A later round leaves her out: Pat alone cannot be matched, and the refusal says why.
    const later = expectData(
      await t.gql(`mutation ($input: CreateRoundInput!) { createRound(input: $input) { id } }`, { input: { eventId, name: 'Later round', startsAt: '2026-01-08T10:00:00Z' } }, organiser),
    ).createRound;
    const refused = await t.gql(`mutation ($input: GenerateRoundInput!) { generateRound(input: $input) { id } }`, { input: { roundId: later.id } }, organiser);
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'NOT_ENOUGH_ATTENDEES' });
    expect(refused.errors?.[0]?.message).toContain('Only 1 attendee can be matched in this round; it takes 2 who are present, consent to matchmaking and did not opt out (the others: 1 without consent to matchmaking)');
    expectData(await t.gql(`mutation ($id: ID!) { cancelRound(roundId: $id) { status } }`, { id: later.id }, organiser));
    expectData(await t.gql(`mutation { giveMatchmakingConsent(noticeVersion: "2026-11") { consentMatchmaking } }`, {}, zoeToken));
  });

  it('exports the attendee’s own data — and nothing private of anyone else', async () => {
    await generateAndPublish('Round 1');
    const [meeting] = expectData(await t.gql(`{ myMeetings { id } }`, {}, zoeToken)).myMeetings;
    expectData(await t.gql(`mutation ($m: ID!) { submitFeedback(input: {meetingId: $m, met: true, rating: 4, note: "zoe private note"}) { met } }`, { m: meeting.id }, zoeToken));
    expectData(await t.gql(`mutation ($m: ID!) { submitFeedback(input: {meetingId: $m, met: true, rating: 2, note: "partner private note"}) { met } }`, { m: meeting.id }, partnerToken));
    const third = await createAttendee(t, eventId, { name: 'Third Person' });
    expectData(await t.gql(`mutation ($a: ID!) { blockAttendee(attendeeId: $a) }`, { a: third.id }, partnerToken));
    expectData(await t.gql(`mutation ($a: ID!) { wishToMeet(attendeeId: $a) }`, { a: partner.id }, zoeToken));
    const data = expectData(await t.gql(`{ exportMyData }`, {}, zoeToken)).exportMyData;
    expect(data.profile).toMatchObject({ name: 'Zoë Quintessa-Marlowe', email: 'zoe.marlowe@example.org', company: 'Zeta Labs' });
    expect(data.wishes).toEqual([{ attendeeId: partner.id, createdAt: expect.any(String) }]);
    expect(data.feedbackGiven).toEqual([expect.objectContaining({ rating: 4, note: 'zoe private note' })]);
    expect(data.meetings[0].partners[0]).toMatchObject({ id: partner.id, name: 'Pat Partner', email: null });
    const text = JSON.stringify(data);
    expect(text).not.toContain('partner private note');
    expect(text).not.toContain(third.id); // the partner's block
    expect(text).not.toContain('calendarTokenHash');
  });

  it('erases the person: nothing in the database identifies them; partners keep the meeting as “Deleted attendee”', async () => {
    expectData(await t.gql(`mutation { issueCalendarFeed { url } }`, {}, zoeToken));
    expect(expectData(await t.gql(`mutation { deleteMyData }`, {}, zoeToken)).deleteMyData).toBe(true);
    for (const needle of ['Quintessa', 'zoe.marlowe@example.org', 'Zeta Labs', 'zoe private note']) {
      expect(await findEverywhere(t.database.url, needle)).toEqual([]);
    }
    const afterwards = await t.gql(`{ myProfile { name } }`, {}, zoeToken);
    expect(afterwards.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const [meeting] = expectData(await t.gql(`{ myMeetings { partners { id name } sentence } }`, {}, partnerToken)).myMeetings;
    expect(meeting.partners).toEqual([{ id: zoe.id, name: 'Deleted attendee' }]);
    expect(meeting.sentence).not.toContain('Zoë');
    const client = new Client({ connectionString: t.database.url });
    await client.connect();
    const { rows } = await client.query(`SELECT rating FROM feedback WHERE attendee_id = $1`, [zoe.id]);
    await client.end();
    expect(rows).toEqual([{ rating: 4 }]); // aggregate statistics keep their numbers
  });

  describe('erasure edits no text: meetings store ids, texts are rendered when read', () => {
    /** A fresh event with these people, one published round, and what each sees; tokens by name. */
    async function meetingOf(people: Record<string, Record<string, unknown>>) {
      const { event: { id: event }, organiser: { token: staff } } = await createEventWithOrganiser(t, { startsOn: '2026-01-08', endsOn: '2026-01-10' });
      const fixtures: Record<string, AttendeeFixture> = {};
      const tokens: Record<string, string> = {};
      for (const [key, profile] of Object.entries(people)) {
        fixtures[key] = await createAttendee(t, event, { present: true, interests: ['rag'], ...profile });
        tokens[key] = await attendeeToken(t, fixtures[key]!);
      }
      const roundId = await runRound(t, staff, { eventId: event, name: 'Round', startsAt: '2026-01-08T10:00:00Z' });
      return { staff, fixtures, tokens, roundId };
    }
    const roundView = async (staff: string, roundId: string) =>
      expectData(
        await t.gql(
          `query ($id: ID!) { round(id: $id) { meetings { edges { node { id participants { id name } reasons { attendeeA attendeeB score sharedInterests } sentence openingQuestion } } } } }`,
          { id: roundId },
          staff,
        ),
      ).round.meetings.edges.map((edge: { node: unknown }) => edge.node);
    const myMeetings = async (token: string) =>
      expectData(await t.gql(`{ myMeetings { id partners { id name } reasons { attendeeA attendeeB score sharedInterests } sentence openingQuestion } }`, {}, token)).myMeetings;
    const meetingRows = async (ids: string[]) => {
      const client = new Client({ connectionString: t.database.url });
      await client.connect();
      try {
        return (await client.query(`SELECT m.id, row_to_json(m)::text AS row, m.reasons FROM meetings m WHERE m.id = ANY($1::uuid[]) ORDER BY m.id`, [ids])).rows;
      } finally {
        await client.end();
      }
    };

    it('an attendee renamed “score” erases, and their partner and the organisers still read the meeting', async () => {
      const { staff, tokens, roundId } = await meetingOf({ sam: { name: 'Sam Scorer' }, pat: { name: 'Pat Reader' } });
      expectData(await t.gql(`mutation { updateMyProfile(input: {name: "score"}) { attendee { name } } }`, {}, tokens.sam));
      expect(expectData(await t.gql(`mutation { deleteMyData }`, {}, tokens.sam)).deleteMyData).toBe(true);
      const [seen] = await myMeetings(tokens.pat!);
      expect(seen.reasons).toEqual([expect.objectContaining({ score: expect.any(Number) })]);
      expect(seen.sentence).toBe('You and Deleted attendee have not met yet and may find common ground.');
      const [table] = await roundView(staff, roundId);
      expect(table.reasons[0].score).toEqual(expect.any(Number));
      expect(table.sentence).toContain('Deleted attendee');
      // Once the round is closed the table took place: nobody reads that they "have not met yet".
      expectData(await t.gql(`mutation ($id: ID!) { closeRound(roundId: $id) { status } }`, { id: roundId }, staff));
      expect((await myMeetings(tokens.pat!))[0].sentence).toBe('You and Deleted attendee were seated together to find common ground.');
      expect((await roundView(staff, roundId))[0].sentence).toMatch(/^(Deleted attendee and Pat Reader|Pat Reader and Deleted attendee) were seated together to find common ground\.$/);
    });

    it('erasing “Ed” leaves “Edward Norton” whole, and touches no other meeting', async () => {
      const { staff, fixtures, tokens, roundId } = await meetingOf({
        ed: { name: 'Ed', interests: ['rag', 'agents'] },
        edward: { name: 'Edward Norton', interests: ['rag', 'agents'] },
        ana: { name: 'Ana Other', interests: ['evals'] },
        bo: { name: 'Bo Other', interests: ['evals'] },
      });
      const before = await roundView(staff, roundId);
      expect(before.map((m: { participants: { name: string }[] }) => m.participants.map((p) => p.name).sort())).toEqual(
        expect.arrayContaining([['Ed', 'Edward Norton'], ['Ana Other', 'Bo Other']]),
      );
      const rowsBefore = await meetingRows(before.map((m: { id: string }) => m.id));
      expect(expectData(await t.gql(`mutation { deleteMyData }`, {}, tokens.ed)).deleteMyData).toBe(true);
      const after = await roundView(staff, roundId);
      const theirs = after.find((m: { participants: { id: string }[] }) => m.participants.some((p) => p.id === fixtures.ed!.id));
      // The two in id order: either may come first.
      expect(theirs.sentence).toMatch(/^(Deleted attendee and Edward Norton|Edward Norton and Deleted attendee) have not met yet and may find common ground\.$/);
      expect(JSON.stringify(after)).not.toMatch(/attendeeward/);
      const [edwardSees] = await myMeetings(tokens.edward!);
      expect(edwardSees.sentence).toBe('You and Deleted attendee have not met yet and may find common ground.');
      // By id: the other table's row is byte for byte what it was; theirs keeps its ids and score only.
      const rowsAfter = await meetingRows(before.map((m: { id: string }) => m.id));
      const other = (rows: { id: string; row: string }[]) => rows.find((r) => r.id !== theirs.id)!.row;
      expect(other(rowsAfter)).toBe(other(rowsBefore));
      const stripped = rowsAfter.find((r: { id: string }) => r.id === theirs.id)!.reasons;
      expect(stripped).toEqual([{ a: expect.any(String), b: expect.any(String), score: expect.any(Number), variant: expect.any(Number) }]);
    });

    it('an attendee named “1” can erase: the data goes and the token stops working', async () => {
      const { fixtures, tokens } = await meetingOf({ one: { name: '1' }, pat: { name: 'Pat Reader' } });
      expect(expectData(await t.gql(`mutation { deleteMyData }`, {}, tokens.one)).deleteMyData).toBe(true);
      expect((await t.gql(`{ myProfile { name } }`, {}, tokens.one)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      const [seen] = await myMeetings(tokens.pat!);
      expect(seen.partners).toEqual([{ id: fixtures.one!.id, name: 'Deleted attendee' }]);
    });

    it('every name a person ever had is gone from the meetings after erasure (rows read by id)', async () => {
      const { staff, tokens, roundId } = await meetingOf({ quokka: { name: 'Oldname Quokka' }, pat: { name: 'Pat Reader' } });
      expectData(await t.gql(`mutation { updateMyProfile(input: {name: "Newname Wombat"}) { attendee { name } } }`, {}, tokens.quokka));
      const [table] = await roundView(staff, roundId);
      expect(table.participants.map((p: { name: string }) => p.name)).toContain('Newname Wombat'); // rendered with the name of now
      expect(JSON.stringify(await meetingRows([table.id]))).not.toMatch(/Quokka|Wombat|Pat Reader/); // never stored
      expect(expectData(await t.gql(`mutation { deleteMyData }`, {}, tokens.quokka)).deleteMyData).toBe(true);
      const rows = await meetingRows([table.id]);
      expect(rows).toHaveLength(1);
      expect(JSON.stringify(rows)).not.toMatch(/Quokka|Wombat|Oldname|Newname/);
      for (const needle of ['Oldname Quokka', 'Newname Wombat']) expect(await findEverywhere(t.database.url, needle)).toEqual([]);
      const [seen] = await myMeetings(tokens.pat!);
      expect(JSON.stringify(seen)).not.toMatch(/Quokka|Wombat/);
    });
  });

  describe('a partner sees only what the attendee shares', () => {
    it('builds reasons, sentence, opening question, the .ics and meetingAssigned from what both share, in the vocabulary’s words', async () => {
      const { event: { id: event }, organiser: { token: staff } } = await createEventWithOrganiser(t, {
        startsOn: '2026-01-08',
        endsOn: '2026-01-10',
        vocabulary: [{ slug: 'rag', label: 'RAG' }, { slug: 'zebra-secrets', label: 'Zebra secrets' }, { slug: 'otter-funding', label: 'Otter funding' }, { slug: 'walrus-advice', label: 'Walrus advice' }],
      });
      // Priya shares nothing; Sam shares everything, and wants what Priya offers, and offers what she wants.
      const priya = await createAttendee(t, event, {
        name: 'Priya Private', present: true, sharedFields: [], interests: ['zebra-secrets'], lookingFor: ['otter-funding'], canOffer: ['walrus-advice'], languages: ['fi'],
      });
      const sam = await createAttendee(t, event, {
        name: 'Sam Sharer', present: true, sharedFields: ['name', 'interests', 'lookingFor', 'canOffer', 'languages', 'role', 'company', 'stack'],
        interests: ['zebra-secrets'], lookingFor: ['walrus-advice'], canOffer: ['otter-funding'], languages: ['fi', 'en'],
      });
      const ada = await createAttendee(t, event, { name: 'Ada Open', present: true, sharedFields: ['name', 'interests'], interests: ['rag'] });
      await createAttendee(t, event, { name: 'Grace Open', present: true, sharedFields: ['name', 'interests'], interests: ['rag'] });
      const samToken = await attendeeToken(t, sam);
      const adaToken = await attendeeToken(t, ada);

      const url = await t.listen();
      const client = createClient({ url: url.replace('http', 'ws') + '/graphql', webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${samToken}` }, retryAttempts: 0 });
      const pushed: Record<string, any>[] = [];
      try {
        const started = new Promise<void>((resolve) => client.on('connected', () => resolve()));
        client.subscribe(
          { query: `subscription { meetingAssigned { partners { id name interests } reasons { sharedInterests aSeeksBOffers bSeeksAOffers commonLanguages sharedStack } sentence openingQuestion } }` },
          { next: (message) => void pushed.push(message.data as Record<string, any>), error: () => undefined, complete: () => undefined },
        );
        await started;
        // Subscribed first: generating the round takes far longer than the server needs to register it.
        const roundId = await runRound(t, staff, { eventId: event, name: 'Round', startsAt: '2026-01-08T10:00:00Z' }, { publish: false });
        expectData(await t.gql(`mutation ($id: ID!) { publishRound(roundId: $id) { status } }`, { id: roundId }, staff));
        const deadline = Date.now() + 60_000;
        while (!pushed.length && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
      } finally {
        await client.dispose();
      }
      const [seen] = expectData(
        await t.gql(`{ myMeetings { partners { id name interests } reasons { sharedInterests aSeeksBOffers bSeeksAOffers commonLanguages sharedStack } sentence openingQuestion } }`, {}, samToken),
      ).myMeetings;
      const feedUrl = new URL(expectData(await t.gql(`mutation { issueCalendarFeed { url } }`, {}, samToken)).issueCalendarFeed.url);
      const ics = (await t.http().get(feedUrl.pathname + feedUrl.search).expect(200)).text;
      const description = /DESCRIPTION:([\s\S]*?)\r\n[A-Z-]+[:;]/.exec(ics)?.[1]?.replace(/\r\n /g, '') ?? '';

      expect(seen.partners).toEqual([{ id: priya.id, name: null, interests: null }]);
      expect(seen.reasons).toEqual([{ sharedInterests: [], aSeeksBOffers: [], bSeeksAOffers: [], commonLanguages: [], sharedStack: [] }]);
      expect(seen.sentence).toBe('You and a fellow attendee have not met yet and may find common ground.');
      expect(pushed).toHaveLength(1);
      expect(pushed[0]!.meetingAssigned).toEqual(seen);
      expect(description).toContain(seen.sentence);
      for (const text of [JSON.stringify(seen), JSON.stringify(pushed), ics]) {
        expect(text).not.toMatch(/zebra|otter|walrus|Priya/i);
      }

      // Both share their interests: the sentence says so, to "you", with the vocabulary's label.
      const [adaSees] = expectData(await t.gql(`{ myMeetings { reasons { sharedInterests } sentence openingQuestion } }`, {}, adaToken)).myMeetings;
      expect(adaSees.reasons).toEqual([{ sharedInterests: ['rag'] }]);
      expect(adaSees.sentence).toBe('You and Grace Open both care about RAG.');
      expect(adaSees.openingQuestion).toContain('RAG');
      // The report filters the same way, and writes labels too.
      const report = expectData(await t.gql(`query ($e: ID!) { pairingReport(eventId: $e) { edges { node { topReasons } } } }`, { e: event }, staff)).pairingReport;
      const reasons = report.edges.map((edge: { node: { topReasons: string[] } }) => edge.node.topReasons);
      expect(reasons).toContainEqual(['shared interests: RAG']);
      expect(JSON.stringify(reasons)).not.toMatch(/zebra|otter|walrus/i);
    });
  });

  it('anonymises every attendee once the event’s retention period is over (injected clock)', async () => {
    const dataSource = t.app.get(DataSource);
    const at = (iso: string) => new RetentionService(dataSource, { now: () => new Date(iso) }, t.app.get(EventsRepository), t.app.get(AttendeesRepository), t.app.get(AttendeeErasure));
    expect(await at('2026-02-09T12:00:00Z').anonymiseExpiredEvents()).toEqual([]); // ends 2026-01-10 + 30 days: not yet
    expect(await findEverywhere(t.database.url, 'Pat Partner')).not.toEqual([]);
    expect(await at('2026-02-10T00:00:01Z').anonymiseExpiredEvents()).toEqual([eventId]);
    expect(await findEverywhere(t.database.url, 'Pat Partner')).toEqual([]);
    expect(await at('2026-03-01T00:00:00Z').anonymiseExpiredEvents()).toEqual([]); // done once
  });

  it('anonymises an event once when several API processes run the job at the same moment', async () => {
    const { id: otherEvent } = await createEvent(t, { startsOn: '2026-04-01', endsOn: '2026-04-02', retentionDays: 1 });
    await createAttendee(t, otherEvent, { name: 'Rhea Concurrent', email: 'rhea@example.org' });
    const dataSource = t.app.get(DataSource);
    const process = () => new RetentionService(dataSource, { now: () => new Date('2026-04-05T00:00:00Z') }, t.app.get(EventsRepository), t.app.get(AttendeesRepository), t.app.get(AttendeeErasure)).anonymiseExpiredEvents();
    const runs = await Promise.all([process(), process(), process()]);
    expect(runs.flat()).toEqual([otherEvent]);
    expect(await findEverywhere(t.database.url, 'Rhea Concurrent')).toEqual([]);
  });
});
