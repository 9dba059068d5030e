import fs from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { createEvent, expectData } from '@pairwise/testing';
import { PHONE, seriousAxeViolations, useBrowserSuite } from '@pairwise/testing/browser';

/** A ticketing export as Eventbrite-like tools write it: split names, a job title, yes/no columns, a column Pairwise does not use, one bad line. */
const TICKETS = [
  'E-mail,First Name,Last Name,Company,Job Title,Interests,Matchmaking consent,Checked in,Favourite colour',
  'ada@example.com,Ada,Lovelace,Analytical Engines,engineer,rag;llm,yes,no,blue',
  'grace@example.com,Grace,Hopper,US Navy,researcher,compilers,yes,yes,green',
  'alan@example.com,Alan,Turing,Bletchley Park,founder,rag,no,no,red',
  'katherine@example.com,Katherine,Johnson,NASA,researcher,llm,yes,no,',
  'not-an-email,Bad,Line,Nowhere,engineer,,yes,no,',
].join('\n');

describe('organisers\' attendees in a real browser', () => {
  const { t, signInOrganiser } = useBrowserSuite();


  /** An event with its vocabulary, and an organiser of it signed in on a laptop. */
  const organiserOfNewEvent = async (options: Parameters<Browser['newContext']>[0] = {}) => {
    const event = await createEvent(t, { name: 'Paris AI Days', vocabulary: [{ label: 'Retrieval-augmented generation', slug: 'rag' }, { label: 'LLM' }, { label: 'Compilers' }] });
    const { page, problems } = await signInOrganiser(event.id, options);
    return { event, page, problems };
  };

  const attendeesOf = async (eventId: string) =>
    expectData(
      await t.gql(`query ($id: ID!) { attendees(eventId: $id, first: 100) { edges { node { id name email role present consentMatchmaking interests } } } }`, { id: eventId }, await t.adminToken()),
    ).attendees.edges.map((edge: { node: Record<string, unknown> }) => edge.node) as { id: string; name: string; email: string; role: string; present: boolean; consentMatchmaking: boolean; interests: string[] }[];

  /** Chooses the file on the import page (text as UTF-8, or the file's very bytes) and waits for its preview. */
  const importThroughPage = async (page: Page, csv: string | Buffer, fileName = 'tickets.csv') => {
    await page.getByRole('link', { name: 'Import a CSV' }).click();
    await page.getByRole('heading', { level: 1, name: 'Import attendees' }).waitFor();
    await page.getByLabel('Ticketing export (CSV)').setInputFiles({ name: fileName, mimeType: 'text/csv', buffer: typeof csv === 'string' ? Buffer.from(csv) : csv });
    await page.getByText(`Preview of ${fileName}: nothing is written yet.`).waitFor();
  };

  const rowOf = (page: Page, name: string) => page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: new RegExp(name) }) });

  it('imports a ticketing CSV after a preview of its columns, then filters the table, toggles presence, and issues codes for everyone shown as a CSV', async () => {
    const { event, page, problems } = await organiserOfNewEvent();
    await page.getByRole('link', { name: 'Paris AI Days', exact: true }).click();
    await page.waitForURL(`${t.baseUrl}/organiser/e/${event.slug}/attendees`);
    await page.getByText('No attendee yet').waitFor();

    // The preview: each column and what it fills, what would happen, and nothing written.
    await importThroughPage(page, TICKETS);
    const columns = page.getByRole('table', { name: 'Columns' });
    const mapping = await columns.getByRole('row').evaluateAll((rows) => rows.slice(1).map((row) => [...row.querySelectorAll('th, td')].map((cell) => cell.textContent?.trim())));
    expect(mapping).toEqual([
      ['E-mail', 'Email'],
      ['First Name', 'First name'],
      ['Last Name', 'Last name'],
      ['Company', 'Company'],
      ['Job Title', 'Role'],
      ['Interests', 'Interests'],
      ['Matchmaking consent', 'Matchmaking consent'],
      ['Checked in', 'Checked in'],
      ['Favourite colour', 'Not imported'],
    ]);
    await page.getByText('5 attendee lines, columns separated by commas.').waitFor();
    const counts = page.getByRole('region', { name: 'What the import would do' });
    expect(await counts.getByRole('definition').allTextContents()).toEqual(['4', '0', '0', '1']);
    await page.getByRole('table', { name: 'Rejected lines' }).getByRole('cell', { name: 'not-an-email' }).waitFor();
    await page.getByText('1 of the 4 imported attendees can be matched in a round now').waitFor();
    await page.getByText('Without consent to matchmaking: 1.').waitFor();
    await page.getByText('Not checked in: 2.').waitFor();
    expect(await attendeesOf(event.id)).toEqual([]);

    await page.getByRole('button', { name: 'Import: 4 attendees to create or update' }).click();
    await page.getByText('Imported from tickets.csv.').waitFor();
    expect(await page.getByRole('region', { name: 'What the import did' }).getByRole('definition').allTextContents()).toEqual(['4', '0', '0', '1']);
    expect((await attendeesOf(event.id)).map((attendee) => attendee.name).sort()).toEqual(['Ada Lovelace', 'Alan Turing', 'Grace Hopper', 'Katherine Johnson']);

    // The table, searched and filtered (the filters live in the address).
    await page.getByRole('link', { name: 'See the attendees' }).click();
    await page.getByText('4 attendees', { exact: true }).waitFor();
    await page.getByLabel('Search', { exact: true }).fill('lovelace');
    await page.getByText('1 attendees match').waitFor();
    expect(page.url()).toBe(`${t.baseUrl}/organiser/e/${event.slug}/attendees?q=lovelace`);
    await rowOf(page, 'Ada Lovelace').waitFor();
    await page.getByRole('button', { name: 'Clear the filters' }).click();
    await page.getByText('4 attendees', { exact: true }).waitFor();

    await page.getByLabel('Role').fill('researcher');
    await page.getByText('2 attendees match').waitFor();
    await page.getByLabel('Matchmaking consent').selectOption('yes');
    await page.getByLabel('Checked in').selectOption('no');
    await page.getByText('1 attendees match').waitFor();
    await rowOf(page, 'Katherine Johnson').waitFor();
    await page.getByRole('button', { name: 'Clear the filters' }).click();
    await page.getByLabel('Interest').fill('rag');
    await page.getByText('2 attendees match').waitFor();
    expect(await page.getByRole('rowheader').allTextContents()).toEqual(expect.arrayContaining([expect.stringContaining('Ada Lovelace'), expect.stringContaining('Alan Turing')]));
    // Labels from the vocabulary, not slugs.
    await rowOf(page, 'Ada Lovelace').getByRole('cell', { name: 'Retrieval-augmented generation, LLM' }).waitFor();

    // Presence, toggled in the table: the list stays true to its filter.
    await page.getByRole('button', { name: 'Clear the filters' }).click();
    await page.getByLabel('Checked in').selectOption('no');
    await page.getByText('3 attendees match').waitFor();
    await page.getByRole('checkbox', { name: 'Ada Lovelace is present' }).check();
    await page.getByText('2 attendees match').waitFor();
    expect((await attendeesOf(event.id)).find((attendee) => attendee.name === 'Ada Lovelace')?.present).toBe(true);
    await page.getByLabel('Checked in').selectOption('yes');
    await page.getByText('2 attendees match').waitFor();
    await page.getByRole('checkbox', { name: 'Grace Hopper is present' }).uncheck();
    await page.getByText('1 attendees match').waitFor();
    expect((await attendeesOf(event.id)).find((attendee) => attendee.name === 'Grace Hopper')?.present).toBe(false);

    // Codes for everyone shown (consenting attendees), downloaded for a mail merge; each one signs its attendee in.
    await page.getByRole('button', { name: 'Clear the filters' }).click();
    await page.getByLabel('Matchmaking consent').selectOption('yes');
    await page.getByText('3 attendees match').waitFor();
    await page.getByRole('button', { name: 'Issue codes for the 3 attendees in this list' }).click();
    await page.getByText('Their earlier unused codes will stop working.').waitFor();
    await page.getByRole('button', { name: 'Yes, issue 3 codes' }).click();
    await page.getByText('Codes issued: 3.').waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download the 3 codes (CSV)' }).click()]);
    expect(download.suggestedFilename()).toBe(`access-codes-${event.slug}.csv`);
    const csv = await fs.readFile((await download.path())!, 'utf8');
    const [header, ...lines] = csv.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(header).toBe('email,name,access_code,expires_at,sign_in_url');
    const rows = lines.map((line) => line.split(','));
    expect(rows.map((row) => row[1]).sort()).toEqual(['Ada Lovelace', 'Grace Hopper', 'Katherine Johnson']);
    expect(rows.every((row) => row[4] === `${t.baseUrl}/sign-in`)).toBe(true);
    for (const [email, , code] of rows) {
      const login = await t.gql(`mutation ($input: LoginInput!) { login(input: $input) { viewer { role } } }`, { input: { email, accessCode: code } });
      expect({ email, role: login.data?.login?.viewer.role }).toEqual({ email, role: 'ATTENDEE' });
    }
    // The codes are in the table too, row by row.
    await rowOf(page, 'Grace Hopper').getByText(rows.find((row) => row[1] === 'Grace Hopper')![2]!).waitFor();

    // One code for one attendee, shown in its row.
    await page.getByRole('button', { name: 'Clear the filters' }).click();
    await rowOf(page, 'Alan Turing').getByRole('button', { name: 'Issue a code for Alan Turing' }).click();
    const alanCode = (await rowOf(page, 'Alan Turing').locator('.code').textContent())!;
    const login = await t.gql(`mutation ($input: LoginInput!) { login(input: $input) { viewer { role } } }`, { input: { email: 'alan@example.com', accessCode: alanCode } });
    expect(login.data?.login?.viewer.role).toBe('ATTENDEE');
    expect(problems).toEqual([]);
  });

  it('previews and imports what spreadsheets write: Excel\'s "Unicode text" (UTF-16, tabs) and French Excel\'s CSV (Windows-1252, semicolons)', async () => {
    const { event, page, problems } = await organiserOfNewEvent();
    await page.goto(`${t.baseUrl}/organiser/e/${event.slug}/attendees`);
    await page.getByText('No attendee yet').waitFor();
    const columnsShown = () =>
      page.getByRole('table', { name: 'Columns' }).getByRole('row').evaluateAll((rows) => rows.slice(1).map((row) => [...row.querySelectorAll('th, td')].map((cell) => cell.textContent?.trim())));

    // UTF-16 LE with its byte-order mark: every other byte is NUL, which no UTF-8 reading survives.
    const unicodeText = ['E-mail\tFirst Name\tLast Name\tCompany', 'elodie@example.fr\tÉlodie\tMüller\tCafé Crème', 'zoe@example.fr\tZoë\tŁukasz\tSmørrebrød AS'].join('\r\n');
    await importThroughPage(page, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(unicodeText, 'utf16le')]), 'unicode.txt');
    expect(await columnsShown()).toEqual([
      ['E-mail', 'Email'],
      ['First Name', 'First name'],
      ['Last Name', 'Last name'],
      ['Company', 'Company'],
    ]);
    await page.getByText('2 attendee lines, columns separated by tabs. Text read as UTF-16LE.').waitFor();
    expect(await page.getByRole('region', { name: 'What the import would do' }).getByRole('definition').allTextContents()).toEqual(['2', '0', '0', '0']);
    expect(await attendeesOf(event.id)).toEqual([]);
    await page.getByRole('button', { name: 'Import: 2 attendees to create or update' }).click();
    await page.getByText('Imported from unicode.txt.').waitFor();

    // Windows-1252 and semicolons; the euro sign is 0x80 there (Latin-1 has none), é and è one byte each.
    await page.getByRole('button', { name: 'Import another file' }).click();
    const french = Buffer.concat([Buffer.from('E-mail;Name;Company;Job Title\r\nhelene@example.fr;Hélène Lefèvre;', 'latin1'), Buffer.from([0x80]), Buffer.from(' Capital;ingénieure\r\n', 'latin1')]);
    await page.getByLabel('Ticketing export (CSV)').setInputFiles({ name: 'excel-fr.csv', mimeType: 'text/csv', buffer: french });
    await page.getByText('Preview of excel-fr.csv: nothing is written yet.').waitFor();
    expect(await columnsShown()).toEqual([
      ['E-mail', 'Email'],
      ['Name', 'Name'],
      ['Company', 'Company'],
      ['Job Title', 'Role'],
    ]);
    await page.getByText('1 attendee lines, columns separated by semicolons. Text read as WINDOWS-1252.').waitFor();
    await page.getByRole('button', { name: 'Import: 1 attendees to create or update' }).click();
    await page.getByText('Imported from excel-fr.csv.').waitFor();

    const people = await attendeesOf(event.id);
    expect(people.map(({ name, email, role }) => ({ name, email, role })).sort((a, b) => a.email.localeCompare(b.email))).toEqual([
      { name: 'Élodie Müller', email: 'elodie@example.fr', role: null },
      { name: 'Hélène Lefèvre', email: 'helene@example.fr', role: 'ingénieure' },
      { name: 'Zoë Łukasz', email: 'zoe@example.fr', role: null },
    ]);
    await page.getByRole('link', { name: 'See the attendees' }).click();
    await rowOf(page, 'Élodie Müller').waitFor();
    expect(problems).toEqual([]);
  });

  it('pages through a long list, refuses a workbook in words, and the menu keeps Attendees current on the import page', async () => {
    const { event, page } = await organiserOfNewEvent();
    const lines = Array.from({ length: 57 }, (_, index) => `person${String(index).padStart(2, '0')}@example.com,Person ${String(index).padStart(2, '0')}`);
    expectData(await t.gql(`mutation ($id: ID!, $csv: String!) { importAttendees(eventId: $id, csv: $csv) { created } }`, { id: event.id, csv: ['email,name', ...lines].join('\n') }, await t.adminToken()));
    await page.goto(`${t.baseUrl}/organiser/e/${event.slug}/attendees`);
    await page.getByText('57 attendees', { exact: true }).waitFor();
    const pager = page.getByRole('navigation', { name: 'Pages of attendees' });
    await pager.getByText('Attendees 1–50 of 57').waitFor();
    expect(await page.getByRole('rowheader').count()).toBe(50);
    expect(await pager.getByRole('button', { name: 'Previous page' }).isDisabled()).toBe(true);
    await pager.getByRole('button', { name: 'Next page' }).click();
    await pager.getByText('Attendees 51–57 of 57').waitFor();
    expect(await page.getByRole('rowheader').count()).toBe(7);
    expect(await pager.getByRole('button', { name: 'Next page' }).isDisabled()).toBe(true);
    await pager.getByRole('button', { name: 'Previous page' }).click();
    await pager.getByText('Attendees 1–50 of 57').waitFor();
    // A filter starts again from its first page.
    await pager.getByRole('button', { name: 'Next page' }).click();
    await pager.getByText('Attendees 51–57 of 57').waitFor();
    await page.getByLabel('Search', { exact: true }).fill('Person 0');
    await page.getByText('10 attendees match').waitFor();
    await pager.getByText('Attendees 1–10 of 10').waitFor();

    await page.getByRole('link', { name: 'Import a CSV' }).click();
    const menu = page.getByRole('navigation', { name: 'Organiser pages' });
    expect(await menu.getByRole('link', { name: 'Attendees' }).getAttribute('aria-current')).toBe('page');
    await page.getByLabel('Ticketing export (CSV)').setInputFiles({ name: 'tickets.xlsx', mimeType: 'application/octet-stream', buffer: Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0]) });
    await page.getByRole('alert').getByText('This is an Excel workbook').waitFor();
    // The API's refusal, in words: a header and no attendee line.
    await page.getByLabel('Ticketing export (CSV)').setInputFiles({ name: 'empty.csv', mimeType: 'text/csv', buffer: Buffer.from('email,name\n') });
    await page.getByRole('alert').getByText('The file has a header line but no attendee line.').waitFor();
  });

  /** Presses Tab until `target` has the focus (at most `limit` times): it is reachable by keyboard alone. */
  const tabTo = async (page: Page, target: ReturnType<Page['getByRole']>, limit = 60) => {
    for (let presses = 0; presses < limit; presses++) {
      await page.keyboard.press('Tab');
      if (await target.evaluate((element) => element === document.activeElement).catch(() => false)) return;
    }
    throw new Error(`not reached by ${limit} presses of Tab`);
  };

  it('works by keyboard alone: search, presence and a code', async () => {
    const { event, page } = await organiserOfNewEvent();
    expectData(await t.gql(`mutation ($id: ID!, $csv: String!) { importAttendees(eventId: $id, csv: $csv) { created } }`, { id: event.id, csv: TICKETS }, await t.adminToken()));
    await page.goto(`${t.baseUrl}/organiser/e/${event.slug}/attendees`);
    await page.getByText('4 attendees', { exact: true }).waitFor();
    await tabTo(page, page.getByLabel('Search', { exact: true }));
    await page.keyboard.type('Lovelace');
    await page.keyboard.press('Enter');
    await page.getByText('1 attendees match').waitFor();
    await tabTo(page, page.getByRole('checkbox', { name: 'Ada Lovelace is present' }));
    await page.keyboard.press('Space');
    // Checked and usable again: the API has answered (it is disabled while the change is on its way).
    await page.getByRole('checkbox', { name: 'Ada Lovelace is present' }).and(page.locator(':checked:enabled')).waitFor();
    expect((await attendeesOf(event.id)).find((attendee) => attendee.name === 'Ada Lovelace')?.present).toBe(true);
    await tabTo(page, page.getByRole('button', { name: 'Issue a code for Ada Lovelace' }), 10);
    await page.keyboard.press('Enter');
    const code = (await rowOf(page, 'Ada Lovelace').locator('.code').textContent())!;
    expect((await t.gql(`mutation ($input: LoginInput!) { login(input: $input) { viewer { role } } }`, { input: { email: 'ada@example.com', accessCode: code } })).data?.login?.viewer.role).toBe('ATTENDEE');
  });

  it('fits a phone: the table scrolls inside its own box, the page does not', async () => {
    const { event, page } = await organiserOfNewEvent({ ...PHONE, acceptDownloads: true });
    expectData(await t.gql(`mutation ($id: ID!, $csv: String!) { importAttendees(eventId: $id, csv: $csv) { created } }`, { id: event.id, csv: TICKETS }, await t.adminToken()));
    await page.goto(`${t.baseUrl}/organiser/e/${event.slug}/attendees`);
    await page.getByText('4 attendees', { exact: true }).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    await page.getByRole('checkbox', { name: 'Katherine Johnson is present' }).check();
    await page.getByRole('checkbox', { name: 'Katherine Johnson is present' }).and(page.locator(':checked')).waitFor();
  });

  it('passes axe-core (no serious or critical violation) on the attendees table, the import preview and its report, light and dark', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      const { event, page } = await organiserOfNewEvent({ colorScheme });
      await page.goto(`${t.baseUrl}/organiser/e/${event.slug}/attendees`);
      await page.getByText('No attendee yet').waitFor();
      expect({ colorScheme, screen: 'attendees (empty)', violations: await seriousAxeViolations(page) }).toEqual({ colorScheme, screen: 'attendees (empty)', violations: [] });
      await importThroughPage(page, TICKETS);
      expect({ colorScheme, screen: 'import preview', violations: await seriousAxeViolations(page) }).toEqual({ colorScheme, screen: 'import preview', violations: [] });
      await page.getByRole('button', { name: 'Import: 4 attendees to create or update' }).click();
      await page.getByText('Imported from tickets.csv.').waitFor();
      expect({ colorScheme, screen: 'import report', violations: await seriousAxeViolations(page) }).toEqual({ colorScheme, screen: 'import report', violations: [] });
      await page.getByRole('link', { name: 'See the attendees' }).click();
      await page.getByText('4 attendees', { exact: true }).waitFor();
      await rowOf(page, 'Ada Lovelace').getByRole('button', { name: 'Issue a code for Ada Lovelace' }).click();
      await rowOf(page, 'Ada Lovelace').locator('.code').waitFor();
      await page.getByRole('button', { name: 'Issue codes for the 4 attendees in this list' }).click();
      expect({ colorScheme, screen: 'attendees', violations: await seriousAxeViolations(page) }).toEqual({ colorScheme, screen: 'attendees', violations: [] });
    }
  });
});
