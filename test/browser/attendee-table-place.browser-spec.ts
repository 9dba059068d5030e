import type { Page } from 'playwright-core';
import { expectData, waitForRound } from '@pairwise/testing';
import { useBrowserSuite } from '@pairwise/testing/browser';
import { parisEvent, phones } from './attendee-fixture';

/** "Table Table 1", "table Table 1", "Tisch table 3": the word for a table said twice, in any case. */
const SAID_TWICE = /\btables?\s+table\b/i;

/**
 * How a meeting's place reads on the attendee's phone (apps/web/src/shared/table-place.ts): a round created
 * without table names stores `Table <n>`, which the screens show once, not after another "Table"; a code the
 * organiser typed ("B12") gets the word; a named place stays as it is. In English and in French.
 */
describe('the table, on the attendee’s phone', () => {
  const suite = useBrowserSuite();
  const { t } = suite;
  const phone = phones(suite);

  it('reads "Table 1" for a round without table names, "Table B12" for a code and a named place as it is, live and after a reload, in English and French', async () => {
    const event = await parisEvent(t);
    const names = ['Ada Lovelace', 'Grace Hopper', 'Alan Turing', 'Katherine Johnson', 'Edsger Dijkstra', 'Barbara Liskov'];
    const [ada] = await Promise.all(names.map((name) => event.attendee({ name, interests: ['rag', 'evals'], languages: ['en'] })));
    const hour = 3_600_000;
    // Round 1 is over, without table names; Round 3, later, has a code and a named place (three pairs, three tables).
    await event.round('Round 1', new Date(Date.now() - 2 * hour), { tables: [] });
    await event.round('Round 3', new Date(Date.now() + 4 * hour), { tables: ['B12', 'Speaker corner', 'C7'] });
    const roundTwo = await event.round('Round 2', new Date(Date.now() + 2 * hour), { tables: [], publish: false });
    expectData(await t.gql(`mutation ($input: GenerateRoundInput!) { generateRound(input: $input) { id } }`, { input: { roundId: roundTwo, seed: 'Round 2' } }, event.organiser));
    expect(await waitForRound(t, roundTwo, event.organiser)).toMatchObject({ status: 'GENERATED' });

    const { page, problems } = await phone.signedIn(ada!, event.slug);
    await page.getByRole('heading', { level: 2, name: 'Past meetings' }).waitFor();
    // Round 2 is published while Ada looks: its table appears, and is announced, without a reload.
    expectData(await t.gql(`mutation ($id: ID!) { publishRound(roundId: $id) { status } }`, { id: roundTwo }, event.organiser));
    await page.getByRole('heading', { level: 2, name: 'Round 2' }).waitFor();
    await expectPlaces(page, { next: /^Table [1-3]$/, announced: /^New meeting: Round 2, Table [1-3], at \d{1,2}:\d\d\.$/ });

    await page.reload();
    await page.getByRole('heading', { level: 2, name: 'Round 2' }).waitFor();
    await expectPlaces(page, { next: /^Table [1-3]$/ });
    expect(await page.locator('.later li').innerText()).toMatch(/^Round 3 · \d{1,2}:\d\d · (Table B12|Speaker corner|Table C7)$/);
    expect(await page.locator('.past-when').innerText()).toMatch(/ · Table [1-3]$/);

    await page.getByLabel('Language').selectOption('fr');
    await page.getByRole('heading', { level: 1, name: 'Mes rencontres' }).waitFor();
    await expectPlaces(page, { next: /^Table [1-3]$/ });
    expect(await page.locator('.later li').innerText()).toMatch(/^Round 3 · \d{1,2}:\d\d · (Table B12|Speaker corner|Table C7)$/);
    expect(await page.locator('.past-when').innerText()).toMatch(/ · Table [1-3]$/);
    expect(problems).toEqual([]);
  });
});

/** The next meeting's place (and the live announcement, when given), and no "table" said twice anywhere on the page. */
async function expectPlaces(page: Page, expected: { next: RegExp; announced?: RegExp }): Promise<void> {
  expect(await page.locator('.next-meeting .table-label').innerText()).toMatch(expected.next);
  if (expected.announced) expect(await page.locator('p.visually-hidden[aria-live="polite"]').textContent()).toMatch(expected.announced);
  expect(await page.locator('body').innerText()).not.toMatch(SAID_TWICE);
  expect(await page.locator('body').textContent()).not.toMatch(SAID_TWICE);
}
