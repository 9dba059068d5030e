import { DataSource } from 'typeorm';
import { MailSender } from '../apps/api/src/mail/mail-sender';
import { ReminderScheduler } from '../apps/api/src/mail/reminder-scheduler';
import { AttendeeErasure } from '../apps/api/src/privacy/erasure';
import {
  attendeeToken,
  createAttendee,
  createEvent,
  createOrganiser,
  expectData,
  runRound,
  startAdminApp,
  startAdminEventApp,
  startSmtpServer,
  startTestApp,
  type AttendeeFixture,
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
    ({ t, admin, event } = await startAdminEventApp({ event: { name: 'Outbox Summit' } }));
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
    ({ t, admin } = await startAdminApp({ env: { PAIRWISE_SMTP_URL: smtp.url, PAIRWISE_MAIL_RATE: '1000', PAIRWISE_MAIL_FROM: 'AI Summit <hello@summit.test>', PAIRWISE_PUBLIC_URL: 'https://meet.summit.test/' } }));
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

    // The attendee changes their mind: signed in, they opt back in, and mail reaches them again.
    const token = await attendeeToken(t, attendee);
    expect(expectData(await t.gql(`{ myProfile { mailOptOut } }`, {}, token)).myProfile).toEqual({ mailOptOut: true });
    expect(expectData(await t.gql(`mutation { setMailOptOut(optOut: false) { id mailOptOut } }`, {}, token)).setMailOptOut).toEqual({ id: attendee.id, mailOptOut: false });
    const count = smtp.received.length;
    expect(expectData(await t.gql(SEND, { input: { eventId: event.id, resend: true } }, admin)).sendInvitations).toMatchObject({ matched: 1, queued: 1 });
    const [again] = (await smtp.waitFor(count + 1)).slice(count);
    expect(again!.to).toBe(attendee.email);
    // Staff see the choice but cannot make it for anyone.
    expect(expectData(await t.gql(`query ($id: ID!) { attendee(id: $id) { mailOptOut } }`, { id: attendee.id }, admin)).attendee).toEqual({ mailOptOut: false });
    const refused = await t.gql(`mutation { setMailOptOut(optOut: false) { id } }`, {}, admin);
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const nullArgument = await t.gql(`mutation ($o: Boolean!) { setMailOptOut(optOut: $o) { id } }`, { o: null }, token);
    expect(nullArgument.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('asks the same of the database whether or not the address is registered; the registered one gets the link after the answer', async () => {
    const event = await createEvent(t);
    const ada = await createAttendee(t, event.id, { email: `ada-${event.slug}@example.com` });
    const stranger = `nobody-${event.slug}@example.com`;
    const dataSource = t.app.get(DataSource);
    // Every row written to any table, in order: a trigger on each table of this test's own database.
    await dataSource.query(`CREATE TABLE test_write_log (id bigserial PRIMARY KEY, tbl text NOT NULL, op text NOT NULL)`);
    await dataSource.query(`CREATE FUNCTION test_log_write() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN INSERT INTO test_write_log (tbl, op) VALUES (TG_TABLE_NAME, TG_OP); RETURN NULL; END $$`);
    const tables: { name: string }[] = await dataSource.query(`SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'test_write_log'`);
    for (const { name } of tables) {
      await dataSource.query(`CREATE TRIGGER test_log_write AFTER INSERT OR UPDATE OR DELETE ON "${name}" FOR EACH ROW EXECUTE FUNCTION test_log_write()`);
    }
    const sender = t.app.get(MailSender);
    const scheduler = t.app.get(ReminderScheduler);
    // Nothing else may touch the database meanwhile: no sending, no scheduling.
    await sender.stop();
    await scheduler.onModuleDestroy();
    const ask = async (email: string) => {
      await dataSource.query(`TRUNCATE test_write_log`);
      const before = t.queries.count;
      const response = await t.gql(`mutation ($email: String!, $slug: String!) { requestSignInLink(input: {email: $email, eventSlug: $slug}) }`, { email, slug: event.slug });
      const statements = t.queries.count - before;
      return { response, statements, writes: await dataSource.query(`SELECT tbl, op FROM test_write_log ORDER BY id`) };
    };
    try {
      const registered = await ask(ada.email);
      const unknown = await ask(stranger);
      expect(registered.response).toEqual({ status: 200, data: { requestSignInLink: true }, errors: undefined });
      expect(unknown).toEqual(registered);
      // The rate limiter's two counts (the request limit, the sign-in limit: the same whoever asks), then the request.
      expect(registered.writes).toEqual([
        { tbl: 'rate_limit_counters', op: 'INSERT' },
        { tbl: 'rate_limit_counters', op: 'INSERT' },
        { tbl: 'sign_in_requests', op: 'INSERT' },
      ]);
    } finally {
      for (const { name } of tables) await dataSource.query(`DROP TRIGGER IF EXISTS test_log_write ON "${name}"`);
      await dataSource.query(`DROP TABLE IF EXISTS test_write_log; DROP FUNCTION IF EXISTS test_log_write()`);
      await sender.start();
      scheduler.start();
    }
    // Then the sender looks the addresses up: Ada gets her link, the stranger's request is handled and sends nothing.
    const before = smtp.received.length;
    const [mail] = (await smtp.waitFor(before + 1)).slice(before);
    expect(mail!.to).toBe(ada.email);
    expect(mail!.subject).toMatch(/^Your sign-in link/);
    await sentAll(event.id);
    expect(expectData(await t.gql(OUTBOX, { e: event.id }, admin)).outbox.totalCount).toBe(1);
    const requests = await dataSource.query(`SELECT email, attendee_id, handled_at IS NOT NULL AS handled FROM sign_in_requests WHERE email = ANY($1) ORDER BY id`, [[ada.email, stranger]]);
    expect(requests).toEqual([
      { email: ada.email, attendee_id: ada.id, handled: true },
      { email: stranger, attendee_id: null, handled: true },
    ]);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(smtp.received.length).toBe(before + 1);
  });

  it('an attendee’s token cannot read the outbox nor send invitations', async () => {
    const event = await createEvent(t);
    const attendee = await createAttendee(t, event.id);
    const token = await attendeeToken(t, attendee);
    expect((await t.gql(OUTBOX, { e: event.id }, token)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await t.gql(SEND, { input: { eventId: event.id } }, token)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('reminders: who they reach and what they say (the test ticks the scheduler)', () => {
  let t: TestApp;
  const db = () => t.app.get(DataSource);
  const sql = <T = Record<string, any>>(text: string, parameters: unknown[] = []) => db().query(text, parameters) as Promise<T[]>;

  beforeAll(async () => {
    // Reminders 3 hours ahead: a round published for the next hour is reminded of at once.
    t = await startTestApp({ PAIRWISE_REMINDER_MINUTES: '180' });
    // The test ticks the scheduler itself, so that nothing is queued behind its back.
    await t.app.get(ReminderScheduler).onModuleDestroy();
  });
  afterAll(() => t?.close());

  const today = () => new Date().toISOString().slice(0, 10);
  const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
  const inMinutes = (minutes: number) => new Date(Date.now() + minutes * 60_000).toISOString();

  async function eventWith(people: Record<string, Record<string, unknown>>) {
    const event = await createEvent(t, {
      timeZone: 'UTC',
      startsOn: today(),
      endsOn: inDays(2),
      vocabulary: [{ slug: 'rag', label: 'RAG' }, { slug: 'inference', label: 'inference' }, { slug: 'agents', label: 'agents' }],
    });
    const organiser = (await createOrganiser(t, event.id)).token;
    const ids: Record<string, AttendeeFixture> = {};
    for (const [name, profile] of Object.entries(people)) {
      ids[name] = await createAttendee(t, event.id, { name, email: `${name.split(' ')[0]!.toLowerCase()}-${event.slug}@example.org`, present: true, ...profile });
    }
    return { event, organiser, people: ids };
  }

  const setPresent = async (organiser: string, id: string, present: boolean) =>
    expectData(await t.gql(`mutation ($input: UpdateAttendeeInput!) { updateAttendee(input: $input) { attendee { id } } }`, { input: { id, present } }, organiser));

  /** Every message of the event that is due has been rendered (held: this app has no SMTP server) or cancelled. */
  const settled = (eventId: string) =>
    until(
      async () => (await sql(`SELECT count(*)::int AS n FROM mail_outbox WHERE event_id = $1 AND status = 'QUEUED' AND send_after <= now()`, [eventId]))[0]!.n,
      (n) => n === 0,
    );

  const messagesOf = (attendeeId: string) =>
    sql(`SELECT id, kind, status, to_address, subject, body_text, body_html, error, mentioned_ids FROM mail_outbox WHERE attendee_id = $1 ORDER BY created_at`, [attendeeId]);

  /** Rows of the mail tables that still contain `needle` anywhere: the check that nothing was missed. */
  const mailRowsContaining = async (needle: string) => {
    const hits: string[] = [];
    for (const table of ['mail_outbox', 'sign_in_links', 'sign_in_requests', 'invitation_runs']) {
      const rows = await sql<{ row: string }>(`SELECT t::text AS row FROM ${table} t WHERE t::text ILIKE $1`, [`%${needle}%`]);
      hits.push(...rows.map((row) => `${table}: ${row.row}`));
    }
    return hits;
  };

  it('shows partners only what they share, and deleteMyData blanks the person’s messages and every reminder naming them; nothing about them is queued after', async () => {
    const { event, organiser, people } = await eventWith({
      'Ada Lovelace': { interests: ['rag', 'inference'], sharedFields: ['name', 'interests'], company: 'Analytical Engines' },
      'Bob Babbage': { interests: ['agents'], sharedFields: ['name'], company: 'Secret Difference Co' },
      'Cy Clarke': { interests: ['agents'], present: false },
    });
    const ada = people['Ada Lovelace']!;
    const bob = people['Bob Babbage']!;
    const cy = people['Cy Clarke']!;
    expectData(await t.gql(SEND, { input: { eventId: event.id } }, organiser));
    expect(expectData(await t.gql(`mutation ($input: RequestSignInLinkInput!) { requestSignInLink(input: $input) }`, { input: { email: ada.email, eventSlug: event.slug } }))).toEqual({ requestSignInLink: true });

    // Round 1: Ada and Bob (Cy is not there). Their reminders are rendered at once.
    await runRound(t, organiser, { eventId: event.id, name: 'Round 1', startsAt: inMinutes(60) });
    await t.app.get(ReminderScheduler).tick();
    await settled(event.id);
    const [toBob] = (await messagesOf(bob.id)).filter((m) => m.kind === 'MEETING_REMINDER');
    const [toAda] = (await messagesOf(ada.id)).filter((m) => m.kind === 'MEETING_REMINDER');
    expect(toBob).toMatchObject({ status: 'HELD', mentioned_ids: [ada.id] });
    expect(toBob.subject).toMatch(/, with Ada Lovelace \(RAG, inference\)$/);
    // Bob shares only his name: not his interests, not his company.
    expect(toAda).toMatchObject({ status: 'HELD', mentioned_ids: [bob.id] });
    expect(toAda.subject).toMatch(/, with Bob Babbage$/);
    expect(`${toAda.body_text}${toAda.body_html}`).not.toMatch(/agents|Secret Difference/);

    // Round 2: Ada and Cy; their reminders stay queued (the sender is stopped) when Ada erases herself.
    await setPresent(organiser, bob.id, false);
    await setPresent(organiser, cy.id, true);
    const sender = t.app.get(MailSender);
    await sender.stop();
    try {
      await runRound(t, organiser, { eventId: event.id, name: 'Round 2', startsAt: inMinutes(75) });
      await t.app.get(ReminderScheduler).tick();
      const queuedForCy = (await messagesOf(cy.id)).filter((m) => m.kind === 'MEETING_REMINDER');
      expect(queuedForCy).toMatchObject([{ status: 'QUEUED' }]);
      expect((await messagesOf(ada.id)).filter((m) => m.status === 'QUEUED')).toHaveLength(1);

      const adaToken = await attendeeToken(t, ada);
      expect(expectData(await t.gql(`mutation { deleteMyData }`, {}, adaToken)).deleteMyData).toBe(true);
    } finally {
      await sender.start();
    }

    // Her own messages, by her id: no address, no text; the one still waiting cancelled.
    const own = await messagesOf(ada.id);
    expect(own.map((m) => m.kind).sort()).toEqual(['INVITATION', 'MEETING_REMINDER', 'MEETING_REMINDER', 'SIGN_IN_LINK']);
    for (const message of own) {
      expect(message).toMatchObject({ to_address: `erased-${ada.id}@erased.invalid`, subject: null, body_text: null, body_html: null, mentioned_ids: [] });
      expect(['HELD', 'CANCELLED']).toContain(message.status);
    }
    expect(own.filter((m) => m.status === 'CANCELLED')).toHaveLength(1);
    // Bob's reminder named her: found by the id it recorded, its text gone.
    expect((await sql(`SELECT subject, body_text, body_html, mentioned_ids FROM mail_outbox WHERE id = $1`, [toBob.id]))[0]).toEqual({
      subject: null,
      body_text: null,
      body_html: null,
      mentioned_ids: [],
    });
    expect(await sql(`SELECT 1 FROM sign_in_links WHERE attendee_id = $1`, [ada.id])).toEqual([]);
    expect(await sql(`SELECT 1 FROM sign_in_requests WHERE email = $1`, [ada.email])).toEqual([]);

    // Cy's reminder of a meeting with her is not sent: nobody is coming, and it would name her.
    await settled(event.id);
    const [toCy] = (await messagesOf(cy.id)).filter((m) => m.kind === 'MEETING_REMINDER');
    expect(toCy).toMatchObject({ status: 'CANCELLED', subject: null, body_text: null, error: 'No partner is left at this meeting' });
    // Later ticks queue nothing for her (and nothing names her).
    await t.app.get(ReminderScheduler).tick();
    await settled(event.id);
    expect(await messagesOf(ada.id)).toHaveLength(own.length);
    expect((await messagesOf(ada.id)).filter((m) => m.status === 'QUEUED')).toEqual([]);
    expect(await mailRowsContaining('Lovelace')).toEqual([]);
    expect(await mailRowsContaining(ada.email)).toEqual([]);
  });

  it('names the table once, in English and in French: "Table 1" for a round without table names, "Table B12" for a code, a named place as it is', async () => {
    for (const [language, tables, place] of [
      ['EN', [], /^Table [12]$/],
      ['FR', [], /^Table [12]$/],
      ['EN', ['B12', 'Speaker corner'], /^(Table B12|Speaker corner)$/],
      ['FR', ['B12', 'Salle Rouge'], /^(Table B12|Salle Rouge)$/],
    ] as const) {
      const event = await createEvent(t, { language, timeZone: 'UTC', startsOn: today(), endsOn: inDays(2) });
      const organiser = (await createOrganiser(t, event.id)).token;
      const people = await Promise.all(['Ada', 'Bob', 'Cy', 'Dee'].map((name) => createAttendee(t, event.id, { name, present: true })));
      await runRound(t, organiser, { eventId: event.id, name: 'Round 1', startsAt: inMinutes(60), tables: [...tables] });
      await t.app.get(ReminderScheduler).tick();
      await settled(event.id);
      for (const person of people) {
        const [reminder] = (await messagesOf(person.id)).filter((m) => m.kind === 'MEETING_REMINDER');
        const subjectPlace = (language === 'EN' ? /^Round 1 at \d\d:\d\d, (.+?), with / : /^Round 1 à \d\d:\d\d, (.+?), avec /).exec(reminder.subject)?.[1];
        const bodyPlace = (language === 'EN' ? /Where: (.+?)\./ : /Lieu : (.+?)\./).exec(reminder.body_text)?.[1];
        expect({ language, tables, subject: reminder.subject, subjectPlace, bodyPlace }).toEqual({ language, tables, subject: reminder.subject, subjectPlace: expect.stringMatching(place), bodyPlace: subjectPlace });
        expect(`${reminder.subject}\n${reminder.body_text}\n${reminder.body_html}`).not.toMatch(/\btables?\s+table\b/i);
      }
    }
  });

  it('an organiser removing an attendee takes their messages and blanks every reminder to others that named them', async () => {
    const { event, organiser, people } = await eventWith({ 'Dee Dahl': { sharedFields: ['name'] }, 'Eve Ellis': { sharedFields: ['name'] } });
    const dee = people['Dee Dahl']!;
    const eve = people['Eve Ellis']!;
    expect(expectData(await t.gql(`mutation ($input: RequestSignInLinkInput!) { requestSignInLink(input: $input) }`, { input: { email: dee.email, eventSlug: event.slug } })).requestSignInLink).toBe(true);
    await runRound(t, organiser, { eventId: event.id, name: 'Round 1', startsAt: inMinutes(60) });
    await t.app.get(ReminderScheduler).tick();
    await settled(event.id);
    const [toEve] = await messagesOf(eve.id);
    expect(toEve).toMatchObject({ kind: 'MEETING_REMINDER', mentioned_ids: [dee.id] });
    expect(toEve.subject).toMatch(/with Dee Dahl$/);

    expect(expectData(await t.gql(`mutation ($id: ID!) { deleteAttendee(id: $id) }`, { id: dee.id }, organiser)).deleteAttendee).toBe(true);
    expect(await messagesOf(dee.id)).toEqual([]);
    expect((await sql(`SELECT subject, body_text, body_html, mentioned_ids FROM mail_outbox WHERE id = $1`, [toEve.id]))[0]).toEqual({
      subject: null,
      body_text: null,
      body_html: null,
      mentioned_ids: [],
    });
    expect(await sql(`SELECT 1 FROM sign_in_requests WHERE email = $1`, [dee.email])).toEqual([]);
    expect(await mailRowsContaining('Dee Dahl')).toEqual([]);
    expect(await mailRowsContaining(dee.email)).toEqual([]);
  });

  it('an attendee who unsubscribed opts back in: the reminders left out or cancelled meanwhile are queued, once', async () => {
    const { event, organiser, people } = await eventWith({ 'Jo Jones': { sharedFields: ['name'] }, 'Kim Kato': { sharedFields: ['name'] } });
    const jo = people['Jo Jones']!;
    const kim = people['Kim Kato']!;
    const joToken = await attendeeToken(t, jo);
    const kimToken = await attendeeToken(t, kim);
    const setOptOut = async (token: string, optOut: boolean) => expectData(await t.gql(`mutation ($o: Boolean!) { setMailOptOut(optOut: $o) { mailOptOut } }`, { o: optOut }, token)).setMailOptOut;
    expect(await setOptOut(joToken, true)).toEqual({ mailOptOut: true });
    expect(await setOptOut(joToken, true)).toEqual({ mailOptOut: true });

    const sender = t.app.get(MailSender);
    await sender.stop();
    try {
      await runRound(t, organiser, { eventId: event.id, name: 'Round 1', startsAt: inMinutes(60) });
      await t.app.get(ReminderScheduler).tick();
      // Jo unsubscribed: nothing queued for her. Kim's is queued, then she unsubscribes before it goes.
      expect(await messagesOf(jo.id)).toEqual([]);
      expect(await messagesOf(kim.id)).toMatchObject([{ kind: 'MEETING_REMINDER', status: 'QUEUED' }]);
      await setOptOut(kimToken, true);
    } finally {
      await sender.start();
    }
    await settled(event.id);
    expect(await messagesOf(kim.id)).toMatchObject([{ status: 'CANCELLED', error: 'The attendee unsubscribed from emails' }]);

    // Both opt back in: Jo's reminder is queued, Kim's cancelled one goes after all; each is rendered once.
    expect(await setOptOut(joToken, false)).toEqual({ mailOptOut: false });
    expect(await setOptOut(kimToken, false)).toEqual({ mailOptOut: false });
    await settled(event.id);
    expect(await messagesOf(jo.id)).toMatchObject([{ kind: 'MEETING_REMINDER', status: 'HELD' }]);
    expect((await messagesOf(jo.id))[0].subject).toMatch(/, with Kim Kato$/);
    expect(await messagesOf(kim.id)).toMatchObject([{ kind: 'MEETING_REMINDER', status: 'HELD', error: expect.stringContaining('PAIRWISE_SMTP_URL') }]);
    // Opting in again, or another tick, adds nothing.
    await setOptOut(joToken, false);
    await t.app.get(ReminderScheduler).tick();
    await settled(event.id);
    expect(await messagesOf(jo.id)).toHaveLength(1);
    expect(await messagesOf(kim.id)).toHaveLength(1);
  });

  /** The real erasure, its commit held until `release` is called: what runs meanwhile meets an erasure in progress. */
  function eraseHeldOpen(attendeeId: string) {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let erased!: () => void;
    const started = new Promise<void>((resolve) => (erased = resolve));
    const done = db().transaction(async (manager) => {
      await t.app.get(AttendeeErasure).erase(manager, attendeeId, new Date());
      erased();
      await gate;
    });
    return { started, release, done };
  }

  it('a reminder being queued while the person is erased waits for the erasure, then leaves them out', async () => {
    const { event, organiser, people } = await eventWith({ 'Fay Fox': {}, 'Gus Grant': {} });
    const fay = people['Fay Fox']!;
    await runRound(t, organiser, { eventId: event.id, name: 'Round 1', startsAt: inMinutes(60) });
    const erasure = eraseHeldOpen(fay.id);
    await erasure.started;
    const tick = t.app.get(ReminderScheduler).tick();
    // The scheduler is now waiting for Fay's row; without that wait it would queue her reminder with her address.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    erasure.release();
    await erasure.done;
    await tick;
    expect(await messagesOf(fay.id)).toEqual([]);
    await settled(event.id);
    const [toGus] = await messagesOf(people['Gus Grant']!.id);
    expect(toGus).toMatchObject({ kind: 'MEETING_REMINDER', status: 'CANCELLED', subject: null });
    expect(await mailRowsContaining(fay.email)).toEqual([]);
    expect(await mailRowsContaining('Fay Fox')).toEqual([]);
  });

  it('a reminder naming someone whose erasure is in progress is not rendered from their old name', async () => {
    const { event, organiser, people } = await eventWith({ 'Hal Hart': {}, 'Ivy Ives': {} });
    const hal = people['Hal Hart']!;
    const ivy = people['Ivy Ives']!;
    const sender = t.app.get(MailSender);
    await sender.stop();
    let erasure: ReturnType<typeof eraseHeldOpen> | undefined;
    try {
      await runRound(t, organiser, { eventId: event.id, name: 'Round 1', startsAt: inMinutes(60) });
      await t.app.get(ReminderScheduler).tick();
      expect(await messagesOf(ivy.id)).toMatchObject([{ kind: 'MEETING_REMINDER', status: 'QUEUED' }]);
      erasure = eraseHeldOpen(hal.id);
      await erasure.started;
    } finally {
      await sender.start();
    }
    // The sender takes Ivy's reminder meanwhile; it must not render it from Hal's row as it was before the erasure.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    erasure.release();
    await erasure.done;
    await settled(event.id);
    expect(await messagesOf(ivy.id)).toMatchObject([{ status: 'CANCELLED', subject: null, body_text: null, error: 'No partner is left at this meeting' }]);
    expect(await mailRowsContaining('Hal Hart')).toEqual([]);
  });
});

describe('office-hour slot reminders over SMTP, from two API apps on one database', () => {
  let smtp: TestSmtpServer;
  let first: TestApp;
  let second: TestApp;

  beforeAll(async () => {
    smtp = await startSmtpServer();
    // Reminders 3 hours ahead: slots in the next hour are reminded of at once.
    const env = { PAIRWISE_SMTP_URL: smtp.url, PAIRWISE_MAIL_RATE: '1000', PAIRWISE_REMINDER_MINUTES: '180' };
    first = await startTestApp(env);
    second = await startTestApp(env, { database: first.database });
  });
  afterAll(async () => {
    await second?.close();
    await first?.close();
    await smtp?.close();
  });

  it('sends the speaker and the attendee of a granted slot one reminder each, whichever process schedules it; none to the standby', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const event = await createEvent(first, {
      timeZone: 'UTC',
      startsOn: today,
      endsOn: new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10),
      vocabulary: [{ slug: 'rag', label: 'RAG' }, { slug: 'compilers', label: 'compilers' }],
    });
    const organiser = (await createOrganiser(first, event.id)).token;
    const speaker = await createAttendee(first, event.id, { name: 'Sam Speaker', interests: ['rag'] });
    const ann = await createAttendee(first, event.id, { name: 'Ann Asker', interests: ['rag'], sharedFields: ['name', 'interests'] });
    const bea = await createAttendee(first, event.id, { name: 'Bea Standby', interests: ['compilers'] });
    const talk = expectData(
      await first.gql(
        `mutation ($input: CreateTalkInput!) { createTalk(input: $input) { id } }`,
        { input: { eventId: event.id, title: 'RAG in production', speakerId: speaker.id, startsAt: new Date(Date.now() + 30 * 60_000).toISOString(), durationMinutes: 20, tags: ['rag'], slotCount: 1, slotMinutes: 10, location: 'Booth 4' } },
        organiser,
      ),
    ).createTalk;
    for (const [who, question] of [[ann, 'How do you evaluate retrieval?'], [bea, 'Any compilers?']] as const) {
      const token = await attendeeToken(first, who);
      expectData(await first.gql(`mutation ($input: RequestSlotInput!) { requestSpeakerSlot(input: $input) { status } }`, { input: { talkId: talk.id, question } }, token));
    }
    // The programme's office hours, allocated and published at once (publishOfficeHours publishes each talk as publishSpeakerSlots does).
    expectData(await first.gql(`mutation ($e: ID!) { allocateOfficeHours(eventId: $e) { slotsGranted } }`, { e: event.id }, organiser));
    const before = smtp.received.length;
    expectData(await first.gql(`mutation ($e: ID!) { publishOfficeHours(eventId: $e) { allocationStatus } }`, { e: event.id }, organiser));

    // Both processes look at once (and their timers keep looking): the slot is scheduled once.
    await Promise.all([first.app.get(ReminderScheduler).tick(), second.app.get(ReminderScheduler).tick()]);
    const received = (await smtp.waitFor(before + 2)).slice(before);
    await Promise.all([first.app.get(ReminderScheduler).tick(), second.app.get(ReminderScheduler).tick()]);
    // Long enough for a second copy to arrive if one had been queued or sent twice.
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    const reminders = smtp.received.slice(before).filter((mail) => mail.subject.startsWith('Office hours at'));
    expect(reminders).toHaveLength(2);
    expect(smtp.received.length).toBe(before + 2);
    expect(received.map((mail) => mail.to).sort()).toEqual([ann.email, speaker.email].sort());
    const toSpeaker = reminders.find((mail) => mail.to === speaker.email)!;
    const toAnn = reminders.find((mail) => mail.to === ann.email)!;
    expect(toSpeaker.subject).toMatch(/^Office hours at \d\d:\d\d, Booth 4, with Ann Asker \(RAG\)$/);
    expect(toSpeaker.text).toContain('“How do you evaluate retrieval?”');
    expect(toAnn.subject).toMatch(/^Office hours at \d\d:\d\d, Booth 4, with Sam Speaker/);
    expect(toAnn.text).toContain('after “RAG in production”');
    const rows = await first.app.get(DataSource).query(`SELECT attendee_id, status FROM mail_outbox WHERE kind = 'SLOT_REMINDER' AND payload->>'talkId' = $1 ORDER BY attendee_id`, [talk.id]);
    expect(rows).toEqual([ann.id, speaker.id].sort().map((id) => ({ attendee_id: id, status: 'SENT' })));
  });

  it('a slot given up after its reminders were queued: the one promoted from standby gets one reminder, whichever process schedules it; the one who withdrew none', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const event = await createEvent(first, { timeZone: 'UTC', startsOn: today, endsOn: new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10), vocabulary: [{ slug: 'rag', label: 'RAG' }] });
    const organiser = (await createOrganiser(first, event.id)).token;
    const speaker = await createAttendee(first, event.id, { name: 'Sid Speaker', interests: ['rag'] });
    const wyn = await createAttendee(first, event.id, { name: 'Wyn Withdraws', interests: ['rag'] });
    const pat = await createAttendee(first, event.id, { name: 'Pat Promoted', interests: ['rag'] });
    // The slot starts in 3 h 10 min: its reminders (3 h ahead) are queued now and due in 10 minutes.
    const startsAt = new Date(Date.now() + 170 * 60_000).toISOString();
    const talk = expectData(
      await first.gql(
        `mutation ($input: CreateTalkInput!) { createTalk(input: $input) { id } }`,
        { input: { eventId: event.id, title: 'Retrieval at scale', speakerId: speaker.id, startsAt, durationMinutes: 20, tags: ['rag'], slotCount: 1, slotMinutes: 10 } },
        organiser,
      ),
    ).createTalk;
    const wynToken = await attendeeToken(first, wyn);
    for (const [token, question] of [[wynToken, 'Which index?'], [await attendeeToken(first, pat), 'Which chunk size?']] as const) {
      expectData(await first.gql(`mutation ($input: RequestSlotInput!) { requestSpeakerSlot(input: $input) { status } }`, { input: { talkId: talk.id, question } }, token));
    }
    expectData(await first.gql(`mutation ($e: ID!) { allocateOfficeHours(eventId: $e) { slotsGranted } }`, { e: event.id }, organiser));
    expectData(await first.gql(`mutation ($e: ID!) { publishOfficeHours(eventId: $e) { allocationStatus } }`, { e: event.id }, organiser));
    const db = first.app.get(DataSource);
    const reminders = (): Promise<{ attendee_id: string; status: string; error: string | null }[]> =>
      db.query(`SELECT attendee_id, status, error FROM mail_outbox WHERE kind = 'SLOT_REMINDER' AND payload->>'talkId' = $1 ORDER BY attendee_id`, [talk.id]);
    await Promise.all([first.app.get(ReminderScheduler).tick(), second.app.get(ReminderScheduler).tick()]);
    expect((await reminders()).map((row) => [row.attendee_id, row.status])).toEqual([wyn.id, speaker.id].sort().map((id) => [id, 'QUEUED']));

    expectData(await first.gql(`mutation ($id: ID!) { withdrawSpeakerSlotRequest(talkId: $id) }`, { id: talk.id }, wynToken));
    await Promise.all([first.app.get(ReminderScheduler).tick(), second.app.get(ReminderScheduler).tick()]);
    await Promise.all([first.app.get(ReminderScheduler).tick(), second.app.get(ReminderScheduler).tick()]);
    expect((await reminders()).map((row) => row.attendee_id)).toEqual([wyn.id, pat.id, speaker.id].sort());

    // The clock reaches the reminders' time: each is sent or cancelled by the real sender.
    const before = smtp.received.length;
    await db.query(`UPDATE mail_outbox SET send_after = now() WHERE kind = 'SLOT_REMINDER' AND payload->>'talkId' = $1`, [talk.id]);
    first.app.get(MailSender).wake();
    const received = (await smtp.waitFor(before + 2)).slice(before);
    // Long enough for a third message to arrive if one had been queued or sent twice.
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    expect(smtp.received.length).toBe(before + 2);
    expect(received.map((mail) => mail.to).sort()).toEqual([pat.email, speaker.email].sort());
    expect(received.find((mail) => mail.to === pat.email)!.subject).toMatch(/^Office hours at \d\d:\d\d, .*with Sid Speaker/);
    expect(received.find((mail) => mail.to === speaker.email)!.text).toContain('“Which chunk size?”');
    expect(await reminders()).toEqual(
      [
        { attendee_id: wyn.id, status: 'CANCELLED', error: 'The slot went to someone else' },
        { attendee_id: pat.id, status: 'SENT', error: null },
        { attendee_id: speaker.id, status: 'SENT', error: null },
      ].sort((a, b) => (a.attendee_id < b.attendee_id ? -1 : 1)),
    );
  });

  /** A published talk of one slot starting in 3 h 10 min held by Wyn, Pat on standby, the reminders queued by both processes. */
  async function slotHeldWithStandby() {
    const today = new Date().toISOString().slice(0, 10);
    const event = await createEvent(first, { timeZone: 'UTC', startsOn: today, endsOn: new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10), vocabulary: [{ slug: 'rag', label: 'RAG' }] });
    const organiser = (await createOrganiser(first, event.id)).token;
    const speaker = await createAttendee(first, event.id, { name: 'Sid Speaker', interests: ['rag'] });
    const wyn = await createAttendee(first, event.id, { name: 'Wyn Returns', interests: ['rag'] });
    const pat = await createAttendee(first, event.id, { name: 'Pat Promoted', interests: ['rag'] });
    const talk = expectData(
      await first.gql(
        `mutation ($input: CreateTalkInput!) { createTalk(input: $input) { id } }`,
        { input: { eventId: event.id, title: 'Retrieval at scale', speakerId: speaker.id, startsAt: new Date(Date.now() + 170 * 60_000).toISOString(), durationMinutes: 20, tags: ['rag'], slotCount: 1, slotMinutes: 10 } },
        organiser,
      ),
    ).createTalk;
    const tokens = { wyn: await attendeeToken(first, wyn), pat: await attendeeToken(first, pat) };
    const ask = async (token: string) =>
      expectData(await first.gql(`mutation ($input: RequestSlotInput!) { requestSpeakerSlot(input: $input) { status } }`, { input: { talkId: talk.id, question: 'Which index?' } }, token));
    const withdraw = async (token: string) => expectData(await first.gql(`mutation ($id: ID!) { withdrawSpeakerSlotRequest(talkId: $id) }`, { id: talk.id }, token));
    await ask(tokens.wyn);
    expectData(await first.gql(`mutation ($e: ID!) { allocateOfficeHours(eventId: $e) { slotsGranted } }`, { e: event.id }, organiser));
    expectData(await first.gql(`mutation ($e: ID!) { publishOfficeHours(eventId: $e) { allocationStatus } }`, { e: event.id }, organiser));
    await ask(tokens.pat);
    const db = first.app.get(DataSource);
    const ticks = () => Promise.all([first.app.get(ReminderScheduler).tick(), second.app.get(ReminderScheduler).tick()]);
    await ticks();
    const reminders = (): Promise<{ attendee_id: string; status: string }[]> =>
      db.query(`SELECT attendee_id, status FROM mail_outbox WHERE kind = 'SLOT_REMINDER' AND payload->>'talkId' = $1 ORDER BY attendee_id`, [talk.id]);
    /** The clock reaches the reminders' time: the real sender sends or cancels each; resolves with the mail that arrived. */
    const sendDue = async (expected: number) => {
      const before = smtp.received.length;
      await db.query(`UPDATE mail_outbox SET send_after = now() WHERE kind = 'SLOT_REMINDER' AND status = 'QUEUED' AND payload->>'talkId' = $1`, [talk.id]);
      first.app.get(MailSender).wake();
      if (expected) await smtp.waitFor(before + expected);
      await until(reminders, (rows) => rows.every((row) => row.status !== 'QUEUED' && row.status !== 'SENDING'));
      // Long enough for one more message to arrive if one had been queued or sent twice.
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      return smtp.received.slice(before);
    };
    return { speaker, wyn, pat, tokens, ask, withdraw, ticks, reminders, sendDue };
  }

  it('promoted back to the very slot they held and were reminded of: no second reminder, to them or to the speaker', async () => {
    const { speaker, wyn, pat, tokens, ask, withdraw, ticks, reminders, sendDue } = await slotHeldWithStandby();
    expect((await sendDue(2)).map((mail) => mail.to).sort()).toEqual([speaker.email, wyn.email].sort());
    // Wyn gives the slot up (Pat takes it), thinks again and queues behind; Pat gives it up: it is Wyn's again.
    await withdraw(tokens.wyn);
    await ask(tokens.wyn);
    await ticks();
    await withdraw(tokens.pat);
    await ticks();
    await ticks();
    expect(await sendDue(0)).toEqual([]);
    expect(await reminders()).toEqual(
      [
        { attendee_id: wyn.id, status: 'SENT' },
        { attendee_id: pat.id, status: 'CANCELLED' },
        { attendee_id: speaker.id, status: 'SENT' },
      ].sort((a, b) => (a.attendee_id < b.attendee_id ? -1 : 1)),
    );
  });

  it('promoted back to a slot whose reminder was cancelled while someone else held it: reminded once, again', async () => {
    const { speaker, wyn, pat, tokens, ask, withdraw, ticks, reminders, sendDue } = await slotHeldWithStandby();
    // Wyn gives the slot up before the reminders are due: Pat and the speaker are reminded, Wyn's is cancelled.
    await withdraw(tokens.wyn);
    await ask(tokens.wyn);
    await ticks();
    expect((await sendDue(2)).map((mail) => mail.to).sort()).toEqual([speaker.email, pat.email].sort());
    expect((await reminders()).find((row) => row.attendee_id === wyn.id)!.status).toBe('CANCELLED');
    // Pat gives it up: it is Wyn's again, and Wyn is reminded of it once.
    await withdraw(tokens.pat);
    await ticks();
    await ticks();
    const received = await sendDue(1);
    expect(received.map((mail) => mail.to)).toEqual([wyn.email]);
    expect(received[0]!.subject).toMatch(/^Office hours at \d\d:\d\d, .*with Sid Speaker/);
    expect((await reminders()).find((row) => row.attendee_id === wyn.id)!.status).toBe('SENT');
  });
});

describe('what is urgent goes first', () => {
  let smtp: TestSmtpServer;
  let t: TestApp;

  beforeAll(async () => {
    smtp = await startSmtpServer();
    // Five messages a second: a run of 40 invitations takes 8 s to go out.
    t = await startTestApp({ PAIRWISE_SMTP_URL: smtp.url, PAIRWISE_MAIL_RATE: '5' });
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.close();
  });

  it('a sign-in link asked for during a run of invitations is sent next, not after the run', async () => {
    const event = await createEvent(t, { name: 'Busy Summit' });
    const ada = await createAttendee(t, event.id, { name: 'Ada Lovelace', email: `ada-${event.slug}@example.com` });
    await t.app.get(DataSource).query(
      `INSERT INTO attendees (event_id, email, name, consent_matchmaking, languages) SELECT $1, 'guest-' || n || '-' || $2 || '@example.com', 'Guest ' || n, true, '{en}' FROM generate_series(1, 39) n`,
      [event.id, event.slug],
    );
    const admin = await t.adminToken();
    expect(expectData(await t.gql(SEND, { input: { eventId: event.id } }, admin)).sendInvitations).toMatchObject({ queued: 40 });
    await smtp.waitFor(1);
    // Ada already has her invitation queued somewhere in the run; she asks for a link now.
    expectData(await t.gql(`mutation ($email: String!, $slug: String!) { requestSignInLink(input: {email: $email, eventSlug: $slug}) }`, { email: ada.email, slug: event.slug }));
    const deadline = Date.now() + 60_000;
    while (!smtp.received.some((mail) => mail.raw.includes('Subject: Your sign-in link')) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 25));
    const position = smtp.received.findIndex((mail) => mail.raw.includes('Subject: Your sign-in link'));
    expect(position).toBeGreaterThan(0);
    // Sent after at most the messages already being sent when it was queued (one per lane), not after the other ~35.
    expect(position).toBeLessThanOrEqual(1 + 2 + 1);
    const invitationsLeft = (await t.app.get(DataSource).query(`SELECT count(*)::int AS n FROM mail_outbox WHERE event_id = $1 AND kind = 'INVITATION' AND status = 'QUEUED'`, [event.id]))[0].n;
    expect(invitationsLeft).toBeGreaterThan(20);
  });
});
