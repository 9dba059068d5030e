import { attendeeToken, createAttendee, createEventWithOrganiser, expectData, runRound, startEventApp, type AttendeeFixture, type TestApp } from '@pairwise/testing';

const CREATE_ROUND = `mutation ($input: CreateRoundInput!) { createRound(input: $input) { id startsAt startsAtLocal endsAt endsAtLocal timeZone } }`;
const CREATE_TALK = `mutation ($input: CreateTalkInput!) { createTalk(input: $input) { id startsAt startsAtLocal endsAtLocal timeZone } }`;
const UPDATE_EVENT = `mutation ($input: UpdateEventInput!) { updateEvent(input: $input) { startsOn endsOn timeZone } }`;

/** Dates are exact: RFC 3339 with an offset, real dates, inside the event's days on its clock; answered in UTC and on the event's clock. */
describe('dates', () => {
  let t: TestApp;
  let eventId: string;
  let organiser: string;
  let speaker: AttendeeFixture;

  beforeAll(async () => {
    // 3 and 4 December 2026 in Paris (UTC+1 in winter).
    ({ t, event: { id: eventId }, organiser: { token: organiser } } = await startEventApp({ event: { timeZone: 'Europe/Paris', startsOn: '2026-12-03', endsOn: '2026-12-04' } }));
    speaker = await createAttendee(t, eventId, { name: 'Sam Speaker' });
  });
  afterAll(() => t?.close());

  const createRound = (startsAt: unknown, durationMinutes = 15) =>
    t.gql(CREATE_ROUND, { input: { eventId, name: 'Round', startsAt, durationMinutes } }, organiser);

  describe('what a date-time may be', () => {
    it.each([
      ['a day-first date', '06/12/2026 14:00'],
      ['30 February', '2026-02-30T10:00:00Z'],
      ['a time with no offset', '2026-12-03T10:00:00'],
      ['year 275760', '275760-09-13T00:00:00Z'],
      ['an expanded year', '+275760-09-13T00:00:00.000Z'],
      ['a leap second', '2026-12-03T10:59:60+01:00'],
      ['a date alone', '2026-12-03'],
      ['a number', 1_780_000_000_000],
    ])('%s is refused as BAD_USER_INPUT, nothing created (variables)', async (_, value) => {
      const response = await createRound(value);
      expect(response.data ?? null).toBeNull();
      expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'startsAt' }] });
      expect(response.errors?.[0]?.message).toMatch(/RFC 3339|not a date|not a time|year/);
      const rounds = expectData(await t.gql(`query ($e: ID!) { rounds(eventId: $e) { id } }`, { e: eventId }, organiser)).rounds;
      expect(rounds).toEqual([]);
    });

    it.each([
      ['a day-first date', '06/12/2026 14:00'],
      ['30 February', '2026-02-30T10:00:00Z'],
      ['a time with no offset', '2026-12-03T10:00:00'],
    ])('%s written inline is refused as BAD_USER_INPUT too', async (_, value) => {
      const response = await t.gql(`mutation ($e: ID!) { createRound(input: {eventId: $e, name: "Round", startsAt: ${JSON.stringify(value)}}) { id } }`, { e: eventId }, organiser);
      expect(response.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(response.errors?.[0]?.message).toContain(value);
    });

    it('an offset is honoured, and the answer is in UTC and on the event’s clock', async () => {
      const round = expectData(await createRound('2026-12-03T04:30:00-05:00')).createRound;
      expect(round).toMatchObject({
        startsAt: '2026-12-03T09:30:00.000Z',
        startsAtLocal: '2026-12-03T10:30:00+01:00',
        endsAt: '2026-12-03T09:45:00.000Z',
        endsAtLocal: '2026-12-03T10:45:00+01:00',
        timeZone: 'Europe/Paris',
      });
      const listed = expectData(await t.gql(`query ($e: ID!) { rounds(eventId: $e) { id startsAtLocal timeZone } }`, { e: eventId }, organiser)).rounds;
      expect(listed).toEqual([{ id: round.id, startsAtLocal: '2026-12-03T10:30:00+01:00', timeZone: 'Europe/Paris' }]);
      expectData(await t.gql(`mutation ($id: ID!) { cancelRound(roundId: $id) { id } }`, { id: round.id }, organiser));
    });
  });

  describe('rounds and talks stay inside the event’s days, on its clock', () => {
    it('refuses a round in 2020 for a 2026 event, naming the event’s days', async () => {
      const response = await createRound('2020-12-03T10:00:00+01:00');
      expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'OUTSIDE_EVENT_DAYS', fields: [{ field: 'startsAt' }] });
      expect(response.errors?.[0]?.message).toBe(
        "This round starts 2020-12-03T10:00:00+01:00, before the event's first day (2026-12-03, Europe/Paris)",
      );
    });

    it('takes the first minutes of the first day in Paris, though UTC still says 2 December', async () => {
      const round = expectData(await createRound('2026-12-02T23:00:00Z')).createRound;
      expect(round.startsAtLocal).toBe('2026-12-03T00:00:00+01:00');
      expectData(await t.gql(`mutation ($id: ID!) { cancelRound(roundId: $id) { id } }`, { id: round.id }, organiser));
    });

    it('refuses a round that runs past midnight after the last day, and takes one that ends at midnight', async () => {
      const late = await createRound('2026-12-04T23:50:00+01:00', 15);
      expect(late.errors?.[0]?.extensions?.reason).toBe('OUTSIDE_EVENT_DAYS');
      expect(late.errors?.[0]?.message).toContain("ends 2026-12-05T00:05:00+01:00, after the event's last day (2026-12-04, Europe/Paris)");
      const lastSlot = expectData(await createRound('2026-12-04T23:45:00+01:00', 15)).createRound;
      expectData(await t.gql(`mutation ($id: ID!) { cancelRound(roundId: $id) { id } }`, { id: lastSlot.id }, organiser));
    });

    it('counts a talk’s office hours: slots that spill past the last day are refused', async () => {
      const input = { eventId, title: 'Late talk', speakerId: speaker.id, startsAt: '2026-12-04T23:30:00+01:00', durationMinutes: 20, slotCount: 4, slotMinutes: 5 };
      const refused = await t.gql(CREATE_TALK, { input }, organiser);
      expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'OUTSIDE_EVENT_DAYS' });
      expect(refused.errors?.[0]?.message).toContain('This talk (with its office hours) ends 2026-12-05T00:10:00+01:00');
      const talk = expectData(await t.gql(CREATE_TALK, { input: { ...input, slotCount: 2 } }, organiser)).createTalk;
      expect(talk).toMatchObject({ startsAtLocal: '2026-12-04T23:30:00+01:00', endsAtLocal: '2026-12-04T23:50:00+01:00', timeZone: 'Europe/Paris' });
    });

    it('refuses new event dates or a new zone that would leave a round or talk outside, and changes nothing', async () => {
      const round = expectData(await createRound('2026-12-04T10:00:00+01:00')).createRound;
      const shorter = await t.gql(UPDATE_EVENT, { input: { id: eventId, endsOn: '2026-12-03' } }, organiser);
      expect(shorter.errors?.[0]?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        reason: 'SCHEDULE_OUTSIDE_EVENT_DAYS',
        fields: [{ field: 'endsOn', message: 'would leave rounds or talks outside the event’s days' }],
      });
      expect(shorter.errors?.[0]?.message).toContain('round “Round” ends 2026-12-04T10:15:00+01:00');
      expect(shorter.errors?.[0]?.message).toContain('talk “Late talk”');
      // 23:30 in Paris on the last day is 5 December in Tokyo.
      const tokyo = await t.gql(UPDATE_EVENT, { input: { id: eventId, timeZone: 'Asia/Tokyo' } }, organiser);
      expect(tokyo.errors?.[0]?.extensions).toMatchObject({ reason: 'SCHEDULE_OUTSIDE_EVENT_DAYS', fields: [{ field: 'timeZone' }] });
      const event = expectData(await t.gql(`query ($id: ID) { event(id: $id) { startsOn endsOn timeZone } }`, { id: eventId }, organiser)).event;
      expect(event).toEqual({ startsOn: '2026-12-03', endsOn: '2026-12-04', timeZone: 'Europe/Paris' });
      // A cancelled round no longer holds the dates; a wider range is always fine.
      expectData(await t.gql(`mutation ($id: ID!) { cancelRound(roundId: $id) { id } }`, { id: round.id }, organiser));
      expect(expectData(await t.gql(UPDATE_EVENT, { input: { id: eventId, startsOn: '2026-12-02', endsOn: '2026-12-05' } }, organiser)).updateEvent).toMatchObject({
        startsOn: '2026-12-02',
        endsOn: '2026-12-05',
      });
      expectData(await t.gql(UPDATE_EVENT, { input: { id: eventId, startsOn: '2026-12-03', endsOn: '2026-12-04' } }, organiser));
    });

    it('event days are dates that exist, in the same years', async () => {
      for (const startsOn of ['1999-12-31', '3000-01-01', '2026-02-30']) {
        const response = await t.gql(UPDATE_EVENT, { input: { id: eventId, startsOn } }, organiser);
        expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'startsOn' }] });
      }
    });
  });

  describe('every time of the schedule is answered on the event’s clock too', () => {
    it('rounds, their meetings, myMeetings, office hours, talks, the pairing report and the stats', async () => {
      const { event: { id: summer }, organiser: { token: staff } } = await createEventWithOrganiser(t, { timeZone: 'America/New_York', startsOn: '2026-07-01', endsOn: '2026-07-02' });
      const people = [];
      for (let i = 0; i < 2; i++) people.push(await createAttendee(t, summer, { name: `Person ${i}`, present: true }));
      const ada = await attendeeToken(t, people[0]!);
      const roundId = await runRound(t, staff, { eventId: summer, name: 'Summer round', startsAt: '2026-07-01T14:00:00Z', durationMinutes: 10 });
      const local = { startsAtLocal: '2026-07-01T10:00:00-04:00', endsAtLocal: '2026-07-01T10:10:00-04:00' };

      const round = expectData(
        await t.gql(`query ($r: ID!) { round(id: $r) { startsAtLocal endsAtLocal timeZone meetings { edges { node { startsAt startsAtLocal endsAtLocal } } } } }`, { r: roundId }, staff),
      ).round;
      expect(round).toEqual({ ...local, timeZone: 'America/New_York', meetings: { edges: [{ node: { startsAt: '2026-07-01T14:00:00.000Z', ...local } }] } });

      const [mine] = expectData(await t.gql(`{ myMeetings { startsAt startsAtLocal endsAtLocal timeZone } }`, {}, ada)).myMeetings;
      expect(mine).toEqual({ startsAt: '2026-07-01T14:00:00.000Z', ...local, timeZone: 'America/New_York' });

      const report = expectData(await t.gql(`query ($e: ID!) { pairingReport(eventId: $e) { edges { node { startsAtLocal endsAtLocal } } } }`, { e: summer }, staff)).pairingReport;
      expect(report.edges).toEqual([{ node: local }]);
      const stats = expectData(await t.gql(`query ($e: ID!) { eventStats(eventId: $e) { rounds { startsAtLocal } } }`, { e: summer }, staff)).eventStats;
      expect(stats.rounds).toEqual([{ startsAtLocal: local.startsAtLocal }]);

      // Office hours: the speaker's slot after the talk, in myMeetings and on the talk's requests.
      const talk = expectData(
        await t.gql(CREATE_TALK, { input: { eventId: summer, title: 'Talk', speakerId: people[1]!.id, startsAt: '2026-07-01T15:00:00Z', durationMinutes: 20, slotCount: 1, slotMinutes: 5 } }, staff),
      ).createTalk;
      expect(talk).toMatchObject({ startsAtLocal: '2026-07-01T11:00:00-04:00', endsAtLocal: '2026-07-01T11:20:00-04:00', timeZone: 'America/New_York' });
      expectData(await t.gql(`mutation ($input: RequestSlotInput!) { requestSpeakerSlot(input: $input) { status } }`, { input: { talkId: talk.id, question: 'How?' } }, ada));
      expectData(await t.gql(`mutation ($id: ID!) { allocateSpeakerSlots(talkId: $id) { id } }`, { id: talk.id }, staff));
      expectData(await t.gql(`mutation ($id: ID!) { publishSpeakerSlots(talkId: $id) { id } }`, { id: talk.id }, staff));
      const requests = expectData(await t.gql(`query ($e: ID!) { talks(eventId: $e) { requests { slotStartsAtLocal slotEndsAtLocal } } }`, { e: summer }, ada)).talks[0].requests;
      expect(requests).toEqual([{ slotStartsAtLocal: '2026-07-01T11:20:00-04:00', slotEndsAtLocal: '2026-07-01T11:25:00-04:00' }]);
      const meetings = expectData(await t.gql(`{ myMeetings { kind startsAtLocal timeZone } }`, {}, ada)).myMeetings;
      expect(meetings).toEqual([
        { kind: 'ROUND', startsAtLocal: local.startsAtLocal, timeZone: 'America/New_York' },
        { kind: 'OFFICE_HOURS', startsAtLocal: '2026-07-01T11:20:00-04:00', timeZone: 'America/New_York' },
      ]);
    });
  });
});
