import ICAL from 'ical.js';
import { attendeeToken, createAttendee, createEventWithOrganiser, expectData, runRound, startEventApp, type TestApp } from '@pairwise/testing';

describe('calendar feed', () => {
  let t: TestApp;
  let ada: string;
  let feedPath: string;

  beforeAll(async () => {
    let eventId: string;
    let organiser: string;
    ({ t, event: { id: eventId }, organiser: { token: organiser } } = await startEventApp({ event: { venue: 'Hall B' } }));
    const first = await createAttendee(t, eventId, { name: 'Ada Lovelace', present: true, interests: ['rag'] });
    await createAttendee(t, eventId, { name: 'Grace Hopper', present: true, interests: ['rag'] });
    ada = await attendeeToken(t, first);
    await runRound(t, organiser, { eventId, name: 'Round 1', startsAt: '2030-06-01T09:00:00Z', durationMinutes: 20, tables: ['Table 7'] });
    const { url } = expectData(await t.gql(`mutation { issueCalendarFeed { url } }`, {}, ada)).issueCalendarFeed;
    feedPath = new URL(url).pathname + new URL(url).search;
  });
  afterAll(() => t?.close());

  it('serves the attendee’s published meetings as iCalendar that a calendar parser reads back', async () => {
    const response = await t.http().get(feedPath).expect(200);
    expect(response.headers['content-type']).toMatch(/^text\/calendar/);
    const calendar = new ICAL.Component(ICAL.parse(response.text));
    const events = calendar.getAllSubcomponents('vevent').map((component) => new ICAL.Event(component));
    expect(events).toHaveLength(1);
    const [meeting] = events;
    expect(meeting!.summary).toBe('Meet Grace Hopper — Table 7');
    expect(meeting!.location).toBe('Table 7, Hall B');
    expect(meeting!.startDate.toJSDate().toISOString()).toBe('2030-06-01T09:00:00.000Z');
    expect(meeting!.endDate.toJSDate().toISOString()).toBe('2030-06-01T09:20:00.000Z');
    expect(meeting!.description).toContain('To open:');
  });

  it('names the table once: "Table 1" for a round without table names, "Table B12" for a code, a named place as it is', async () => {
    const { event: { id: eventId }, organiser: { token: organiser } } = await createEventWithOrganiser(t, { venue: 'Hall B' });
    const people = await Promise.all(['Ada', 'Bob', 'Cy', 'Dee'].map((name) => createAttendee(t, eventId, { name, present: true, interests: ['rag'] })));
    await runRound(t, organiser, { eventId, name: 'Round 1', startsAt: '2030-06-01T09:00:00Z', durationMinutes: 20 });
    await runRound(t, organiser, { eventId, name: 'Round 2', startsAt: '2030-06-01T10:00:00Z', durationMinutes: 20, tables: ['B12', 'Speaker corner'] });
    for (const person of people) {
      const { url } = expectData(await t.gql(`mutation { issueCalendarFeed { url } }`, {}, await attendeeToken(t, person))).issueCalendarFeed;
      const { text } = await t.http().get(new URL(url).pathname + new URL(url).search).expect(200);
      const events = new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent').map((component) => new ICAL.Event(component));
      const [first, second] = events.sort((a, b) => a.startDate.compare(b.startDate));
      expect(first!.summary).toMatch(/^Meet \w+ — Table [12]$/);
      expect(first!.location).toMatch(/^Table [12], Hall B$/);
      expect(second!.summary).toMatch(/^Meet \w+ — (Table B12|Speaker corner)$/);
      expect(second!.location).toMatch(/^(Table B12|Speaker corner), Hall B$/);
      expect(text).not.toMatch(/\btables?\s+table\b/i);
    }
  });

  it('ends every line with CRLF, the last one included (RFC 5545 §3.1)', async () => {
    const { text } = await t.http().get(feedPath).expect(200);
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(text).not.toMatch(/[^\r]\n|\r(?!\n)/);
  });

  it('refuses unknown and revoked tokens, without a bearer token needed', async () => {
    await t.http().get('/attendees/me/meetings.ics?token=not-a-real-token-but-long-enough').expect(404);
    await t.http().get('/attendees/me/meetings.ics').expect(400);
    expectData(await t.gql(`mutation { issueCalendarFeed { url } }`, {}, ada));
    const revoked = await t.http().get(feedPath).expect(404);
    expect(revoked.body).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('is for attendees only', async () => {
    const response = await t.gql(`mutation { issueCalendarFeed { url } }`, {}, await t.adminToken());
    expect(response.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
