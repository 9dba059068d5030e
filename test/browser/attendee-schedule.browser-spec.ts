import fs from 'node:fs/promises';
import path from 'node:path';
import { expectData, login } from '@pairwise/testing';
import { issueAccessCode, seriousAxeViolations, useBrowserSuite } from '@pairwise/testing/browser';
import { parisEvent, phones } from './attendee-fixture';

/** The README's picture of this screen: written when missing or when asked (`UPDATE_SCREENSHOTS=1`). */
const SCREENSHOT = path.resolve(__dirname, '../../test-results/screenshots/attendee-schedule.png');
const README_SCREENSHOT = path.resolve(__dirname, '../../docs/screenshots/attendee-schedule.png');

describe('My schedule and the check-in badge, on a phone', () => {
  const suite = useBrowserSuite();
  const { t } = suite;
  const phone = phones(suite);

  it('lists the bookmarked talk and the table in time order on the event’s clock, shows the QR badge on demand, and its code checks her in (axe-clean at 360×740, in English and French)', async () => {
    const event = await parisEvent(t);
    const ada = await event.attendee({ name: 'Ada Lovelace' });
    const sam = await event.attendee({ name: 'Sam Speaker' });
    await event.attendee({ name: 'Grace Hopper' });
    // Sam's talk in an hour, the round two hours after it.
    const talkAt = new Date(Math.ceil((Date.now() + 3_600_000) / 60_000) * 60_000);
    const talk = expectData(
      await t.gql(
        `mutation ($input: CreateTalkInput!) { createTalk(input: $input) { id } }`,
        { input: { eventId: event.id, title: 'RAG in production', speakerId: sam.id, startsAt: talkAt.toISOString(), durationMinutes: 20, slotCount: 0, location: 'Room 1' } },
        event.organiser,
      ),
    ).createTalk;
    await event.round('Round 1', new Date(talkAt.getTime() + 2 * 3_600_000));
    // She has not been checked in at the venue yet.
    expectData(await t.gql(`mutation ($id: ID!) { updateAttendee(input: { id: $id, present: false }) { attendee { id } } }`, { id: ada.id }, event.organiser));

    const { page, problems } = await phone.signedIn(ada, event.slug);
    await page.getByRole('navigation', { name: 'Attendee pages' }).getByRole('link', { name: 'Schedule' }).click();
    await page.getByRole('heading', { level: 1, name: 'My schedule' }).waitFor();
    const list = page.getByRole('list', { name: 'Your schedule, in time order' });
    await list.getByRole('heading', { level: 2, name: 'Round 1' }).waitFor();
    expect(await list.getByRole('heading', { level: 2, name: 'RAG in production' }).count()).toBe(0);
    const adaToken = (await login(t.gql, { email: ada.email, accessCode: await issueAccessCode(t, ada.id) })).token;
    expectData(await t.gql(`mutation ($id: ID!) { bookmarkTalk(talkId: $id) }`, { id: talk.id }, adaToken));
    await page.reload();
    await list.getByRole('heading', { level: 2, name: 'RAG in production' }).waitFor();
    expect(await list.getByRole('heading', { level: 2 }).allTextContents()).toEqual(['RAG in production', 'Round 1']);
    const parisTime = new Intl.DateTimeFormat('en-GB', { hour: 'numeric', minute: '2-digit', timeZone: 'Europe/Paris' }).format(talkAt);
    expect(await list.locator('li').first().locator('time').first().textContent()).toBe(parisTime);
    await list.getByText('A talk you bookmarked.').waitFor();
    await list.getByText('Room 1').waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);

    // The badge: the code and its QR modules are fetched only now (encoded by the API).
    await page.getByRole('button', { name: 'Show my check-in code' }).click();
    await page.getByRole('img', { name: 'Your check-in QR code' }).waitFor();
    const code = (await page.locator('.check-in-code').textContent())!;
    expect(code).toMatch(/^PW1-[\w-]{44}$/);
    expect(await seriousAxeViolations(page)).toEqual([]);
    const checkedIn = expectData(await t.gql(`mutation ($e: ID!, $c: String!) { checkIn(eventId: $e, code: $c) { alreadyPresent attendee { id present } } }`, { e: event.id, c: code }, event.organiser)).checkIn;
    expect(checkedIn).toEqual({ alreadyPresent: false, attendee: { id: ada.id, present: true } });
    await fs.mkdir(path.dirname(SCREENSHOT), { recursive: true });
    await page.screenshot({ path: SCREENSHOT, fullPage: true });
    const missing = await fs.stat(README_SCREENSHOT).then(() => false, () => true);
    if (missing || process.env.UPDATE_SCREENSHOTS === '1') await fs.copyFile(SCREENSHOT, README_SCREENSHOT);

    // In French, on the same phone: the schedule's and the badge's words.
    await page.getByLabel('Language', { exact: true }).selectOption('fr');
    await page.getByRole('heading', { level: 1, name: 'Mon programme' }).waitFor();
    const liste = page.getByRole('list', { name: 'Votre programme, dans l’ordre' });
    await liste.getByText('Une présentation que vous avez ajoutée.').waitFor();
    await page.getByRole('img', { name: 'Votre QR code d’enregistrement' }).waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
  });
});
