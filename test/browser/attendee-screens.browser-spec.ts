import type { Page } from 'playwright-core';
import { expectData } from '@pairwise/testing';
import { cutOffOnTheRight, seriousAxeViolations, useBrowserSuite } from '@pairwise/testing/browser';
import { parisEvent, phones } from './attendee-fixture';

/** Every attendee screen, as its menu tab reads in English and French, and a heading that says it has loaded. */
const SCREENS = [
  { path: 'me', tab: { en: 'My meetings', fr: 'Mes rencontres' }, ready: { en: 'Past meetings', fr: 'Rencontres passées' } },
  { path: 'profile', tab: { en: 'Profile', fr: 'Profil' }, ready: { en: 'What your partners see', fr: 'Ce que voient vos partenaires' } },
  { path: 'office-hours', tab: { en: 'Office hours', fr: 'Permanences' }, ready: { en: 'Agents in production', fr: 'Agents in production' } },
  { path: 'requests', tab: { en: 'Requests', fr: 'Demandes' }, ready: { en: 'Received', fr: 'Reçues' } },
  { path: 'calendar', tab: { en: 'Calendar', fr: 'Agenda' }, ready: { en: 'Subscription link', fr: 'Lien d’abonnement' } },
  { path: 'privacy', tab: { en: 'Privacy', fr: 'Confidentialité' }, ready: { en: 'Delete my data', fr: 'Supprimer mes données' } },
] as const;

describe('every attendee screen on a 360 × 740 phone', () => {
  const suite = useBrowserSuite();
  const { t } = suite;
  const phone = phones(suite);
  let event: Awaited<ReturnType<typeof parisEvent>>;
  let ada: Awaited<ReturnType<Awaited<ReturnType<typeof parisEvent>>['attendee']>>;

  beforeAll(async () => {
    // Every screen with something on it: a past meeting (its feedback form), the next one, a coming round, a talk.
    event = await parisEvent(t);
    ada = await event.attendee({
      name: 'Ada Lovelace',
      role: 'researcher',
      company: 'Analytical Engines',
      interests: ['rag', 'evals', 'agents', 'inference'],
      stack: ['pytorch'],
      lookingFor: ['inference'],
      canOffer: ['evals'],
      languages: ['en', 'fr'],
      bio: 'Writing the first programs for machines that do not exist yet, and evaluating retrieval in production systems.',
      sharedFields: ['name', 'role', 'company', 'interests', 'lookingFor', 'canOffer', 'languages', 'bio'],
    });
    const people = ['Grace Hopper', 'Alan Turing', 'Katherine Johnson'];
    const others = [];
    for (const name of people) others.push(await event.attendee({ name, interests: ['rag', 'evals'], lookingFor: ['evals'], canOffer: ['inference'], sharedFields: ['name', 'role', 'company', 'interests', 'lookingFor', 'canOffer', 'bio'], bio: `${name} builds compilers and agents.` }));
    const hour = 3_600_000;
    await event.round('Breakfast round', new Date(Date.now() - 2 * hour));
    await event.round('Late morning round with a long name', new Date(Date.now() + hour));
    await event.round('Afternoon round', new Date(Date.now() + 4 * hour), { publish: false });
    expectData(
      await t.gql(
        `mutation ($input: CreateTalkInput!) { createTalk(input: $input) { id } }`,
        { input: { eventId: event.id, title: 'Agents in production', speakerId: others[0]!.id, startsAt: new Date(Date.now() + 5 * hour).toISOString(), durationMinutes: 30, tags: ['agents'], location: 'Speaker corner, hall B' } },
        event.organiser,
      ),
    );
  });

  /** Goes to each screen through the menu, as a thumb would, and checks it on the way. */
  const visitEvery = async (page: Page, language: 'en' | 'fr', label: string) => {
    for (const screen of SCREENS) {
      const menu = page.getByRole('navigation', { name: language === 'en' ? 'Attendee pages' : 'Pages participant' });
      const tab = menu.getByRole('link', { name: screen.tab[language], exact: true });
      await tab.click();
      await page.waitForURL(`${t.baseUrl}/e/${event.slug}/${screen.path}`);
      await page.getByRole('heading', { name: screen.ready[language] }).first().waitFor();
      expect(await tab.getAttribute('aria-current')).toBe('page');
      expect(page.viewportSize()).toEqual({ width: 360, height: 740 });
      expect({ label, screen: screen.path, cutOff: await cutOffOnTheRight(page) }).toEqual({ label, screen: screen.path, cutOff: [] });
      expect({ label, screen: screen.path, violations: await seriousAxeViolations(page) }).toEqual({ label, screen: screen.path, violations: [] });
    }
  };

  it('reaches each screen from the menu, nothing cut off, no serious axe-core violation, in light and dark', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      const { page, problems } = await phone.signedIn(ada, event.slug, { colorScheme });
      await visitEvery(page, 'en', colorScheme);
      expect(problems).toEqual([]);
    }
  });

  it('does so in French too, whose words are longer', async () => {
    const { page, problems } = await phone.signedIn(ada, event.slug);
    await page.getByLabel('Language', { exact: true }).selectOption('fr');
    await page.getByRole('heading', { level: 1, name: 'Mes rencontres' }).waitFor();
    await visitEvery(page, 'fr', 'fr');
    expect(problems).toEqual([]);
  });

  it('has the sign-in screens fit too, with the code and with the link by email', async () => {
    const page = await (await phone.open()).newPage();
    await page.goto(`${t.baseUrl}/sign-in`);
    await page.getByRole('button', { name: 'Sign in', exact: true }).waitFor();
    expect(await cutOffOnTheRight(page)).toEqual([]);
    await page.getByRole('button', { name: 'No access code? Get a sign-in link by email' }).click();
    await page.getByRole('button', { name: 'Email me a sign-in link' }).waitFor();
    expect(await cutOffOnTheRight(page)).toEqual([]);
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it('can be used with the keyboard alone: the menu, and a screen’s controls, in order', async () => {
    const { page } = await phone.signedIn(ada, event.slug);
    await page.reload(); // as opened afresh, focus at the top
    await page.getByRole('heading', { name: 'Past meetings' }).waitFor();
    // From the top: the skip link first, then the header's controls and the menu.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content');
    const reached: string[] = [];
    for (let step = 0; step < 12 && !reached.includes('Privacy'); step++) {
      await page.keyboard.press('Tab');
      reached.push((await page.evaluate(() => document.activeElement?.textContent?.trim())) ?? '');
    }
    expect(reached).toEqual(expect.arrayContaining(['My meetings', 'Profile', 'Office hours', 'Requests', 'Calendar', 'Privacy']));
    await page.keyboard.press('Enter');
    await page.waitForURL(`${t.baseUrl}/e/${event.slug}/privacy`);
    // The new page's title takes the focus (a screen reader says where they are); Tab goes on within the page,
    // each control visibly focused (the outline of :focus-visible).
    await page.getByRole('heading', { level: 1, name: 'My data' }).waitFor();
    expect(await page.evaluate(() => document.activeElement?.tagName + ' ' + document.activeElement?.textContent)).toBe('H1 My data');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Download my data');
    expect(await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle)).not.toBe('none');
    // A whole form by keyboard: the coming round sat out and rejoined from the home.
    await page.goto(`${t.baseUrl}/e/${event.slug}/me`);
    const sitOut = page.getByRole('button', { name: 'Sit out Afternoon round' });
    await sitOut.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Rejoin Afternoon round' }).waitFor();
    await page.getByRole('button', { name: 'Rejoin Afternoon round' }).focus();
    await page.keyboard.press('Space');
    await sitOut.waitFor();
  });
});
