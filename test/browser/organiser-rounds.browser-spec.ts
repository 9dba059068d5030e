import fs from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import type { BrowserContextOptions } from 'playwright-core';
import { Client } from 'pg';
import { attendeeToken, built, createAttendee, createEvent, createOrganiser, expectData, runFile, seedConference, waitForRound } from '@pairwise/testing';
import { issueAccessCode, seriousAxeViolations, signInThroughPage, useBrowserSuite, watchPage } from '@pairwise/testing/browser';
import { tablePlace } from '../../apps/web/src/shared/table-place';

/**
 * The README's demo, run by an organiser in Chromium against the real API on PostgreSQL: the event
 * `npx pairwise demo` seeds (the built CLI on the test's database), three rounds created, generated,
 * reviewed, adjusted by hand (one swap refused by a hard rule, then forced with a reason), published
 * and closed — while two attendees, on their own phones, see their meeting appear when it is published.
 */

// Three generations of 270 attendees and whole screens driven on a shared 2-core machine.
jest.setTimeout(600_000);

const cli = path.resolve(__dirname, '../../apps/cli/bin/pairwise.js');
built('apps/cli/src/main.js');

const SCREENSHOT = path.resolve(__dirname, '../../test-results/screenshots/organiser-round-review.png');
const README_SCREENSHOT = path.resolve(__dirname, '../../docs/screenshots/organiser-round-review.png');

/** A laptop, in Paris. */
const LAPTOP: BrowserContextOptions = { viewport: { width: 1280, height: 900 }, locale: 'en-GB', timezoneId: 'Europe/Paris' };

interface DemoReport {
  event: { id: string; slug: string; name: string; timeZone: string; startsOn: string };
  organiser: { email: string; accessCode: string };
}

interface Seated {
  meetingId: string;
  table: string;
  members: { id: string; name: string; languages: string[] }[];
}

