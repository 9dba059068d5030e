import { attendeeToken, createAttendee, createEvent, createOrganiser, expectData, startTestApp, waitForRound, type TestApp } from '@pairwise/testing';

const UPCOMING = `{ myUpcomingRounds { id name startsAt startsAtLocal endsAt endsAtLocal durationMinutes timeZone optedOut } }`;

/** myUpcomingRounds: the rounds an attendee may still sit out (optOutOfRound), and their own choice for each. */
describe('myUpcomingRounds', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t?.close());

  it('lists the rounds not yet published nor ended, in time order, each with the caller’s own opt-out', async () => {
    const event = await createEvent(t, { timeZone: 'Europe/Paris', startsOn: '2030-06-01', endsOn: '2030-06-02' });
    const organiser = (await createOrganiser(t, event.id)).token;
    // Four people: each of the two generated drafts can seat everyone with someone new.
    const [ada, grace] = await Promise.all(['Ada', 'Grace', 'Alan', 'Katherine'].map((name) => createAttendee(t, event.id, { name, present: true })));
    const [adaToken, graceToken] = await Promise.all([attendeeToken(t, ada!), attendeeToken(t, grace!)]);
    const round = async (name: string, startsAt: string) =>
      expectData(
        await t.gql(`mutation ($input: CreateRoundInput!) { createRound(input: $input) { id } }`, { input: { eventId: event.id, name, startsAt, durationMinutes: 20, tables: ['A1'] } }, organiser),
      ).createRound.id as string;
    // Created out of order: the list is in time order.
    const afternoon = await round('Afternoon', '2030-06-01T14:00:00Z');
    const morning = await round('Morning', '2030-06-01T09:00:00Z');
    const generated = await round('Generated', '2030-06-02T09:00:00Z');
    const published = await round('Published', '2030-06-01T11:00:00Z');
    const cancelled = await round('Cancelled', '2030-06-01T12:00:00Z');
    for (const id of [generated, published]) {
      expectData(await t.gql(`mutation ($r: ID!) { generateRound(input: {roundId: $r}) { status } }`, { r: id }, organiser));
      expect(await waitForRound(t, id, organiser)).toMatchObject({ status: 'GENERATED' });
    }
    expectData(await t.gql(`mutation ($r: ID!) { publishRound(roundId: $r) { status } }`, { r: published }, organiser));
    expectData(await t.gql(`mutation ($r: ID!) { cancelRound(roundId: $r) { status } }`, { r: cancelled }, organiser));
    // A round of another event is not this attendee's business.
    const other = await createEvent(t, { startsOn: '2030-06-01', endsOn: '2030-06-02' });
    const otherOrganiser = (await createOrganiser(t, other.id)).token;
    expectData(
      await t.gql(`mutation ($input: CreateRoundInput!) { createRound(input: $input) { id } }`, { input: { eventId: other.id, name: 'Elsewhere', startsAt: '2030-06-01T10:00:00Z', durationMinutes: 20, tables: ['A1'] } }, otherOrganiser),
    );

    expect(expectData(await t.gql(`mutation ($r: ID!) { optOutOfRound(roundId: $r) }`, { r: afternoon }, adaToken)).optOutOfRound).toBe(true);
    const mine = expectData(await t.gql(UPCOMING, {}, adaToken)).myUpcomingRounds;
    expect(mine).toEqual([
      {
        id: morning,
        name: 'Morning',
        startsAt: '2030-06-01T09:00:00.000Z',
        startsAtLocal: '2030-06-01T11:00:00+02:00',
        endsAt: '2030-06-01T09:20:00.000Z',
        endsAtLocal: '2030-06-01T11:20:00+02:00',
        durationMinutes: 20,
        timeZone: 'Europe/Paris',
        optedOut: false,
      },
      expect.objectContaining({ id: afternoon, name: 'Afternoon', optedOut: true }),
      expect.objectContaining({ id: generated, name: 'Generated', optedOut: false }),
    ]);
    // Grace's list says nothing of Ada's choice.
    const hers = expectData(await t.gql(UPCOMING, {}, graceToken)).myUpcomingRounds;
    expect(hers.map((row: { name: string; optedOut: boolean }) => [row.name, row.optedOut])).toEqual([
      ['Morning', false],
      ['Afternoon', false],
      ['Generated', false],
    ]);
    // Rejoining shows at once; once published, a round leaves the list (optOutOfRound refuses it from then on).
    expectData(await t.gql(`mutation ($r: ID!) { optOutOfRound(roundId: $r, optOut: false) }`, { r: afternoon }, adaToken));
    expectData(await t.gql(`mutation ($r: ID!) { publishRound(roundId: $r) { status } }`, { r: generated }, organiser));
    expect(expectData(await t.gql(UPCOMING, {}, adaToken)).myUpcomingRounds.map((row: { name: string; optedOut: boolean }) => [row.name, row.optedOut])).toEqual([
      ['Morning', false],
      ['Afternoon', false],
    ]);
    const refused = await t.gql(`mutation ($r: ID!) { optOutOfRound(roundId: $r) }`, { r: generated }, adaToken);
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'ROUND_ALREADY_PUBLISHED' });
  });

  it('leaves out a draft that has already ended', async () => {
    const now = Date.now();
    const day = (offset: number) => new Date(now + offset * 86_400_000).toISOString().slice(0, 10);
    const event = await createEvent(t, { timeZone: 'UTC', startsOn: day(-1), endsOn: day(1) });
    const organiser = (await createOrganiser(t, event.id)).token;
    const ada = await createAttendee(t, event.id, { name: 'Ada' });
    const create = async (name: string, startsAt: Date) =>
      expectData(await t.gql(`mutation ($input: CreateRoundInput!) { createRound(input: $input) { id } }`, { input: { eventId: event.id, name, startsAt: startsAt.toISOString(), durationMinutes: 15 } }, organiser));
    await create('Over', new Date(now - 3_600_000));
    await create('Under way', new Date(now - 5 * 60_000));
    const rounds = expectData(await t.gql(UPCOMING, {}, await attendeeToken(t, ada))).myUpcomingRounds;
    expect(rounds.map((row: { name: string }) => row.name)).toEqual(['Under way']);
  });

  it('is for attendees only', async () => {
    const event = await createEvent(t);
    const organiser = (await createOrganiser(t, event.id)).token;
    expect((await t.gql(UPCOMING, {}, organiser)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await t.gql(UPCOMING, {}, await t.adminToken())).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await t.gql(UPCOMING, {})).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});
