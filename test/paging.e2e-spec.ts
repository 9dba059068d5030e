import { expectData, runRound, seedConference, startAdminEventApp, type GraphqlResponse, type TestApp } from '@pairwise/testing';

/**
 * The four paged lists (attendees, outbox, pairing report, a round's meetings) share one args type
 * and one cursor helper: the same refusals for a page size out of range or a cursor they did not
 * produce, and pages that chain from the first row to the last with none twice.
 */
describe('paging', () => {
  let t: TestApp;
  let admin: string;
  let eventId: string;
  let roundId: string;

  beforeAll(async () => {
    ({ t, admin, event: { id: eventId } } = await startAdminEventApp());
    await seedConference(t.database.url, eventId, 9);
    roundId = await runRound(t, admin, { eventId, name: 'Round 1', startsAt: '2030-06-01T10:00:00Z' });
  });
  afterAll(() => t?.close());

  const lists = {
    attendees: { max: 100, scope: 'event', query: `query ($e: ID!, $first: Int, $after: String) { list: attendees(eventId: $e, first: $first, after: $after) { edges { cursor node { id } } pageInfo { hasNextPage endCursor } } }` },
    outbox: { max: 100, scope: 'event', query: `query ($e: ID!, $first: Int, $after: String) { list: outbox(eventId: $e, first: $first, after: $after) { edges { cursor node { id } } pageInfo { hasNextPage endCursor } } }` },
    pairingReport: {
      max: 500,
      scope: 'both',
      query: `query ($e: ID!, $r: ID!, $first: Int, $after: String) { list: pairingReport(eventId: $e, roundId: $r, first: $first, after: $after) { edges { cursor node { id: meetingId } } pageInfo { hasNextPage endCursor } } }`,
    },
    meetings: {
      max: 500,
      scope: 'round',
      query: `query ($r: ID!, $first: Int, $after: String) { round(id: $r) { list: meetings(first: $first, after: $after) { edges { cursor node { id } } pageInfo { hasNextPage endCursor } } } }`,
    },
  };
  type Listed = { edges: { cursor: string; node: { id: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
  const ask = (name: keyof typeof lists, variables: Record<string, unknown>) => {
    const { scope, query } = lists[name];
    return t.gql(query, { ...(scope !== 'round' ? { e: eventId } : {}), ...(scope !== 'event' ? { r: roundId } : {}), ...variables }, admin);
  };
  const listed = (response: GraphqlResponse): Listed => {
    const data = expectData(response);
    return (data.round ?? data).list;
  };

  it.each(Object.keys(lists) as (keyof typeof lists)[])('%s: a page size out of range is PAGE_SIZE on `first`, a foreign cursor INVALID_CURSOR on `after`', async (name) => {
    for (const first of [0, lists[name].max + 1]) {
      const response = await ask(name, { first });
      expect(response.errors?.[0]?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        reason: 'PAGE_SIZE',
        fields: [{ field: 'first', message: `must be between 1 and ${lists[name].max}` }],
      });
    }
    // A cursor of another list is not one this list produced.
    const other = name === 'meetings' ? 'attendees' : 'meetings';
    const foreign = listed(await ask(other, { first: 1 })).pageInfo.endCursor!;
    for (const after of [foreign, 'not-a-cursor']) {
      expect((await ask(name, { first: 1, after })).errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_CURSOR', fields: [{ field: 'after' }] });
    }
  });

  it.each(['attendees', 'pairingReport', 'meetings'] as const)('%s: pages of 2 chain from the first row to the last, each once, as one page has them', async (name) => {
    const whole = listed(await ask(name, { first: lists[name].max }));
    expect(whole.pageInfo.hasNextPage).toBe(false);
    expect(whole.edges.length).toBeGreaterThan(2);
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const page = listed(await ask(name, { first: 2, after }));
      expect(page.pageInfo.endCursor).toBe(page.edges.at(-1)?.cursor ?? null);
      seen.push(...page.edges.map((edge) => edge.node.id));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    expect(seen).toEqual(whole.edges.map((edge) => edge.node.id));
  });
});
