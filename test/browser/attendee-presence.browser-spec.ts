import { attendeeToken, expectData, waitForRound } from '@pairwise/testing';
import { seriousAxeViolations, useBrowserSuite } from '@pairwise/testing/browser';
import { parisEvent, phones } from './attendee-fixture';

describe('checking in and out, and sitting rounds out, on a phone', () => {
  const suite = useBrowserSuite();
  const { t } = suite;
  const phone = phones(suite);

  it('checks in with “I’m here” and out again; the API holds each', async () => {
    const event = await parisEvent(t);
    const ada = await event.attendee({ name: 'Ada Lovelace', present: false });
    const { page, problems } = await phone.signedIn(ada, event.slug);
    const present = async () => expectData(await t.gql(`{ myProfile { present } }`, {}, await attendeeToken(t, ada))).myProfile.present;

    await page.getByRole('heading', { level: 2, name: 'You are not checked in' }).waitFor();
    await page.getByRole('button', { name: 'I’m here' }).click();
    await page.getByRole('heading', { level: 2, name: 'Checked in' }).waitFor();
    expect(await present()).toBe(true);
    await page.reload();
    await page.getByRole('button', { name: 'Check out' }).click();
    await page.getByRole('heading', { level: 2, name: 'You are not checked in' }).waitFor();
    expect(await present()).toBe(false);
    expect(problems).toEqual([]);
  });

  it('sits a coming round out and rejoins it; the generated draft leaves them out; a published round says so in words', async () => {
    const event = await parisEvent(t);
    const ada = await event.attendee({ name: 'Ada Lovelace' });
    // Enough people for two drafts in a row without repeating a pair.
    for (const name of ['Grace Hopper', 'Alan Turing', 'Katherine Johnson', 'Edsger Dijkstra']) await event.attendee({ name });
    const hour = 3_600_000;
    const afternoon = await event.round('Afternoon round', new Date(Date.now() + 3 * hour), { publish: false });
    const evening = await event.round('Evening round', new Date(Date.now() + 5 * hour), { publish: false });
    const { page, problems } = await phone.signedIn(ada, event.slug);
    const coming = page.getByRole('region', { name: 'Coming rounds' });
    await coming.getByText('Afternoon round', { exact: true }).waitFor();
    expect(await coming.getByText('You are in').count()).toBe(2);

    await coming.getByRole('button', { name: 'Sit out Afternoon round' }).click();
    await coming.getByRole('button', { name: 'Rejoin Afternoon round' }).waitFor();
    expect(await coming.getByText('You sit this one out').count()).toBe(1);
    const optedOut = async () =>
      Object.fromEntries(
        expectData(await t.gql(`{ myUpcomingRounds { name optedOut } }`, {}, await attendeeToken(t, ada))).myUpcomingRounds.map((row: { name: string; optedOut: boolean }) => [row.name, row.optedOut]),
      );
    expect(await optedOut()).toEqual({ 'Afternoon round': true, 'Evening round': false });

    // The organisers generate it: Ada is left out, for the reason she gave.
    expectData(await t.gql(`mutation ($r: ID!) { generateRound(input: {roundId: $r}) { status } }`, { r: afternoon }, event.organiser));
    expect(await waitForRound(t, afternoon, event.organiser)).toMatchObject({ status: 'GENERATED' });
    const leftOut = expectData(await t.gql(`query ($r: ID!) { round(id: $r) { leftOut { attendeeId reason } } }`, { r: afternoon }, event.organiser)).round.leftOut;
    expect(leftOut).toContainEqual({ attendeeId: ada.id, reason: 'OPTED_OUT' });

    await page.reload();
    await coming.getByRole('button', { name: 'Rejoin Afternoon round' }).click();
    await coming.getByRole('button', { name: 'Sit out Afternoon round' }).waitFor();
    expect(await optedOut()).toEqual({ 'Afternoon round': false, 'Evening round': false });

    // Published while the page still offers it: the refusal in words, and the round leaves the list. (Ada is
    // checked out while it is generated, so she has no table in it and no push tells her page it was published.)
    const adaToken = await attendeeToken(t, ada);
    expectData(await t.gql(`mutation { setMyPresence(present: false) { present } }`, {}, adaToken));
    expectData(await t.gql(`mutation ($r: ID!) { generateRound(input: {roundId: $r}) { status } }`, { r: evening }, event.organiser));
    expect(await waitForRound(t, evening, event.organiser)).toMatchObject({ status: 'GENERATED' });
    expectData(await t.gql(`mutation { setMyPresence(present: true) { present } }`, {}, adaToken));
    expectData(await t.gql(`mutation ($r: ID!) { publishRound(roundId: $r) { status } }`, { r: evening }, event.organiser));
    await coming.getByRole('button', { name: 'Sit out Evening round' }).click();
    await coming.getByRole('alert').getByText('This round is already published: ask an organiser.').waitFor();
    await coming.getByText('Evening round', { exact: true }).waitFor({ state: 'detached' });
    expect(problems).toEqual([]);
  });

  it('passes axe-core on the home with the check-in and the coming rounds, light and dark', async () => {
    const event = await parisEvent(t);
    const alan = await event.attendee({ name: 'Alan Turing', present: false });
    await event.round('Tomorrow round', new Date(Date.now() + 26 * 3_600_000), { publish: false });
    for (const colorScheme of ['light', 'dark'] as const) {
      const { page } = await phone.signedIn(alan, event.slug, { colorScheme });
      await page.getByRole('region', { name: 'Coming rounds' }).getByText('Tomorrow round', { exact: true }).waitFor();
      expect({ colorScheme, state: 'not checked in', violations: await seriousAxeViolations(page) }).toEqual({ colorScheme, state: 'not checked in', violations: [] });
      await page.getByRole('button', { name: 'I’m here' }).click();
      await page.getByRole('button', { name: 'Check out' }).waitFor();
      expect({ colorScheme, state: 'checked in', violations: await seriousAxeViolations(page) }).toEqual({ colorScheme, state: 'checked in', violations: [] });
      await page.getByRole('button', { name: 'Check out' }).click();
      await page.getByRole('button', { name: 'I’m here' }).waitFor();
    }
  });
});
