import { createEvent, expectData } from '@pairwise/testing';
import { seriousAxeViolations, signInStaffThroughPage, useBrowserSuite } from '@pairwise/testing/browser';

describe('the admin page in a real browser', () => {
  const { t, newPage, signInAdmin } = useBrowserSuite();

  const organisersOf = async (eventId: string) =>
    expectData(await t.gql(`query ($id: ID!) { event(id: $id) { organisers { email name } } }`, { id: eventId }, await t.adminToken())).event.organisers as { email: string; name: string }[];

  it('lets an admin add an organiser, who signs in with the code shown and runs that event only, and remove them', async () => {
    const event = await createEvent(t, { name: 'Nantes Data Days' });
    const other = await createEvent(t, { name: 'Lille Cloud Summit' });
    const { page, problems } = await signInAdmin();
    await page.getByRole('navigation', { name: 'Organiser pages' }).getByRole('link', { name: 'Admin' }).click();
    await page.getByRole('heading', { level: 1, name: 'Admin' }).waitFor();

    const card = page.getByRole('region', { name: 'Nantes Data Days' });
    await card.getByText('No organiser yet.').waitFor();
    const form = card.getByRole('form', { name: 'Add an organiser to Nantes Data Days' });
    const email = `camille-${event.slug}@example.fr`;
    await form.getByLabel('Name').fill('Camille Martin');
    await form.getByLabel('Email').fill(email);
    await form.getByRole('button', { name: 'Add the organiser' }).click();
    await card.getByText(`Camille Martin (${email}) organises this event now.`).waitFor();
    const code = (await card.locator('.granted-code').textContent())!;
    await card.getByRole('table', { name: 'Organisers of Nantes Data Days' }).getByRole('rowheader', { name: 'Camille Martin' }).waitFor();
    expect(await organisersOf(event.id)).toEqual([{ email, name: 'Camille Martin' }]);
    expect(await organisersOf(other.id)).toEqual([]);

    // The new organiser signs in with that code, and sees their event only.
    const theirs = await newPage();
    await signInStaffThroughPage(theirs, t.baseUrl, { email, accessCode: code });
    await theirs.getByRole('link', { name: 'Nantes Data Days', exact: true }).waitFor();
    expect(await theirs.getByRole('link', { name: 'Lille Cloud Summit', exact: true }).count()).toBe(0);
    // Not an admin: no admin page.
    await theirs.goto(`${t.baseUrl}/organiser/admin`);
    await theirs.getByRole('alert').getByText('You are not allowed to do this.').waitFor();

    // A bad email is said in words, on its field.
    await form.getByLabel('Name').fill('Typo');
    await form.getByLabel('Email').fill('not-an-email');
    await form.evaluate((element) => (element as HTMLFormElement).noValidate = true);
    await form.getByRole('button', { name: 'Add the organiser' }).click();
    await card.getByRole('alert').waitFor();
    expect(await form.getByLabel('Email').getAttribute('aria-invalid')).toBe('true');

    // Removed, after a confirmation.
    await card.getByRole('button', { name: `Remove Camille Martin from Nantes Data Days` }).click();
    await card.getByRole('button', { name: 'Yes, remove Camille Martin' }).click();
    await card.getByText('No organiser yet.').waitFor();
    expect(await organisersOf(event.id)).toEqual([]);
    expect(problems).toEqual([]);
  });

  it('passes axe-core (no serious or critical violation) on the admin page, light and dark', async () => {
    const event = await createEvent(t, { name: 'Bordeaux ML Day' });
    expectData(await t.gql(`mutation ($input: AddOrganiserInput!) { addOrganiser(input: $input) { organiser { id } } }`, { input: { eventId: event.id, email: `o-${event.slug}@example.fr`, name: 'Olga Organiser' } }, await t.adminToken()));
    for (const colorScheme of ['light', 'dark'] as const) {
      const { page } = await signInAdmin({ colorScheme });
      await page.goto(`${t.baseUrl}/organiser/admin`);
      await page.getByRole('region', { name: 'Bordeaux ML Day' }).getByRole('rowheader', { name: 'Olga Organiser' }).waitFor();
      await page.getByRole('region', { name: 'Bordeaux ML Day' }).getByRole('button', { name: /^Remove/ }).click();
      expect({ colorScheme, violations: await seriousAxeViolations(page) }).toEqual({ colorScheme, violations: [] });
    }
  });
});
