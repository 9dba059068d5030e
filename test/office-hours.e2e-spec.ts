import { attendeeToken, createAttendee, createEvent, createOrganiser, expectData, startEventApp, waitForRound, type AttendeeFixture, type TestApp } from '@pairwise/testing';

const CREATE_TALK = `mutation ($input: CreateTalkInput!) { createTalk(input: $input) { id } }`;
const REQUEST = `mutation ($input: RequestSlotInput!) { requestSpeakerSlot(input: $input) { status } }`;
const ALLOCATE = `mutation ($e: ID!, $day: String) { allocateOfficeHours(eventId: $e, day: $day) { askers served slotsOffered slotsGranted talks { id title allocationStatus } } }`;
const PUBLISH = `mutation ($e: ID!, $day: String) { publishOfficeHours(eventId: $e, day: $day) { id allocationStatus } }`;
const OUTCOMES = `query ($e: ID!) { talks(eventId: $e) { id title allocationStatus requests { attendee { name } status slotStartsAt standbyRank } } }`;

type Outcome = { attendee: { name: string }; status: string; slotStartsAt: string | null; standbyRank: number | null };

/**
 * A programme of two days (UTC). Day 1: "RAG" by Sam, 10:00–10:20, then two slots (10:20–10:30,
 * 10:30–10:40); "Agents" by Kim, 10:00–10:25, then one slot (10:25–10:35), clashing with both. Day 2:
 * "Evals" by Sam, 10:00–10:20, one slot (10:20–10:30). Dee sits in a published round 10:20–10:30 on day 1.
 */
