import { createAttendee, createEvent } from '@pairwise/testing';
import { issueAccessCode as accessCode, useBrowserSuite, watchPage } from '@pairwise/testing/browser';

/** Waits until `check` holds (10 s at most). */
async function eventually(check: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('signing in, in a real browser', () => {
  const { t, newPhone } = useBrowserSuite();

  it('signs an attendee in with email and access code, keeps the session across a reload, and signs out', async () => {
    const event = await createEvent(t, { name: 'Paris AI Days' });
    const ada = await createAttendee(t, event.id, { name: 'Ada Lovelace' });
    const code = await accessCode(t, ada.id);
    const page = await (await newPhone()).newPage();
    const { problems } = watchPage(page);

    await page.goto(`${t.baseUrl}/`);
    await page.waitForURL(`${t.baseUrl}/sign-in`);
    await page.getByLabel('Email').fill(ada.email);
    await page.getByLabel('Access code').fill(code);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();

    await page.waitForURL(`${t.baseUrl}/e/${event.slug}/me`);
    await page.getByRole('heading', { level: 1, name: 'My meetings' }).waitFor();
    await page.getByText('No meeting yet').waitFor();
    expect(await page.getByText('Paris AI Days').isVisible()).toBe(true);

    await page.reload();
    await page.getByText('No meeting yet').waitFor();
    expect(page.url()).toBe(`${t.baseUrl}/e/${event.slug}/me`);

    const token = await page.evaluate(() => JSON.parse(localStorage.getItem('pairwise.session')!).token as string);
    expect((await t.gql('{ me { role } }', {}, token)).data?.me.role).toBe('ATTENDEE');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(`${t.baseUrl}/sign-in`);
    await page.getByText('You are signed out.').waitFor();
    expect(await page.evaluate(() => localStorage.getItem('pairwise.session'))).toBeNull();
    // Signing out ends the session on the API too: the token stops working (the page does not wait for it).
    await eventually(async () => (await t.gql('{ me { role } }', {}, token)).errors?.[0]?.extensions?.code === 'UNAUTHENTICATED');
    // Signed out means signed out: the page asks to sign in again, and remembers where it was.
    await page.goto(`${t.baseUrl}/e/${event.slug}/me`);
    await page.waitForURL(`${t.baseUrl}/sign-in?next=${encodeURIComponent(`/e/${event.slug}/me`)}`);
    expect(problems).toEqual([]);
  });

  it('exchanges the token for a fresh one once its refreshAfter has passed, and keeps the page', async () => {
    const event = await createEvent(t);
    const mary = await createAttendee(t, event.id, { name: 'Mary Somerville' });
    const page = await (await newPhone()).newPage();
    await page.goto(`${t.baseUrl}/sign-in`);
    await page.getByLabel('Email').fill(mary.email);
    await page.getByLabel('Access code').fill(await accessCode(t, mary.id));
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.waitForURL(`${t.baseUrl}/e/${event.slug}/me`);
    const stored = () => page.evaluate(() => JSON.parse(localStorage.getItem('pairwise.session') ?? 'null') as { token: string; refreshAfter: string } | null);
    const before = (await stored())!;
    expect(Date.parse(before.refreshAfter)).toBeGreaterThan(Date.now());
    // As if the page had been open until its refresh time: it refreshes when it comes back into view.
    await page.evaluate(() => {
      const session = JSON.parse(localStorage.getItem('pairwise.session')!);
      localStorage.setItem('pairwise.session', JSON.stringify({ ...session, refreshAfter: new Date(Date.now() - 1000).toISOString() }));
    });
    await page.reload();
    await eventually(async () => (await stored())?.token !== before.token);
    const after = (await stored())!;
    expect((await t.gql('{ me { role } }', {}, after.token)).data?.me.role).toBe('ATTENDEE');
    expect(Date.parse(after.refreshAfter)).toBeGreaterThan(Date.now());
    await page.getByText('No meeting yet').waitFor();
    expect(page.url()).toBe(`${t.baseUrl}/e/${event.slug}/me`);
  });

  it('speaks the browser\'s language, and the one chosen in the switch from then on', async () => {
    const event = await createEvent(t);
    const sophie = await createAttendee(t, event.id, { name: 'Sophie Germain' });
    const page = await (await newPhone({ locale: 'fr-FR' })).newPage();
    await page.goto(`${t.baseUrl}/sign-in`);
    // A French browser gets French, labels included.
    await page.getByRole('heading', { level: 1, name: 'Connexion' }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('fr');
    await page.getByLabel('E-mail').fill(sophie.email);
    await page.getByLabel('Code d’accès').fill(await accessCode(t, sophie.id));
    await page.getByRole('button', { name: 'Se connecter', exact: true }).click();
    await page.waitForURL(`${t.baseUrl}/e/${event.slug}/me`);
    await page.getByText('Pas encore de rencontre').waitFor();

    await page.getByLabel('Langue').selectOption('en');
    await page.getByText('No meeting yet').waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'My meetings' }).waitFor();
  });

  it('says in words why a sign-in is refused, and the right code still works after a wrong one', async () => {
    const event = await createEvent(t);
    const grace = await createAttendee(t, event.id, { name: 'Grace Hopper' });
    const code = await accessCode(t, grace.id);
    const page = await (await newPhone()).newPage();
    await page.goto(`${t.baseUrl}/sign-in`);
    await page.getByLabel('Email').fill(grace.email);
    await page.getByLabel('Access code').fill('AAAA-BBBB-CCCC');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('This email and code do not match');
    expect(page.url()).toBe(`${t.baseUrl}/sign-in`);

    // The right code still works after a wrong one.
    await page.getByLabel('Access code').fill(code);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.waitForURL(`${t.baseUrl}/e/${event.slug}/me`);
  });

  it('returns to sign-in when the session is refused, and back to the page after signing in', async () => {
    const event = await createEvent(t);
    const alan = await createAttendee(t, event.id, { name: 'Alan Turing' });
    const context = await newPhone();
    const page = await context.newPage();
    // A session the API no longer accepts (a token it never signed), as after a server-side expiry.
    await page.goto(`${t.baseUrl}/sign-in`);
    await page.evaluate((slug) => {
      localStorage.setItem('pairwise.session', JSON.stringify({ token: 'not-a-valid-token', expiresAt: new Date(Date.now() + 3600e3).toISOString(), role: 'ATTENDEE', eventSlug: slug }));
    }, event.slug);
    await page.goto(`${t.baseUrl}/e/${event.slug}/me`);
    await page.waitForURL(`${t.baseUrl}/sign-in?next=${encodeURIComponent(`/e/${event.slug}/me`)}`);
    await page.getByText('Your session has expired').waitFor();

    await page.getByLabel('Email').fill(alan.email);
    await page.getByLabel('Access code').fill(await accessCode(t, alan.id));
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.waitForURL(`${t.baseUrl}/e/${event.slug}/me`);
    await page.getByText('No meeting yet').waitFor();
  });
});
