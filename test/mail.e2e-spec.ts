import { DataSource } from 'typeorm';
import {
  attendeeToken,
  createAttendee,
  createEvent,
  createOrganiser,
  expectData,
  startSmtpServer,
  startTestApp,
  type EventFixture,
  type ReceivedMail,
  type TestApp,
  type TestSmtpServer,
} from '@pairwise/testing';

// Two API apps and a real SMTP server; messages go through the real sender loop: seconds on a busy machine.
jest.setTimeout(60_000);

const SEND = `mutation ($input: SendInvitationsInput!) { sendInvitations(input: $input) { id matched queued skipped progress { queued sent held done } } }`;
const RUN = `query ($id: ID!) { invitationRun(id: $id) { queued progress { queued sent held failed bounced cancelled done } } }`;
const OUTBOX = `query ($e: ID!, $first: Int, $after: String) { outbox(eventId: $e, first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { id kind to status subject text html error messageId attempts } } } }`;
const SIGN_IN = `mutation ($token: String!) { signInWithLink(input: {token: $token}) { token expiresAt viewer { role attendeeId eventIds } } }`;

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The message's header section with folded lines joined. */
const headersOf = (mail: ReceivedMail) => mail.raw.split(/\r?\n\r?\n/)[0]!.replace(/\r?\n[ \t]+/g, ' ');

const linkIn = (mail: ReceivedMail) => /https?:\/\/[^\s"<>]+\/sign-in\?token=([A-Za-z0-9_-]+)/.exec(mail.text);

describe('mail without an SMTP server (zero setup): the outbox', () => {
  let t: TestApp;
  let admin: string;
  let event: EventFixture;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.adminToken();
    event = await createEvent(t, { name: 'Outbox Summit' });
  });
  afterAll(() => t?.close());

  it('keeps every invitation in the outbox as HELD, readable by staff, with the sign-in token hidden', async () => {
    for (let i = 0; i < 3; i++) await createAttendee(t, event.id, { name: `Held ${i}` });
    const run = expectData(await t.gql(SEND, { input: { eventId: event.id } }, admin)).sendInvitations;
    expect(run).toMatchObject({ matched: 3, queued: 3, skipped: 0 });
    const progress = await until(
      async () => expectData(await t.gql(RUN, { id: run.id }, admin)).invitationRun.progress,
      (p) => p.done,
    );
    expect(progress).toMatchObject({ queued: 0, held: 3, sent: 0, done: true });
    const page = expectData(await t.gql(OUTBOX, { e: event.id, first: 2 }, admin)).outbox;
    expect(page.totalCount).toBe(3);
    expect(page.pageInfo.hasNextPage).toBe(true);
    const next = expectData(await t.gql(OUTBOX, { e: event.id, first: 2, after: page.pageInfo.endCursor }, admin)).outbox;
    const messages = [...page.edges, ...next.edges].map((edge: { node: Record<string, string> }) => edge.node);
    expect(new Set(messages.map((m) => m.id)).size).toBe(3);
    for (const message of messages) {
      expect(message).toMatchObject({ kind: 'INVITATION', status: 'HELD', subject: 'Your invitation to meet people at Outbox Summit' });
      expect(message.error).toContain('PAIRWISE_SMTP_URL');
      expect(message.text).toContain('/sign-in?token=hidden');
      expect(message.html).toContain('/sign-in?token=hidden');
      expect(message.messageId).toBe(`<${message.id}@pairwise.invalid>`);
    }
  });

  it('refuses a cursor it did not produce', async () => {
    const response = await t.gql(OUTBOX, { e: event.id, after: 'bm9wZQ' }, admin);
    expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_CURSOR' });
  });
});

