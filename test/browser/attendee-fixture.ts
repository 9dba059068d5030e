import type { BrowserContextOptions, Page } from 'playwright-core';
import { createAttendee, createEvent, createOrganiser, expectData, waitForRound, type AttendeeFixture, type TestApp } from '@pairwise/testing';
import { issueAccessCode, signInThroughPage, watchPage, type BrowserSuite } from '@pairwise/testing/browser';

/** A day on the Paris clock, YYYY-MM-DD. */
export const parisDay = (at: Date): string =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);

export type Person = AttendeeFixture & { name: string };

/**
 * An event in Paris that runs from two days ago to two days from now (so rounds may be put in the past
 * and in the future), its organiser, and attendees made by `attendee`.
 */
export async function parisEvent(t: TestApp, input: Record<string, unknown> = {}) {
  const now = Date.now();
  const event = await createEvent(t, {
    name: 'Paris AI Days',
    timeZone: 'Europe/Paris',
    startsOn: parisDay(new Date(now - 2 * 86_400_000)),
    endsOn: parisDay(new Date(now + 2 * 86_400_000)),
    vocabulary: [
      { slug: 'rag', label: 'RAG', synonyms: ['Retrieval-Augmented Generation'] },
      { slug: 'evals', label: 'Evals' },
      { slug: 'inference', label: 'Inference' },
      { slug: 'agents', label: 'Agents' },
      { slug: 'pytorch', label: 'PyTorch' },
    ],
    ...input,
  });
  const organiser = (await createOrganiser(t, event.id)).token;
  const attendee = async (profile: { name: string } & Record<string, unknown>): Promise<Person> => ({
    ...(await createAttendee(t, event.id, { present: true, consentMatchmaking: true, sharedFields: ['name', 'role', 'company', 'interests', 'languages'], ...profile })),
    name: profile.name,
  });

  /** A round created, generated (seeded) and, unless told otherwise, published. */
  const round = async (name: string, startsAt: Date, { publish = true, tables = ['A1', 'A2', 'A3'] }: { publish?: boolean; tables?: string[] } = {}): Promise<string> => {
    const created = expectData(
      await t.gql(`mutation ($input: CreateRoundInput!) { createRound(input: $input) { id } }`, { input: { eventId: event.id, name, startsAt: startsAt.toISOString(), durationMinutes: 15, tables } }, organiser),
    ).createRound;
    if (!publish) return created.id;
    expectData(await t.gql(`mutation ($input: GenerateRoundInput!) { generateRound(input: $input) { id } }`, { input: { roundId: created.id, seed: name } }, organiser));
    expect(await waitForRound(t, created.id, organiser)).toMatchObject({ status: 'GENERATED' });
    expectData(await t.gql(`mutation ($id: ID!) { publishRound(roundId: $id) { status } }`, { id: created.id }, organiser));
    return created.id;
  };
  return { ...event, organiser, attendee, round };
}

/** Phones for one test file, each a fresh profile of the file's browser suite (which closes them). */
export function phones(suite: Pick<BrowserSuite, 't' | 'newPhone'>) {
  /** A phone signed in as `who` through the sign-in page, on their home. */
  const signedIn = async (who: AttendeeFixture, slug: string, options: BrowserContextOptions = {}): Promise<{ page: Page; problems: string[] }> => {
    const page = await (await suite.newPhone(options)).newPage();
    const { problems } = watchPage(page);
    await signInThroughPage(page, suite.t.baseUrl, { email: who.email, accessCode: await issueAccessCode(suite.t, who.id) }, `/e/${slug}/me`);
    return { page, problems };
  };
  /** `who` signed in on a fresh phone in each colour scheme, on the event's `screen` (`/e/<slug>/<screen>`), for `check`: axe-core light and dark. */
  const inEachColorScheme = async (who: AttendeeFixture, slug: string, screen: string, check: (page: Page, colorScheme: 'light' | 'dark') => Promise<void>): Promise<void> => {
    for (const colorScheme of ['light', 'dark'] as const) {
      const { page } = await signedIn(who, slug, { colorScheme });
      await page.goto(`${suite.t.baseUrl}/e/${slug}/${screen}`);
      await check(page, colorScheme);
    }
  };
  return { open: (options: BrowserContextOptions = {}) => suite.newPhone(options), signedIn, inEachColorScheme };
}
