import { attendeeToken, expectData } from '@pairwise/testing';
import { seriousAxeViolations, useBrowserSuite } from '@pairwise/testing/browser';
import { parisEvent, phones } from './attendee-fixture';

describe('past meetings and their feedback, on a phone', () => {
  const suite = useBrowserSuite();
  const { t } = suite;
  const phone = phones(suite);

  it('lists the meetings that ended below the next one, and records the feedback given in the form', async () => {
    const event = await parisEvent(t);
    const ada = await event.attendee({ name: 'Ada Lovelace', interests: ['rag', 'evals'] });
    const grace = await event.attendee({ name: 'Grace Hopper', interests: ['rag', 'inference'] });
    const hour = 3_600_000;
    await event.round('Morning round', new Date(Date.now() - 2 * hour));
    // Two more arrive: the next round has someone new for each (a pair never meets twice).
    await event.attendee({ name: 'Alan Turing', interests: ['evals'] });
    await event.attendee({ name: 'Katherine Johnson', interests: ['inference'] });
    await event.round('Next round', new Date(Date.now() + 2 * hour));

    const { page, problems } = await phone.signedIn(ada, event.slug);
    await page.getByRole('heading', { level: 2, name: 'Next round' }).waitFor();
    const past = page.getByRole('region', { name: 'Past meetings' });
    await past.getByRole('heading', { level: 3, name: 'Morning round' }).waitFor();
    expect(await past.textContent()).toContain('With Grace Hopper');

    const form = past.getByRole('form', { name: 'Your feedback on Morning round' });
    await form.getByRole('radio', { name: '4' }).check();
    await form.getByRole('radio', { name: 'Yes' }).check();
    await form.getByLabel('Private note (optional)').fill('Talked about evals — follow up on the benchmark');
    await form.getByRole('button', { name: 'Save my feedback' }).click();
    await past.getByText('Your feedback: we met · 4/5 · would meet again').waitFor();
    expect(await past.getByText('Your private note: Talked about evals — follow up on the benchmark').isVisible()).toBe(true);

    const saved = async () => expectData(await t.gql(`{ myMeetings(when: PAST) { roundName myFeedback { met rating wouldMeetAgain note } } }`, {}, await attendeeToken(t, ada))).myMeetings;
    expect(await saved()).toEqual([{ roundName: 'Morning round', myFeedback: { met: true, rating: 4, wouldMeetAgain: true, note: 'Talked about evals — follow up on the benchmark' } }]);

    // After a reload the page shows what was said, and it can be changed: they did not meet after all.
    await page.reload();
    await past.getByText('Your feedback: we met · 4/5 · would meet again').waitFor();
    await past.getByRole('button', { name: 'Change my feedback' }).click();
    await form.getByLabel('We did not meet').check();
    expect(await form.getByRole('radio', { name: '4' }).count()).toBe(0);
    await form.getByLabel('Private note (optional)').fill('');
    await form.getByRole('button', { name: 'Save my feedback' }).click();
    await past.getByText('Your feedback: we did not meet').waitFor();
    expect(await saved()).toEqual([{ roundName: 'Morning round', myFeedback: { met: false, rating: null, wouldMeetAgain: null, note: null } }]);

    // Grace's own past meeting has no feedback from her: Ada's words are not hers to see.
    const graceMeetings = expectData(await t.gql(`{ myMeetings(when: PAST) { myFeedback { met } } }`, {}, await attendeeToken(t, grace))).myMeetings;
    expect(graceMeetings).toEqual([{ myFeedback: null }]);
    expect(problems).toEqual([]);
  });

  it('can be filled with the keyboard alone, and passes axe-core light and dark', async () => {
    const event = await parisEvent(t);
    const alan = await event.attendee({ name: 'Alan Turing' });
    await event.attendee({ name: 'Katherine Johnson' });
    await event.round('Earlier round', new Date(Date.now() - 3_600_000));
    for (const colorScheme of ['light', 'dark'] as const) {
      const { page } = await phone.signedIn(alan, event.slug, { colorScheme });
      await page.getByRole('heading', { level: 3, name: 'Earlier round' }).waitFor();
      expect({ colorScheme, violations: await seriousAxeViolations(page) }).toEqual({ colorScheme, violations: [] });
    }
    const { page } = await phone.signedIn(alan, event.slug);
    const form = page.getByRole('form', { name: 'Your feedback on Earlier round' });
    await form.getByLabel('We did not meet').focus();
    await page.keyboard.press('Tab'); // the ratings: one stop, arrows move within
    await page.keyboard.press('ArrowRight'); // 1 → 2 (the first arrow selects)
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight'); // 5
    await page.keyboard.press('Tab'); // would meet again
    await page.keyboard.press('Space'); // Yes
    await page.keyboard.press('Tab'); // the note
    await page.keyboard.type('Great chat');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter'); // Save
    await page.getByText('Your feedback: we met · 5/5 · would meet again').waitFor();
  });
});
