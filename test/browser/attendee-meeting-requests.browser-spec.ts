import { attendeeToken, expectData } from '@pairwise/testing';
import { seriousAxeViolations, useBrowserSuite } from '@pairwise/testing/browser';
import { parisEvent, phones } from './attendee-fixture';

const MINE = `{ myMeetingRequests { status direction message } }`;

describe('meeting requests, on two phones', () => {
  const suite = useBrowserSuite();
  const { t } = suite;
  const phone = phones(suite);

  it('asks a speaker to meet from their talk, the speaker accepts on their requests page, and the asker sees it accepted', async () => {
    const event = await parisEvent(t);
    const grace = await event.attendee({ name: 'Grace Hopper', role: 'engineer', company: 'Navy Labs' });
    const ada = await event.attendee({ name: 'Ada Lovelace', role: 'researcher', interests: ['rag'] });
    expectData(
      await t.gql(
        `mutation ($input: CreateTalkInput!) { createTalk(input: $input) { id } }`,
        { input: { eventId: event.id, title: 'Compilers for agents', speakerId: grace.id, startsAt: new Date(Date.now() + 3 * 3_600_000).toISOString(), durationMinutes: 20, tags: ['agents'] } },
        event.organiser,
      ),
    );

    // Ada asks, from the talk's card.
    const { page, problems } = await phone.signedIn(ada, event.slug);
    await page.getByRole('navigation', { name: 'Attendee pages' }).getByRole('link', { name: 'Office hours' }).click();
    const card = page.locator('.talk', { has: page.getByRole('heading', { level: 2, name: 'Compilers for agents' }) });
    await card.getByRole('button', { name: 'Ask to meet Grace Hopper' }).click();
    const form = card.getByRole('form', { name: 'Ask to meet Grace Hopper' });
    await form.getByLabel('A short message (optional)').fill('Your talk on compilers — coffee after?');
    await form.getByRole('button', { name: 'Send the request' }).click();
    await card.getByText('Your request to meet Grace Hopper: waiting for an answer').waitFor();
    expect(expectData(await t.gql(MINE, {}, await attendeeToken(t, ada))).myMeetingRequests).toEqual([
      { status: 'PENDING', direction: 'SENT', message: 'Your talk on compilers — coffee after?' },
    ]);

    // Grace reads it on her requests page, with Ada as Ada shares herself, and accepts.
    const { page: gracePage, problems: graceProblems } = await phone.signedIn(grace, event.slug);
    await gracePage.getByRole('navigation', { name: 'Attendee pages' }).getByRole('link', { name: 'Requests' }).click();
    await gracePage.getByRole('heading', { level: 1, name: 'Meeting requests' }).waitFor();
    const received = gracePage.locator('.request', { has: gracePage.getByRole('heading', { level: 3, name: 'Ada Lovelace · researcher would like to meet you' }) });
    await received.getByText('“Your talk on compilers — coffee after?”').waitFor();
    await received.getByText(/^waiting for an answer · until /).waitFor();
    expect(await seriousAxeViolations(gracePage)).toEqual([]);
    await received.getByRole('button', { name: 'Accept' }).click();
    await received.getByText(/^accepted — you will be seated together in the next round where you are both present · until /).waitFor();
    expect(await received.getByRole('button', { name: 'Accept' }).count()).toBe(0);

    // Ada sees her sent request accepted.
    await page.getByRole('navigation', { name: 'Attendee pages' }).getByRole('link', { name: 'Requests' }).click();
    const sent = page.locator('.request', { has: page.getByRole('heading', { level: 3, name: 'You asked to meet Grace Hopper · engineer · Navy Labs' }) });
    await sent.getByText(/^accepted — you will be seated together/).waitFor();
    await sent.getByRole('button', { name: 'Withdraw' }).waitFor();
    await page.getByText('Nobody has asked to meet you yet.').waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
    expect(graceProblems).toEqual([]);
  });
});
