import ICAL from 'ical.js';
import { DataSource } from 'typeorm';
import { attendeeToken, createAttendee, expectData, runRound, startEventApp, waitForRound, type AttendeeFixture, type TestApp } from '@pairwise/testing';

const SCHEDULE = `{
  mySchedule {
    eventId timeZone
    entries {
      __typename id kind title place startsAt startsAtLocal endsAt endsAtLocal
      ... on TalkScheduleEntry { speaking bookmarked talk { id title speaker { name } } }
      ... on MeetingScheduleEntry { asSpeaker meetingRequestId meeting { kind roundId talkId table partners { name } } }
      ... on SitOutScheduleEntry { roundId reason }
    }
  }
}`;
const BOOKMARK = `mutation ($id: ID!) { bookmarkTalk(talkId: $id) }`;
const UNBOOKMARK = `mutation ($id: ID!) { unbookmarkTalk(talkId: $id) }`;

interface Entry {
  __typename: string;
  id: string;
  kind: string;
  title: string;
  startsAt: string;
  startsAtLocal: string;
  speaking?: boolean;
  bookmarked?: boolean;
  asSpeaker?: boolean;
  meetingRequestId?: string | null;
  roundId?: string;
  reason?: string;
  meeting?: { kind: string; roundId: string | null; talkId: string | null; partners: { name: string }[] };
}

/**
 * A day in Paris (UTC+2 in June): Sam's talk 10:00–10:20 UTC with two 10-minute office-hour slots (Ada and
 * Grace got them), Grace's talk at 12:00, a round at 11:00 (everyone seated, a trio), a round at 10:05 during
 * Sam's talk (Sam sits out BUSY), and an unpublished draft at 14:00 that nobody's schedule shows.
 */
