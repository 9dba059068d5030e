import { attendeeToken, createAttendee, createOrganiser, expectData, startEventApp, type AttendeeFixture, type TestApp } from '@pairwise/testing';

const CHECK_IN = `mutation ($e: ID!, $c: String!) { checkIn(eventId: $e, code: $c) { alreadyPresent checkedInAt attendee { id name present } } }`;

/** QR check-in (issue 14): each attendee's signed code; organisers' phones mark them present, once. */
describe('checkIn(code): a signed code per attendee, for their event only', () => {
  let t: TestApp;
  let eventId: string;
  let organiser: string;
  let ada: AttendeeFixture;
  let adaToken: string;
  let adaCode: string;
  let otherEvent: string;
  let otherOrganiser: string;
  let strangerCode: string;

  beforeAll(async () => {
    ({ t, event: { id: eventId }, organiser: { token: organiser } } = await startEventApp());
    ada = await createAttendee(t, eventId, { name: 'Ada Lovelace' });
    adaToken = await attendeeToken(t, ada);
    adaCode = expectData(await t.gql(`{ myCheckInCode { eventId code } }`, {}, adaToken)).myCheckInCode.code;
    otherEvent = expectData(await t.gql(`mutation { createEvent(input: { slug: "elsewhere-check-in", name: "Elsewhere", timeZone: "UTC" }) { id } }`, {}, await t.adminToken())).createEvent.id;
    otherOrganiser = (await createOrganiser(t, otherEvent)).token;
    const stranger = await createAttendee(t, otherEvent, { name: 'Stranger' });
    strangerCode = expectData(await t.gql(`{ myCheckInCode { code } }`, {}, await attendeeToken(t, stranger))).myCheckInCode.code;
  });
  afterAll(() => t?.close());

  it('an attendee reads the same code each time: PW1- and 44 URL-safe characters, with its QR modules', async () => {
    const { qrRows } = expectData(await t.gql(`{ myCheckInCode { qrRows } }`, {}, adaToken)).myCheckInCode;
    // A square of 0/1 modules; a 7×7 finder pattern in the top-left corner after the 2-module quiet zone.
    expect(qrRows.every((row: string) => row.length === qrRows.length && /^[01]+$/.test(row))).toBe(true);
    expect(qrRows.length).toBeGreaterThanOrEqual(21 + 4);
    expect(qrRows.slice(2, 9).map((row: string) => row.slice(2, 9))).toEqual(['1111111', '1000001', '1011101', '1011101', '1011101', '1000001', '1111111']);
    expect(adaCode).toMatch(/^PW1-[A-Za-z0-9_-]{44}$/);
    expect(expectData(await t.gql(`{ myCheckInCode { eventId code } }`, {}, adaToken)).myCheckInCode).toEqual({ eventId, code: adaCode });
    expect((await t.gql(`{ myCheckInCode { code } }`, {}, organiser)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('the organiser scans it: present, with the time; scanning again changes nothing and says so (spaces and a lower-case prefix forgiven)', async () => {
    const first = expectData(await t.gql(CHECK_IN, { e: eventId, c: adaCode }, organiser)).checkIn;
    expect(first).toMatchObject({ alreadyPresent: false, attendee: { id: ada.id, name: 'Ada Lovelace', present: true } });
    const again = expectData(await t.gql(CHECK_IN, { e: eventId, c: ` pw1-${adaCode.slice(4, 20)} ${adaCode.slice(20)} ` }, organiser)).checkIn;
    expect(again).toMatchObject({ alreadyPresent: true, checkedInAt: first.checkedInAt, attendee: { present: true } });
    expect(expectData(await t.gql(`query ($id: ID!) { attendee(id: $id) { present } }`, { id: ada.id }, organiser)).attendee.present).toBe(true);
  });

  it('a forged, altered, malformed or empty code is CHECK_IN_CODE_INVALID; another event’s genuine code is CHECK_IN_OTHER_EVENT', async () => {
    const flip = (c: string) => (c === 'A' ? 'B' : 'A');
    const forged = [
      adaCode.slice(0, -1) + flip(adaCode.at(-1)!), // signature changed
      adaCode.slice(0, 4) + flip(adaCode[4]!) + adaCode.slice(5), // someone else's id, Ada's signature
      'PW1-' + 'A'.repeat(44),
      'not a code',
      '',
      `${adaCode}\u0000`,
      '1',
    ];
    for (const code of forged) {
      const refused = await t.gql(CHECK_IN, { e: eventId, c: code }, organiser);
      expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
      if (code !== `${adaCode}\u0000`) expect(refused.errors?.[0]?.extensions?.reason).toBe('CHECK_IN_CODE_INVALID');
    }
    const elsewhere = await t.gql(CHECK_IN, { e: eventId, c: strangerCode }, organiser);
    expect(elsewhere.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'CHECK_IN_OTHER_EVENT' });
    // Ada's code at the other event's desk: not hers there either.
    const adaElsewhere = await t.gql(CHECK_IN, { e: otherEvent, c: adaCode }, otherOrganiser);
    expect(adaElsewhere.errors?.[0]?.extensions).toMatchObject({ reason: 'CHECK_IN_OTHER_EVENT' });
  });

  it('only the event’s organisers check people in: its attendees may not, another event’s organiser does not see the event', async () => {
    expect((await t.gql(CHECK_IN, { e: eventId, c: adaCode }, adaToken)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await t.gql(CHECK_IN, { e: eventId, c: adaCode }, otherOrganiser)).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect((await t.gql(CHECK_IN, { e: eventId, c: adaCode })).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});
