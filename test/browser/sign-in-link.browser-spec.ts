import { createAttendee, createEvent, expectData, startSmtpServer, type TestSmtpServer } from '@pairwise/testing';
import { seriousAxeViolations, useBrowserSuite, watchPage } from '@pairwise/testing/browser';

const REQUEST_LINK = `mutation ($input: RequestSignInLinkInput!) { requestSignInLink(input: $input) }`;

describe('signing in with an emailed link, in a real browser', () => {
  let smtp: TestSmtpServer;
  beforeAll(async () => {
    smtp = await startSmtpServer();
  });
  const { t, newPhone } = useBrowserSuite(() => ({ PAIRWISE_SMTP_URL: smtp.url, PAIRWISE_MAIL_RATE: '1000' }));
  afterAll(() => smtp?.close());

  /** Asks the API for a link, as the sign-in page's visitor would, and reads its token from the mail. */
  const mailedToken = async (email: string, eventSlug: string): Promise<string> => {
    const before = smtp.received.length;
    expect(expectData(await t.gql(REQUEST_LINK, { input: { email, eventSlug } })).requestSignInLink).toBe(true);
    const [mail] = (await smtp.waitFor(before + 1)).slice(before);
    const token = /\/sign-in\?token=([A-Za-z0-9_-]+)/.exec(mail!.text)?.[1];
    if (!token) throw new Error(`no sign-in link in: ${mail!.text}`);
    return token;
  };

  it('signs in by opening the link, takes the token out of the address and the history, and refuses the link a second time', async () => {
    const event = await createEvent(t, { name: 'Link Summit' });
    const ada = await createAttendee(t, event.id, { name: 'Ada Lovelace' });
    const token = await mailedToken(ada.email, event.slug);
    const context = await newPhone();
    const page = await context.newPage();
    const { problems } = watchPage(page);

    await page.goto(`${t.baseUrl}/sign-in?token=${token}`);
    await page.waitForURL(`${t.baseUrl}/e/${event.slug}/me`);
    await page.getByText('No meeting yet').waitFor();
    expect(await page.evaluate(() => JSON.parse(localStorage.getItem('pairwise.session')!).role)).toBe('ATTENDEE');
    await page.goBack();
    expect(page.url()).not.toContain(token);
    expect(problems).toEqual([]);

    // Each link signs in once: opened again (another phone), it says so in words and offers the form.
    const other = await newPhone();
    const again = await other.newPage();
    await again.goto(`${t.baseUrl}/sign-in?token=${token}`);
    const alert = again.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('This sign-in link was already used');
    expect(again.url()).toBe(`${t.baseUrl}/sign-in`);
    await again.getByLabel('Access code').waitFor();
  });

  it('goes back to the page that asked for the sign-in', async () => {
    const event = await createEvent(t);
    const grace = await createAttendee(t, event.id, { name: 'Grace Hopper' });
    const token = await mailedToken(grace.email, event.slug);
    const context = await newPhone();
    const page = await context.newPage();
    await page.goto(`${t.baseUrl}/sign-in?token=${token}&next=${encodeURIComponent(`/e/${event.slug}/me`)}`);
    await page.waitForURL(`${t.baseUrl}/e/${event.slug}/me`);
    await page.getByText('No meeting yet').waitFor();
  });

  it('asks for a link on the sign-in page: the same answer for any address, the mail only to a registered one', async () => {
    const event = await createEvent(t, { name: 'Link Summit' });
    const alan = await createAttendee(t, event.id, { name: 'Alan Turing' });
    const context = await newPhone();
    const page = await context.newPage();
    const { problems } = watchPage(page);
    const linkOf = (text: string) => /(https?:\/\/\S+\/sign-in\?token=[A-Za-z0-9_-]+)/.exec(text)?.[1];

    // An address no one registered: the page says exactly what it says for a registered one, and no mail goes out.
    const before = smtp.received.length;
    await page.goto(`${t.baseUrl}/sign-in?event=${event.slug}`);
    await page.getByRole('button', { name: 'No access code? Get a sign-in link by email' }).click();
    await page.getByRole('heading', { level: 2, name: 'Get a sign-in link' }).waitFor();
    expect(await page.getByLabel('Event').count()).toBe(0); // known from the address
    await page.getByLabel('Email').fill('nobody@pairwise.test');
    await page.getByRole('button', { name: 'Email me a sign-in link' }).click();
    const answer = (email: string) => `If ${email} is registered for this event, a sign-in link is on its way.`;
    await page.getByText(answer('nobody@pairwise.test')).waitFor();

    await page.getByRole('button', { name: 'Use another email' }).click();
    await page.getByLabel('Email').fill(alan.email.toUpperCase());
    await page.getByRole('button', { name: 'Email me a sign-in link' }).click();
    await page.getByText(answer(alan.email.toUpperCase())).waitFor();
    const [mail] = (await smtp.waitFor(before + 1)).slice(before);
    expect(mail!.to).toContain(alan.email);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(smtp.received.length).toBe(before + 1); // nothing for the unknown address

    // The mailed link signs in; this device now remembers the event for the next request.
    const link = linkOf(mail!.text)!;
    await page.goto(link.replace(/^https?:\/\/[^/]+/, t.baseUrl));
    await page.waitForURL(`${t.baseUrl}/e/${event.slug}/me`);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(`${t.baseUrl}/sign-in`);
    await page.getByRole('button', { name: 'No access code? Get a sign-in link by email' }).click();
    await page.getByLabel('Email').waitFor();
    expect(await page.getByLabel('Event').count()).toBe(0);
    expect(problems).toEqual([]);
  });

  it('asks which event when the page cannot know it, and reads it from a pasted address', async () => {
    const event = await createEvent(t, { name: 'Paste Summit' });
    const grace = await createAttendee(t, event.id, { name: 'Grace Hopper' });
    const context = await newPhone();
    const page = await context.newPage();
    const before = smtp.received.length;
    await page.goto(`${t.baseUrl}/sign-in`);
    await page.getByRole('button', { name: 'No access code? Get a sign-in link by email' }).click();
    await page.getByLabel('Email').fill(grace.email);
    await page.getByLabel('Event').fill('Paste Summit');
    await page.getByRole('button', { name: 'Email me a sign-in link' }).click();
    await page.getByText('We could not read an event there: type its short name, e.g. paris-ai-days.').waitFor();
    expect(await page.getByLabel('Event').getAttribute('aria-invalid')).toBe('true');
    await page.getByLabel('Event').fill(`${t.baseUrl}/e/${event.slug}/me`);
    await page.getByRole('button', { name: 'Email me a sign-in link' }).click();
    await page.getByText(`If ${grace.email} is registered for this event, a sign-in link is on its way.`).waitFor();
    const [mail] = (await smtp.waitFor(before + 1)).slice(before);
    expect(mail!.to).toContain(grace.email);
    // Back to the access code in one tap.
    await page.goto(`${t.baseUrl}/sign-in`);
    await page.getByRole('button', { name: 'No access code? Get a sign-in link by email' }).click();
    await page.getByRole('button', { name: 'Sign in with an access code' }).click();
    await page.getByLabel('Access code').waitFor();
  });

  it('passes axe-core on the link form, light and dark', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      const context = await newPhone({ colorScheme });
      const page = await context.newPage();
      await page.goto(`${t.baseUrl}/sign-in`);
      await page.getByRole('button', { name: 'No access code? Get a sign-in link by email' }).click();
      await page.getByLabel('Event').waitFor();
      expect({ colorScheme, violations: await seriousAxeViolations(page) }).toEqual({ colorScheme, violations: [] });
    }
  });
});
