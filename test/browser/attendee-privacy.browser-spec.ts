import fs from 'node:fs/promises';
import { attendeeToken, expectData } from '@pairwise/testing';
import { seriousAxeViolations, useBrowserSuite } from '@pairwise/testing/browser';
import { parisEvent, phones } from './attendee-fixture';

describe('an attendee’s own data, on a phone', () => {
  const suite = useBrowserSuite();
  const { t } = suite;
  const phone = phones(suite);

  it('exports their data as a JSON file, then deletes it after a confirmation', async () => {
    const event = await parisEvent(t, { retentionDays: 30 });
    const ada = await event.attendee({ name: 'Ada Lovelace', company: 'Analytical Engines', interests: ['rag', 'evals'] });
    const grace = await event.attendee({ name: 'Grace Hopper', company: 'Navy Labs', sharedFields: ['name'] });
    await event.round('Morning round', new Date(Date.now() - 2 * 3_600_000));
    const { page, problems } = await phone.signedIn(ada, event.slug, { acceptDownloads: true });
    // Some of her data besides the profile: feedback with a private note.
    await page.getByRole('form', { name: 'Your feedback on Morning round' }).getByLabel('Private note (optional)').fill('Ask Grace about COBOL');
    await page.getByRole('button', { name: 'Save my feedback' }).click();
    await page.getByText(/^Your feedback:/).waitFor();

    await page.getByRole('navigation', { name: 'Attendee pages' }).getByRole('link', { name: 'Privacy' }).click();
    await page.getByRole('heading', { level: 1, name: 'My data' }).waitFor();
    await page.getByText('The organisers erase the attendees’ data 30 days after the event ends.').waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download my data' }).click()]);
    expect(download.suggestedFilename()).toMatch(new RegExp(`^pairwise-my-data-${event.slug}-\\d{4}-\\d{2}-\\d{2}\\.json$`));
    const exported = JSON.parse(await fs.readFile((await download.path())!, 'utf8'));
    expect(exported).toMatchObject({
      format: 'pairwise.personal-data/1',
      event: { slug: event.slug },
      profile: { id: ada.id, name: 'Ada Lovelace', email: ada.email, company: 'Analytical Engines', interests: ['rag', 'evals'] },
      consent: { matchmaking: true },
      feedbackGiven: [expect.objectContaining({ met: true, note: 'Ask Grace about COBOL' })],
    });
    // Her partner appears with only what the partner shares.
    expect(exported.meetings[0].partners[0]).toMatchObject({ id: grace.id, name: 'Grace Hopper', company: null });
    await page.getByText('Downloaded: look in your downloads.').waitFor();

    const token = await attendeeToken(t, ada);
    // Deleting asks first, and can be called off.
    await page.getByRole('button', { name: 'Delete my data…' }).click();
    const confirm = page.getByRole('group', { name: 'Delete your data for good?' });
    await confirm.waitFor();
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Delete your data for good?');
    expect(await confirm.getByRole('button', { name: 'Delete my data now' }).isDisabled()).toBe(true);
    await confirm.getByRole('button', { name: 'Keep my data' }).click();
    expect(expectData(await t.gql(`{ myProfile { name } }`, {}, token)).myProfile.name).toBe('Ada Lovelace');

    await page.getByRole('button', { name: 'Delete my data…' }).click();
    await confirm.getByLabel('I understand that this cannot be undone').check();
    await confirm.getByRole('button', { name: 'Delete my data now' }).click();
    await page.waitForURL(`${t.baseUrl}/sign-in`);
    await page.getByText('Your data has been deleted and you are signed out everywhere. Thank you for taking part.').waitFor();
    expect(await page.evaluate(() => localStorage.getItem('pairwise.session'))).toBeNull();

    // Gone on the API: her tokens stop working, organisers find nothing of her, her partner sees "Deleted attendee".
    expect((await t.gql(`{ myProfile { name } }`, {}, token)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const left = expectData(await t.gql(`query ($e: ID!) { attendees(eventId: $e, first: 100) { edges { node { id name email } } } }`, { e: event.id }, event.organiser)).attendees.edges;
    expect(JSON.stringify(left)).not.toContain('Ada');
    expect(JSON.stringify(left)).not.toContain(ada.email);
    const [theirs] = expectData(await t.gql(`{ myMeetings { partners { id name } } }`, {}, await attendeeToken(t, grace))).myMeetings;
    expect(theirs.partners).toEqual([{ id: ada.id, name: 'Deleted attendee' }]);
    expect(problems).toEqual([]);
  });

  it('passes axe-core light and dark, with the confirmation open', async () => {
    const event = await parisEvent(t);
    const alan = await event.attendee({ name: 'Alan Turing' });
    await phone.inEachColorScheme(alan, event.slug, 'privacy', async (page, colorScheme) => {
      await page.getByRole('button', { name: 'Delete my data…' }).click();
      await page.getByLabel('I understand that this cannot be undone').check();
      expect({ colorScheme, violations: await seriousAxeViolations(page) }).toEqual({ colorScheme, violations: [] });
    });
  });
});