describe('mySchedule: talks bookmarked or given, office hours, round tables (an accepted request’s among them) and sit-outs, in time order', () => {
  let t: TestApp;
  let eventId: string;
  let organiser: string;
  let sam: AttendeeFixture;
  let ada: AttendeeFixture;
  let grace: AttendeeFixture;
  const token = new Map<string, string>();
  let samTalk: string;
  let graceTalk: string;
  let during: string;
  let later: string;
  let adaAsksAlan: string;
  const schedule = async (who: AttendeeFixture) => expectData(await t.gql(SCHEDULE, {}, token.get(who.id))).mySchedule as { eventId: string; timeZone: string; entries: Entry[] };

  beforeAll(async () => {
    ({ t, event: { id: eventId }, organiser: { token: organiser } } = await startEventApp({ event: { oddPolicy: 'TRIO', startsOn: '2030-06-01', endsOn: '2030-06-01', venue: 'Hall B' } }));
    sam = await createAttendee(t, eventId, { name: 'Sam Speaker', present: true, interests: ['rag'] });
    ada = await createAttendee(t, eventId, { name: 'Ada', present: true, interests: ['rag', 'evals'] });
    grace = await createAttendee(t, eventId, { name: 'Grace', present: true, interests: ['rag', 'evals'] });
    const alan = await createAttendee(t, eventId, { name: 'Alan', present: true, interests: ['rag'] });
    const linus = await createAttendee(t, eventId, { name: 'Linus', present: true, interests: ['rag'] });
    for (const person of [sam, ada, grace, alan, linus]) token.set(person.id, await attendeeToken(t, person));
    const createTalk = async (input: Record<string, unknown>) =>
      expectData(await t.gql(`mutation ($input: CreateTalkInput!) { createTalk(input: $input) { id } }`, { input: { eventId, ...input } }, organiser)).createTalk.id as string;
    samTalk = await createTalk({ title: 'RAG in production', speakerId: sam.id, startsAt: '2030-06-01T10:00:00Z', durationMinutes: 20, tags: ['rag'], slotCount: 2, slotMinutes: 10, location: 'Room 1' });
    graceTalk = await createTalk({ title: 'Evals that matter', speakerId: grace.id, startsAt: '2030-06-01T12:00:00Z', durationMinutes: 20, slotCount: 0 });
    for (const asker of [ada, grace]) {
      expectData(await t.gql(`mutation ($input: RequestSlotInput!) { requestSpeakerSlot(input: $input) { status } }`, { input: { talkId: samTalk, question: 'How do you evaluate retrieval?' } }, token.get(asker.id)));
    }
    expectData(await t.gql(`mutation ($id: ID!) { allocateSpeakerSlots(talkId: $id) { id } }`, { id: samTalk }, organiser));
    expectData(await t.gql(`mutation ($id: ID!) { publishSpeakerSlots(talkId: $id) { id } }`, { id: samTalk }, organiser));
    // Ada asked to meet Alan, who accepted: the round at eleven seats them together (a must-meet pair).
    adaAsksAlan = expectData(await t.gql(`mutation ($input: RequestMeetingInput!) { requestMeeting(input: $input) { id } }`, { input: { attendeeId: alan.id } }, token.get(ada.id))).requestMeeting.id;
    expectData(await t.gql(`mutation ($input: RespondToMeetingRequestInput!) { respondToMeetingRequest(input: $input) { status } }`, { input: { id: adaAsksAlan, accept: true } }, token.get(alan.id)));
    later = await runRound(t, organiser, { eventId, name: 'Round at eleven', startsAt: '2030-06-01T11:00:00Z', durationMinutes: 15 });
    during = await runRound(t, organiser, { eventId, name: 'Round during the talk', startsAt: '2030-06-01T10:05:00Z', durationMinutes: 10 });
    const { id: draft } = expectData(
      await t.gql(`mutation ($input: CreateRoundInput!) { createRound(input: $input) { id } }`, { input: { eventId, name: 'Draft', startsAt: '2030-06-01T14:00:00Z', durationMinutes: 10 } }, organiser),
    ).createRound;
    expectData(await t.gql(`mutation ($id: ID!) { generateRound(input: {roundId: $id}) { id } }`, { id: draft }, organiser));
    expect(await waitForRound(t, draft, organiser)).toMatchObject({ status: 'GENERATED' });
  });
  afterAll(() => t?.close());

  it('bookmarks: twice is once, removing is idempotent; another event’s talk, a staff caller or a malformed id are refused', async () => {
    expect(expectData(await t.gql(BOOKMARK, { id: samTalk }, token.get(ada.id))).bookmarkTalk).toBe(true);
    expect(expectData(await t.gql(BOOKMARK, { id: samTalk }, token.get(ada.id))).bookmarkTalk).toBe(true);
    expectData(await t.gql(BOOKMARK, { id: graceTalk }, token.get(ada.id)));
    expect(expectData(await t.gql(UNBOOKMARK, { id: graceTalk }, token.get(ada.id))).unbookmarkTalk).toBe(true);
    expect(expectData(await t.gql(UNBOOKMARK, { id: graceTalk }, token.get(ada.id))).unbookmarkTalk).toBe(true);
    const { id: elsewhere } = expectData(await t.gql(`mutation { createEvent(input: { slug: "elsewhere-schedule", name: "Elsewhere", timeZone: "UTC" }) { id } }`, {}, await t.adminToken())).createEvent;
    const stranger = await createAttendee(t, elsewhere, { name: 'Stranger' });
    const foreignTalk = expectData(
      await t.gql(`mutation ($input: CreateTalkInput!) { createTalk(input: $input) { id } }`, { input: { eventId: elsewhere, title: 'Elsewhere', speakerId: stranger.id, startsAt: '2030-06-01T10:00:00Z', slotCount: 0 } }, await t.adminToken()),
    ).createTalk.id;
    expect((await t.gql(BOOKMARK, { id: foreignTalk }, token.get(ada.id))).errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND' });
    expect((await t.gql(UNBOOKMARK, { id: foreignTalk }, token.get(ada.id))).errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND' });
    expect((await t.gql(BOOKMARK, { id: samTalk }, organiser)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await t.gql(BOOKMARK, { id: 'not-an-id' }, token.get(ada.id))).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect((await t.gql(SCHEDULE, {}, organiser)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const rows = await t.app.get(DataSource).query(`SELECT talk_id FROM talk_bookmarks WHERE attendee_id = $1`, [ada.id]);
    expect(rows).toEqual([{ talk_id: samTalk }]);
  });

  it('an attendee’s day: the talk she bookmarked, her office-hour slot after it, her table at eleven — on the event’s clock, in order', async () => {
    const mine = await schedule(ada);
    expect(mine).toMatchObject({ eventId, timeZone: 'Europe/Paris' });
    const starts = mine.entries.map((e) => e.startsAt);
    expect([...starts].sort()).toEqual(starts);
    expect(mine.entries[0]).toMatchObject({
      __typename: 'TalkScheduleEntry',
      id: `talk:${samTalk}`,
      kind: 'TALK',
      title: 'RAG in production',
      place: 'Room 1',
      startsAt: '2030-06-01T10:00:00.000Z',
      startsAtLocal: '2030-06-01T12:00:00+02:00',
      endsAtLocal: '2030-06-01T12:20:00+02:00',
      speaking: false,
      bookmarked: true,
    });
    const kinds = mine.entries.map((e) => e.kind);
    expect(kinds.filter((k) => k === 'TALK')).toHaveLength(1); // Grace's talk was un-bookmarked
    const slot = mine.entries.find((e) => e.kind === 'OFFICE_HOURS')!;
    expect(slot).toMatchObject({ __typename: 'MeetingScheduleEntry', asSpeaker: false, meeting: { kind: 'OFFICE_HOURS', talkId: samTalk } });
    expect(['2030-06-01T10:20:00.000Z', '2030-06-01T10:30:00.000Z']).toContain(slot.startsAt);
    const eleven = mine.entries.find((e) => e.kind === 'ROUND_MEETING' && e.meeting?.roundId === later)!;
    expect(eleven).toMatchObject({ title: 'Round at eleven', startsAtLocal: '2030-06-01T13:00:00+02:00', meetingRequestId: adaAsksAlan });
    expect(eleven.meeting!.partners.map((p) => p.name)).toContain('Alan');
    // The round during the talk: a table or a sit-out, once; the draft at 14:00: nothing.
    expect(mine.entries.filter((e) => e.meeting?.roundId === during || e.roundId === during)).toHaveLength(1);
    expect(mine.entries.some((e) => e.startsAt >= '2030-06-01T14:00:00.000Z')).toBe(false);
  });

  it('a speaker’s day: their own talk, the round during it sat out as BUSY, then both office-hour slots as the speaker', async () => {
    const mine = await schedule(sam);
    expect(mine.entries.map((e) => [e.kind, e.startsAt])).toEqual([
      ['TALK', '2030-06-01T10:00:00.000Z'],
      ['SIT_OUT', '2030-06-01T10:05:00.000Z'],
      ['OFFICE_HOURS', '2030-06-01T10:20:00.000Z'],
      ['OFFICE_HOURS', '2030-06-01T10:30:00.000Z'],
      ['ROUND_MEETING', '2030-06-01T11:00:00.000Z'],
    ]);
    expect(mine.entries[0]).toMatchObject({ speaking: true, bookmarked: false });
    expect(mine.entries[1]).toMatchObject({ __typename: 'SitOutScheduleEntry', id: `sit-out:${during}`, roundId: during, reason: 'BUSY', title: 'Round during the talk', endsAt: '2030-06-01T10:15:00.000Z' });
    expect(mine.entries.filter((e) => e.kind === 'OFFICE_HOURS').every((e) => e.asSpeaker)).toBe(true);
    // Grace gives a talk too (in her schedule unbookmarked) and holds a slot after Sam's.
    const hers = await schedule(grace);
    expect(hers.entries.find((e) => e.kind === 'TALK' && e.id === `talk:${graceTalk}`)).toMatchObject({ speaking: true, bookmarked: false });
    expect(hers.entries.find((e) => e.kind === 'OFFICE_HOURS')).toMatchObject({ asSpeaker: false });
  });

  it('the calendar feed holds the same: the bookmarked talk, the office-hour slot and the table; not the sit-outs', async () => {
    const { url } = expectData(await t.gql(`mutation { issueCalendarFeed { url } }`, {}, token.get(sam.id))).issueCalendarFeed;
    const response = await t.http().get(new URL(url).pathname + new URL(url).search).expect(200);
    const events = new ICAL.Component(ICAL.parse(response.text)).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    expect(events.map((e) => [e.summary.split(':')[0]!.split(' ')[0], e.startDate.toJSDate().toISOString()])).toEqual([
      ['Your', '2030-06-01T10:00:00.000Z'],
      ['Meet', '2030-06-01T10:20:00.000Z'],
      ['Meet', '2030-06-01T10:30:00.000Z'],
      ['Meet', '2030-06-01T11:00:00.000Z'],
    ]);
    expect(events[0]!.summary).toBe('Your talk: RAG in production');
    expect(events[0]!.location).toBe('Room 1, Hall B');
    const adaFeed = expectData(await t.gql(`mutation { issueCalendarFeed { url } }`, {}, token.get(ada.id))).issueCalendarFeed.url;
    const adaIcs = (await t.http().get(new URL(adaFeed).pathname + new URL(adaFeed).search).expect(200)).text;
    expect(adaIcs).toContain('SUMMARY:Talk: RAG in production');
    expect(adaIcs).toContain(`UID:talk-${samTalk}@pairwise`);
  });

  it('erasing herself removes her bookmarks and availability, by id', async () => {
    expectData(await t.gql(`mutation ($w: [AvailabilityWindowInput!]!) { setMyAvailability(windows: $w) { always } }`, { w: [{ startsAt: '2030-06-01T08:00:00Z', endsAt: '2030-06-01T18:00:00Z' }] }, token.get(ada.id)));
    const exported = expectData(await t.gql(`{ exportMyData }`, {}, token.get(ada.id))).exportMyData;
    expect(exported.bookmarkedTalks).toEqual([expect.objectContaining({ talkId: samTalk, talk: 'RAG in production' })]);
    expect(exported.availabilityWindows).toHaveLength(1);
    expectData(await t.gql(`mutation { deleteMyData }`, {}, token.get(ada.id)));
    const db = t.app.get(DataSource);
    expect(await db.query(`SELECT 1 FROM talk_bookmarks WHERE attendee_id = $1`, [ada.id])).toEqual([]);
    expect(await db.query(`SELECT 1 FROM availability_windows WHERE attendee_id = $1`, [ada.id])).toEqual([]);
  });
});
