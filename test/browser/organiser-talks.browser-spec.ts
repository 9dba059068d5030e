import { type AttendeeFixture, attendeeToken, createAttendee, createEvent, expectData } from '@pairwise/testing';
import { seriousAxeViolations, useBrowserSuite } from '@pairwise/testing/browser';

const parisDay = (at: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
const parisClock = (at: Date) => new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Paris', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(at);
/** A time as the web app shows it to the laptop's en-GB locale: numeric hours (`0:30` after midnight, `14:30`), unlike an input's `00:30`. */
const shownParisTime = (at: Date) => new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Paris', hour: 'numeric', minute: '2-digit' }).format(at);

/** A Paris wall-clock time as a datetime-local input takes it, `minutes` from now, on a five-minute mark. */
function parisInput(minutes: number): string {
  const at = new Date(Math.ceil((Date.now() + minutes * 60_000) / 300_000) * 300_000);
  return `${parisDay(at)}T${parisClock(at)}`;
}

/** Talks and office hours from an organiser's laptop: a talk added through the form, the requests allocated, reviewed and published. */
describe('talks and office hours in the browser', () => {
  const { t, signInOrganiser } = useBrowserSuite();
  let event: { id: string; slug: string };
  let people: Record<'speaker' | 'ada' | 'grace' | 'alan', AttendeeFixture & { name: string }>;
  const laptop = (colorScheme: 'light' | 'dark' = 'light') => signInOrganiser(event.id, { viewport: { width: 1280, height: 900 }, colorScheme });

  beforeAll(async () => {
    event = await createEvent(t, {
      name: 'Paris AI Days',
      startsOn: parisDay(new Date()),
      endsOn: parisDay(new Date(Date.now() + 86_400_000)),
      vocabulary: [{ slug: 'rag', label: 'RAG' }, { slug: 'evals', label: 'Evals' }],
    });
    const attendee = async (name: string, interests: string[]) => ({ name, ...(await createAttendee(t, event.id, { name, interests, present: true })) });
    people = {
      speaker: await attendee('Fei-Fei Li', ['rag']),
      ada: await attendee('Ada Lovelace', ['rag']),
      grace: await attendee('Grace Hopper', ['evals']),
      alan: await attendee('Alan Turing', ['rag', 'evals']),
    };
  });

  it('adds a talk by keyboard, refuses a time outside the event in words, allocates two slots and a standby place, and publishes them', async () => {
    const { page, problems } = await laptop();
    await page.getByRole('link', { name: 'Paris AI Days', exact: true }).click();
    await page.getByRole('link', { name: 'Talks', exact: true }).click();
    await page.waitForURL(`${t.baseUrl}/organiser/e/${event.slug}/talks`);
    await page.getByText('No talk yet').waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);

    // The form, by keyboard: the speaker is found by name and chosen in the radio group.
    await page.getByLabel('Title', { exact: true }).fill('Retrieval that works');
    await page.getByLabel('Find the speaker (name, email or company)').fill('Fei');
    await page.getByText('Choose the speaker below.').waitFor();
    await page.getByLabel('Find the speaker (name, email or company)').press('Tab');
    await page.keyboard.press('Space');
    await page.getByText('Speaker: Fei-Fei Li.').waitFor();
    expect(await page.getByRole('radio', { name: /Fei-Fei Li/ }).isChecked()).toBe(true);
    // A day after the event first: refused, in words.
    const afterEvent = new Date(Date.now() + 3 * 86_400_000);
    await page.getByLabel('Starts at (Europe/Paris)').fill(`${parisDay(afterEvent)}T10:00`);
    await page.getByLabel('Office-hour slots').fill('2');
    await page.getByLabel('Topics (optional)').fill('RAG');
    await page.getByLabel('Where the office hours happen (optional)').fill('Room B');
    await page.getByRole('button', { name: 'Add the talk' }).click();
    await page.getByRole('alert').getByText('This time is outside the event’s days (in the event’s time zone).').waitFor();
    const start = parisInput(60);
    await page.getByLabel('Starts at (Europe/Paris)').fill(start);
    await page.getByRole('button', { name: 'Add the talk' }).press('Enter');
    const card = page.locator('article', { has: page.getByRole('heading', { name: 'Retrieval that works' }) });
    await card.getByText('Taking requests').waitFor();
    expect(await card.textContent()).toContain('by Fei-Fei Li');
    expect(await card.textContent()).toContain('2 slots of 5 min');
    expect(await card.textContent()).toContain('Topics: RAG');
    expect(await card.textContent()).toContain('0 requests');
    // The form is blank again for the next talk.
    expect(await page.getByLabel('Title', { exact: true }).inputValue()).toBe('');

    // Three attendees ask (in the attendee app: requestSpeakerSlot); the page shows them once reloaded.
    const [talk] = expectData(await t.gql(`query ($e: ID!) { talks(eventId: $e) { id endsAt } }`, { e: event.id }, await t.adminToken())).talks;
    for (const [who, question] of [
      [people.grace, 'How do you evaluate retrieval?'],
      [people.alan, 'Which chunk size?'],
      [people.ada, 'Does reranking pay off?'],
    ] as const) {
      expectData(await t.gql(`mutation ($input: RequestSlotInput!) { requestSpeakerSlot(input: $input) { status } }`, { input: { talkId: talk.id, question } }, await attendeeToken(t, who)));
    }
    await page.reload();
    await card.getByText('3 requests').waitFor();
    expect(await card.getByText('Waiting for the allocation').count()).toBe(3);

    // Allocated: the two whose interests fit the talk's topic get the slots, in that order; the third is on standby.
    await card.getByRole('button', { name: 'Allocate the slots' }).click();
    await card.getByText('Allocated: to review').waitFor();
    const outcome = async (name: string) => (await card.getByRole('row', { name: new RegExp(name) }).getByRole('cell').last().textContent())?.trim();
    const slot = (index: number) => {
      const from = new Date(Date.parse(talk.endsAt) + index * 5 * 60_000);
      return `Slot ${shownParisTime(from)}–${shownParisTime(new Date(from.getTime() + 5 * 60_000))}`;
    };
    expect({ ada: await outcome('Ada Lovelace'), alan: await outcome('Alan Turing'), grace: await outcome('Grace Hopper') }).toEqual({ ada: slot(0), alan: slot(1), grace: 'Standby no. 1' });
    expect(await seriousAxeViolations(page)).toEqual([]);

    await card.getByRole('button', { name: 'Publish the slots…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Publish the office hours of “Retrieval that works”?' });
    expect(await seriousAxeViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Publish the slots' }).click();
    await card.getByText('Published', { exact: true }).waitFor();
    expect(await card.getByRole('button', { name: /Allocate/ }).count()).toBe(0);
    // Ada now has the slot among her meetings.
    const meetings = expectData(await t.gql(`{ myMeetings { kind roundName } }`, {}, await attendeeToken(t, people.ada))).myMeetings;
    expect(meetings).toContainEqual({ kind: 'OFFICE_HOURS', roundName: 'Office hours · Retrieval that works' });
    expect(problems).toEqual([]);
  });

  it('allocates and publishes the whole programme at once; publishing with nothing allocated is refused in words', async () => {
    const startsAt = new Date(Math.ceil((Date.now() + 3 * 3_600_000) / 300_000) * 300_000).toISOString();
    const input = { eventId: event.id, title: 'Evals in practice', speakerId: people.grace.id, startsAt, durationMinutes: 20, slotCount: 1, slotMinutes: 10, tags: ['evals'] };
    const { id: talkId } = expectData(await t.gql(`mutation ($input: CreateTalkInput!) { createTalk(input: $input) { id } }`, { input }, await t.adminToken())).createTalk;
    expectData(await t.gql(`mutation ($input: RequestSlotInput!) { requestSpeakerSlot(input: $input) { status } }`, { input: { talkId, question: 'Which metrics?' } }, await attendeeToken(t, people.alan)));
    const { page, problems } = await laptop();
    await page.goto(`${t.baseUrl}/organiser/e/${event.slug}/talks`);
    const programme = page.locator('section', { has: page.getByRole('heading', { name: 'The whole programme' }) });
    const card = page.locator('article', { has: page.getByRole('heading', { name: 'Evals in practice' }) });
    await card.getByText('Taking requests').waitFor();

    // Nothing allocated yet: refused, in words.
    await programme.getByRole('button', { name: 'Publish every allocated talk…' }).click();
    await page.getByRole('dialog', { name: 'Publish the office hours of every allocated talk?' }).getByRole('button', { name: 'Publish them all' }).click();
    await programme.getByText('Allocate the slots before publishing them.').waitFor();

    await programme.getByRole('button', { name: 'Allocate every talk’s slots' }).click();
    await programme.getByText('1 of 1 people who asked have a slot; 1 of 1 slots granted.').waitFor();
    await card.getByText('Allocated: to review').waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await programme.getByRole('button', { name: 'Publish every allocated talk…' }).click();
    await page.getByRole('dialog', { name: 'Publish the office hours of every allocated talk?' }).getByRole('button', { name: 'Publish them all' }).click();
    await card.getByText('Published', { exact: true }).waitFor();
    expect(await programme.getByText('Allocate the slots before publishing them.').count()).toBe(0);
    expect(problems).toEqual([]);
  });

  it('passes axe-core in dark mode too', async () => {
    const { page, problems } = await laptop('dark');
    await page.goto(`${t.baseUrl}/organiser/e/${event.slug}/talks`);
    await page.getByRole('heading', { level: 1, name: 'Talks and office hours' }).waitFor();
    await page.getByRole('button', { name: 'Add the talk' }).waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
  });
});