describe('office hours of the whole programme, allocated at once (allocateOfficeHours, publishOfficeHours)', () => {
  let t: TestApp;
  let eventId: string;
  let organiser: string;
  const people = new Map<string, AttendeeFixture>();
  const tokens = new Map<string, string>();
  const talks = new Map<string, string>();

  const ask = async (who: string, talk: string) => expectData(await t.gql(REQUEST, { input: { talkId: talks.get(talk), question: `${who} asks about ${talk}?` } }, tokens.get(who)));
  const outcomes = async (): Promise<Map<string, { status: string; requests: Outcome[] }>> => {
    const list = expectData(await t.gql(OUTCOMES, { e: eventId }, organiser)).talks as { title: string; allocationStatus: string; requests: Outcome[] }[];
    return new Map(list.map((talk) => [talk.title, { status: talk.allocationStatus, requests: talk.requests }]));
  };
  const granted = (requests: Outcome[]) => Object.fromEntries(requests.filter((r) => r.status === 'GRANTED').map((r) => [r.slotStartsAt!.slice(11, 16), r.attendee.name]));
  const standby = (requests: Outcome[]) => requests.filter((r) => r.status === 'STANDBY').sort((a, b) => a.standbyRank! - b.standbyRank!).map((r) => r.attendee.name);

  async function publishedRound(name: string, startsAt: string, durationMinutes: number, present: string[]) {
    for (const who of people.keys()) expectData(await t.gql(`mutation ($p: Boolean!) { setMyPresence(present: $p) { id } }`, { p: present.includes(who) }, tokens.get(who)));
    const { id } = expectData(await t.gql(`mutation ($input: CreateRoundInput!) { createRound(input: $input) { id } }`, { input: { eventId, name, startsAt, durationMinutes } }, organiser)).createRound;
    expectData(await t.gql(`mutation ($id: ID!) { generateRound(input: {roundId: $id}) { id } }`, { id }, organiser));
    expect(await waitForRound(t, id, organiser)).toMatchObject({ status: 'GENERATED' });
    expectData(await t.gql(`mutation ($id: ID!) { publishRound(roundId: $id) { status } }`, { id }, organiser));
  }

  beforeAll(async () => {
    ({ t, event: { id: eventId }, organiser: { token: organiser } } = await startEventApp({ event: { timeZone: 'UTC' } }));
    for (const [name, interests] of [['Sam', ['evals']], ['Kim', ['agents']], ['Ada', ['rag']], ['Bob', ['rag']], ['Dee', ['rag']], ['Eve', ['cooking']], ['Fay', ['rag']]] as const) {
      const person = await createAttendee(t, eventId, { name, interests, sharedFields: ['name'] });
      people.set(name, person);
      tokens.set(name, await attendeeToken(t, person));
    }
    const talk = async (title: string, speaker: string, startsAt: string, durationMinutes: number, slotCount: number, tags: string[]) => {
      const input = { eventId, title, speakerId: people.get(speaker)!.id, startsAt, durationMinutes, slotCount, slotMinutes: 10, tags };
      talks.set(title, expectData(await t.gql(CREATE_TALK, { input }, organiser)).createTalk.id);
    };
    await talk('RAG', 'Sam', '2030-06-01T10:00:00Z', 20, 2, ['rag']);
    await talk('Agents', 'Kim', '2030-06-01T10:00:00Z', 25, 1, ['agents']);
    await talk('Evals', 'Sam', '2030-06-02T10:00:00Z', 20, 1, ['rag']);
    for (const [who, talk] of [['Ada', 'RAG'], ['Ada', 'Agents'], ['Bob', 'RAG'], ['Dee', 'RAG'], ['Kim', 'RAG'], ['Bob', 'Evals'], ['Eve', 'Evals']]) await ask(who!, talk!);
    await publishedRound('Dee and Eve meet', '2030-06-01T10:20:00Z', 10, ['Dee', 'Eve']);
  });
  afterAll(() => t?.close());

  it('allocates a day at once: fairest first, never a clash with a talk, a round or another slot, a standby list per talk', async () => {
    const result = expectData(await t.gql(ALLOCATE, { e: eventId, day: '2030-06-01' }, organiser)).allocateOfficeHours;
    expect(result).toMatchObject({ askers: 4, served: 3, slotsOffered: 3, slotsGranted: 3 });
    expect(result.talks.map((x: { title: string; allocationStatus: string }) => [x.title, x.allocationStatus]).sort()).toEqual([['Agents', 'ALLOCATED'], ['RAG', 'ALLOCATED']]);
    const now = await outcomes();
    // Dee sits in a round 10:20–10:30: only RAG's second slot fits her; then Bob (RAG only) takes the first,
    // and Ada, who asked for both, gets Agents rather than nobody — and no second slot at RAG, which clashes.
    expect(granted(now.get('RAG')!.requests)).toEqual({ '10:20': 'Bob', '10:30': 'Dee' });
    expect(granted(now.get('Agents')!.requests)).toEqual({ '10:25': 'Ada' });
    // Kim speaks until 10:35 (talk and office hours): never a slot then; first in line, holding none.
    expect(standby(now.get('RAG')!.requests)).toEqual(['Kim', 'Ada']);
    expect(now.get('Evals')!.status).toBe('OPEN'); // another day
  });

  it('fairness across days: on day 2 the one holding no slot comes first, though less relevant', async () => {
    const result = expectData(await t.gql(ALLOCATE, { e: eventId, day: '2030-06-02' }, organiser)).allocateOfficeHours;
    expect(result).toMatchObject({ askers: 2, served: 2, slotsOffered: 1, slotsGranted: 1 });
    const evals = (await outcomes()).get('Evals')!.requests;
    expect(granted(evals)).toEqual({ '10:20': 'Eve' });
    expect(standby(evals)).toEqual(['Bob']);
    // The one-talk allocation follows the same rules and gives the same answer.
    expectData(await t.gql(`mutation ($id: ID!) { allocateSpeakerSlots(talkId: $id) { allocationStatus } }`, { id: talks.get('Evals') }, organiser));
    expect(granted((await outcomes()).get('Evals')!.requests)).toEqual({ '10:20': 'Eve' });
  });

  it('attendees see drafts as pending; publishing a day publishes its talks only, then they see their slots', async () => {
    const mine = async (who: string, talk: string) =>
      expectData(await t.gql(`query ($e: ID!) { talks(eventId: $e) { title requests { status standbyRank } } }`, { e: eventId }, tokens.get(who))).talks.find((x: { title: string }) => x.title === talk).requests;
    expect(await mine('Bob', 'RAG')).toEqual([{ status: 'PENDING', standbyRank: null }]);
    const published = expectData(await t.gql(PUBLISH, { e: eventId, day: '2030-06-01' }, organiser)).publishOfficeHours;
    expect(published.map((x: { allocationStatus: string }) => x.allocationStatus)).toEqual(['PUBLISHED', 'PUBLISHED']);
    expect(await mine('Bob', 'RAG')).toEqual([{ status: 'GRANTED', standbyRank: null }]);
    expect(await mine('Ada', 'RAG')).toEqual([{ status: 'STANDBY', standbyRank: 2 }]);
    expect((await outcomes()).get('Evals')!.status).toBe('ALLOCATED');
    const meetings = expectData(await t.gql(`query { myMeetings { kind startsAt roundName } }`, {}, tokens.get('Dee'))).myMeetings;
    expect(meetings).toEqual(expect.arrayContaining([{ kind: 'OFFICE_HOURS', startsAt: '2030-06-01T10:30:00.000Z', roundName: 'Office hours · RAG' }]));
    // Nothing left to publish that day.
    const again = await t.gql(PUBLISH, { e: eventId, day: '2030-06-01' }, organiser);
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'SLOTS_NOT_ALLOCATED' });
    const reallocate = await t.gql(`mutation ($id: ID!) { allocateSpeakerSlots(talkId: $id) { id } }`, { id: talks.get('RAG') }, organiser);
    expect(reallocate.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'SLOTS_PUBLISHED' });
  });

  it('a released slot goes to the first on standby who is free then: the speaker and the holder of a clashing slot are passed over', async () => {
    await ask('Fay', 'RAG'); // after publication: the end of the standby list
    expect(standby((await outcomes()).get('RAG')!.requests)).toEqual(['Kim', 'Ada', 'Fay']);
    expect(expectData(await t.gql(`mutation ($id: ID!) { withdrawSpeakerSlotRequest(talkId: $id) }`, { id: talks.get('RAG') }, tokens.get('Bob'))).withdrawSpeakerSlotRequest).toBe(true);
    const rag = (await outcomes()).get('RAG')!.requests;
    expect(granted(rag)).toEqual({ '10:20': 'Fay', '10:30': 'Dee' });
    expect(standby(rag)).toEqual(['Kim', 'Ada']);
  });

  it('publishing checks again: a holder who has since become busy (a talk of theirs added then) is refused, named; allocating again fixes it', async () => {
    const input = { eventId, title: 'Late addition', speakerId: people.get('Eve')!.id, startsAt: '2030-06-02T10:15:00Z', durationMinutes: 10, slotCount: 1, slotMinutes: 10 };
    expectData(await t.gql(CREATE_TALK, { input }, organiser));
    const refused = await t.gql(PUBLISH, { e: eventId, day: '2030-06-02' }, organiser);
    expect(refused.errors?.[0]?.extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'SLOTS_CLASH',
      clashes: [{ talkId: talks.get('Evals'), slot: 0, attendeeId: people.get('Eve')!.id, takenBy: 'SPEAKING' }],
    });
    expect(refused.errors?.[0]?.message).toContain('giving a talk or its office hours');
    expect((await outcomes()).get('Evals')!.status).toBe('ALLOCATED');
    expect(expectData(await t.gql(ALLOCATE, { e: eventId, day: '2030-06-02' }, organiser)).allocateOfficeHours).toMatchObject({ slotsOffered: 2, slotsGranted: 1 });
    const published = expectData(await t.gql(PUBLISH, { e: eventId, day: '2030-06-02' }, organiser)).publishOfficeHours;
    expect(published.map((x: { allocationStatus: string }) => x.allocationStatus)).toEqual(['PUBLISHED', 'PUBLISHED']);
    const evals = (await outcomes()).get('Evals')!.requests;
    expect(granted(evals)).toEqual({ '10:20': 'Bob' });
    expect(standby(evals)).toEqual(['Eve']);
  });

  it('refuses a malformed day, an unknown event, another event’s organiser and attendees', async () => {
    const bad = await t.gql(ALLOCATE, { e: eventId, day: '2030-02-30' }, organiser);
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [expect.objectContaining({ field: 'day' })] });
    const unknown = await t.gql(ALLOCATE, { e: '00000000-0000-4000-a000-000000000000' }, await t.adminToken());
    expect(unknown.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND' });
    const asAttendee = await t.gql(PUBLISH, { e: eventId }, tokens.get('Ada'));
    expect(asAttendee.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN' });
    const elsewhere = await createOrganiser(t, (await createEvent(t)).id);
    const stranger = await t.gql(ALLOCATE, { e: eventId }, elsewhere.token);
    expect(stranger.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND' });
    expect((await outcomes()).get('Evals')!.status).toBe('PUBLISHED'); // nothing was written
  });
});
