import { DataSource } from 'typeorm';
import { ReminderScheduler } from '../apps/api/src/mail/reminder-scheduler';
import { attendeeToken, createAttendee, expectData, generatedRound, signedInAttendees, startEventApp, type AttendeeFixture, type TestApp } from '@pairwise/testing';

const SET_MINE = `mutation ($w: [AvailabilityWindowInput!]!) { setMyAvailability(windows: $w) { always timeZone windows { startsAt startsAtLocal endsAt endsAtLocal } } }`;
const SET_FOR = `mutation ($a: ID!, $w: [AvailabilityWindowInput!]!) { setAttendeeAvailability(attendeeId: $a, windows: $w) { always windows { startsAt endsAt } } }`;

/**
 * Availability windows (issue 14): an event of two days in Paris (UTC+2 in June). Ada is here on day 1
 * afternoon only (14:00–18:00 local, 12:00–16:00 UTC); the others set nothing (here all the time).
 * A round outside her window sits her out as UNAVAILABLE (told in the app and by mail); one inside seats
 * her; publishing re-checks a window changed after generation; office hours give her only a slot she is here for.
 */
describe('availability windows: who is not at the event sits out (UNAVAILABLE) and gets no slot then', () => {
  let t: TestApp;
  let eventId: string;
  let organiser: string;
  let ada: AttendeeFixture;
  let adaToken: string;
  let others: AttendeeFixture[];
  let tokens: Map<string, string>;

  beforeAll(async () => {
    ({ t, event: { id: eventId }, organiser: { token: organiser } } = await startEventApp({ event: { oddPolicy: 'TRIO', startsOn: '2030-06-01', endsOn: '2030-06-02' } }));
    ada = await createAttendee(t, eventId, { name: 'Ada', present: true, interests: ['rag', 'evals'] });
    adaToken = await attendeeToken(t, ada);
    ({ people: others, tokens } = await signedInAttendees(t, eventId, ['Grace', 'Alan', 'Linus', 'Edsger'], { present: true, interests: ['rag', 'evals'] }));
  });
  afterAll(() => t?.close());

  const generated = (name: string, startsAt: string, durationMinutes: number) => generatedRound(t, organiser, { eventId, name, startsAt, durationMinutes });

  it('an attendee sets windows: touching ones merge, times come back on the event’s clock; bad windows are refused with a reason', async () => {
    expect(expectData(await t.gql(`{ myAvailability { always windows { startsAt } } }`, {}, adaToken)).myAvailability).toEqual({ always: true, windows: [] });
    const set = expectData(
      await t.gql(SET_MINE, { w: [{ startsAt: '2030-06-01T14:00:00Z', endsAt: '2030-06-01T16:00:00Z' }, { startsAt: '2030-06-01T12:00:00Z', endsAt: '2030-06-01T14:00:00Z' }] }, adaToken),
    ).setMyAvailability;
    expect(set).toEqual({
      always: false,
      timeZone: 'Europe/Paris',
      windows: [{ startsAt: '2030-06-01T12:00:00.000Z', startsAtLocal: '2030-06-01T14:00:00+02:00', endsAt: '2030-06-01T16:00:00.000Z', endsAtLocal: '2030-06-01T18:00:00+02:00' }],
    });
    const empty = await t.gql(SET_MINE, { w: [{ startsAt: '2030-06-01T12:00:00Z', endsAt: '2030-06-01T12:00:00Z' }] }, adaToken);
    expect(empty.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'WINDOW_EMPTY', fields: [{ field: 'windows.0.endsAt' }] });
    const outside = await t.gql(SET_MINE, { w: [{ startsAt: '2030-06-03T08:00:00Z', endsAt: '2030-06-03T10:00:00Z' }] }, adaToken);
    expect(outside.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'OUTSIDE_EVENT_DAYS' });
    const malformed = await t.gql(SET_MINE, { w: [{ startsAt: 'tomorrow', endsAt: null }] }, adaToken);
    expect(malformed.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    // The refused changes changed nothing.
    expect(expectData(await t.gql(`{ myAvailability { windows { startsAt endsAt } } }`, {}, adaToken)).myAvailability.windows).toEqual([
      { startsAt: '2030-06-01T12:00:00.000Z', endsAt: '2030-06-01T16:00:00.000Z' },
    ]);
  });

  it('organisers set and read anyone’s of their event; an attendee may not set someone else’s, nor read it', async () => {
    const grace = others[0]!;
    expect(expectData(await t.gql(SET_FOR, { a: grace.id, w: [{ startsAt: '2030-06-01T07:00:00Z', endsAt: '2030-06-02T20:00:00Z' }] }, organiser)).setAttendeeAvailability.always).toBe(false);
    expect(expectData(await t.gql(SET_FOR, { a: grace.id, w: [] }, organiser)).setAttendeeAvailability).toEqual({ always: true, windows: [] });
    const bySomeoneElse = await t.gql(SET_FOR, { a: grace.id, w: [] }, adaToken);
    expect(bySomeoneElse.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const reading = await t.gql(`query ($a: ID!) { attendeeAvailability(attendeeId: $a) { always } }`, { a: grace.id }, adaToken);
    expect(reading.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const unknown = await t.gql(SET_FOR, { a: '00000000-0000-4000-a000-00000000dead', w: [] }, organiser);
    expect(unknown.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const other = await startOtherEventAttendee();
    const foreign = await t.gql(SET_FOR, { a: other, w: [] }, organiser);
    expect(foreign.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  async function startOtherEventAttendee(): Promise<string> {
    const { id } = expectData(await t.gql(`mutation { createEvent(input: { slug: "elsewhere-availability", name: "Elsewhere", timeZone: "UTC" }) { id } }`, {}, await t.adminToken())).createEvent;
    return (await createAttendee(t, id, { name: 'Elsewhere' })).id;
  }

  it('a round in the morning sits her out as UNAVAILABLE, told in the app and by mail; a round within her window seats her', async () => {
    const morning = await generated('Morning', '2030-06-01T08:00:00Z', 15);
    expect(morning.leftOut).toEqual([{ attendeeId: ada.id, reason: 'UNAVAILABLE' }]);
    expect(morning.seated.has(ada.id)).toBe(false);
    expect(morning.seated.size).toBe(4);
    expectData(await t.gql(`mutation ($id: ID!) { publishRound(roundId: $id) { status } }`, { id: morning.id }, organiser));
    expect(expectData(await t.gql(`query ($id: ID!) { round(id: $id) { mySitOut } }`, { id: morning.id }, adaToken)).round.mySitOut).toBe('UNAVAILABLE');
    await t.app.get(ReminderScheduler).tick();
    const notices = await t.app
      .get(DataSource)
      .query(`SELECT attendee_id, payload->>'reason' AS reason FROM mail_outbox WHERE kind = 'SIT_OUT_NOTICE' AND payload->>'roundId' = $1`, [morning.id]);
    expect(notices).toEqual([{ attendee_id: ada.id, reason: 'UNAVAILABLE' }]);
    // Straddling the end of her window (15:50–16:05 UTC) is not within it either.
    const straddling = await generated('Late afternoon', '2030-06-01T15:50:00Z', 15);
    expect(straddling.leftOut).toEqual([{ attendeeId: ada.id, reason: 'UNAVAILABLE' }]);
    await t.gql(`mutation ($id: ID!) { cancelRound(roundId: $id) { status } }`, { id: straddling.id }, organiser);
    const within = await generated('Afternoon', '2030-06-01T15:45:00Z', 15);
    expect(within.seated.has(ada.id)).toBe(true);
    expect(within.leftOut).toEqual([]);
    await t.gql(`mutation ($id: ID!) { cancelRound(roundId: $id) { status } }`, { id: within.id }, organiser);
  });

  it('publishing re-checks: a window changed since generation is named (rule unavailable) and publish refused', async () => {
    const round = await generated('Day 2', '2030-06-02T09:00:00Z', 15);
    const alan = others[1]!;
    expect(round.seated.has(alan.id)).toBe(true);
    expectData(await t.gql(SET_MINE, { w: [{ startsAt: '2030-06-02T12:00:00Z', endsAt: '2030-06-02T18:00:00Z' }] }, tokens.get(alan.id)));
    const problems = expectData(await t.gql(`query ($id: ID!) { round(id: $id) { draftProblems { rule attendeeA } } }`, { id: round.id }, organiser)).round.draftProblems;
    expect(problems).toEqual([{ rule: 'unavailable', attendeeA: alan.id }]);
    const refused = await t.gql(`mutation ($id: ID!) { publishRound(roundId: $id) { status } }`, { id: round.id }, organiser);
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'DRAFT_BREAKS_HARD_RULES' });
    // Back to all the time: the draft is fine again.
    expectData(await t.gql(SET_MINE, { w: [] }, tokens.get(alan.id)));
    expect(expectData(await t.gql(`mutation ($id: ID!) { publishRound(roundId: $id) { status } }`, { id: round.id }, organiser)).publishRound.status).toBe('PUBLISHED');
  });

  it('office hours: she gets the slot she is here for (the first, Grace moved to the second), someone here for none waits on standby, and a released slot skips them', async () => {
    const speaker = others[3]!;
    // Talk 13:30–13:50 UTC, slots 13:50–14:00 and 14:00–14:10 (Ada leaves at 14:00 today).
    expectData(await t.gql(SET_MINE, { w: [{ startsAt: '2030-06-01T12:00:00Z', endsAt: '2030-06-01T14:00:00Z' }] }, adaToken));
    const linus = others[2]!;
    expectData(await t.gql(SET_FOR, { a: linus.id, w: [{ startsAt: '2030-06-02T07:00:00Z', endsAt: '2030-06-02T10:00:00Z' }] }, organiser));
    const talk = expectData(
      await t.gql(
        `mutation ($input: CreateTalkInput!) { createTalk(input: $input) { id } }`,
        { input: { eventId, title: 'Evals that matter', speakerId: speaker.id, startsAt: '2030-06-01T13:30:00Z', durationMinutes: 20, tags: ['evals'], slotCount: 2, slotMinutes: 10 } },
        organiser,
      ),
    ).createTalk;
    const ask = `mutation ($input: RequestSlotInput!) { requestSpeakerSlot(input: $input) { status } }`;
    // Grace asked first and is as relevant: without windows she would take the first slot, Ada the second.
    for (const token of [tokens.get(others[0]!.id)!, adaToken, tokens.get(linus.id)!]) expectData(await t.gql(ask, { input: { talkId: talk.id, question: 'Which metric first?' } }, token));
    expectData(await t.gql(`mutation ($id: ID!) { allocateSpeakerSlots(talkId: $id) { id } }`, { id: talk.id }, organiser));
    const outcome = async () =>
      Object.fromEntries(
        expectData(await t.gql(`query ($e: ID!) { talks(eventId: $e) { id requests { attendee { id } status slotStartsAt standbyRank } } }`, { e: eventId }, organiser))
          .talks.find((x: { id: string }) => x.id === talk.id)
          .requests.map((r: { attendee: { id: string }; status: string; slotStartsAt: string | null; standbyRank: number | null }) => [r.attendee.id, [r.status, r.slotStartsAt ?? r.standbyRank]]),
      );
    expect(await outcome()).toEqual({
      [ada.id]: ['GRANTED', '2030-06-01T13:50:00.000Z'],
      [others[0]!.id]: ['GRANTED', '2030-06-01T14:00:00.000Z'],
      [linus.id]: ['STANDBY', 1],
    });
    expectData(await t.gql(`mutation ($id: ID!) { publishSpeakerSlots(talkId: $id) { id } }`, { id: talk.id }, organiser));
    // Grace gives her slot up: Linus, first on standby, is not here then, so the slot stays free.
    expectData(await t.gql(`mutation ($id: ID!) { withdrawSpeakerSlotRequest(talkId: $id) }`, { id: talk.id }, tokens.get(others[0]!.id)));
    expect(await outcome()).toEqual({ [ada.id]: ['GRANTED', '2030-06-01T13:50:00.000Z'], [linus.id]: ['STANDBY', 1] });
  });
});