describe('mail over SMTP', () => {
  let smtp: TestSmtpServer;
  let t: TestApp;
  let admin: string;

  beforeAll(async () => {
    smtp = await startSmtpServer();
    t = await startTestApp({ PAIRWISE_SMTP_URL: smtp.url, PAIRWISE_MAIL_RATE: '1000', PAIRWISE_MAIL_FROM: 'AI Summit <hello@summit.test>', PAIRWISE_PUBLIC_URL: 'https://meet.summit.test/' });
    admin = await t.adminToken();
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.close();
  });

  /** The server's 250 comes a moment before the sender's COMMIT: wait for the outbox to say so. */
  const sentAll = (eventId: string) =>
    until(
      async () => expectData(await t.gql(OUTBOX, { e: eventId }, admin)).outbox.edges as { node: { status: string } }[],
      (edges) => edges.every((edge) => edge.node.status !== 'QUEUED'),
    );

  it('invites each attendee once; the link in the mail signs them in once, with the same payload as login', async () => {
    const event = await createEvent(t, { name: 'Invite Summit' });
    const organiser = await createOrganiser(t, event.id);
    const ada = await createAttendee(t, event.id, { name: 'Ada Lovelace', email: `ada-${event.slug}@example.com` });
    const grace = await createAttendee(t, event.id, { name: 'Grace Hopper', email: `grace-${event.slug}@example.com` });
    const before = smtp.received.length;
    const run = expectData(await t.gql(SEND, { input: { eventId: event.id } }, organiser.token)).sendInvitations;
    expect(run).toMatchObject({ matched: 2, queued: 2 });
    const received = (await smtp.waitFor(before + 2)).slice(before);
    expect(received.map((mail) => mail.to).sort()).toEqual([ada.email, grace.email].sort());
    const toAda = received.find((mail) => mail.to === ada.email)!;
    expect(toAda.subject).toBe('Your invitation to meet people at Invite Summit');
    expect(toAda.from).toBe('"AI Summit" <hello@summit.test>');
    expect(toAda.text).toContain('Hello Ada Lovelace,');
    expect(toAda.html).toContain('Hello Ada Lovelace,');
    // No tracking: no images, nothing fetched from anywhere.
    expect(toAda.html).not.toMatch(/<img|background-image|url\(/i);

    await sentAll(event.id);
    const link = linkIn(toAda)!;
    expect(link[0]).toMatch(/^https:\/\/meet\.summit\.test\/sign-in\?token=[A-Za-z0-9_-]{43}$/);
    expect(toAda.html).toContain(link[0]);
    const signedIn = expectData(await t.gql(SIGN_IN, { token: link[1] })).signInWithLink;
    expect(signedIn.viewer).toEqual({ role: 'ATTENDEE', attendeeId: ada.id, eventIds: [event.id] });
    expect(expectData(await t.gql(`{ myProfile { name } }`, {}, signedIn.token)).myProfile.name).toBe('Ada Lovelace');

    const again = await t.gql(SIGN_IN, { token: link[1] });
    expect(again.data ?? null).toBeNull();
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'SIGN_IN_LINK_USED' });
    expect(again.errors?.[0]?.message).toMatch(/already used/);

    const progress = await until(
      async () => expectData(await t.gql(RUN, { id: run.id }, organiser.token)).invitationRun.progress,
      (p) => p.sent === 2,
    );
    expect(progress).toMatchObject({ sent: 2, queued: 0, done: true });

    // Idempotent: a second run queues nothing; resend: true invites everyone again.
    const second = expectData(await t.gql(SEND, { input: { eventId: event.id } }, organiser.token)).sendInvitations;
    expect(second).toMatchObject({ matched: 2, queued: 0, skipped: 2 });
    const resent = expectData(await t.gql(SEND, { input: { eventId: event.id, resend: true } }, organiser.token)).sendInvitations;
    expect(resent).toMatchObject({ matched: 2, queued: 2 });
    await smtp.waitFor(before + 4);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(smtp.received.length).toBe(before + 4);
  });

  it('keeps the Message-ID of each outbox row and says in the outbox that the server accepted it', async () => {
    const event = await createEvent(t);
    const attendee = await createAttendee(t, event.id);
    const before = smtp.received.length;
    expectData(await t.gql(SEND, { input: { eventId: event.id } }, admin));
    const [mail] = (await smtp.waitFor(before + 1)).slice(before);
    const message = await until(
      async () => expectData(await t.gql(OUTBOX, { e: event.id }, admin)).outbox.edges[0].node,
      (node) => node.status === 'SENT',
    );
    expect(mail!.messageId).toBe(message.messageId);
    expect(message.messageId).toBe(`<${message.id}@summit.test>`);
    expect(message.to).toBe(attendee.email);
  });

  it('answers an expired link and an unknown link each with its own message', async () => {
    const event = await createEvent(t);
    await createAttendee(t, event.id);
    const before = smtp.received.length;
    expectData(await t.gql(SEND, { input: { eventId: event.id } }, admin));
    const [mail] = (await smtp.waitFor(before + 1)).slice(before);
    await sentAll(event.id);
    const token = linkIn(mail!)![1]!;
    await t.app.get(DataSource).query(`UPDATE sign_in_links SET expires_at = now() - interval '1 second' WHERE outbox_id IN (SELECT id FROM mail_outbox WHERE event_id = $1)`, [event.id]);
    const expired = await t.gql(SIGN_IN, { token });
    expect(expired.errors?.[0]?.extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'SIGN_IN_LINK_EXPIRED' });
    expect(expired.errors?.[0]?.message).toMatch(/expired/);
    const unknown = await t.gql(SIGN_IN, { token: 'A'.repeat(43) });
    expect(unknown.errors?.[0]?.extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'SIGN_IN_LINK_INVALID' });
    const malformed = await t.gql(SIGN_IN, { token: 'not a token\u0000' });
    expect(malformed.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
  });

  it('marks a refused recipient BOUNCED with the server’s answer, and never retries it', async () => {
    const event = await createEvent(t);
    const nobody = await createAttendee(t, event.id, { email: `nobody-${event.slug}@example.com` });
    smtp.rejectRecipients.add(nobody.email);
    expectData(await t.gql(SEND, { input: { eventId: event.id } }, admin));
    const message = await until(
      async () => expectData(await t.gql(OUTBOX, { e: event.id }, admin)).outbox.edges[0].node,
      (node) => node.status !== 'QUEUED',
    );
    expect(message).toMatchObject({ status: 'BOUNCED', attempts: 1 });
    expect(message.error).toMatch(/^550 .*User unknown/);
  });

  it('writes in the event’s language (French), else the attendee’s, every time in the event’s zone', async () => {
    const event = await createEvent(t, { name: 'Sommet IA', language: 'FR', startsOn: '2026-12-03', endsOn: '2026-12-04', venue: 'Paris' });
    const attendee = await createAttendee(t, event.id, { name: 'Hélène', languages: ['en'] });
    const before = smtp.received.length;
    expectData(await t.gql(SEND, { input: { eventId: event.id } }, admin));
    const [mail] = (await smtp.waitFor(before + 1)).slice(before);
    expect(mail!.to).toBe(attendee.email);
    expect(mail!.subject).toBe('Votre invitation aux rencontres de Sommet IA');
    expect(mail!.text).toContain('Bonjour Hélène,');
    expect(mail!.text).toContain('3–4 décembre 2026');
    expect(mail!.html).toContain('<html lang="fr">');

    const english = await createEvent(t, { name: 'Mixed Summit', timeZone: 'Asia/Tokyo' });
    const french = await createAttendee(t, english.id, { name: 'Amélie', languages: ['French', 'English'] });
    const count = smtp.received.length;
    expectData(await t.gql(SEND, { input: { eventId: english.id } }, admin));
    const [toAmelie] = (await smtp.waitFor(count + 1)).slice(count);
    expect(toAmelie!.to).toBe(french.email);
    expect(toAmelie!.text).toContain('Bonjour Amélie,');
    // The link's expiry is written in Tokyo time.
    expect(toAmelie!.text).toMatch(/jusqu’au [^\s,]+ \d+ [^\s,]+, \d\d:\d\d \((UTC|GMT)\+9\)/);
  });

  it('escapes what attendees wrote in the HTML part', async () => {
    const event = await createEvent(t, { name: 'Escape <Summit>' });
    await createAttendee(t, event.id, { name: '<script>alert(1)</script> & Co' });
    const before = smtp.received.length;
    expectData(await t.gql(SEND, { input: { eventId: event.id } }, admin));
    const [mail] = (await smtp.waitFor(before + 1)).slice(before);
    expect(mail!.html).not.toContain('<script>');
    expect(mail!.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co');
    expect(mail!.html).toContain('Escape &lt;Summit&gt;');
  });

  it('sends a one-click unsubscribe (RFC 8058) that stops later invitations', async () => {
    const event = await createEvent(t);
    const attendee = await createAttendee(t, event.id);
    const before = smtp.received.length;
    expectData(await t.gql(SEND, { input: { eventId: event.id } }, admin));
    const [mail] = (await smtp.waitFor(before + 1)).slice(before);
    expect(headersOf(mail!)).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click\r?$/m);
    const header = String(headersOf(mail!).match(/^List-Unsubscribe: <([^>]+)>/m)?.[1]);
    const url = new URL(header);
    expect(`${url.origin}${url.pathname}`).toBe('https://meet.summit.test/mail/unsubscribe');
    expect(mail!.text).toContain(header);

    // A link scanner's GET changes nothing; it shows a button.
    const page = await t.http().get(`/mail/unsubscribe${url.search}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('<form method="post"');
    expect(page.text).toContain(attendee.email);
    const forged = await t.http().post(`/mail/unsubscribe?a=${attendee.id}&t=${'x'.repeat(32)}`).type('form').send('List-Unsubscribe=One-Click');
    expect(forged.status).toBe(400);

    const done = await t.http().post(`/mail/unsubscribe${url.search}`).type('form').send('List-Unsubscribe=One-Click');
    expect(done.status).toBe(200);
    expect(done.text).toContain('no more emails');
    const resent = expectData(await t.gql(SEND, { input: { eventId: event.id, resend: true } }, admin)).sendInvitations;
    expect(resent).toMatchObject({ matched: 1, queued: 0, skipped: 1 });
  });

  it('an attendee’s token cannot read the outbox nor send invitations', async () => {
    const event = await createEvent(t);
    const attendee = await createAttendee(t, event.id);
    const token = await attendeeToken(t, attendee);
    expect((await t.gql(OUTBOX, { e: event.id }, token)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await t.gql(SEND, { input: { eventId: event.id } }, token)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
