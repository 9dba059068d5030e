import { createEvent, expectData, runRound, seedConference } from '@pairwise/testing';
import { useBrowserSuite } from '@pairwise/testing/browser';

interface Table {
  table: string;
  participants: { name: string; email: string }[];
}

describe("the round review's search, in a real browser", () => {
  const { t, signInOrganiser } = useBrowserSuite();

  it('finds a person or a table anywhere in the round, not only in the 50 tables shown, and says when nothing matches', async () => {
    const event = await createEvent(t, { name: 'Nantes Data Day' });
    await seedConference(t.database.url, event.id, 160, 'round-search');
    const admin = await t.adminToken();
    const roundId = await runRound(t, admin, { eventId: event.id, name: 'Round 1', startsAt: '2030-06-01T09:00:00Z', tables: ['Patio 1', 'Patio 2'] }, { publish: false });
    const tables: Table[] = expectData(
      await t.gql(`query ($id: ID!) { round(id: $id) { meetings(first: 100) { edges { node { table participants { name email } } } } } }`, { id: roundId }, admin),
    ).round.meetings.edges.map((edge: { node: Table }) => edge.node);
    expect(tables.length).toBe(80);
    // Someone past the first page of 50 tables. Seeded names can repeat or contain one another ('Li Wei', 'Li Weiss'),
    // and who sits where depends on the pairing: take, from the last table backwards, a person whose name and email no
    // other person's contains (so the rows that show them are theirs alone).
    const everyone = tables.flatMap((table) => table.participants);
    const alone = (candidate: Table['participants'][number]) =>
      everyone.filter((other) => other.name.includes(candidate.name) || other.email.includes(candidate.email)).length === 1;
    const far = tables.slice(50).reverse().find((table) => table.participants.some(alone))!;
    expect(far).toBeDefined();
    const person = far.participants.find(alone);

    const { page, problems } = await signInOrganiser(event.id);
    await page.goto(`${t.baseUrl}/organiser/e/${event.slug}/rounds/${roundId}`);
    const rows = page.locator('.meetings-table tbody tr');
    await page.getByRole('button', { name: 'Show more tables' }).waitFor();
    expect(await rows.count()).toBe(50);
    expect(await rows.filter({ hasText: person!.name }).count()).toBe(0);

    const search = page.getByLabel('Find a name, email, company or table');
    await search.fill(person!.email.toUpperCase());
    await rows.filter({ has: page.getByRole('rowheader', { name: far.table }) }).waitFor();
    expect(await rows.count()).toBe(1);
    expect(await rows.first().textContent()).toContain(person!.name);
    expect(await page.getByRole('button', { name: 'Show more tables' }).count()).toBe(0);

    await search.fill('patio 2');
    await page.getByRole('rowheader', { name: 'Patio 2' }).waitFor();
    await rows.filter({ hasNotText: 'Patio 2' }).first().waitFor({ state: 'detached' });
    expect(await rows.count()).toBe(1);

    await search.fill('nobody-is-called-this');
    await page.getByText('No table matches “nobody-is-called-this”.').waitFor();

    // Cleared: the round from its first table again, 50 at a time.
    await search.fill('');
    await page.getByRole('button', { name: 'Show more tables' }).waitFor();
    expect(await rows.count()).toBe(50);
    expect(problems).toEqual([]);
  });
});
