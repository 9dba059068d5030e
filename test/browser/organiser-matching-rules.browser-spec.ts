import { createAttendee, createEvent, expectData } from '@pairwise/testing';
import type { Page } from 'playwright-core';
import { cutOffOnTheRight, PHONE, seriousAxeViolations, useBrowserSuite } from '@pairwise/testing/browser';

/** The matching rules of an event from an organiser's phone: weights, the role-mix table and who-can-meet rules saved and kept, refusals in words, conflicts previewed then imported. */
describe('matching rules in the browser', () => {
  const { t, signInOrganiser } = useBrowserSuite();
  let event: { id: string; slug: string };
  // The event's tabs scroll sideways in their own bar on a phone (organiser-layout); everything else fits the screen.
  const cutOff = async (page: Page) => (await cutOffOnTheRight(page)).filter((element) => !element.includes('class="tab'));

  beforeAll(async () => {
    event = await createEvent(t, { name: 'Rules Summit' });
    await createAttendee(t, event.id, { name: 'Ada Lovelace', email: 'ada@rules.test' });
    await createAttendee(t, event.id, { name: 'Grace Hopper', email: 'grace@rules.test' });
  });

  it('saves a weight and a who-can-meet rule that a reload shows again, refuses a bad weight in words, and imports conflicts after a preview, at 360×740', async () => {
    const { page, problems } = await signInOrganiser(event.id, { ...PHONE });
    await page.goto(`${t.baseUrl}/organiser/e/${event.slug}/matching-rules`);
    await page.getByRole('heading', { level: 1, name: 'Matching rules' }).waitFor();
    // The defaults: today's scores, no rule.
    expect(await page.getByLabel('Shared stack').inputValue()).toBe('0.4');
    expect(await page.getByLabel('Free-text affinity of the bios, 0 to 1 (0 or empty: off)').inputValue()).toBe('0');
    await page.getByText('No rule: everyone may meet everyone.').waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(await cutOff(page)).toEqual([]);

    await page.getByLabel('Shared stack').fill('0.8');
    await page.getByLabel('Free-text affinity of the bios, 0 to 1 (0 or empty: off)').fill('0.25');
    await page.getByLabel('Never meet').check();
    await page.getByRole('button', { name: 'Add a rule' }).click();
    const rule = page.getByRole('group', { name: 'Rule 1' });
    await rule.getByLabel('Name of the group').fill('investor');
    await rule.getByLabel('Meets').selectOption({ label: 'only' });
    await rule.getByLabel('Roles met (separated by commas)').fill('founder, mentor');
    await rule.getByLabel('Ticket types met (separated by commas)').fill('student');
    await page.getByLabel('People who met at an earlier event of ours are not paired again').check();
    // Saved by keyboard: Enter in a field submits the form.
    await rule.getByLabel('Ticket types met (separated by commas)').press('Enter');
    await page.getByRole('status').getByText('Rules saved: the next generated round uses them.').waitFor();
    // The keyboard stays where it was.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe(await rule.getByLabel('Ticket types met (separated by commas)').getAttribute('id'));
    expect(await seriousAxeViolations(page)).toEqual([]);

    await page.reload();
    await page.getByRole('group', { name: 'Rule 1' }).waitFor();
    expect({
      stack: await page.getByLabel('Shared stack').inputValue(),
      text: await page.getByLabel('Free-text affinity of the bios, 0 to 1 (0 or empty: off)').inputValue(),
      forbid: await page.getByLabel('Never meet').isChecked(),
      who: await rule.getByLabel('Name of the group').inputValue(),
      relation: await rule.getByLabel('Meets').inputValue(),
      roles: await rule.getByLabel('Roles met (separated by commas)').inputValue(),
      ticketTypes: await rule.getByLabel('Ticket types met (separated by commas)').inputValue(),
      earlier: await page.getByLabel('People who met at an earlier event of ours are not paired again').isChecked(),
    }).toEqual({ stack: '0.8', text: '0.25', forbid: true, who: 'investor', relation: 'onlyWith', roles: 'founder, mentor', ticketTypes: 'student', earlier: true });
    // What the API keeps is what the page said.
    const stored = expectData(
      await t.gql(`query ($e: ID!) { matchingRules(eventId: $e) { conflictsFromEarlierEvents rules { sameCompany weights { stack text } whoCanMeet { who { role } onlyWith { role ticketType } notWith { role } } } } }`, { e: event.id }, await t.adminToken()),
    ).matchingRules;
    expect(stored).toEqual({
      conflictsFromEarlierEvents: true,
      rules: { sameCompany: 'forbid', weights: { stack: 0.8, text: 0.25 }, whoCanMeet: [{ who: { role: 'investor' }, onlyWith: [{ role: 'founder', ticketType: null }, { role: 'mentor', ticketType: null }, { role: null, ticketType: 'student' }], notWith: null }] },
    });

    // A one-way wish that weighs more than a mutual wish: refused by the API, said in words, on that field; nothing changes.
    await page.getByLabel('One wished to meet the other').fill('2');
    await page.getByRole('button', { name: 'Save the rules' }).click();
    await page.getByRole('alert').getByText('These matching rules are not valid: check the highlighted value.').waitFor();
    expect(await page.getByLabel('One wished to meet the other').getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByLabel('Shared stack').getAttribute('aria-invalid')).toBeNull();
    expect(await seriousAxeViolations(page)).toEqual([]);
    const after = expectData(await t.gql(`query ($e: ID!) { matchingRules(eventId: $e) { rules { weights { oneWayWish } } } }`, { e: event.id }, await t.adminToken())).matchingRules;
    expect(after.rules.weights.oneWayWish).toBe(0.3);

    // Conflicts: a preview writes nothing; the import records the pair and names the unknown person.
    await page.getByLabel('Conflicts file (CSV)').setInputFiles({ name: 'conflicts.csv', mimeType: 'text/csv', buffer: Buffer.from('people\nada@rules.test,Grace Hopper,Nobody Known\n') });
    // The chosen file's name stays inside the 360 px screen.
    expect(await page.evaluate(() => window.innerWidth)).toBe(360);
    expect(await cutOff(page)).toEqual([]);
    await page.getByRole('button', { name: 'Preview' }).click();
    const report = page.getByRole('status').filter({ hasText: 'Preview (nothing is written yet)' });
    await report.getByText('Preview (nothing is written yet): lines read: 1; new pairs: 1; already recorded: 0.').waitFor();
    expect(await report.getByRole('listitem').allTextContents()).toEqual(['line 2: Nobody Known']);
    await page.getByText('0 pairs are never paired (conflicts of interest).').waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByText('Imported: lines read: 1; new pairs: 1; already recorded: 0.').waitFor();
    await page.getByText('1 pair is never paired (conflicts of interest).').waitFor();
    expect(await cutOff(page)).toEqual([]);
    expect(problems).toEqual([]);
  });

  it('edits the role-mix table (bonus per pair of roles): changes, removals and additions kept, a duplicate pair refused on its row, at 360×740', async () => {
    const mixed = await createEvent(t, { name: 'Role Mix Summit' });
    const { page, problems } = await signInOrganiser(mixed.id, { ...PHONE });
    await page.goto(`${t.baseUrl}/organiser/e/${mixed.slug}/matching-rules`);
    await page.getByRole('heading', { level: 1, name: 'Matching rules' }).waitFor();
    const pair = (n: number) => page.getByRole('group', { name: `Pair of roles ${n}`, exact: true });
    const rowOf = async (n: number) => ({
      first: await pair(n).getByLabel('First role').inputValue(),
      second: await pair(n).getByLabel('Second role').inputValue(),
      bonus: await pair(n).getByLabel('Bonus').inputValue(),
    });
    // The event's table as the API resolves it: the default one, ten pairs (the heading shows before the rules load).
    await pair(10).waitFor();
    expect(await page.getByRole('group', { name: /^Pair of roles \d+$/ }).count()).toBe(10);
    expect(await rowOf(1)).toEqual({ first: 'founder', second: 'investor', bonus: '0.6' });
    expect(await rowOf(10)).toEqual({ first: 'investor', second: 'investor', bonus: '-0.2' });
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(await cutOff(page)).toEqual([]);

    await pair(1).getByLabel('Bonus').fill('0.9');
    await page.getByRole('button', { name: 'Remove pair of roles 10' }).click();
    await page.getByRole('button', { name: 'Add a pair of roles' }).click();
    await pair(10).getByLabel('First role').fill('Mentor');
    await pair(10).getByLabel('Second role').fill('student');
    await pair(10).getByLabel('Bonus').fill('0.5');
    await page.getByRole('button', { name: 'Save the rules' }).click();
    await page.getByRole('status').getByText('Rules saved: the next generated round uses them.').waitFor();
    // Shown as saved: role names lower-cased by the API.
    expect(await rowOf(10)).toEqual({ first: 'mentor', second: 'student', bonus: '0.5' });
    const stored = async () =>
      expectData(await t.gql(`query ($e: ID!) { matchingRules(eventId: $e) { rules { weights { roleMixTable { roles bonus } } } } }`, { e: mixed.id }, await t.adminToken())).matchingRules.rules.weights
        .roleMixTable;
    const table = await stored();
    expect(table).toHaveLength(10);
    expect(table[0]).toEqual({ roles: ['founder', 'investor'], bonus: 0.9 });
    expect(table[9]).toEqual({ roles: ['mentor', 'student'], bonus: 0.5 });
    expect(table).not.toContainEqual(expect.objectContaining({ roles: ['investor', 'investor'] }));

    await page.reload();
    await pair(10).waitFor();
    expect(await rowOf(1)).toEqual({ first: 'founder', second: 'investor', bonus: '0.9' });
    expect(await rowOf(10)).toEqual({ first: 'mentor', second: 'student', bonus: '0.5' });

    // Engineer–researcher is already pair 2 (in the other order): refused on the new row, nothing written.
    await page.getByRole('button', { name: 'Add a pair of roles' }).click();
    await pair(11).getByLabel('First role').fill('engineer');
    await pair(11).getByLabel('Second role').fill('researcher');
    await pair(11).getByLabel('Bonus').fill('1');
    await page.getByRole('button', { name: 'Save the rules' }).click();
    await page.getByRole('alert').getByText('These matching rules are not valid: check the highlighted value.').waitFor();
    expect(await pair(11).getByLabel('First role').getAttribute('aria-invalid')).toBe('true');
    expect(await pair(2).getByLabel('First role').getAttribute('aria-invalid')).toBeNull();
    expect(await stored()).toEqual(table);
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(await cutOff(page)).toEqual([]);
    expect(problems).toEqual([]);
  });

  it('says a conflicts file that is not one in words', async () => {
    const { page, problems } = await signInOrganiser(event.id);
    await page.getByRole('link', { name: 'Rules Summit', exact: true }).click();
    await page.getByRole('link', { name: 'Matching rules', exact: true }).click();
    await page.waitForURL(`${t.baseUrl}/organiser/e/${event.slug}/matching-rules`);
    await page.getByLabel('Conflicts file (CSV)').setInputFiles({ name: 'alone.csv', mimeType: 'text/csv', buffer: Buffer.from('ada@rules.test\n') });
    await page.getByRole('button', { name: 'Preview' }).click();
    await page.getByRole('alert').getByText('This file is not a list of people who know each other: one line per group of two or more names or emails.').waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
  });
});
