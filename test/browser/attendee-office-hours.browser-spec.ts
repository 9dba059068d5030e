import { attendeeToken, expectData } from '@pairwise/testing';
import { seriousAxeViolations, useBrowserSuite } from '@pairwise/testing/browser';
import { parisEvent, phones } from './attendee-fixture';

const MY_REQUEST = `query ($e: ID!) { talks(eventId: $e) { requests { question status standbyRank } } }`;

describe('speakers’ office hours, on a phone', () => {
  const suite = useBrowserSuite();
  const { t } = suite;
  const phone = phones(suite);

  it('asks for a slot with a question, sees it granted or on standby, and gives it up to the next in line', async () => {
    const event = await parisEvent(t);
    const grace = await event.attendee({ name: 'Grace Hopper', role: 'engineer', company: 'Navy Labs' });
    const ada = await event.attendee({ name: 'Ada Lovelace', interests: ['rag', 'evals'] });
    const alan = await event.attendee({ name: 'Alan Turing', interests: ['agents'] });
    const startsAt = new Date(Date.now() + 3 * 3_600_000);
    const talk = expectData(
      await t.gql(
        `mutation ($input: CreateTalkInput!) { createTalk(input: $input) { id } }`,
        { input: { eventId: event.id, title: 'RAG in production', speakerId: grace.id, startsAt: startsAt.toISOString(), durationMinutes: 30, tags: ['rag'], slotCount: 1, slotMinutes: 5, location: 'Speaker corner' } },
        event.organiser,
      ),
    ).createTalk;

    const { page, problems } = await phone.signedIn(ada, event.slug);
    await page.getByRole('navigation', { name: 'Attendee pages' }).getByRole('link', { name: 'Office hours' }).click();
    await page.getByRole('heading', { level: 1, name: 'Speakers’ office hours' }).waitFor();
    const card = page.locator('.talk', { has: page.getByRole('heading', { level: 2, name: 'RAG in production' }) });
    expect(await card.textContent()).toContain('Grace Hopper · engineer · Navy Labs');
    expect(await card.textContent()).toContain('Speaker corner');
    expect(await card.textContent()).toContain('Office hours after the talk: 1 × 5 min');
    const form = card.getByRole('form', { name: 'Ask for a slot with RAG in production' });
    await form.getByLabel('Your question for the speaker').fill('How do you evaluate retrieval quality?');
    await form.getByRole('button', { name: 'Ask for a 1:1 slot' }).click();
    await card.getByText(/^Requested\. The organisers share the slots out/).waitFor();
    const mine = async (who: typeof ada) => expectData(await t.gql(MY_REQUEST, { e: event.id }, await attendeeToken(t, who))).talks[0].requests;
    expect(await mine(ada)).toEqual([{ question: 'How do you evaluate retrieval quality?', status: 'PENDING', standbyRank: null }]);

    // The question can be changed.
    await card.getByRole('button', { name: 'Change my question' }).click();
    await card.getByLabel('Your question for the speaker').fill('How do you evaluate retrieval quality at scale?');
    await card.getByRole('button', { name: 'Save my question' }).click();
    await card.getByText('Your question: How do you evaluate retrieval quality at scale?').waitFor();

    // Alan asks too; one slot: the organisers give it to the more relevant asker, Ada; Alan waits on standby.
    const { page: alanPage } = await phone.signedIn(alan, event.slug);
    await alanPage.goto(`${t.baseUrl}/e/${event.slug}/office-hours`);
    await alanPage.getByLabel('Your question for the speaker').fill('Agents next?');
    await alanPage.getByRole('button', { name: 'Ask for a 1:1 slot' }).click();
    await alanPage.getByText(/^Requested\./).waitFor();
    expectData(await t.gql(`mutation ($id: ID!) { allocateSpeakerSlots(talkId: $id) { id } }`, { id: talk.id }, event.organiser));
    expectData(await t.gql(`mutation ($id: ID!) { publishSpeakerSlots(talkId: $id) { id } }`, { id: talk.id }, event.organiser));
    expect((await mine(ada))[0].status).toBe('GRANTED');

    await page.reload();
    const slotEnd = new Date(startsAt.getTime() + 35 * 60_000);
    const paris = (at: Date) => new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Paris', hour: 'numeric', minute: '2-digit' }).format(at);
    await card.getByText(`Granted: your slot is ${paris(new Date(startsAt.getTime() + 30 * 60_000))}–${paris(slotEnd)}, Speaker corner. It is in My meetings too.`).waitFor();
    await alanPage.reload();
    await alanPage.getByText('On the standby list, number 1: a slot that frees up goes to the first in line.').waitFor();

    // Ada gives her slot up: Alan gets it.
    await card.getByRole('button', { name: 'Withdraw my request' }).click();
    await card.getByRole('button', { name: 'Ask for a 1:1 slot' }).waitFor();
    expect(await mine(ada)).toEqual([]);
    await alanPage.reload();
    await alanPage.getByText(/^Granted: your slot is/).waitFor();

    // The speaker sees their own talk as theirs, with nothing to ask.
    const { page: gracePage } = await phone.signedIn(grace, event.slug);
    await gracePage.goto(`${t.baseUrl}/e/${event.slug}/office-hours`);
    await gracePage.getByText(/^This is your talk/).waitFor();
    expect(await gracePage.getByRole('button', { name: 'Ask for a 1:1 slot' }).count()).toBe(0);
    expect(problems).toEqual([]);
  });

  it('passes axe-core light and dark, with a talk and with none', async () => {
    const event = await parisEvent(t);
    const katherine = await event.attendee({ name: 'Katherine Johnson' });
    const { page: empty } = await phone.signedIn(katherine, event.slug);
    await empty.goto(`${t.baseUrl}/e/${event.slug}/office-hours`);
    await empty.getByText('No talk with office hours yet.').waitFor();
    expect(await seriousAxeViolations(empty)).toEqual([]);
    const speaker = await event.attendee({ name: 'Sam Speaker' });
    expectData(
      await t.gql(
        `mutation ($input: CreateTalkInput!) { createTalk(input: $input) { id } }`,
        { input: { eventId: event.id, title: 'Evals that matter', speakerId: speaker.id, startsAt: new Date(Date.now() + 26 * 3_600_000).toISOString(), durationMinutes: 20, tags: ['evals'] } },
        event.organiser,
      ),
    );
    for (const colorScheme of ['light', 'dark'] as const) {
      const { page } = await phone.signedIn(katherine, event.slug, { colorScheme });
      await page.goto(`${t.baseUrl}/e/${event.slug}/office-hours`);
      await page.getByRole('heading', { level: 2, name: 'Evals that matter' }).waitFor();
      expect({ colorScheme, violations: await seriousAxeViolations(page) }).toEqual({ colorScheme, violations: [] });
    }
  });
});
