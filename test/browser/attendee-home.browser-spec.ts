import fs from 'node:fs/promises';
import path from 'node:path';
import type { BrowserContextOptions } from 'playwright-core';
import { type AttendeeFixture, attendeeToken, createAttendee, createEvent, createOrganiser, expectData, waitForRound } from '@pairwise/testing';
import { issueAccessCode, seriousAxeViolations, signInThroughPage, useBrowserSuite, watchPage } from '@pairwise/testing/browser';

/**
 * The README's picture. Each run saves it under test-results/; it replaces the committed one in docs/ when
 * that is missing or when asked (`UPDATE_SCREENSHOTS=1`): the pairing's wording varies with the generated ids,
 * and a picture rewritten by every `npm test` would leave every checkout with a changed file.
 */
const SCREENSHOT = path.resolve(__dirname, '../../test-results/screenshots/attendee-home.png');
const README_SCREENSHOT = path.resolve(__dirname, '../../docs/screenshots/attendee-home.png');

/** The next 10:30 on a Paris clock at least an hour away, as an instant, and the Paris dates around it. */
function nextParisMorning(now = new Date()): { startsAt: Date; day: string; nextDay: string } {
  const parisDay = (at: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
  const offset = (at: Date) => new Intl.DateTimeFormat('en-US', { timeZone: 'Europe/Paris', timeZoneName: 'longOffset' }).format(at).split('GMT')[1] || '+00:00';
  for (let days = 0; ; days++) {
    const day = parisDay(new Date(now.getTime() + days * 86_400_000));
    const startsAt = new Date(`${day}T10:30:00${offset(new Date(`${day}T10:30:00Z`))}`);
    if (startsAt.getTime() > now.getTime() + 3_600_000) return { startsAt, day, nextDay: parisDay(new Date(startsAt.getTime() + 86_400_000)) };
  }
}

describe('the attendee home on a phone, live', () => {
  const { t, newPhone } = useBrowserSuite();
  let eventId: string;
  let slug: string;
  let organiser: string;
  let people: Record<'ada' | 'grace' | 'alan' | 'katherine', AttendeeFixture & { name: string }>;
  const morning = nextParisMorning();

  const signedInPhone = async (who: AttendeeFixture, options: BrowserContextOptions = {}) => {
    const page = await (await newPhone(options)).newPage();
    const watched = watchPage(page);
    await signInThroughPage(page, t.baseUrl, { email: who.email, accessCode: await issueAccessCode(t, who.id) }, `/e/${slug}/me`);
    return { page, problems: watched.problems };
  };

  /** A generated draft with a fixed seed: the same tables and words every run, so the README's picture only changes with the code. */
  const generatedRound = async (name: string, startsAt: Date, tables: string[]): Promise<string> => {
    const round = expectData(
      await t.gql(`mutation ($input: CreateRoundInput!) { createRound(input: $input) { id } }`, { input: { eventId, name, startsAt: startsAt.toISOString(), durationMinutes: 15, tables } }, organiser),
    ).createRound;
    expectData(await t.gql(`mutation ($input: GenerateRoundInput!) { generateRound(input: $input) { id } }`, { input: { roundId: round.id, seed: name } }, organiser));
    expect(await waitForRound(t, round.id, organiser)).toMatchObject({ status: 'GENERATED' });
    return round.id;
  };

  const publish = async (roundId: string) => {
    expectData(await t.gql(`mutation ($id: ID!) { publishRound(roundId: $id) { status } }`, { id: roundId }, organiser));
  };
  /** Round 1, published once: by the first test (which times it), or by whichever test runs without it. */
  let roundOne: Promise<void> | undefined;
  const roundOnePublished = () => (roundOne ??= generatedRound('Round 1', morning.startsAt, ['A1', 'A2']).then(publish));

  beforeAll(async () => {
    const event = await createEvent(t, {
      name: 'Paris AI Days',
      timeZone: 'Europe/Paris',
      startsOn: morning.day,
      endsOn: morning.nextDay,
      vocabulary: [{ slug: 'rag', label: 'RAG' }, { slug: 'evals', label: 'Evals' }, { slug: 'inference', label: 'Inference' }, { slug: 'agents', label: 'Agents' }],
    });
    ({ id: eventId, slug } = event);
    organiser = (await createOrganiser(t, eventId)).token;
    const attendee = async (profile: { name: string } & Record<string, unknown>) => ({
      ...(await createAttendee(t, eventId, { present: true, consentMatchmaking: true, ...profile })),
      name: profile.name,
    });
    people = {
      ada: await attendee({ name: 'Ada Lovelace', role: 'researcher', company: 'Analytical Engines', interests: ['rag', 'evals'], languages: ['en', 'fr'], lookingFor: ['inference'], canOffer: ['evals'] }),
      grace: await attendee({ name: 'Grace Hopper', role: 'engineer', company: 'Navy Labs', interests: ['rag', 'inference'], languages: ['en'], lookingFor: ['evals'], canOffer: ['inference'] }),
      alan: await attendee({ name: 'Alan Turing', role: 'founder', company: 'Bletchley', interests: ['evals', 'agents'], languages: ['en'] }),
      katherine: await attendee({ name: 'Katherine Johnson', role: 'researcher', company: 'Langley', interests: ['inference', 'agents'], languages: ['en'] }),
    };
  });

  it('shows two attendees, on two phones, nothing yet, then each their own meeting within 2 s of publish, without a reload', async () => {
    const phones = [await signedInPhone(people.ada), await signedInPhone(people.alan)];
    for (const { page } of phones) {
      await page.getByText('No meeting yet').waitFor();
      await page.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));
    }
    const roundId = await generatedRound('Round 1', morning.startsAt, ['A1', 'A2']);
    // Subscriptions are open before publish: the pages only see it by being told. The 2 s run from the
    // moment publishRound has answered (the round is public then), not from when it was sent.
    roundOne = publish(roundId);
    await roundOne;
    const publishedAt = Date.now();
    await Promise.all(phones.map(({ page }) => page.getByRole('heading', { level: 2, name: 'Round 1' }).waitFor({ timeout: 10_000 })));
    const elapsedMs = Date.now() - publishedAt;
    await fs.mkdir(path.dirname(SCREENSHOT), { recursive: true });
    await fs.writeFile(path.resolve(SCREENSHOT, '../../publish-to-phones-ms.txt'), `${elapsedMs}\n`);
    expect(elapsedMs).toBeLessThanOrEqual(2_000);

    const everyone = Object.values(people);
    for (const [index, who] of [people.ada, people.alan].entries()) {
      const { page, problems } = phones[index]!;
      // The API's answer for this attendee is the truth the page must show: their table and their partner, nobody else's.
      const [mine] = expectData(await t.gql(`{ myMeetings { table partners { id name } } }`, {}, await attendeeToken(t, who))).myMeetings;
      const partnerIds = new Set(mine.partners.map((partner: { id: string }) => partner.id));
      const card = page.locator('.next-meeting');
      const text = (await card.textContent()) ?? '';
      expect(text).toContain(`Table ${mine.table}`);
      // The sentence speaks to them ("You and Grace both care about RAG"): another person's name shows only if they sit at this table.
      for (const other of everyone.filter((person) => person.id !== who.id)) {
        expect({ name: other.id, shown: text.includes(other.name) }).toEqual({ name: other.id, shown: partnerIds.has(other.id) });
      }
      expect(text).toMatch(/Starts (at|.* at) 10:30/);
      expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
      expect(problems).toEqual([]);
    }
  });

  it('passes axe-core (no serious or critical violation) on sign-in and home, light and dark', async () => {
    await roundOnePublished();
    for (const colorScheme of ['light', 'dark'] as const) {
      const page = await (await newPhone({ colorScheme })).newPage();
      await page.goto(`${t.baseUrl}/sign-in`);
      await page.getByRole('button', { name: 'Sign in', exact: true }).waitFor();
      expect({ colorScheme, screen: 'sign-in', violations: await seriousAxeViolations(page) }).toEqual({ colorScheme, screen: 'sign-in', violations: [] });

      await signInThroughPage(page, t.baseUrl, { email: people.grace.email, accessCode: await issueAccessCode(t, people.grace.id) }, `/e/${slug}/me`);
      await page.getByRole('heading', { level: 2, name: 'Round 1' }).waitFor();
      expect({ colorScheme, screen: 'home', violations: await seriousAxeViolations(page) }).toEqual({ colorScheme, screen: 'home', violations: [] });
    }
    // The empty home too: an attendee of another event with nothing yet.
    const other = await createEvent(t);
    const newcomer = await createAttendee(t, other.id, { name: 'Edsger Dijkstra' });
    const page = await (await newPhone()).newPage();
    await signInThroughPage(page, t.baseUrl, { email: newcomer.email, accessCode: await issueAccessCode(t, newcomer.id) }, `/e/${other.slug}/me`);
    await page.getByText('No meeting yet').waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it('shows "reconnecting" while the network is gone, and catches up on what was published meanwhile', async () => {
    await roundOnePublished();
    const { page, problems } = await signedInPhone(people.katherine);
    await page.getByRole('heading', { level: 2, name: 'Round 1' }).waitFor();
    const banner = page.getByText('Connection lost — reconnecting…');
    expect(await banner.isVisible()).toBe(false);

    await page.context().setOffline(true);
    await banner.waitFor();
    // Published while this phone is offline: the push cannot reach it.
    const second = await generatedRound('Round 2', new Date(morning.startsAt.getTime() + 20 * 60_000), ['B1', 'B2']);
    await publish(second);

    await page.context().setOffline(false);
    await banner.waitFor({ state: 'hidden', timeout: 15_000 });
    await page.getByRole('region', { name: 'Later' }).getByText(/Round 2 · 10:50 · Table B/).waitFor({ timeout: 15_000 });
    // Failed requests while offline are expected console noise; nothing else.
    expect(problems.filter((problem) => !/net::ERR_INTERNET_DISCONNECTED|Failed to fetch|WebSocket/.test(problem))).toEqual([]);
  });

  it('fits a 360 × 740 phone with nothing cut off, and saves the screenshot of the home for the README', async () => {
    await roundOnePublished();
    const context = await newPhone();
    const page = await context.newPage();
    // The page's clock four and a half minutes before the round, so the picture is the same every run.
    await page.clock.setFixedTime(new Date(morning.startsAt.getTime() - 270_000));
    await signInThroughPage(page, t.baseUrl, { email: people.ada.email, accessCode: await issueAccessCode(t, people.ada.id) }, `/e/${slug}/me`);
    await page.getByRole('heading', { level: 2, name: 'Round 1' }).waitFor();
    await page.getByText('in 4 min 30 s', { exact: true }).waitFor();
    // A phone with nothing cached opens the home and sees its meeting. The target is a second on localhost
    // (docs/benchmarks.md, measured on an idle machine); a test on a machine shared by many builds only
    // guards against the home becoming slow for real.
    const session = await page.evaluate(() => localStorage.getItem('pairwise.session')!);
    const cold = await (await newPhone()).newPage();
    await cold.addInitScript((stored) => localStorage.setItem('pairwise.session', stored), session);
    const openedAt = Date.now();
    await cold.goto(`${t.baseUrl}/e/${slug}/me`);
    await cold.getByRole('heading', { level: 2, name: 'Round 1' }).waitFor();
    const usableMs = Date.now() - openedAt;
    await fs.mkdir(path.dirname(SCREENSHOT), { recursive: true });
    await fs.writeFile(path.resolve(SCREENSHOT, '../../home-usable-ms.txt'), `${usableMs}\n`);
    expect(usableMs).toBeLessThan(10_000);
    expect(page.viewportSize()).toEqual({ width: 360, height: 740 });
    const widths = await page.evaluate(() => ({ page: document.documentElement.scrollWidth, viewport: window.innerWidth }));
    expect(widths.page).toBeLessThanOrEqual(widths.viewport);
    // Every control can be reached: nothing interactive is outside the viewport's width.
    const offscreen = await page.evaluate(() =>
      [...document.querySelectorAll('a, button, select, input')].filter((element) => element.getBoundingClientRect().right > window.innerWidth).map((element) => element.outerHTML),
    );
    expect(offscreen).toEqual([]);
    await fs.mkdir(path.dirname(SCREENSHOT), { recursive: true });
    await page.screenshot({ path: SCREENSHOT, fullPage: true });
    expect((await fs.stat(SCREENSHOT)).size).toBeGreaterThan(10_000);
    const missing = await fs.stat(README_SCREENSHOT).then(() => false, () => true);
    if (missing || process.env.UPDATE_SCREENSHOTS === '1') await fs.copyFile(SCREENSHOT, README_SCREENSHOT);
  });
});
