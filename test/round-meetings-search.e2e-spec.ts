import { attendeeToken, createAttendee, createEvent, createOrganiser, expectData, runRound, seedConference, startTestApp, type AttendeeFixture, type TestApp } from '@pairwise/testing';

const MEETINGS = `query ($id: ID!, $first: Int!, $after: String, $search: String) {
  round(id: $id) { meetings(first: $first, after: $after, search: $search) { edges { cursor node { id table tableNumber participants { id name email company } } } pageInfo { hasNextPage endCursor } } }
}`;

interface Table {
  id: string;
  table: string;
  tableNumber: number;
  participants: { id: string; name: string; email: string; company: string | null }[];
}

describe("searching a round's tables (Round.meetings(search:)), across the whole round", () => {
  let t: TestApp;
  let organiser: string;
  let roundId: string;
  let everyTable: Table[];
  let zephyrine: AttendeeFixture;
  let attendee: AttendeeFixture;
  let eventId: string;

  /** Every page of the round's tables, `first` at a time, for a search (or none). */
  const allPages = async (search: string | null, first: number, token = organiser): Promise<Table[]> => {
    const tables: Table[] = [];
    let after: string | null = null;
    for (;;) {
      const page: { edges: { node: Table }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } = expectData(
        await t.gql(MEETINGS, { id: roundId, first, after, search }, token),
      ).round.meetings;
      tables.push(...page.edges.map((edge) => edge.node));
      if (!page.pageInfo.hasNextPage) return tables;
      after = page.pageInfo.endCursor;
    }
  };
  const tablesWith = (predicate: (person: Table['participants'][number]) => boolean) => everyTable.filter((table) => table.participants.some(predicate)).map((table) => table.id);

  beforeAll(async () => {
    t = await startTestApp();
    ({ id: eventId } = await createEvent(t));
    organiser = (await createOrganiser(t, eventId)).token;
    await seedConference(t.database.url, eventId, 150, 'meetings-search');
    zephyrine = await createAttendee(t, eventId, { name: 'Zéphyrine Quartermaine', email: 'zq@quarter.example', company: 'Acme%Co', present: true, consentMatchmaking: true, languages: ['en'], interests: ['rag'] });
    attendee = await createAttendee(t, eventId, { name: 'Odile Percent', company: 'Under_Score Ltd', present: true, consentMatchmaking: true, languages: ['en'], interests: ['rag'] });
    roundId = await runRound(t, organiser, { eventId, name: 'Search', startsAt: '2030-06-01T09:00:00Z', tables: ['Patio 1', 'Patio 2', 'Patio 3'] }, { publish: true });
    everyTable = await allPages(null, 100);
  });
  afterAll(() => t?.close());

  it('finds a person by a part of their name, email or company, whatever its case, on whichever page their table is', async () => {
    expect(everyTable.length).toBeGreaterThan(60);
    const hers = tablesWith((person) => person.id === zephyrine.id);
    expect(hers).toHaveLength(1);
    for (const search of ['quartermaine', 'Zéphyrine QUARTER', 'zq@quarter', 'acme%co']) {
      // Ten tables a page: her table is found by the first page of the search, wherever it sits.
      const page = expectData(await t.gql(MEETINGS, { id: roundId, first: 10, search }, organiser)).round.meetings;
      expect({ search, found: page.edges.map((edge: { node: Table }) => edge.node.id), more: page.pageInfo.hasNextPage }).toEqual({ search, found: hers, more: false });
    }
    // Someone at the round's last table, far past the first page of ten.
    const last = everyTable.at(-1)!;
    expect(everyTable.indexOf(last)).toBeGreaterThan(50);
    const page = expectData(await t.gql(MEETINGS, { id: roundId, first: 10, search: last.participants[0]!.email.toUpperCase() }, organiser)).round.meetings;
    expect(page.edges.map((edge: { node: Table }) => edge.node.id)).toEqual([last.id]);
  });

  it("takes what the organiser typed literally: LIKE's % and _ match only themselves", async () => {
    expect((await allPages('%co', 50)).map((table) => table.id)).toEqual(tablesWith((person) => person.id === zephyrine.id));
    expect((await allPages('r_s', 50)).map((table) => table.id)).toEqual(tablesWith((person) => person.id === attendee.id));
  });

  it("finds a table by its label, and pages through a search that matches many, each table once, in the round's order", async () => {
    expect((await allPages('patio 2', 50)).map((table) => table.table)).toEqual(['Patio 2']);
    const seeded = await allPages('@seeded.pairwise', 7);
    expect(seeded.map((table) => table.id)).toEqual(tablesWith((person) => person.email.endsWith('@seeded.pairwise.test')));
    expect(seeded.length).toBeGreaterThan(14); // more than two pages of seven
  });

  it('treats a blank search as none, and an empty result as an empty page', async () => {
    expect(await allPages('   ', 100)).toEqual(everyTable);
    expect(expectData(await t.gql(MEETINGS, { id: roundId, first: 10, search: 'nobody-is-called-this' }, organiser)).round.meetings).toEqual({ edges: [], pageInfo: { hasNextPage: false, endCursor: null } });
  });

  it('refuses a search that is too long or holds a NUL character, in words (BAD_USER_INPUT, the field named)', async () => {
    for (const search of ['x'.repeat(201), 'ada\u0000']) {
      const response = await t.gql(MEETINGS, { id: roundId, first: 10, search }, organiser);
      expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'VALIDATION_FAILED', fields: [expect.objectContaining({ field: 'search' })] });
    }
    expect(expectData(await t.gql(MEETINGS, { id: roundId, first: 10, search: 'x'.repeat(200) }, organiser)).round.meetings.edges).toEqual([]);
  });

  it("is for the round's organisers only: an attendee of the event and another event's organiser search nothing", async () => {
    const asAttendee = await t.gql(MEETINGS, { id: roundId, first: 10, search: 'quartermaine' }, await attendeeToken(t, attendee));
    expect(asAttendee.data?.round?.meetings ?? null).toBeNull();
    expect(asAttendee.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const stranger = (await createOrganiser(t, (await createEvent(t)).id)).token;
    const asStranger = await t.gql(MEETINGS, { id: roundId, first: 10, search: 'quartermaine' }, stranger);
    expect(asStranger.data?.round ?? null).toBeNull();
    expect(asStranger.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });
});
