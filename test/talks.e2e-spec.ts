import { attendeeToken, createAttendee, createEvent, createEventWithOrganiser, expectData, startEventApp, type AttendeeFixture, type TestApp } from '@pairwise/testing';

const CREATE_TALK = `mutation ($input: CreateTalkInput!) { createTalk(input: $input) { id tags endsAt allocationStatus speaker { name } } }`;
const REQUEST = `mutation ($input: RequestSlotInput!) { requestSpeakerSlot(input: $input) { status question standbyRank } }`;
const REQUESTS = `query ($e: ID!) { talks(eventId: $e) { id title allocationStatus requestCount requests { attendee { id } status slotStartsAt standbyRank question } } }`;
const MY_MEETINGS = `{ myMeetings { id kind talkId roundId roundName table startsAt endsAt partners { id name } openingQuestion } }`;

describe('speaker office hours', () => {
  let t: TestApp;
  let eventId: string;
  let organiser: string;
  let speaker: AttendeeFixture;
  let speakerToken: string;
  const askers: { who: AttendeeFixture; token: string }[] = [];
  let talkId: string;

  const talkOf = async (id: string) =>
    expectData(await t.gql(REQUESTS, { e: eventId }, organiser)).talks.find((talk: { id: string }) => talk.id === id);

  beforeAll(async () => {
    ({ t, event: { id: eventId }, organiser: { token: organiser } } = await startEventApp({
      event: { vocabulary: [{ slug: 'rag', label: 'RAG', synonyms: ['Retrieval-Augmented Generation'] }] },
    }));
    speaker = await createAttendee(t, eventId, { name: 'Sam Speaker', interests: ['rag'] });
    speakerToken = await attendeeToken(t, speaker);
    const interests = [['rag', 'evals'], ['rag'], ['compilers'], ['rag', 'agents', 'evals', 'inference'], ['agents']];
    for (const [i, tags] of interests.entries()) {
      const who = await createAttendee(t, eventId, { name: `Asker ${i}`, interests: tags });
      askers.push({ who, token: await attendeeToken(t, who) });
    }
  });
  afterAll(() => t?.close());

  it('organisers add a talk with slots after it; tags are normalised', async () => {
    const talk = expectData(
      await t.gql(
        CREATE_TALK,
        { input: { eventId, title: 'RAG in production', speakerId: speaker.id, startsAt: '2030-06-01T14:00:00Z', durationMinutes: 20, tags: ['Retrieval-Augmented Generation', 'evals'], slotCount: 2, slotMinutes: 5, location: 'Speaker corner' } },
        organiser,
      ),
    ).createTalk;
    expect(talk).toMatchObject({ tags: ['rag', 'evals'], endsAt: '2030-06-01T14:20:00.000Z', allocationStatus: 'OPEN', speaker: { name: 'Sam Speaker' } });
    talkId = talk.id;
    const stranger = await createAttendee(t, (await createEvent(t)).id);
    const bad = await t.gql(CREATE_TALK, { input: { eventId, title: 'x', speakerId: stranger.id, startsAt: '2030-06-01T14:00:00Z' } }, organiser);
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'SPEAKER_NOT_ATTENDEE' });
  });

  it('attendees ask with a one-line question; speakers and staff cannot', async () => {
    for (const [i, { token }] of askers.entries()) {
      const request = expectData(await t.gql(REQUEST, { input: { talkId, question: `Question ${i}?` } }, token)).requestSpeakerSlot;
      expect(request).toMatchObject({ status: 'PENDING', question: `Question ${i}?` });
    }
    expect((await t.gql(REQUEST, { input: { talkId, question: 'mine?' } }, speakerToken)).errors?.[0]?.extensions?.reason).toBe('OWN_TALK');
    expect((await t.gql(REQUEST, { input: { talkId, question: 'staff?' } }, organiser)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await t.gql(REQUEST, { input: { talkId, question: '' } }, askers[0]!.token)).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('allocates by relevance within capacity, keeps a standby list, and shows nothing to attendees before publishing', async () => {
    const talk = expectData(await t.gql(`mutation ($id: ID!) { allocateSpeakerSlots(talkId: $id) { allocationStatus requestCount } }`, { id: talkId }, organiser)).allocateSpeakerSlots;
    expect(talk).toEqual({ allocationStatus: 'ALLOCATED', requestCount: 5 });
    const requests = (await talkOf(talkId)).requests;
    const granted = requests.filter((r: { status: string }) => r.status === 'GRANTED');
    expect(granted.map((r: { attendee: { id: string } }) => r.attendee.id)).toEqual([askers[0]!.who.id, askers[1]!.who.id]);
    expect(granted.map((r: { slotStartsAt: string }) => r.slotStartsAt)).toEqual(['2030-06-01T14:20:00.000Z', '2030-06-01T14:25:00.000Z']);
    expect(requests.filter((r: { status: string }) => r.status === 'STANDBY').map((r: { standbyRank: number }) => r.standbyRank)).toEqual([1, 2, 3]);
    const mine = expectData(await t.gql(`query ($e: ID!) { talks(eventId: $e) { requests { status } } }`, { e: eventId }, askers[0]!.token)).talks[0].requests;
    expect(mine).toEqual([{ status: 'PENDING' }]);
    expect(expectData(await t.gql(MY_MEETINGS, {}, askers[0]!.token)).myMeetings).toEqual([]);
  });

  it('publishes: granted slots appear in the askers’ and the speaker’s meetings', async () => {
    expectData(await t.gql(`mutation ($id: ID!) { publishSpeakerSlots(talkId: $id) { allocationStatus } }`, { id: talkId }, organiser));
    const [slot] = expectData(await t.gql(MY_MEETINGS, {}, askers[0]!.token)).myMeetings;
    expect(slot).toMatchObject({
      kind: 'OFFICE_HOURS',
      talkId,
      roundId: null,
      roundName: 'Office hours · RAG in production',
      table: 'Speaker corner',
      startsAt: '2030-06-01T14:20:00.000Z',
      endsAt: '2030-06-01T14:25:00.000Z',
      partners: [{ id: speaker.id, name: 'Sam Speaker' }],
      openingQuestion: 'Question 0?',
    });
    const speakerSlots = expectData(await t.gql(MY_MEETINGS, {}, speakerToken)).myMeetings;
    expect(speakerSlots.map((m: { partners: { id: string }[] }) => m.partners[0]!.id)).toEqual([askers[0]!.who.id, askers[1]!.who.id]);
    const again = await t.gql(`mutation ($id: ID!) { allocateSpeakerSlots(talkId: $id) { allocationStatus } }`, { id: talkId }, organiser);
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'SLOTS_PUBLISHED' });
  });

  it('gives a freed slot to the first on standby, and late askers join the end of the list', async () => {
    const standbyFirst = (await talkOf(talkId)).requests.find((r: { standbyRank: number | null }) => r.standbyRank === 1).attendee.id;
    expect(expectData(await t.gql(`mutation ($id: ID!) { withdrawSpeakerSlotRequest(talkId: $id) }`, { id: talkId }, askers[1]!.token)).withdrawSpeakerSlotRequest).toBe(true);
    const after = (await talkOf(talkId)).requests;
    const promoted = after.find((r: { attendee: { id: string } }) => r.attendee.id === standbyFirst);
    expect(promoted).toMatchObject({ status: 'GRANTED', slotStartsAt: '2030-06-01T14:25:00.000Z', standbyRank: null });
    expect(after.filter((r: { status: string }) => r.status === 'STANDBY').map((r: { standbyRank: number }) => r.standbyRank)).toEqual([1, 2]);
    const late = expectData(await t.gql(REQUEST, { input: { talkId, question: 'Late?' } }, askers[1]!.token)).requestSpeakerSlot;
    expect(late).toMatchObject({ status: 'STANDBY', standbyRank: 3 });
  });

  it('never gives a second slot at the event to someone while another asker has none', async () => {
    const second = expectData(
      await t.gql(CREATE_TALK, { input: { eventId, title: 'Evals deep dive', speakerId: speaker.id, startsAt: '2030-06-01T16:00:00Z', tags: ['rag', 'evals'], slotCount: 1 } }, organiser),
    ).createTalk.id;
    // Asker 0 already holds a slot and is the most relevant; Asker 2 (compilers) holds none: Asker 2 goes first.
    expectData(await t.gql(REQUEST, { input: { talkId: second, question: 'Again?' } }, askers[0]!.token));
    expectData(await t.gql(REQUEST, { input: { talkId: second, question: 'First time?' } }, askers[2]!.token));
    expectData(await t.gql(`mutation ($id: ID!) { allocateSpeakerSlots(talkId: $id) { id } }`, { id: second }, organiser));
    const requests = (await talkOf(second)).requests;
    expect(requests.find((r: { status: string }) => r.status === 'GRANTED').attendee.id).toBe(askers[2]!.who.id);
    expect(requests.find((r: { status: string }) => r.status === 'STANDBY').attendee.id).toBe(askers[0]!.who.id);
  });

  it('keeps other events’ organisers out', async () => {
    const { organiser: { token: stranger } } = await createEventWithOrganiser(t);
    const response = await t.gql(`mutation ($id: ID!) { allocateSpeakerSlots(talkId: $id) { id } }`, { id: talkId }, stranger);
    expect(response.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });
});
