import { attendeeToken, expectData, waitForRound } from '@pairwise/testing';
import { issueAccessCode, seriousAxeViolations, signInThroughPage, useBrowserSuite } from '@pairwise/testing/browser';
import { parisEvent, phones } from './attendee-fixture';

describe('sitting a round out, on a phone', () => {
  const suite = useBrowserSuite();
  const { t } = suite;
  const phone = phones(suite);

  it('says so clearly, with the attendee’s own reason in words, and only to them', async () => {
    const event = await parisEvent(t);
    const ada = await event.attendee({ name: 'Ada Lovelace', present: false });
    const katherine = await event.attendee({ name: 'Katherine Johnson', consentMatchmaking: false });
    const grace = await event.attendee({ name: 'Grace Hopper' });
    await event.attendee({ name: 'Alan Turing' });
    await event.round('Round 1', new Date(Date.now() + 2 * 3_600_000));

    const { page, problems } = await phone.signedIn(ada, event.slug);
    const notice = page.getByRole('region', { name: 'You sit out Round 1' });
    await notice.getByText('You were not checked in when the round was matched. Check in at the desk (or in the app) to be in the next one.').waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);

    const { page: katherinePage } = await phone.signedIn(katherine, event.slug);
    const hers = katherinePage.getByRole('region', { name: 'You sit out Round 1' });
    await hers.getByText(/^You have not agreed to matchmaking/).waitFor();
    await hers.getByRole('link', { name: 'Agree to matchmaking in your profile' }).click();
    await katherinePage.waitForURL(`${t.baseUrl}/e/${event.slug}/profile`);

    // Grace has a table: no notice; and nobody reads another's reason through the API.
    const { page: gracePage } = await phone.signedIn(grace, event.slug);
    await gracePage.getByRole('heading', { level: 2, name: 'Round 1' }).waitFor();
    expect(await gracePage.locator('.sit-out').count()).toBe(0);
    const graceView = await t.gql(`query ($e: ID!) { rounds(eventId: $e) { mySitOut leftOut { attendeeId } } }`, { e: event.id }, await attendeeToken(t, grace));
    expect(graceView.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(problems).toEqual([]);
  });

  it('appears without a reload when a round the attendee sits out is published', async () => {
    const event = await parisEvent(t);
    const ada = await event.attendee({ name: 'Ada Lovelace' });
    for (const name of ['Grace Hopper', 'Alan Turing']) await event.attendee({ name });
    const soon = await event.round('Coffee round', new Date(Date.now() + 10 * 60_000), { publish: false });
    const context = await phone.open();
    const page = await context.newPage();
    await page.clock.install();
    await signInThroughPage(page, t.baseUrl, { email: ada.email, accessCode: await issueAccessCode(t, ada.id) }, `/e/${event.slug}/me`);
    await page.getByRole('button', { name: 'Sit out Coffee round' }).click();
    await page.getByRole('button', { name: 'Rejoin Coffee round' }).waitFor();
    await page.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));

    expectData(await t.gql(`mutation ($r: ID!) { generateRound(input: {roundId: $r}) { status } }`, { r: soon }, event.organiser));
    expect(await waitForRound(t, soon, event.organiser)).toMatchObject({ status: 'GENERATED' });
    expectData(await t.gql(`mutation ($r: ID!) { publishRound(roundId: $r) { status } }`, { r: soon }, event.organiser));
    // No push reaches someone without a table: the page asks again every 30 s while a round may be published.
    await page.clock.fastForward(31_000);
    await page.getByRole('region', { name: 'You sit out Coffee round' }).getByText('You chose to sit this round out.').waitFor();
    await page.getByRole('region', { name: 'Coming rounds' }).waitFor({ state: 'detached' });
    expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
  });
});
