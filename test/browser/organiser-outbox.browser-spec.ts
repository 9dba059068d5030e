import type { Browser, Page } from 'playwright-core';
import { createEvent, expectData, startSmtpServer, type TestApp, type TestSmtpServer } from '@pairwise/testing';
import { seriousAxeViolations, signInStaffThroughPage, startWebTestApp, useBrowserSuite, watchPage } from '@pairwise/testing/browser';

const ATTENDEES = ['email,name,checked in', 'ada@example.com,Ada Lovelace,yes', 'grace@example.com,Grace Hopper,no', 'nobody@example.com,Nobody Here,yes'].join('\n');

describe('the outbox in a real browser', () => {
  let smtp: TestSmtpServer;
  beforeAll(async () => {
    smtp = await startSmtpServer();
  });
  const { t, newPage } = useBrowserSuite(() => ({ PAIRWISE_SMTP_URL: smtp.url, PAIRWISE_MAIL_RATE: '1000' }));
  afterAll(() => smtp?.close());

  /** An event with three attendees, and an organiser of it on its outbox page. */
  const outboxOfNewEvent = async (app: TestApp & { baseUrl: string }, options: Parameters<Browser['newContext']>[0] = {}) => {
    const event = await createEvent(app, { name: 'Paris AI Days' });
    expectData(await app.gql(`mutation ($id: ID!, $csv: String!) { importAttendees(eventId: $id, csv: $csv) { created } }`, { id: event.id, csv: ATTENDEES }, await app.adminToken()));
    const email = `olga-${event.slug}@pairwise.test`;
    const grant = expectData(
      await app.gql(`mutation ($input: AddOrganiserInput!) { addOrganiser(input: $input) { accessCode { code } } }`, { input: { eventId: event.id, email, name: 'Olga Organiser' } }, await app.adminToken()),
    ).addOrganiser;
    const page = await newPage(options);
    const watched = watchPage(page);
    await signInStaffThroughPage(page, app.baseUrl, { email, accessCode: grant.accessCode.code });
    await page.goto(`${app.baseUrl}/organiser/e/${event.slug}/outbox`);
    await page.getByRole('heading', { level: 1, name: 'Outbox' }).waitFor();
    return { event, page, problems: watched.problems };
  };
  const messagesTable = (page: Page) => page.getByRole('table', { name: /^Messages / });
  const rowTo = (page: Page, email: string) => messagesTable(page).getByRole('row').filter({ has: page.getByRole('rowheader', { name: email }) });

  it('sends the invitations with their progress, and lists each message with its status and the SMTP server\'s answer', async () => {
    smtp.rejectRecipients.add('nobody@example.com');
    const { page, problems } = await outboxOfNewEvent(t);
    await page.getByText('No message yet.').waitFor();

    await page.getByRole('button', { name: 'Send invitations' }).click();
    await page.getByRole('button', { name: 'Yes, send them' }).click();
    await page.getByText('Latest invitations: 3 attendees chosen, 3 messages to send, 0 skipped').waitFor();
    await page.getByText('Done. Sent 2, held 0, failed 0, bounced 1, cancelled 0.').waitFor({ timeout: 60_000 });
    expect((await smtp.waitFor(2)).map((mail) => mail.to).filter((to) => /ada@|grace@/.test(to)).length).toBeGreaterThanOrEqual(2);

    // The list caught up as they went: each message, its status, and the refusal in the server's words.
    await rowTo(page, 'ada@example.com').getByText('Sent', { exact: true }).waitFor();
    await rowTo(page, 'grace@example.com').getByText('Sent', { exact: true }).waitFor();
    const bounced = rowTo(page, 'nobody@example.com');
    await bounced.getByText('Bounced', { exact: true }).waitFor();
    expect(await bounced.textContent()).toMatch(/550.*User unknown/);
    expect(await rowTo(page, 'ada@example.com').getByRole('cell').nth(0).textContent()).toMatch(/Paris AI Days/);

    // Again: everyone was invited, nobody gets a second one unless asked.
    await page.getByRole('button', { name: 'Send invitations' }).click();
    await page.getByRole('button', { name: 'Yes, send them' }).click();
    await page.getByText('Latest invitations: 3 attendees chosen, 0 messages to send, 3 skipped').waitFor();
    // Invited again, only those checked in.
    await page.getByLabel('Only those checked in').check();
    await page.getByLabel('Invite again those already invited').check();
    await page.getByRole('button', { name: 'Send invitations' }).click();
    await page.getByText('again for those invited before').waitFor();
    await page.getByRole('button', { name: 'Yes, send them' }).click();
    await page.getByText('Latest invitations: 2 attendees chosen, 2 messages to send, 0 skipped').waitFor();
    await page.getByText('Done. Sent 1, held 0, failed 0, bounced 1, cancelled 0.').waitFor({ timeout: 60_000 });
    await page.getByText('Messages 1–5 of 5').first().waitFor();
    expect(problems).toEqual([]);
  });

  it('shows messages held when no mail server is configured, says why, and passes axe-core light and dark', async () => {
    const unsent = await startWebTestApp();
    try {
      for (const colorScheme of ['light', 'dark'] as const) {
        const { page } = await outboxOfNewEvent(unsent, { colorScheme });
        await page.getByText('No message yet.').waitFor();
        expect({ colorScheme, screen: 'outbox (empty)', violations: await seriousAxeViolations(page) }).toEqual({ colorScheme, screen: 'outbox (empty)', violations: [] });
        await page.getByRole('button', { name: 'Send invitations' }).click();
        await page.getByRole('button', { name: 'Yes, send them' }).click();
        await page.getByText('Done. Sent 0, held 3, failed 0, bounced 0, cancelled 0.').waitFor({ timeout: 60_000 });
        await page.getByText('No mail server is configured (PAIRWISE_SMTP_URL)').waitFor();
        await rowTo(page, 'ada@example.com').getByText('Held', { exact: true }).waitFor();
        expect(await rowTo(page, 'ada@example.com').textContent()).toContain('PAIRWISE_SMTP_URL');
        expect({ colorScheme, screen: 'outbox', violations: await seriousAxeViolations(page) }).toEqual({ colorScheme, screen: 'outbox', violations: [] });
        // A run still going (or done) when the page opens is shown.
        await page.reload();
        await page.getByText('Done. Sent 0, held 3, failed 0, bounced 0, cancelled 0.').waitFor();
      }
    } finally {
      await unsent.close();
    }
  });
});
