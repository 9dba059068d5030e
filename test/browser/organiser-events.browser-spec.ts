import { ADMIN, createEvent, expectData } from '@pairwise/testing';
import { PHONE, seriousAxeViolations, useBrowserSuite } from '@pairwise/testing/browser';

describe('organisers\' events in a real browser', () => {
  const { t, newPage, signInAdmin, signInOrganiser } = useBrowserSuite();

  const eventBySlug = async (slug: string) =>
    expectData(
      await t.gql(
        `query ($slug: String!) { event(slug: $slug) { id name slug startsOn endsOn timeZone venue language defaultRoundMinutes oddPolicy vocabulary { slug label synonyms } } }`,
        { slug },
        await t.adminToken(),
      ),
    ).event;

  it('lets an admin create an event with its days, clock, venue, language and vocabulary, then change it', async () => {
    const { page, problems } = await signInAdmin();
    await page.getByRole('heading', { level: 1, name: 'Your events' }).waitFor();
    await page.getByRole('link', { name: 'New event' }).click();
    await page.getByRole('heading', { level: 1, name: 'New event' }).waitFor();

    const slug = `paris-ai-days-${Date.now()}`;
    await page.getByLabel('Name', { exact: true }).fill('Paris AI Days');
    // The slug follows the name until it is typed in.
    expect(await page.getByLabel('Web address (slug)').inputValue()).toBe('paris-ai-days');
    await page.getByLabel('Web address (slug)').fill(slug);
    await page.getByLabel('First day').fill('2027-06-12');
    await page.getByLabel('Last day').fill('2027-06-13');
    await page.getByLabel('Time zone').fill('Europe/Paris');
    await page.getByLabel('Venue').fill('Station F, Paris');
    await page.getByLabel('Language of the messages to attendees').selectOption('FR');
    await page.getByLabel('Length of a round (minutes)').fill('12');
    await page.getByRole('button', { name: 'Add a tag' }).click();
    // The new row's first field has the focus: the keyboard carries on from the button.
    await page.keyboard.type('Retrieval-augmented generation');
    await page.getByLabel('Slug of tag 1').fill('rag');
    await page.getByLabel('Synonyms of tag 1').fill('retrieval, RAG pipelines');
    await page.getByRole('button', { name: 'Add a tag' }).click();
    await page.getByLabel('Label of tag 2').fill('Kubernetes');
    await page.getByRole('button', { name: 'Create the event' }).click();

    // The event's pages open on its first section, with the event's menu.
    await page.waitForURL(new RegExp(`/organiser/e/${slug}/[a-z]+$`));
    const menu = page.getByRole('navigation', { name: 'Organiser pages' });
    await menu.getByRole('link', { name: 'Settings' }).waitFor();
    expect(await page.getByText('Paris AI Days').first().isVisible()).toBe(true);
    const created = await eventBySlug(slug);
    expect(created).toMatchObject({
      name: 'Paris AI Days',
      startsOn: '2027-06-12',
      endsOn: '2027-06-13',
      timeZone: 'Europe/Paris',
      venue: 'Station F, Paris',
      language: 'FR',
      defaultRoundMinutes: 12,
      oddPolicy: 'TRIO',
    });
    expect(created.vocabulary).toEqual([
      { slug: 'kubernetes', label: 'Kubernetes', synonyms: [] },
      { slug: 'rag', label: 'Retrieval-augmented generation', synonyms: ['retrieval', 'RAG pipelines'] },
    ]);

    // Settings: what was saved, changed in place.
    await menu.getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
    expect(await menu.getByRole('link', { name: 'Settings' }).getAttribute('aria-current')).toBe('page');
    expect(await page.getByLabel('Venue').inputValue()).toBe('Station F, Paris');
    expect(await page.getByLabel('Label of tag 2').inputValue()).toBe('Retrieval-augmented generation');
    await page.getByLabel('Venue').fill('Sorbonne, Paris');
    await page.getByLabel('Last day').fill('2027-06-14');
    await page.getByLabel('Language of the messages to attendees').selectOption('');
    await page.getByRole('button', { name: 'Remove Kubernetes' }).click();
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByRole('status').getByText('Saved.').waitFor();
    const changed = await eventBySlug(slug);
    expect(changed).toMatchObject({ venue: 'Sorbonne, Paris', endsOn: '2027-06-14', language: null });
    expect(changed.vocabulary.map((tag: { slug: string }) => tag.slug)).toEqual(['rag']);

    // The list shows it, and leads back to it.
    await menu.getByRole('link', { name: 'All events' }).click();
    await page.getByRole('heading', { level: 1, name: 'Your events' }).waitFor();
    await page.getByRole('link', { name: 'Paris AI Days' }).first().waitFor();
    expect(problems).toEqual([]);
  });

  it('says in words why an event is refused, on the field concerned', async () => {
    const taken = await createEvent(t);
    const { page } = await signInAdmin();
    await page.goto(`${t.baseUrl}/organiser/events/new`);
    await page.getByLabel('Name', { exact: true }).fill('Twice');
    await page.getByLabel('Web address (slug)').fill(taken.slug);
    await page.getByRole('button', { name: 'Create the event' }).click();
    await page.getByRole('alert').getByText('Another event already uses this web address (slug).').waitFor();

    await page.getByLabel('Web address (slug)').fill(`ends-before-${Date.now()}`);
    await page.getByLabel('First day').fill('2027-06-12');
    await page.getByLabel('Last day').fill('2027-06-10');
    await page.getByRole('button', { name: 'Create the event' }).click();
    await page.getByRole('alert').getByText('The event cannot end before it starts.').waitFor();

    await page.getByLabel('Last day').fill('2027-06-12');
    await page.getByLabel('Time zone').fill('Mars/Olympus');
    await page.getByRole('button', { name: 'Create the event' }).click();
    await page.getByRole('alert').getByText('Some fields are not valid').waitFor();
    expect(await page.getByLabel('Time zone').getAttribute('aria-invalid')).toBe('true');
  });

  it('shows an organiser only their events, with no way to create one, and an event they do not run in words', async () => {
    const mine = await createEvent(t, { name: 'Lyon ML Meetup' });
    const other = await createEvent(t, { name: 'Berlin Data Week' });
    const { page } = await signInOrganiser(mine.id);
    await page.getByRole('link', { name: 'Lyon ML Meetup', exact: true }).waitFor();
    expect(await page.getByRole('link', { name: 'Berlin Data Week' }).count()).toBe(0);
    expect(await page.getByRole('link', { name: 'New event' }).count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Admin' }).count()).toBe(0);

    await page.goto(`${t.baseUrl}/organiser/e/${other.slug}/settings`);
    await page.getByRole('heading', { level: 1, name: 'Event unavailable' }).waitFor();
    await page.getByRole('alert').waitFor();
  });

  it('sends a signed-out organiser to sign in, and back to the event page they asked for', async () => {
    const event = await createEvent(t, { name: 'Grenoble Robotics Day' });
    const page = await newPage();
    await page.goto(`${t.baseUrl}/organiser/e/${event.slug}/settings`);
    await page.waitForURL(`${t.baseUrl}/sign-in?next=${encodeURIComponent(`/organiser/e/${event.slug}/settings`)}`);
    await page.getByRole('button', { name: 'Sign in with a password (admins)' }).click();
    await page.getByLabel('Email').fill(ADMIN.email);
    await page.getByLabel('Password').fill(ADMIN.password);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.waitForURL(`${t.baseUrl}/organiser/e/${event.slug}/settings`);
    await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
    expect(await page.getByLabel('Name', { exact: true }).inputValue()).toBe('Grenoble Robotics Day');
  });

  it('speaks French on every staff page, the frame and the sections alike, and English again when switched', async () => {
    const event = await createEvent(t, { name: 'Lyon ML Meetup' });
    const { page, problems } = await signInAdmin();
    await page.getByRole('heading', { level: 1, name: 'Your events' }).waitFor();
    await page.getByLabel('Language').selectOption('fr');
    await page.getByRole('heading', { level: 1, name: 'Vos événements' }).waitFor();
    await page.goto(`${t.baseUrl}/organiser/e/${event.slug}/rounds`);
    // The menu, the rounds page and its form: all the catalogue's `organiser` section, in French after a reload.
    const menu = page.getByRole('navigation', { name: 'Pages des organisateurs' });
    await menu.getByRole('link', { name: 'Tours' }).waitFor();
    await menu.getByRole('link', { name: 'Participants' }).waitFor();
    await page.getByRole('heading', { name: 'Nouveau tour' }).waitFor();
    await page.getByRole('button', { name: 'Créer le tour' }).waitFor();
    await page.getByLabel('Langue').selectOption('en');
    await page.getByRole('button', { name: 'Create the round' }).waitFor();
    await page.getByRole('navigation', { name: 'Organiser pages' }).getByRole('link', { name: 'Attendees' }).waitFor();
    expect(problems).toEqual([]);
  });

  it('works on a phone: the menu and the form fit the screen', async () => {
    const event = await createEvent(t, { name: 'Marseille Dev Days' });
    const { page } = await signInAdmin({ ...PHONE });
    await page.goto(`${t.baseUrl}/organiser/e/${event.slug}/settings`);
    await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
    // Nothing wider than the screen but the menu's own sideways scroll.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.getByRole('navigation', { name: 'Organiser pages' }).getByRole('link', { name: 'Settings' }).waitFor();
    await page.getByRole('button', { name: 'Save changes' }).waitFor();
  });

  it('passes axe-core (no serious or critical violation) on the events list, the new event form and the settings, light and dark', async () => {
    const event = await createEvent(t, { name: 'Toulouse AI Night', vocabulary: [{ label: 'LLM' }] });
    for (const colorScheme of ['light', 'dark'] as const) {
      const { page } = await signInAdmin({ colorScheme });
      await page.getByRole('link', { name: 'Toulouse AI Night' }).first().waitFor();
      expect({ colorScheme, screen: 'events', violations: await seriousAxeViolations(page) }).toEqual({ colorScheme, screen: 'events', violations: [] });
      await page.getByRole('link', { name: 'New event' }).click();
      await page.getByRole('button', { name: 'Create the event' }).waitFor();
      expect({ colorScheme, screen: 'new event', violations: await seriousAxeViolations(page) }).toEqual({ colorScheme, screen: 'new event', violations: [] });
      await page.goto(`${t.baseUrl}/organiser/e/${event.slug}/settings`);
      await page.getByLabel('Label of tag 1').waitFor();
      expect({ colorScheme, screen: 'settings', violations: await seriousAxeViolations(page) }).toEqual({ colorScheme, screen: 'settings', violations: [] });
    }
  });
});
