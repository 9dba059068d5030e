import { createEvent, expectData, startAdminApp, type GraphqlResponse, type TestApp } from '@pairwise/testing';
import { AuthErrorReason, authError } from '../apps/api/src/auth/auth.errors';
import { CommonErrorReason, commonError, definedErrorReasons, DomainError, type ErrorFactory } from '../apps/api/src/common/domain-error';
import { EventsErrorReason, eventsError } from '../apps/api/src/events/events.errors';
import { ERROR_REASON_ENUMS } from '../apps/api/src/graphql/error-reasons';
import { MatchingRunner } from '../apps/api/src/rounds/matching-runner';
import { RoundsErrorReason, roundsError } from '../apps/api/src/rounds/rounds.errors';

interface IntrospectedEnum {
  name: string;
  description: string | null;
  enumValues: { name: string; description: string | null }[];
}

const ENUM = `query ($name: String!) { __type(name: $name) { name description enumValues { name description } } }`;

describe('error reasons', () => {
  let t: TestApp;
  let admin: string;

  beforeAll(async () => {
    ({ t, admin } = await startAdminApp());
  });
  afterAll(() => t?.close());

  const served = async (name: string): Promise<IntrospectedEnum | null> => expectData(await t.gql<{ __type: IntrospectedEnum | null }>(ENUM, { name }, admin)).__type;

  it('publishes every reason of every feature in the schema, each value documented with its category', async () => {
    // Every enum the loaded app defined is in the published list (a new feature's enum cannot be forgotten)…
    expect(definedErrorReasons().map((reasons) => reasons.name).sort()).toEqual(ERROR_REASON_ENUMS.map((reasons) => reasons.name).sort());
    expect(ERROR_REASON_ENUMS.length).toBeGreaterThanOrEqual(10);
    // …and the schema the API serves has each of them, value for value, every value described.
    for (const reasons of ERROR_REASON_ENUMS) {
      const type = await served(reasons.name);
      expect(type?.description).toContain('extensions.reason');
      const declared = Object.values(reasons.values).sort();
      expect({ name: reasons.name, values: type?.enumValues.map((value) => value.name).sort() }).toEqual({ name: reasons.name, values: declared });
      for (const value of type!.enumValues) {
        const { category, description } = reasons.specs[value.name]!;
        expect(value.description).toBe(`${category}: ${description}`);
      }
    }
  });

  /** The error carries its enum value as `extensions.reason`, the category that value maps to as `extensions.code`, and the served enum lists it. */
  async function expectReason<R extends string>(response: GraphqlResponse, factory: ErrorFactory<R>, reason: R): Promise<void> {
    expect(response.errors?.[0]?.extensions).toMatchObject({ code: factory.reasons.specs[reason]!.category, reason });
    expect((await served(factory.reasons.name))?.enumValues.map((value) => value.name)).toContain(reason);
  }

  it('sends a sample of errors with their enum value beside the stable code', async () => {
    const event = await createEvent(t);

    await expectReason(await t.gql(`mutation { issueAccessCode(attendeeId: "${event.id}") { code } }`), commonError, CommonErrorReason.UNAUTHENTICATED);
    await expectReason(
      await t.gql(`mutation ($input: LoginInput!) { login(input: $input) { token } }`, { input: { email: 'someone@example.com', password: 'a-password', accessCode: 'ABCD-EFGH' } }),
      authError,
      AuthErrorReason.LOGIN_NEEDS_ONE_SECRET,
    );
    await expectReason(
      await t.gql(`mutation ($input: CreateEventInput!) { createEvent(input: $input) { id } }`, { input: { slug: event.slug, name: 'Again', timeZone: 'Europe/Paris' } }, admin),
      eventsError,
      EventsErrorReason.EVENT_SLUG_TAKEN,
    );
    const attendees = `query ($eventId: ID!, $first: Int, $after: String) { attendees(eventId: $eventId, first: $first, after: $after) { totalCount } }`;
    await expectReason(await t.gql(attendees, { eventId: event.id, first: 0 }, admin), commonError, CommonErrorReason.PAGE_SIZE);
    await expectReason(await t.gql(attendees, { eventId: event.id, after: 'not-a-cursor' }, admin), commonError, CommonErrorReason.INVALID_CURSOR);
    await expectReason(
      await t.gql(`mutation ($input: CreateEventInput!) { createEvent(input: $input) { id } }`, { input: { slug: 'Not A Slug!', name: 'x', timeZone: 'Europe/Paris' } }, admin),
      commonError,
      CommonErrorReason.VALIDATION_FAILED,
    );
    const round = expectData(
      await t.gql(`mutation ($input: CreateRoundInput!) { createRound(input: $input) { id } }`, { input: { eventId: event.id, name: 'Round 1', startsAt: '2030-01-01T10:00:00Z' } }, admin),
    ).createRound;
    await expectReason(
      await t.gql(`mutation ($input: GenerateRoundInput!) { generateRound(input: $input) { id } }`, { input: { roundId: round.id } }, admin),
      roundsError,
      RoundsErrorReason.NOT_ENOUGH_ATTENDEES,
    );
  });

  it('maps an input the matching refuses to a DomainError by type, across the worker thread; the thread then plans the next round', async () => {
    const runner = new MatchingRunner();
    try {
      const refused = await runner.plan({ input: { profiles: [], weights: { colour: 1 } as never }, tables: [], unavailable: [], requesters: [] }).catch((error: unknown) => error);
      expect(refused).toBeInstanceOf(DomainError);
      expect(refused).toMatchObject({ category: 'BAD_USER_INPUT', reason: RoundsErrorReason.MATCHING_INPUT_INVALID, message: expect.stringMatching(/^weights\.colour: /) });
      // The thread kept warm after a refusal (MatchingRunner's spare) serves the next plans, the same for the same seed.
      const person = (id: string) => ({ id, name: id, stack: [], interests: ['compilers'], lookingFor: [], canOffer: [], languages: ['en'] });
      const request = { input: { profiles: ['a', 'b', 'c', 'd'].map(person), seed: 'warm' }, tables: [], unavailable: [], requesters: [] };
      const first = await runner.plan(request);
      const second = await runner.plan(request);
      expect(first.draft.meetingCount).toBe(2);
      expect(JSON.parse(second.draft.pairs).map((p: { l: string; h: string }) => [p.l, p.h])).toEqual(JSON.parse(first.draft.pairs).map((p: { l: string; h: string }) => [p.l, p.h]));
    } finally {
      await runner.onApplicationShutdown();
    }
  });
});
