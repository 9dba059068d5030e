import { attendeeToken, createAttendee, expectData, startEventApp, waitForRound, type AttendeeFixture, type TestApp } from '@pairwise/testing';

/**
 * Free text (issue 15) through the API: the bio is the text the matcher reads. A round of attendees
 * with bios and no shared tag pairs them by their bios, states the text analysis in its statistics,
 * and shows the key terms two bios share only to readers both share their bio with.
 */
const MY_MEETINGS = `{ myMeetings { sentence partners { id } reasons { attendeeA attendeeB sharedTerms } } }`;

describe('free text in rounds', () => {
  let t: TestApp;
  let eventId: string;
  let organiser: string;
  let people: Record<string, AttendeeFixture>;
  let roundId: string;

  beforeAll(async () => {
    ({ t, event: { id: eventId }, organiser: { token: organiser } } = await startEventApp({ event: { oddPolicy: 'TRIO' } }));
    const bios: Record<string, string> = {
      ret1: 'I build retrieval evaluation pipelines: relevance judgements and evaluation metrics for search.',
      ret2: 'Evaluation of retrieval for RAG systems: retrieval benchmarks and human relevance evaluation.',
      spe1: 'Fine-tuning small speech models for on-device transcription; quantization keeps recognition fast.',
      spe2: 'We compress speech recognition models with quantization so transcription runs on-device.',
    };
    people = {};
    for (const [key, bio] of Object.entries(bios)) {
      // Nobody shares a tag: every attendee lists a different interest. ret2 keeps their bio to themselves.
      people[key] = await createAttendee(t, eventId, {
        name: key, bio, interests: [`only-${key}`], present: true,
        sharedFields: key === 'ret2' ? ['name'] : ['name', 'bio'],
      });
    }
    roundId = expectData(
      await t.gql(
        `mutation ($input: CreateRoundInput!) { createRound(input: $input) { id } }`,
        { input: { eventId, name: 'Round 1', startsAt: '2030-06-01T10:00:00Z', durationMinutes: 15, tables: ['A1', 'A2'] } },
        organiser,
      ),
    ).createRound.id;
    expectData(await t.gql(`mutation ($r: ID!) { generateRound(input: {roundId: $r}) { status } }`, { r: roundId }, organiser));
    expect(await waitForRound(t, roundId, organiser)).toMatchObject({ status: 'GENERATED' });
    expectData(await t.gql(`mutation ($r: ID!) { publishRound(roundId: $r) { status } }`, { r: roundId }, organiser));
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
});
