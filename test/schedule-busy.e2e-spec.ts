import { DataSource } from 'typeorm';
import { ReminderScheduler } from '../apps/api/src/mail/reminder-scheduler';
import { attendeeToken, createAttendee, expectData, generatedRound, roundSeating, signedInAttendees, startEventApp, waitForRound, type AttendeeFixture, type TestApp } from '@pairwise/testing';

const CREATE_TALK = `mutation ($input: CreateTalkInput!) { createTalk(input: $input) { id } }`;
const REQUEST = `mutation ($input: RequestSlotInput!) { requestSpeakerSlot(input: $input) { status } }`;
const REQUESTS = `query ($e: ID!) { talks(eventId: $e) { id requests { attendee { id } status slotStartsAt } } }`;

/**
 * A speaker's talk (10:00–10:20) and its office hours (two slots of 10 minutes: 10:20–10:30, 10:30–10:40),
 * both slots granted and published; rounds before the talk, during it and during the second slot.
 * Times are half-open: a round ending as the talk starts, or starting as a slot ends, does not clash.
 * Odd counts make a trio, and each round but the last is cancelled once read (its pairs may meet again),
 * so everyone who is not busy has a table.
 */
describe('nobody is seated in a round while busy with a talk or office hours (BUSY)', () => {
  let t: TestApp;
  let eventId: string;
  let organiser: string;
  let speaker: AttendeeFixture;
  let speakerToken: string;
  let firstSlot: string;
  let secondSlot: string;
  let secondSlotToken: string;
  let people: AttendeeFixture[];
  let tokens: Map<string, string>;

  beforeAll(async () => {
    ({ t, event: { id: eventId }, organiser: { token: organiser } } = await startEventApp({ event: { oddPolicy: 'TRIO' } }));
    speaker = await createAttendee(t, eventId, { name: 'Sam Speaker', present: true, interests: ['rag'] });
    speakerToken = await attendeeToken(t, speaker);
    ({ people, tokens } = await signedInAttendees(t, eventId, ['Ada', 'Grace', 'Alan', 'Linus', 'Edsger'], { present: true, interests: ['rag', 'evals'] }));
    const talk = expectData(
      await t.gql(CREATE_TALK, { input: { eventId, title: 'RAG in production', speakerId: speaker.id, startsAt: '2030-06-01T10:00:00Z', durationMinutes: 20, tags: ['rag'], slotCount: 2, slotMinutes: 10 } }, organiser),
    ).createTalk;
    for (const asker of people.slice(0, 2)) expectData(await t.gql(REQUEST, { input: { talkId: talk.id, question: 'How do you evaluate retrieval?' } }, tokens.get(asker.id)));
    expectData(await t.gql(`mutation ($id: ID!) { allocateSpeakerSlots(talkId: $id) { id } }`, { id: talk.id }, organiser));
    expectData(await t.gql(`mutation ($id: ID!) { publishSpeakerSlots(talkId: $id) { id } }`, { id: talk.id }, organiser));
    const requests: { attendee: { id: string }; status: string; slotStartsAt: string }[] = expectData(await t.gql(REQUESTS, { e: eventId }, organiser)).talks[0].requests;
    const holderOf = (startsAt: string) => requests.find((r) => r.status === 'GRANTED' && r.slotStartsAt === startsAt)!.attendee.id;
    firstSlot = holderOf('2030-06-01T10:20:00.000Z');
    secondSlot = holderOf('2030-06-01T10:30:00.000Z');
    secondSlotToken = tokens.get(secondSlot)!;
  });
  afterAll(() => t?.close());

  /** A generated round's seating, and who it sits out as BUSY (sorted). */
  async function generated(name: string, startsAt: string, durationMinutes: number) {
    const round = await generatedRound(t, organiser, { eventId, name, startsAt, durationMinutes });
    return { ...round, busy: round.leftOut.filter((entry) => entry.reason === 'BUSY').map((entry) => entry.attendeeId).sort() };
  }
  const cancel = async (id: string) => expectData(await t.gql(`mutation ($id: ID!) { cancelRound(roundId: $id) { status } }`, { id }, organiser));

  it('a round ending as the talk starts: nobody is busy', async () => {
    const before = await generated('Before the talk', '2030-06-01T09:45:00Z', 15);
    expect(before.busy).toEqual([]);
    expect(before.seated.size).toBe(6);
    await cancel(before.id);
  });

  it('during the talk: the speaker sits out as BUSY, the askers (slots later) are seated', async () => {
    const during = await generated('During the talk', '2030-06-01T10:05:00Z', 10);
    expect(during.busy).toEqual([speaker.id]);
    expect(during.seated.has(speaker.id)).toBe(false);
    expect(during.seated.size).toBe(5);
    await cancel(during.id);
  });

  it('during the second slot: the speaker and that slot’s holder sit out as BUSY, and are told so; the first slot’s holder (slot over as it starts) is seated', async () => {
    const round = await generated('During office hours', '2030-06-01T10:30:00Z', 15);
    expect(round.busy).toEqual([speaker.id, secondSlot].sort());
    expect(round.seated.has(speaker.id) || round.seated.has(secondSlot)).toBe(false);
    expect(round.seated.has(firstSlot)).toBe(true);
    expect(round.seated.size).toBe(4);
    expectData(await t.gql(`mutation ($id: ID!) { publishRound(roundId: $id) { status } }`, { id: round.id }, organiser));
    const mySitOut = async (token: string) => expectData(await t.gql(`query ($id: ID!) { round(id: $id) { mySitOut } }`, { id: round.id }, token)).round.mySitOut;
    expect(await mySitOut(speakerToken)).toBe('BUSY');
    expect(await mySitOut(secondSlotToken)).toBe('BUSY');
    expect(await mySitOut(tokens.get(firstSlot)!)).toBeNull();
    // Each is sent a sit-out notice saying why (its words: mail/templates/strings.ts, BUSY).
    await t.app.get(ReminderScheduler).tick();
    const notices: { attendee_id: string; reason: string }[] = await t.app
      .get(DataSource)
      .query(`SELECT attendee_id, payload->>'reason' AS reason FROM mail_outbox WHERE kind = 'SIT_OUT_NOTICE' AND payload->>'roundId' = $1 ORDER BY attendee_id`, [round.id]);
    expect(notices).toEqual([speaker.id, secondSlot].sort().map((attendee_id) => ({ attendee_id, reason: 'BUSY' })));
  });

  it('publishing re-checks: someone seated in the draft who has since become busy (a talk added) is refused, named; generating again seats them out as BUSY', async () => {
    const round = await generated('Late talk', '2030-06-01T11:00:00Z', 15);
    const alan = people[2]!.id;
    expect(round.seated.has(alan)).toBe(true);
    expectData(await t.gql(CREATE_TALK, { input: { eventId, title: 'A late addition', speakerId: alan, startsAt: '2030-06-01T11:10:00Z', durationMinutes: 10, slotCount: 1, slotMinutes: 5 } }, organiser));
    const problems = expectData(await t.gql(`query ($id: ID!) { round(id: $id) { draftProblems { rule attendeeA } } }`, { id: round.id }, organiser)).round.draftProblems;
    expect(problems).toEqual([{ rule: 'busy', attendeeA: alan }]);
    const refused = await t.gql(`mutation ($id: ID!) { publishRound(roundId: $id) { status } }`, { id: round.id }, organiser);
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'DRAFT_BREAKS_HARD_RULES', violations: [expect.objectContaining({ rule: 'busy', attendeeA: alan })] });
    expect(refused.errors?.[0]?.message).toContain(`busy at`);
    expectData(await t.gql(`mutation ($id: ID!) { generateRound(input: {roundId: $id, regenerate: true}) { id } }`, { id: round.id }, organiser));
    expect(await waitForRound(t, round.id, organiser)).toMatchObject({ status: 'GENERATED' });
    const again = await roundSeating(t, round.id, organiser);
    expect(again.leftOut).toEqual(expect.arrayContaining([{ attendeeId: alan, reason: 'BUSY' }]));
    expect(expectData(await t.gql(`mutation ($id: ID!) { publishRound(roundId: $id) { status } }`, { id: round.id }, organiser)).publishRound.status).toBe('PUBLISHED');
  });
});
