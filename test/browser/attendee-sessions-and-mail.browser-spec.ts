import type { Page } from 'playwright-core';
import { attendeeToken, expectData } from '@pairwise/testing';
import { cutOffOnTheRight, seriousAxeViolations, useBrowserSuite } from '@pairwise/testing/browser';
import { parisEvent, phones } from './attendee-fixture';

/** Moves the focus with Tab alone until it is on the button called `name` (a keyboard user's way there). */
async function tabTo(page: Page, name: string): Promise<void> {
  for (let presses = 0; presses < 60; presses++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => (document.activeElement?.tagName === 'BUTTON' ? document.activeElement.textContent : null));
    if (focused === name) return;
  }
  throw new Error(`Tab never reached the button "${name}"`);
}

const MAIL_OPT_OUT = `{ myProfile { mailOptOut } }`;

describe('the attendee’s emails and sessions, on the privacy page of a phone', () => {
  const suite = useBrowserSuite();
  const { t } = suite;
  const phone = phones(suite);

  it('turns the event’s emails off and on again, by keyboard; the API keeps the choice', async () => {
    const event = await parisEvent(t);
    const ada = await event.attendee({ name: 'Ada Lovelace' });
    const token = await attendeeToken(t, ada);
    const { page, problems } = await phone.signedIn(ada, event.slug);
    await page.getByRole('navigation', { name: 'Attendee pages' }).getByRole('link', { name: 'Privacy' }).click();
    const emails = page.getByRole('region', { name: 'Emails' });
    await emails.getByText('You get an email before each of your meetings and office-hour slots, and a notice when you sit out a round.').waitFor();

    await tabTo(page, 'Stop these emails');
    await page.keyboard.press('Enter');
    await emails.getByRole('status').getByText('Done: no more emails about this event.').waitFor();
    expect(expectData(await t.gql(MAIL_OPT_OUT, {}, token)).myProfile).toEqual({ mailOptOut: true });

    // The choice is the API's, not the page's: it is still there after a reload.
    await page.reload();
    await emails.getByText(/^You get no emails about this event/).waitFor();
    await tabTo(page, 'Send me these emails again');
    await page.keyboard.press('Enter');
    await emails.getByRole('status').getByText('Done: emails are back on, with the reminders of your meetings still to come.').waitFor();
    expect(expectData(await t.gql(MAIL_OPT_OUT, {}, token)).myProfile).toEqual({ mailOptOut: false });

    // In French too.
    await page.getByLabel('Language').selectOption('fr');
    const courriels = page.getByRole('region', { name: 'E-mails' });
    await courriels.getByRole('button', { name: 'Ne plus recevoir ces e-mails' }).click();
    await courriels.getByRole('status').getByText('C’est fait : vous ne recevrez plus d’e-mails pour cet événement.').waitFor();
    await courriels.getByText(/^Vous ne recevez aucun e-mail pour cet événement/).waitFor();
    expect(expectData(await t.gql(MAIL_OPT_OUT, {}, token)).myProfile).toEqual({ mailOptOut: true });
    expect(problems).toEqual([]);
  });

  it('signs out everywhere after a confirmation: another phone signed in as the same attendee is back on sign-in at its next request', async () => {
    const event = await parisEvent(t);
    const ada = await event.attendee({ name: 'Ada Lovelace' });
    const { page, problems } = await phone.signedIn(ada, event.slug);
    const { page: otherPhone } = await phone.signedIn(ada, event.slug);
    const apiToken = await attendeeToken(t, ada);
    await page.goto(`${t.baseUrl}/e/${event.slug}/privacy`);

    // Asked first, and can be called off; the focus goes to the question, then back to the button.
    await tabTo(page, 'Sign out everywhere…');
    await page.keyboard.press('Enter');
    const confirm = page.getByRole('group', { name: 'Sign out on every device?' });
    await confirm.waitFor();
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Sign out on every device?');
    await confirm.getByRole('button', { name: 'Stay signed in' }).click();
    await confirm.waitFor({ state: 'detached' });
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Sign out everywhere…');
    expect(expectData(await t.gql(`{ myProfile { name } }`, {}, apiToken)).myProfile.name).toBe('Ada Lovelace');

    await page.keyboard.press('Enter');
    await tabTo(page, 'Sign out everywhere');
    await page.keyboard.press('Enter');
    await page.waitForURL(`${t.baseUrl}/sign-in`);
    await page.getByText('You are signed out on every device.').waitFor();
    expect(await page.evaluate(() => localStorage.getItem('pairwise.session'))).toBeNull();

    // Every session of hers has ended: the other phone's, at its next step, and one opened through the API.
    expect((await t.gql(`{ myProfile { name } }`, {}, apiToken)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    await otherPhone.getByRole('navigation', { name: 'Attendee pages' }).getByRole('link', { name: 'Profile' }).click();
    await otherPhone.waitForURL((url) => url.pathname === '/sign-in');
    expect(new URL(otherPhone.url()).searchParams.get('next')).toBe(`/e/${event.slug}/profile`);
    await otherPhone.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    expect(await otherPhone.evaluate(() => localStorage.getItem('pairwise.session'))).toBeNull();
    expect(problems).toEqual([]);
  });

  it('fits a 360 × 740 phone and passes axe-core light and dark, in English and French, with the confirmation open', async () => {
    const event = await parisEvent(t);
    const alan = await event.attendee({ name: 'Alan Turing' });
    for (const colorScheme of ['light', 'dark'] as const) {
      for (const language of ['en', 'fr'] as const) {
        const { page } = await phone.signedIn(alan, event.slug, { colorScheme });
        await page.goto(`${t.baseUrl}/e/${event.slug}/privacy`);
        if (language === 'fr') await page.getByLabel('Language').selectOption('fr');
        await page.getByRole('button', { name: language === 'en' ? 'Sign out everywhere…' : 'Se déconnecter partout…' }).click();
        await page.getByRole('button', { name: language === 'en' ? 'Stop these emails' : 'Ne plus recevoir ces e-mails' }).waitFor();
        await page.getByRole('button', { name: language === 'en' ? 'Stay signed in' : 'Rester connecté' }).waitFor();
        expect({ colorScheme, language, violations: await seriousAxeViolations(page), cutOff: await cutOffOnTheRight(page) }).toEqual({ colorScheme, language, violations: [], cutOff: [] });
      }
    }
  });
});
