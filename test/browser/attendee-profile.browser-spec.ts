import { attendeeToken, expectData } from '@pairwise/testing';
import { seriousAxeViolations, useBrowserSuite } from '@pairwise/testing/browser';
import { parisEvent, phones } from './attendee-fixture';

describe('the attendee profile, on a phone', () => {
  const suite = useBrowserSuite();
  const { t } = suite;
  const phone = phones(suite);

  it('edits the profile with the vocabulary’s labels, hides a field, and the partner’s view hides it', async () => {
    const event = await parisEvent(t);
    const ada = await event.attendee({ name: 'Ada Lovelace', role: 'researcher', company: 'Analytical Engines', interests: ['rag', 'evals'], languages: ['en'] });
    const grace = await event.attendee({ name: 'Grace Hopper', role: 'engineer', company: 'Navy Labs', interests: ['rag', 'inference'], languages: ['en'] });
    await event.round('Round 1', new Date(Date.now() + 2 * 3_600_000));

    // Grace's phone: her partner, as Ada shares herself now.
    const { page: gracePage } = await phone.signedIn(grace, event.slug);
    const partner = gracePage.locator('.partner');
    await partner.getByText('Ada Lovelace').waitFor();
    expect(await partner.textContent()).toContain('researcher · Analytical Engines');

    const { page, problems } = await phone.signedIn(ada, event.slug);
    await page.getByRole('navigation', { name: 'Attendee pages' }).getByRole('link', { name: 'Profile' }).click();
    await page.waitForURL(`${t.baseUrl}/e/${event.slug}/profile`);
    await page.getByRole('heading', { level: 1, name: 'My profile' }).waitFor();
    const interests = page.getByRole('group', { name: 'Interests' });
    // The stored slugs read as the event's labels.
    await interests.getByText('RAG', { exact: true }).waitFor();
    expect(await interests.getByText('Evals', { exact: true }).isVisible()).toBe(true);

    await page.getByRole('combobox', { name: 'Role' }).fill('Founder');
    await page.getByRole('textbox', { name: 'About me' }).fill('Building evaluation tools for retrieval.');
    await interests.getByRole('button', { name: 'Remove Evals' }).click();
    const addInterest = interests.getByLabel('Add an interest');
    // A synonym becomes the vocabulary's tag; a word it does not know is kept.
    await addInterest.fill('Retrieval-Augmented Generation');
    await addInterest.press('Enter');
    await addInterest.fill('agents');
    await addInterest.press('Enter');
    await addInterest.fill('speculative decoding');
    await interests.getByRole('button', { name: 'Add to Interests' }).click();
    expect(await interests.locator('.chip').allTextContents()).toEqual(['RAG×', 'Agents×', 'speculative decoding×']);
    const lookingFor = page.getByRole('group', { name: 'Looking for' });
    await lookingFor.getByLabel('Add what you look for').fill('Inference');
    await lookingFor.getByLabel('Add what you look for').press('Enter');
    const languages = page.getByRole('group', { name: 'Languages' });
    await languages.getByLabel('Add a language').fill('French');
    await languages.getByLabel('Add a language').press('Enter');
    expect(await languages.locator('.chip').allTextContents()).toEqual(['English×', 'French×']);

    // What partners see: company hidden, what she looks for and her bio shown.
    const sharing = page.getByRole('group', { name: 'What your partners see' });
    await sharing.getByLabel('Company').uncheck();
    await sharing.getByLabel('Looking for').check();
    await sharing.getByLabel('About me').check();
    await page.getByRole('button', { name: 'Save my profile' }).click();
    await page.getByText('Your profile is saved.').waitFor();
    expect(await page.getByText('Not in the event’s list, kept as you wrote them: speculative-decoding.').isVisible()).toBe(true);
    // What the API stored replaces what was typed.
    expect(await interests.locator('.chip').allTextContents()).toEqual(['RAG×', 'Agents×', 'speculative-decoding×']);

    const stored = expectData(
      await t.gql(`{ myProfile { role bio interests lookingFor languages sharedFields } }`, {}, await attendeeToken(t, ada)),
    ).myProfile;
    expect(stored).toEqual({
      role: 'founder',
      bio: 'Building evaluation tools for retrieval.',
      interests: ['rag', 'agents', 'speculative-decoding'],
      lookingFor: ['inference'],
      languages: ['en', 'fr'],
      sharedFields: expect.arrayContaining(['name', 'role', 'interests', 'languages', 'lookingFor', 'bio']),
    });
    expect(stored.sharedFields).not.toContain('company');

    // Grace's view follows: no company, the new role, interests by their labels, what Ada looks for and her bio.
    await gracePage.reload();
    await partner.getByText('Ada Lovelace').waitFor();
    const card = (await partner.textContent()) ?? '';
    expect(card).not.toContain('Analytical Engines');
    expect(card).toContain('founder');
    expect(card).toContain('RAG, Agents, speculative-decoding');
    expect(card).toContain('Looking for Inference');
    expect(card).toContain('Building evaluation tools for retrieval.');
    const seen = expectData(await t.gql(`query ($id: ID!) { attendee(id: $id) { company role } }`, { id: ada.id }, await attendeeToken(t, grace))).attendee;
    expect(seen).toEqual({ company: null, role: 'founder' });
    expect(problems).toEqual([]);
  });

  it('says which field is wrong, in words', async () => {
    const event = await parisEvent(t);
    const alan = await event.attendee({ name: 'Alan Turing' });
    const { page } = await phone.signedIn(alan, event.slug);
    await page.goto(`${t.baseUrl}/e/${event.slug}/profile`);
    await page.getByRole('textbox', { name: 'Links' }).fill('https://example.org/alan\nftp://example.org/files');
    await page.getByRole('button', { name: 'Save my profile' }).click();
    await page.getByRole('alert').getByText('Some fields are not valid: check them and try again.').waitFor();
    expect(await page.getByRole('textbox', { name: 'Links' }).getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByRole('textbox', { name: 'Name', exact: true }).getAttribute('aria-invalid')).toBeNull();
    await page.getByRole('textbox', { name: 'Links' }).fill('https://example.org/alan');
    await page.getByRole('button', { name: 'Save my profile' }).click();
    await page.getByText('Your profile is saved.').waitFor();
  });

  it('shows the consent text, withdraws and gives consent, recording the notice’s version', async () => {
    const event = await parisEvent(t);
    const katherine = await event.attendee({ name: 'Katherine Johnson' });
    const { page, problems } = await phone.signedIn(katherine, event.slug);
    await page.goto(`${t.baseUrl}/e/${event.slug}/profile`);
    const consent = page.getByRole('region', { name: 'Matchmaking' });
    await consent.getByText(/^You agreed to be matched/).waitFor();
    // Agreed already: the notice is one tap away.
    const notice = consent.getByText(/^Pairwise pairs you with other attendees/);
    expect(await notice.isVisible()).toBe(false);
    await consent.getByText('What you agreed to').click();
    await notice.waitFor();
    await consent.getByRole('button', { name: 'Withdraw my agreement' }).click();
    await consent.getByText('You have not agreed to be matched: you are in no round until you do.').waitFor();
    // Not agreed: the notice in full, before the button.
    await notice.waitFor();
    const token = await attendeeToken(t, katherine);
    expect(expectData(await t.gql(`{ myProfile { consentMatchmaking } }`, {}, token)).myProfile.consentMatchmaking).toBe(false);
    await consent.getByRole('button', { name: 'I agree to be matched' }).click();
    await consent.getByText(/^You agreed to be matched on /).waitFor();
    const exported = expectData(await t.gql(`{ exportMyData }`, {}, token)).exportMyData;
    expect(exported.consent).toMatchObject({ matchmaking: true, noticeVersion: '2026-12-web-1' });
    expect(problems).toEqual([]);
  });

  it('passes axe-core light and dark, and works in French', async () => {
    const event = await parisEvent(t);
    const edsger = await event.attendee({ name: 'Edsger Dijkstra', interests: ['rag'] });
    for (const colorScheme of ['light', 'dark'] as const) {
      const { page } = await phone.signedIn(edsger, event.slug, { colorScheme });
      await page.goto(`${t.baseUrl}/e/${event.slug}/profile`);
      await page.getByRole('button', { name: 'Save my profile' }).waitFor();
      expect({ colorScheme, violations: await seriousAxeViolations(page) }).toEqual({ colorScheme, violations: [] });
    }
    const { page } = await phone.signedIn(edsger, event.slug);
    await page.goto(`${t.baseUrl}/e/${event.slug}/profile`);
    await page.getByLabel('Language', { exact: true }).selectOption('fr');
    await page.getByRole('heading', { level: 1, name: 'Mon profil' }).waitFor();
    const languages = page.getByRole('group', { name: 'Langues' });
    await languages.getByLabel('Ajouter une langue').fill('allemand');
    await languages.getByLabel('Ajouter une langue').press('Enter');
    expect(await languages.locator('.chip').allTextContents()).toEqual(['anglais×', 'allemand×']);
  });
});