/** A Paris wall-clock time as a datetime-local input takes it: now, to the minute, plus `minutes`. */
function parisTime(minutes = 0, from = Date.now()): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(new Date(from + minutes * 60_000))
      .map((part) => [part.type, part.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const pairKey = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);

// One API and one Chromium for the file's three cases: each case has an event of its own (the demo's, then one it creates),
// and a new browser profile for each person.
describe('rounds in the organiser web app', () => {
  const suite = useBrowserSuite();

  describe('an organiser runs the demo in the browser', () => {
    const { t, newContext, newPhone } = suite;
    let demo: DemoReport;
    let admin: string;

    beforeAll(async () => {
      const seeded = await runFile('node', [cli, 'demo', '--json'], { env: { ...process.env, DATABASE_URL: t.database.url, LOG_LEVEL: 'silent' } });
      demo = JSON.parse(seeded.stdout);
      admin = await t.adminToken();
      // The demo runs today and tomorrow (Paris), and the rounds below start up to 9 minutes ago: just after midnight that
      // is yesterday, outside its days. The event, as its organiser could, begins a day earlier — before any page reads it.
      const dayBefore = new Date(Date.parse(`${demo.event.startsOn}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
      expectData(await t.gql(`mutation ($input: UpdateEventInput!) { updateEvent(input: $input) { id } }`, { input: { id: demo.event.id, startsOn: dayBefore } }, admin));
    });

    /** Every table of a round as the API has it, with each person's languages (to choose swaps the rules allow). */
    const seating = async (roundId: string): Promise<Seated[]> => {
      const data = expectData(
        await t.gql(`query ($id: ID!) { round(id: $id) { meetings(first: 200) { edges { node { id table participants { id name languages } } } } } }`, { id: roundId }, admin),
      );
      return data.round.meetings.edges.map(({ node }: { node: { id: string; table: string; participants: Seated['members'] } }) => ({ meetingId: node.id, table: node.table, members: node.participants }));
    };
    const blocks = async (): Promise<Set<string>> => {
      const client = new Client({ connectionString: t.database.url });
      await client.connect();
      try {
        const { rows } = await client.query(`SELECT attendee_id, target_id FROM blocks`);
        return new Set(rows.map((row: { attendee_id: string; target_id: string }) => pairKey(row.attendee_id, row.target_id)));
      } finally {
        await client.end();
      }
    };
    const uniqueNames = (tables: Seated[]) => {
      const counts = new Map<string, number>();
      for (const person of tables.flatMap((table) => table.members)) counts.set(person.name, (counts.get(person.name) ?? 0) + 1);
      return (name: string) => counts.get(name) === 1;
    };

    /** Two people at two tables of two whose exchange breaks no rule: a common language with the new partner, no block, never met. */
    const allowedSwap = (tables: Seated[], blocked: Set<string>, met: Set<string>) => {
      const unique = uniqueNames(tables);
      const pairs = tables.filter((table) => table.members.length === 2);
      const fits = (person: Seated['members'][number], partner: Seated['members'][number]) =>
        person.languages.some((language) => partner.languages.includes(language)) && !blocked.has(pairKey(person.id, partner.id)) && !met.has(pairKey(person.id, partner.id));
      for (const [i, first] of pairs.entries()) {
        for (const second of pairs.slice(i + 1)) {
          const [x, y] = first.members as [Seated['members'][number], Seated['members'][number]];
          const [z, w] = second.members as [Seated['members'][number], Seated['members'][number]];
          if (unique(x.name) && unique(z.name) && fits(x, w) && fits(z, y)) return { x, z, xTable: first, zTable: second, xNewPartner: w };
        }
      }
      throw new Error('no swap the rules allow among the tables');
    };

    it('creates, generates, reviews, adjusts, publishes and closes three rounds, while two attendees see their meeting live', async () => {
      const organiser = await (await newContext(LAPTOP)).newPage();
      const organiserProblems = watchPage(organiser).problems;
      await signInThroughPage(organiser, t.baseUrl, { email: demo.organiser.email, accessCode: demo.organiser.accessCode }, '/organiser');
      await organiser.getByRole('link', { name: demo.event.name, exact: true }).click();
      await organiser.getByRole('link', { name: 'Rounds', exact: true }).click();
      await organiser.waitForURL(`${t.baseUrl}/organiser/e/demo/rounds`);
      await organiser.getByText('No round yet').waitFor();
      expect(await seriousAxeViolations(organiser)).toEqual([]);

      // Two checked-in attendees on their own phones, waiting.
      const present = expectData(await t.gql(`query ($e: ID!) { attendees(eventId: $e, first: 2, filter: {present: true}) { edges { node { id email } } } }`, { e: demo.event.id }, admin));
      const watchers = present.attendees.edges.map(({ node }: { node: { id: string; email: string } }) => node);
      const phones = await Promise.all(
        watchers.map(async (who: { id: string; email: string }) => {
          const page = await (await newPhone()).newPage();
          const problems = watchPage(page).problems;
          await signInThroughPage(page, t.baseUrl, { email: who.email, accessCode: await issueAccessCode(t, who.id) }, '/e/demo/me');
          await page.getByText('No meeting yet').waitFor();
          await page.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));
          return { who, page, problems };
        }),
      );

      const startOfDemo = Date.now();
      const blocked = await blocks();
      const met = new Set<string>();
      for (const number of [1, 2, 3]) {
        const name = `Round ${number}`;
        // Create: the form suggests the name. On the event's clock, rounds 1 and 2 took place in the last minutes, one after
        // the other (3 minutes each: two rounds of an event may not overlap), and round 3 began 3 minutes ago and lasts half
        // an hour, so all three can be closed at once and round 3 is the one the phones show as under way.
        await organiser.getByRole('link', { name: 'Rounds', exact: true }).click();
        await organiser.getByRole('heading', { name: 'New round' }).waitFor();
        if (number > 1) await organiser.locator('tbody tr', { hasText: `Round ${number - 1}` }).getByText('Closed', { exact: true }).waitFor();
        expect(await organiser.getByLabel('Name').inputValue()).toBe(name);
        await organiser.getByLabel('Starts at (Europe/Paris)').fill(parisTime(3 * (number - 4), startOfDemo));
        await organiser.getByLabel('Length in minutes').fill(number === 3 ? '30' : '3');
        if (number === 1) await organiser.getByLabel('Tables (optional)').fill('A1, A2, A3');
        await organiser.getByRole('button', { name: 'Create the round' }).click();
        await organiser.waitForURL(/\/organiser\/e\/demo\/rounds\/[0-9a-f-]{36}$/);
        const roundId = organiser.url().split('/').at(-1)!;
        await organiser.getByRole('heading', { level: 1, name }).waitFor();
        await organiser.getByText('Draft', { exact: true }).waitFor();

        // Generate, then the review: 270 of the 300 checked in, all seated; the 30 others not checked in.
        await organiser.getByRole('button', { name: 'Generate the pairs' }).click();
        await organiser.getByRole('heading', { name: 'Review' }).waitFor({ timeout: 120_000 });
        await organiser.getByText('Draft ready to review', { exact: true }).waitFor();
        const stat = (label: string) => organiser.locator('.stat', { has: organiser.getByText(label, { exact: true }) }).locator('dd');
        expect(await stat('Could be matched').textContent()).toBe('270');
        expect(await stat('Matched').textContent()).toBe('270');
        await organiser.getByText('Not checked in (30)').waitFor();
        expect(await organiser.locator('.worst-served li').count()).toBe(5);
        if (number === 1) await organiser.locator('tbody th', { hasText: 'A1' }).first().waitFor();
        // Every table on screen, for the swaps below (50 a page).
        const before = await seating(roundId);
        const rows = organiser.locator('.meetings-table tbody tr');
        for (let shown = 50; shown < before.length; shown += 50) {
          await rows.nth(shown - 1).waitFor();
          await organiser.getByRole('button', { name: 'Show more tables' }).click();
        }
        await rows.nth(before.length - 1).waitFor();
        expect(await rows.count()).toBe(before.length);

        if (number === 2) {
          // Someone seated with their round-1 partner: refused in words, then forced with a reason.
          const unique = uniqueNames(before);
          const tableOf = (id: string) => before.find((table) => table.members.some((member) => member.id === id))!;
          const candidate = before
            .filter((table) => table.members.length === 2)
            .flatMap((table) => table.members)
            .map((x) => {
              const partnerId = [...met].map((key) => key.split('|')).find((pair) => pair.includes(x.id) && pair.length === 2)?.find((id) => id !== x.id);
              const partnerTable = partnerId ? tableOf(partnerId) : undefined;
              const y = partnerTable?.members.find((member) => member.id === partnerId);
              const v = partnerTable?.members.find((member) => member.id !== partnerId);
              // Whom v sits with instead: x's partner of this round.
              const u = tableOf(x.id).members.find((member) => member.id !== x.id);
              return { x, y, v, u, partnerTable };
            })
            .find(
              ({ x, y, v, u, partnerTable }) =>
                y && v && u && partnerTable!.members.length === 2 && unique(x.name) && unique(v.name) && !partnerTable!.members.some((m) => m.id === x.id) && !met.has(pairKey(v.id, u.id)),
            )!;
          const { x, y, v } = candidate as { x: Seated['members'][number]; y: Seated['members'][number]; v: Seated['members'][number] };
          await organiser.getByRole('button', { name: `Select ${x.name}`, exact: true }).click();
          await organiser.getByRole('button', { name: `Select ${v.name}`, exact: true }).click();
          await organiser.getByRole('button', { name: `Swap ${x.name} and ${v.name}` }).click();
          const refusal = organiser.getByRole('alert').filter({ hasText: 'breaks a rule' });
          await refusal.waitFor();
          // The API names the two in either order.
          expect(await refusal.getByRole('listitem').allTextContents()).toContainEqual(
            expect.stringMatching(new RegExp(`^(${escapeRegExp(x.name)} and ${escapeRegExp(y.name)}|${escapeRegExp(y.name)} and ${escapeRegExp(x.name)}) have already met at this event\\.$`)),
          );
          // Nothing changed in the draft meanwhile.
          expect(await seating(roundId)).toEqual(before);
          await refusal.getByLabel('Reason for overriding the rule').fill('They asked to carry on their conversation from round 1');
          await refusal.getByRole('button', { name: 'Swap anyway' }).click();
          await organiser.getByText(`Done: swap of ${x.name} and ${v.name}.`).waitFor();
          const after = await seating(roundId);
          expect(after.find((table) => table.members.some((member) => member.id === x.id))!.members.map((member) => member.id).sort()).toEqual([x.id, y!.id].sort());
        } else {
          const { x, z, xTable, zTable, xNewPartner } = allowedSwap(before, blocked, met);
          await organiser.getByRole('button', { name: `Select ${x.name}`, exact: true }).click();
          await organiser.getByRole('button', { name: `Select ${z.name}`, exact: true }).click();
          expect(await organiser.getByRole('button', { name: `Select ${z.name}`, exact: true }).getAttribute('aria-pressed')).toBe('true');
          await organiser.getByRole('button', { name: `Swap ${x.name} and ${z.name}` }).click();
          await organiser.getByText(`Done: swap of ${x.name} and ${z.name}.`).waitFor();
          const after = await seating(roundId);
          const xNow = after.find((table) => table.members.some((member) => member.id === x.id))!;
          expect({ table: xNow.table, with: xNow.members.map((member) => member.id).sort() }).toEqual({ table: zTable.table, with: [x.id, xNewPartner.id].sort() });
          expect(after.find((table) => table.members.some((member) => member.id === z.id))!.table).toBe(xTable.table);
          // The tables on screen follow: x now sits at z's former table.
          await organiser.locator('.meetings-table tbody tr', { has: organiser.getByText(zTable.table, { exact: true }) }).getByText(x.name, { exact: true }).waitFor();
        }
        if (number === 1) {
          // The top of the review and its first tables, as a laptop shows them.
          await organiser.evaluate(() => window.scrollTo(0, 0));
          await fs.mkdir(path.dirname(SCREENSHOT), { recursive: true });
          await organiser.screenshot({ path: SCREENSHOT, clip: { x: 0, y: 0, width: 1280, height: 1500 }, fullPage: true });
          expect((await fs.stat(SCREENSHOT)).size).toBeGreaterThan(20_000);
          const missing = await fs.stat(README_SCREENSHOT).then(() => false, () => true);
          if (missing || process.env.UPDATE_SCREENSHOTS === '1') await fs.copyFile(SCREENSHOT, README_SCREENSHOT);
          expect(await seriousAxeViolations(organiser)).toEqual([]);
        }

        // Publish (asked first), and on round 3 (under way) the two phones show their own meeting, without a reload.
        await organiser.getByRole('button', { name: 'Publish…' }).click();
        const dialog = organiser.getByRole('dialog', { name: `Publish ${name}?` });
        await dialog.getByText('270 attendees see their table and partner at once').waitFor();
        if (number === 1) expect(await seriousAxeViolations(organiser)).toEqual([]);
        await dialog.getByRole('button', { name: 'Publish now' }).click();
        await organiser.getByText('Published', { exact: true }).waitFor();
        for (const table of await seating(roundId)) {
          for (const a of table.members) for (const b of table.members) if (a.id < b.id) met.add(pairKey(a.id, b.id));
        }
        if (number === 3) {
          for (const { who, page, problems } of phones) {
            await page.getByRole('heading', { level: 2, name }).waitFor({ timeout: 10_000 });
            const mine = expectData(await t.gql(`{ myMeetings { roundId table partners { id name } } }`, {}, await attendeeToken(t, who))).myMeetings.find(
              (meeting: { roundId: string | null }) => meeting.roundId === roundId,
            );
            const card = page.locator('.next-meeting');
            // The place as the home words it (apps/web/src/shared/table-place.ts): "Table 135" as stored, "Table A1" for a code.
            expect(await card.textContent()).toContain(tablePlace(mine.table, (code) => `Table ${code}`));
            for (const partner of mine.partners) expect(await card.textContent()).toContain(partner.name);
            expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
            expect(problems).toEqual([]);
          }
        }

        if (number === 3) {
          // Someone did not come: marked from the round's pairings before it is closed.
          await organiser.getByRole('link', { name: 'Mark who did not come (in the pairings of this round)' }).click();
          await organiser.waitForURL(/\/organiser\/e\/demo\/reports\?round=/);
          expect(await organiser.getByLabel('Round', { exact: true }).inputValue()).toBe(roundId);
          const firstRow = organiser.locator('.pairings-table tbody tr').first();
          await firstRow.getByText(name, { exact: true }).waitFor();
          const absent = (await firstRow.locator('.person-name').first().textContent())!;
          await firstRow.getByRole('button', { name: `${absent} did not come` }).click();
          await firstRow.getByText('did not come', { exact: true }).waitFor();
          expect(await firstRow.getByRole('button', { name: `${absent} did not come` }).getAttribute('aria-pressed')).toBe('true');
          expect(await firstRow.getByText('No-show', { exact: true }).count()).toBe(1);
          await organiser.goBack();
          await organiser.getByRole('heading', { level: 1, name }).waitFor();
        }

        // Close: the conversations are over.
        await organiser.getByRole('button', { name: 'Close…' }).click();
        await organiser.getByRole('dialog', { name: `Close ${name}?` }).getByRole('button', { name: 'Close the round' }).click();
        await organiser.getByText('Closed', { exact: true }).waitFor();
        expect(expectData(await t.gql(`query ($id: ID!) { round(id: $id) { status } }`, { id: roundId }, admin)).round.status).toBe('CLOSED');
      }

      // The list shows the three rounds, closed, and no pair met twice.
      await organiser.getByRole('link', { name: 'Rounds', exact: true }).click();
      for (const number of [1, 2, 3]) await organiser.locator('tbody tr', { hasText: `Round ${number}` }).getByText('Closed', { exact: true }).waitFor();
      const stats = expectData(await t.gql(`query ($e: ID!) { eventStats(eventId: $e) { repeatPairs meetingsHeld } }`, { e: demo.event.id }, admin)).eventStats;
      // Round 2's forced swap seated a pair from round 1 again, on purpose and with its reason.
      expect(stats.repeatPairs).toBe(1);

      // The reports: the key figures, the pairings a page at a time and by round, and the workbook.
      await organiser.getByRole('link', { name: 'Reports', exact: true }).click();
      await organiser.getByRole('heading', { level: 1, name: 'Reports' }).waitFor();
      const kpi = (label: string) => organiser.locator('.stat', { has: organiser.getByText(label, { exact: true }) }).locator('dd');
      await kpi('Meetings').waitFor();
      expect({
        met: await kpi('Met someone').textContent(),
        meetings: await kpi('Meetings').textContent(),
        held: await kpi('Held').textContent(),
        noShows: await kpi('No-shows').textContent(),
        twice: await kpi('Pairs who met twice').textContent(),
      }).toEqual({ met: '270', meetings: '405', held: '404', noShows: '1', twice: '1' });
      const pairings = organiser.locator('.pairings-table tbody tr');
      await organiser.getByText('1–50 of 405', { exact: true }).waitFor();
      expect(await pairings.count()).toBe(50);
      expect(await pairings.first().textContent()).toContain('Round 1');
      await organiser.getByRole('button', { name: 'Next page' }).click();
      await organiser.getByText('51–100 of 405', { exact: true }).waitFor();
      await organiser.getByLabel('Round', { exact: true }).selectOption({ label: 'Round 3' });
      await organiser.getByText('1–50 of 135', { exact: true }).waitFor();
      expect(await pairings.first().textContent()).toContain('Round 3');
      expect(await seriousAxeViolations(organiser)).toEqual([]);

      await organiser.emulateMedia({ colorScheme: 'dark' });
      expect({ dark: await seriousAxeViolations(organiser) }).toEqual({ dark: [] });
      await organiser.emulateMedia({ colorScheme: 'light' });
      await organiser.getByLabel('Round', { exact: true }).selectOption({ label: 'All published rounds' });
      const [download] = await Promise.all([organiser.waitForEvent('download'), organiser.getByRole('button', { name: 'Download XLSX (Excel)' }).click()]);
      expect(download.suggestedFilename()).toBe('pairwise-demo-pairings.xlsx');
      const file = path.join(path.dirname(SCREENSHOT), 'pairings.xlsx');
      await download.saveAs(file);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(file);
      expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Summary', 'Round 1', 'Round 2', 'Round 3']);
      // A header line and one line per meeting.
      expect(workbook.worksheets.slice(1).map((sheet) => sheet.rowCount)).toEqual([136, 136, 136]);
      const [csvDownload] = await Promise.all([organiser.waitForEvent('download'), organiser.getByRole('button', { name: 'Download CSV' }).click()]);
      expect(csvDownload.suggestedFilename()).toBe('pairwise-demo-pairings.csv');
      const csv = await fs.readFile(await csvDownload.path(), 'utf8');
      expect(parse(csv, { bom: true })).toHaveLength(406);
      expect(organiserProblems).toEqual([]);
    });
  });

  describe('generating a round shows its progress', () => {
    const { t, signInOrganiser } = suite;

    it('says which phase it is in and how many attendees, then shows the review; light and dark pass axe-core', async () => {
      const parisDay = (at: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
      const event = await createEvent(t, { name: 'Big Conference', startsOn: parisDay(new Date()), endsOn: parisDay(new Date(Date.now() + 86_400_000)), timeZone: 'Europe/Paris' });
      await seedConference(t.database.url, event.id, 300);
      const organiser = await createOrganiser(t, event.id);
      const round = expectData(
        await t.gql(`mutation ($input: CreateRoundInput!) { createRound(input: $input) { id } }`, { input: { eventId: event.id, name: 'Big round', startsAt: new Date(Date.now() + 3_600_000).toISOString().replace(/:\d\d\.\d+Z$/, ':00Z') } }, organiser.token),
      ).createRound;
      for (const colorScheme of ['light', 'dark'] as const) {
        const { page, problems } = await signInOrganiser(event.id, { ...LAPTOP, colorScheme });
        // The list of rounds and its form, in both schemes.
        await page.goto(`${t.baseUrl}/organiser/e/${event.slug}/rounds`);
        await page.getByRole('link', { name: 'Big round' }).waitFor();
        await page.getByRole('button', { name: 'Create the round' }).waitFor();
        expect({ colorScheme, screen: 'rounds', violations: await seriousAxeViolations(page) }).toEqual({ colorScheme, screen: 'rounds', violations: [] });
        await page.getByRole('link', { name: 'Big round' }).click();
        await page.waitForURL(`${t.baseUrl}/organiser/e/${event.slug}/rounds/${round.id}`);
        if (colorScheme === 'light') {
          await page.getByRole('button', { name: 'Generate the pairs' }).waitFor();
          expect(await seriousAxeViolations(page)).toEqual([]);
          // The generation is held in its storing phase by a real lock, for as long as the page needs to be
          // read: a phase that lasts "long enough" by the roster's size alone was either missed between two
          // polls on an idle machine or took minutes on a loaded one.
          const holder = new Client({ connectionString: t.database.url });
          await holder.connect();
          try {
            await holder.query('BEGIN');
            await holder.query('LOCK TABLE meetings, meeting_participants IN SHARE ROW EXCLUSIVE MODE');
            await page.getByRole('button', { name: 'Generate the pairs' }).click();
            await page.getByRole('heading', { name: 'Generating the pairs' }).waitFor();
            await page.getByText('Saving the tables of 300 attendees…').waitFor({ timeout: 120_000 });
            expect(await page.locator('progress').getAttribute('value')).toBe('3');
            expect(await seriousAxeViolations(page)).toEqual([]);
          } finally {
            await holder.query('ROLLBACK').catch(() => undefined);
            await holder.end();
          }
        }
        await page.getByRole('heading', { name: 'Review' }).waitFor({ timeout: 180_000 });
        expect(await page.getByRole('heading', { name: 'Generating the pairs' }).count()).toBe(0);
        await page.getByRole('button', { name: 'Select', exact: false }).first().click();
        expect({ colorScheme, violations: await seriousAxeViolations(page) }).toEqual({ colorScheme, violations: [] });
        expect(problems).toEqual([]);
      }
    });
  });

  describe('a draft broken after it was generated', () => {
    const { t, signInOrganiser } = suite;

    it('warns which tables break a rule now, refuses to publish in words, and publishes once a swap fixed them', async () => {
      const parisDay = (at: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
      const event = await createEvent(t, { name: 'Small Meetup', startsOn: parisDay(new Date()), endsOn: parisDay(new Date(Date.now() + 86_400_000)) });
      const people = [];
      for (const name of ['Ada Lovelace', 'Grace Hopper', 'Alan Turing', 'Edsger Dijkstra']) {
        people.push({ name, ...(await createAttendee(t, event.id, { name, present: true, interests: ['rag'], languages: ['en'] })) });
      }
      const organiser = await createOrganiser(t, event.id);
      const round = expectData(
        await t.gql(`mutation ($input: CreateRoundInput!) { createRound(input: $input) { id } }`, { input: { eventId: event.id, name: 'Round 1', startsAt: new Date(Date.now() + 3_600_000).toISOString() } }, organiser.token),
      ).createRound;
      expectData(await t.gql(`mutation ($id: ID!) { generateRound(input: {roundId: $id}) { id } }`, { id: round.id }, organiser.token));
      await waitForRound(t, round.id, organiser.token);
      const tables: { participants: { id: string }[] }[] = expectData(
        await t.gql(`query ($id: ID!) { round(id: $id) { meetings { edges { node { participants { id } } } } } }`, { id: round.id }, organiser.token),
      ).round.meetings.edges.map((edge: { node: unknown }) => edge.node);
      const byId = new Map(people.map((person) => [person.id, person]));
      const [a, b] = tables[0]!.participants.map((p) => byId.get(p.id)!) as [(typeof people)[number], (typeof people)[number]];
      const [c] = tables[1]!.participants.map((p) => byId.get(p.id)!);
      // After the draft was made, a blocks b.
      expectData(await t.gql(`mutation ($id: ID!) { blockAttendee(attendeeId: $id) }`, { id: b.id }, await attendeeToken(t, a)));

      const { page, problems } = await signInOrganiser(event.id, LAPTOP);
      await page.goto(`${t.baseUrl}/organiser/e/${event.slug}/rounds/${round.id}`);
      const warning = page.getByRole('alert').filter({ hasText: '1 table breaks a rule since this draft was generated' });
      await warning.waitFor();
      expect(await warning.getByRole('listitem').allTextContents()).toEqual([expect.stringMatching(new RegExp(`^\\S+ \\S+: (${a.name} · ${b.name}|${b.name} · ${a.name}) — one of them blocked the other\\.$`))]);
      await page.locator('.meetings-table tbody tr', { hasText: a.name }).getByText('Breaks a rule').waitFor();
      expect(await page.locator('.meetings-table').getByText('Breaks a rule').count()).toBe(1);
      expect(await seriousAxeViolations(page)).toEqual([]);

      await page.getByRole('button', { name: 'Publish…' }).click();
      await page.getByRole('dialog', { name: 'Publish Round 1?' }).getByRole('button', { name: 'Publish now' }).click();
      await page.getByText('Since this draft was made, something changed that breaks a rule for some of its tables').waitFor();
      expect(expectData(await t.gql(`query ($id: ID!) { round(id: $id) { status } }`, { id: round.id }, organiser.token)).round.status).toBe('GENERATED');

      // Fixed by hand, by keyboard alone: b changes places with c. Once two are selected the swap has the focus.
      await page.getByRole('button', { name: `Select ${b.name}`, exact: true }).focus();
      await page.keyboard.press('Enter');
      await page.getByRole('button', { name: `Select ${c!.name}`, exact: true }).focus();
      await page.keyboard.press('Space');
      const focused = () => page.evaluate(() => document.activeElement?.textContent ?? '');
      await page.waitForFunction((label) => document.activeElement?.textContent === label, `Swap ${b.name} and ${c!.name}`);
      await page.keyboard.press('Enter');
      await page.getByText(`Done: swap of ${b.name} and ${c!.name}.`).waitFor();
      await warning.waitFor({ state: 'detached' });
      // The dialog takes the focus on its confirming button, and gives it back when it closes.
      await page.getByRole('button', { name: 'Publish…' }).focus();
      await page.keyboard.press('Enter');
      await page.getByRole('dialog', { name: 'Publish Round 1?' }).waitFor();
      expect(await focused()).toBe('Publish now');
      await page.keyboard.press('Escape');
      await page.getByRole('dialog', { name: 'Publish Round 1?' }).waitFor({ state: 'hidden' });
      expect(await focused()).toBe('Publish…');
      await page.keyboard.press('Enter');
      await page.keyboard.press('Enter');
      await page.getByText('Published', { exact: true }).waitFor();
      expect(problems).toEqual([]);
    });
  });
});
