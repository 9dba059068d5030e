import { attendeeToken, createAttendee, createEvent, createOrganiser, expectData, startEventApp, waitForRound, type AttendeeFixture, type TestApp } from '@pairwise/testing';

/**
 * Free text (issue 15) through the API: the bio is the text the matcher reads. A round of attendees
 * with bios and no shared tag pairs them by their bios, states the text analysis in its statistics,
 * and shows the key terms two bios share only to readers both share their bio with. Text matching is
 * the organisers' choice: an event that did not switch it on keeps today's tag scores.
 */
const MY_MEETINGS = `{ myMeetings { sentence partners { id } reasons { attendeeA attendeeB sharedTerms } } }`;

const bios: Record<string, string> = {
  ret1: 'I build retrieval evaluation pipelines: relevance judgements and evaluation metrics for search.',
  ret2: 'Evaluation of retrieval for RAG systems: retrieval benchmarks and human relevance evaluation.',
  spe1: 'Fine-tuning small speech models for on-device transcription; quantization keeps recognition fast.',
  spe2: 'We compress speech recognition models with quantization so transcription runs on-device.',
};

/** Four present attendees with those bios and no tag in common (each a different interest); ret2 keeps their bio to themselves. */
async function seedBios(t: TestApp, eventId: string): Promise<Record<string, AttendeeFixture>> {
  const people: Record<string, AttendeeFixture> = {};
  for (const [key, bio] of Object.entries(bios)) {
    people[key] = await createAttendee(t, eventId, {
      name: key, bio, interests: [`only-${key}`], present: true,
      sharedFields: key === 'ret2' ? ['name'] : ['name', 'bio'],
    });
  }
  return people;
}

/** Creates, generates and publishes a round of the event; its id. */
async function publishedRound(t: TestApp, eventId: string, organiser: string): Promise<string> {
  const roundId = expectData(
    await t.gql(
      `mutation ($input: CreateRoundInput!) { createRound(input: $input) { id } }`,
      { input: { eventId, name: 'Round 1', startsAt: '2030-06-01T10:00:00Z', durationMinutes: 15, tables: ['A1', 'A2'] } },
      organiser,
    ),
  ).createRound.id;
  expectData(await t.gql(`mutation ($r: ID!) { generateRound(input: {roundId: $r}) { status } }`, { r: roundId }, organiser));
  expect(await waitForRound(t, roundId, organiser)).toMatchObject({ status: 'GENERATED' });
  expectData(await t.gql(`mutation ($r: ID!) { publishRound(roundId: $r) { status } }`, { r: roundId }, organiser));
  return roundId;
}

describe('free text in rounds', () => {
  let t: TestApp;
  let eventId: string;
  let organiser: string;
  let people: Record<string, AttendeeFixture>;
  let roundId: string;

  beforeAll(async () => {
    ({ t, event: { id: eventId }, organiser: { token: organiser } } = await startEventApp({ event: { oddPolicy: 'TRIO' } }));
    people = await seedBios(t, eventId);
    // Text matching is the organiser's choice (share 0 until set): switched on at half tags, half text.
    expectData(await t.gql(
      `mutation ($input: SetMatchingRulesInput!) { setMatchingRules(input: $input) { rules { weights { text } } } }`,
      { input: { eventId, rules: { weights: { text: 0.5 } } } },
      organiser,
    ));
    roundId = await publishedRound(t, eventId, organiser);
  }, 120_000);
  afterAll(() => t?.close());

  it('pairs by bio and states the text analysis in the round statistics', async () => {
    const round = expectData(
      await t.gql(`query ($id: ID!) { round(id: $id) { stats { pairs text { people vocabulary rank explainedVariance share } } } }`, { id: roundId }, organiser),
    ).round;
    expect(round.stats.pairs).toBe(2);
    expect(round.stats.text).toMatchObject({ people: 4, share: 0.5 });
    expect(round.stats.text.rank).toBeGreaterThan(0);
    expect(round.stats.text.explainedVariance).toBeGreaterThan(0);
    expect(round.stats.text.explainedVariance).toBeLessThanOrEqual(1);
    const seenBySpe1 = expectData(await t.gql(MY_MEETINGS, {}, await attendeeToken(t, people.spe1!))).myMeetings;
    expect(seenBySpe1[0].partners.map((p: { id: string }) => p.id)).toEqual([people.spe2!.id]);
    // Both share their bio: the terms show, and the sentence says them.
    expect(seenBySpe1[0].reasons[0].sharedTerms).toEqual(expect.arrayContaining(['quantization']));
    expect(seenBySpe1[0].sentence).toMatch(/both work on/);
  });

  it('keeps the shared terms from a reader when one of the two does not share their bio', async () => {
    for (const reader of ['ret1', 'ret2'] as const) {
      const [meeting] = expectData(await t.gql(MY_MEETINGS, {}, await attendeeToken(t, people[reader]!))).myMeetings;
      expect(meeting.partners.map((p: { id: string }) => p.id)).toEqual([people[reader === 'ret1' ? 'ret2' : 'ret1']!.id]);
      expect(meeting.reasons[0].sharedTerms).toEqual([]);
      expect(meeting.sentence).not.toMatch(/retrieval|evaluation|work on/);
    }
  });

  it('leaves bios out of an event whose organisers did not switch text matching on', async () => {
    const other = await createEvent(t, { oddPolicy: 'TRIO' });
    const otherOrganiser = (await createOrganiser(t, other.id)).token;
    const rules = expectData(await t.gql(`query ($e: ID!) { matchingRules(eventId: $e) { rules { weights { text } } } }`, { e: other.id }, otherOrganiser)).matchingRules;
    expect(rules.rules.weights.text).toBe(0);
    const others = await seedBios(t, other.id);
    const otherRound = await publishedRound(t, other.id, otherOrganiser);
    const round = expectData(await t.gql(`query ($id: ID!) { round(id: $id) { stats { pairs text { share } } } }`, { id: otherRound }, otherOrganiser)).round;
    expect(round.stats).toMatchObject({ pairs: 2, text: null });
    const [meeting] = expectData(await t.gql(MY_MEETINGS, {}, await attendeeToken(t, others.spe1!))).myMeetings;
    expect(meeting.reasons[0].sharedTerms).toEqual([]);
    expect(meeting.sentence).not.toMatch(/work on/);
  });
});
