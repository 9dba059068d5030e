import type { Browser, BrowserContext } from 'playwright-core';
import { createAttendee, createEvent, expectData, startSmtpServer, type TestApp, type TestSmtpServer } from '@pairwise/testing';
import { launchChromium, phoneContext, startWebTestApp, watchPage } from '@pairwise/testing/browser';

const REQUEST_LINK = `mutation ($input: RequestSignInLinkInput!) { requestSignInLink(input: $input) }`;

describe('signing in with an emailed link, in a real browser', () => {
  let smtp: TestSmtpServer;
  let t: TestApp & { baseUrl: string };
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    smtp = await startSmtpServer();
    t = await startWebTestApp({ PAIRWISE_SMTP_URL: smtp.url, PAIRWISE_MAIL_RATE: '1000' });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await Promise.all(contexts.map((context) => context.close()));
    await browser?.close();
    await t?.close();
    await smtp?.close();
  });

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
    const context = await phoneContext(browser);
    contexts.push(context);
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
    const other = await phoneContext(browser);
    contexts.push(other);
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
    const context = await phoneContext(browser);
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(`${t.baseUrl}/sign-in?token=${token}&next=${encodeURIComponent(`/e/${event.slug}/me`)}`);
    await page.waitForURL(`${t.baseUrl}/e/${event.slug}/me`);
    await page.getByText('No meeting yet').waitFor();
  });
});
