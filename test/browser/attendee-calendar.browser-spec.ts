import { seriousAxeViolations, useBrowserSuite } from '@pairwise/testing/browser';
import { parisEvent, phones } from './attendee-fixture';

describe('the calendar subscription, on a phone', () => {
  const suite = useBrowserSuite();
  const { t } = suite;
  const phone = phones(suite);

  it('makes a private .ics link, copies it, offers it as webcal, and a new link stops the old one', async () => {
    const event = await parisEvent(t);
    const ada = await event.attendee({ name: 'Ada Lovelace' });
    await event.attendee({ name: 'Grace Hopper' });
    await event.round('Round 1', new Date(Date.now() + 2 * 3_600_000));
    const { page, problems } = await phone.signedIn(ada, event.slug);
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: t.baseUrl });
    await page.getByRole('navigation', { name: 'Attendee pages' }).getByRole('link', { name: 'Calendar' }).click();
    await page.getByRole('heading', { level: 1, name: 'My calendar' }).waitFor();
    // Opening the page makes no link (that would stop one already subscribed): only the button does.
    expect(await page.getByLabel('Your calendar link').count()).toBe(0);
    await page.getByRole('button', { name: 'Make my calendar link' }).click();

    const shown = await page.getByLabel('Your calendar link').inputValue();
    expect(shown).toMatch(new RegExp(`^${t.baseUrl}/attendees/me/meetings\\.ics\\?token=[\\w-]{20,}$`));
    await page.getByRole('button', { name: 'Copy the link' }).click();
    await page.getByText('Copied.').waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(shown);
    expect(await page.getByRole('link', { name: 'Add to my calendar' }).getAttribute('href')).toBe(shown.replace(/^http:\/\//, 'webcal://'));

    // What a calendar app gets from it: this attendee's meeting.
    const feed = await fetch(shown);
    expect(feed.status).toBe(200);
    expect(feed.headers.get('content-type')).toContain('text/calendar');
    const ics = await feed.text();
    expect(ics).toContain('BEGIN:VCALENDAR');
    expect(ics).toContain('Round 1');

    await page.getByRole('button', { name: 'Make a new link' }).click();
    await page.waitForFunction((old) => (document.querySelector('.feed-url') as HTMLInputElement | null)?.value !== old, shown);
    const renewed = await page.getByLabel('Your calendar link').inputValue();
    expect(renewed).not.toBe(shown);
    expect((await fetch(renewed)).status).toBe(200);
    expect((await fetch(shown)).status).not.toBe(200);
    expect(problems).toEqual([]);
  });

  it('passes axe-core light and dark, before and after making the link', async () => {
    const event = await parisEvent(t);
    const alan = await event.attendee({ name: 'Alan Turing' });
    await phone.inEachColorScheme(alan, event.slug, 'calendar', async (page, colorScheme) => {
      await page.getByRole('button', { name: 'Make my calendar link' }).waitFor();
      expect({ colorScheme, step: 'before', violations: await seriousAxeViolations(page) }).toEqual({ colorScheme, step: 'before', violations: [] });
      await page.getByRole('button', { name: 'Make my calendar link' }).click();
      await page.getByRole('button', { name: 'Copy the link' }).waitFor();
      expect({ colorScheme, step: 'after', violations: await seriousAxeViolations(page) }).toEqual({ colorScheme, step: 'after', violations: [] });
    });
  });
});
