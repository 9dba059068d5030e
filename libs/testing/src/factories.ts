import { randomBytes } from 'node:crypto';
import { expectData, login, type TestApp } from './test-app';

const unique = () => randomBytes(4).toString('hex');

export interface EventFixture {
  id: string;
  slug: string;
}

export async function createEvent(t: TestApp, input: Record<string, unknown> = {}): Promise<EventFixture> {
  const data = expectData(
    await t.gql(
      `mutation ($input: CreateEventInput!) { createEvent(input: $input) { id slug } }`,
      { input: { slug: `event-${unique()}`, name: 'AI Builders Summit', timeZone: 'Europe/Paris', ...input } },
      await t.adminToken(),
    ),
  );
  return data.createEvent;
}

export interface OrganiserFixture {
  accountId: string;
  email: string;
  token: string;
}

/** An organiser of `eventId`, signed in with the access code the admin got for them. */
export async function createOrganiser(t: TestApp, eventId: string): Promise<OrganiserFixture> {
  const email = `organiser-${unique()}@pairwise.test`;
  const data = expectData(
    await t.gql(
      `mutation ($input: AddOrganiserInput!) { addOrganiser(input: $input) { organiser { id } accessCode { code } } }`,
      { input: { eventId, email, name: 'Olga Organiser' } },
      await t.adminToken(),
    ),
  );
  const { token } = await login(t.gql, { email, accessCode: data.addOrganiser.accessCode.code });
  return { accountId: data.addOrganiser.organiser.id, email, token };
}

export interface AttendeeFixture {
  id: string;
  email: string;
}

export async function createAttendee(
  t: TestApp,
  eventId: string,
  profile: Record<string, unknown> = {},
): Promise<AttendeeFixture> {
  const email = (profile.email as string | undefined) ?? `attendee-${unique()}@pairwise.test`;
  const data = expectData(
    await t.gql(
      `mutation ($input: CreateAttendeeInput!) { createAttendee(input: $input) { attendee { id email } } }`,
      {
        input: {
          eventId,
          name: 'Ada Attendee',
          interests: ['rag'],
          languages: ['en'],
          consentMatchmaking: true,
          ...profile,
          email,
        },
      },
      await t.adminToken(),
    ),
  );
  return data.createAttendee.attendee;
}

/** Signs an attendee in through the real invitation flow: an organiser issues a code, the attendee redeems it. */
export async function attendeeToken(t: TestApp, attendee: AttendeeFixture): Promise<string> {
  const data = expectData(
    await t.gql(`mutation ($id: ID!) { issueAccessCode(attendeeId: $id) { code } }`, { id: attendee.id }, await t.adminToken()),
  );
  return (await login(t.gql, { email: attendee.email, accessCode: data.issueAccessCode.code })).token;
}

/** Polls a round until its generation is over (generation runs in the background). */
export async function waitForRound(t: TestApp, roundId: string, token: string, timeoutMs = 30_000): Promise<{ status: string; progress: { phase: string; error: string | null } | null }> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const round = expectData(await t.gql(`query ($id: ID!) { round(id: $id) { status progress { phase error } } }`, { id: roundId }, token)).round;
    if (round.status !== 'GENERATING' || Date.now() > deadline) return round;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** Creates a round, generates it (waiting for the background job) and, unless told otherwise, publishes it. */
export async function runRound(
  t: TestApp,
  organiserToken: string,
  input: { eventId: string; name: string; startsAt: string } & Record<string, unknown>,
  options: { publish?: boolean } = {},
): Promise<string> {
  const round = expectData(await t.gql(`mutation ($input: CreateRoundInput!) { createRound(input: $input) { id } }`, { input }, organiserToken)).createRound;
  expectData(await t.gql(`mutation ($input: GenerateRoundInput!) { generateRound(input: $input) { id } }`, { input: { roundId: round.id } }, organiserToken));
  const generated = await waitForRound(t, round.id, organiserToken);
  if (generated.status !== 'GENERATED') throw new Error(`round generation ended ${generated.status}: ${JSON.stringify(generated.progress)}`);
  if (options.publish ?? true) {
    expectData(await t.gql(`mutation ($id: ID!) { publishRound(roundId: $id) { status } }`, { id: round.id }, organiserToken));
  }
  return round.id;
}
