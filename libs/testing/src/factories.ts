import { randomBytes } from 'node:crypto';
import { generateConference, type Seed } from '@pairwise/matching';
import { Client } from 'pg';
import { expectData, login, type GraphqlCaller } from './test-app';

const unique = () => randomBytes(4).toString('hex');

export interface EventFixture {
  id: string;
  slug: string;
}

export async function createEvent(t: GraphqlCaller, input: Record<string, unknown> = {}): Promise<EventFixture> {
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
export async function createOrganiser(t: GraphqlCaller, eventId: string): Promise<OrganiserFixture> {
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

/** A new event (`input` over createEvent's defaults) and an organiser of it, signed in. */
export async function createEventWithOrganiser(t: GraphqlCaller, input: Record<string, unknown> = {}): Promise<{ event: EventFixture; organiser: OrganiserFixture }> {
  const event = await createEvent(t, input);
  return { event, organiser: await createOrganiser(t, event.id) };
}

export interface AttendeeFixture {
  id: string;
  email: string;
}

export async function createAttendee(
  t: GraphqlCaller,
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
export async function attendeeToken(t: GraphqlCaller, attendee: AttendeeFixture): Promise<string> {
  const data = expectData(
    await t.gql(`mutation ($id: ID!) { issueAccessCode(attendeeId: $id) { code } }`, { id: attendee.id }, await t.adminToken()),
  );
  return (await login(t.gql, { email: attendee.email, accessCode: data.issueAccessCode.code })).token;
}

/** Polls a round until its generation is over (generation runs in the background). */
export async function waitForRound(t: GraphqlCaller, roundId: string, token: string, timeoutMs = 120_000): Promise<{ status: string; progress: { phase: string; error: string | null } | null }> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const round = expectData(await t.gql(`query ($id: ID!) { round(id: $id) { status progress { phase error } } }`, { id: roundId }, token)).round;
    if (round.status !== 'GENERATING' || Date.now() > deadline) return round;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** Creates a round, generates it (waiting for the background job) and, unless told otherwise, publishes it. */
export async function runRound(
  t: GraphqlCaller,
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

/** Who a generated round seats, and whom it leaves out and why (as its organiser reads it). */
export interface RoundSeating {
  id: string;
  seated: Set<string>;
  leftOut: { attendeeId: string; reason: string }[];
}

export async function roundSeating(t: GraphqlCaller, roundId: string, organiserToken: string): Promise<RoundSeating> {
  const round = expectData(
    await t.gql(`query ($id: ID!) { round(id: $id) { leftOut { attendeeId reason } meetings(first: 100) { edges { node { participants { id } } } } } }`, { id: roundId }, organiserToken),
  ).round;
  const seated = new Set<string>(round.meetings.edges.flatMap((edge: { node: { participants: { id: string }[] } }) => edge.node.participants.map((p) => p.id)));
  return { id: roundId, seated, leftOut: round.leftOut };
}

/** Creates a round and generates it, unpublished (runRound), and reads its seating. */
export async function generatedRound(t: GraphqlCaller, organiserToken: string, input: { eventId: string; name: string; startsAt: string } & Record<string, unknown>): Promise<RoundSeating> {
  return roundSeating(t, await runRound(t, organiserToken, input, { publish: false }), organiserToken);
}

/** An attendee of `eventId` for each name (`fields` over createAttendee's defaults), each signed in; `tokens` by attendee id. */
export async function signedInAttendees(t: GraphqlCaller, eventId: string, names: readonly string[], fields: Record<string, unknown> = {}): Promise<{ people: AttendeeFixture[]; tokens: Map<string, string> }> {
  const people: AttendeeFixture[] = [];
  const tokens = new Map<string, string>();
  for (const name of names) {
    const person = await createAttendee(t, eventId, { ...fields, name });
    people.push(person);
    tokens.set(person.id, await attendeeToken(t, person));
  }
  return { people, tokens };
}

/**
 * Inserts `count` realistic, consenting, present attendees (the matching library's seeded
 * conference) in one statement: thousands in about a second, for tests that need a round
 * whose generation takes a while. No wishes or blocks. Returns their ids.
 */
export async function seedConference(databaseUrl: string, eventId: string, count: number, seed: Seed = 'seeded'): Promise<string[]> {
  const people = generateConference(count, seed).map((p) => ({ ...p, email: `${p.id}-${unique()}@seeded.pairwise.test` }));
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const texts = (field: string) => `ARRAY(SELECT jsonb_array_elements_text(p->'${field}'))`;
    const { rows } = await client.query<{ id: string }>(
      `INSERT INTO attendees (event_id, email, name, company, role, seniority, stack, interests, looking_for, can_offer, languages,
                              consent_matchmaking, consent_at, consent_notice_version, present, checked_in_at)
       SELECT $1, p->>'email', p->>'name', p->>'company', p->>'role', p->>'seniority', ${texts('stack')}, ${texts('interests')},
              ${texts('lookingFor')}, ${texts('canOffer')}, ${texts('languages')}, true, now(), 'seeded', true, now()
         FROM jsonb_array_elements($2::jsonb) AS p
       RETURNING id`,
      [eventId, JSON.stringify(people)],
    );
    return rows.map((row) => row.id);
  } finally {
    await client.end();
  }
}
