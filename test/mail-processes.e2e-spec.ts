import { randomBytes } from 'node:crypto';
import type { Client } from 'pg';
import { closeLater, connectClient, createTestDatabase, expectData, remoteApi, startApiProcess, startSmtpServer, type RunningApi, type TestDatabase, type TestSmtpServer } from '@pairwise/testing';

// Real API processes (the built server), a real SMTP server, thousands of messages: a minute or two on a busy machine.
jest.setTimeout(900_000);

/** Both tests: four sending lanes per process (the machine, not the lanes, bounds a loaded run). */
const LANES = 4;

const ADMIN = { email: 'mail-admin@pairwise.test', password: 'mail-admin-password' };

type Api = RunningApi;

/** The data of a GraphQL call to `api`; throws with the errors when it failed. */
const gql = async <T = Record<string, any>>(api: Api, query: string, variables: Record<string, unknown> = {}, token?: string): Promise<T> =>
  expectData(await remoteApi(api.url).gql<T>(query, variables, token));

async function until(check: () => Promise<boolean> | boolean, what: string, timeoutMs = 600_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastReport = Date.now();
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    if (Date.now() - lastReport > 10_000) {
      lastReport = Date.now();
      process.stdout.write(`still waiting for ${what}\n`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('mail across real API processes', () => {
  let database: TestDatabase;
  let smtp: TestSmtpServer;
  let sql: Client;
  const secret = randomBytes(32).toString('hex');

  beforeAll(async () => {
    database = await createTestDatabase();
    smtp = await startSmtpServer();
    closeLater(() => smtp.close());
    sql = await connectClient(database.url);
  });

  const startApi = (env: Record<string, string> = {}, mail: TestSmtpServer = smtp): Promise<Api> =>
    startApiProcess({
      databaseUrl: database.url,
      secret,
      admin: ADMIN,
      env: {
        PAIRWISE_RATE_LIMIT_PER_MINUTE: '1000000',
        PAIRWISE_SMTP_URL: mail.url,
        PAIRWISE_MAIL_FROM: 'Summit <hello@summit.test>',
        PAIRWISE_MAIL_CONNECTIONS: String(LANES),
        ...env,
      },
    });

  const adminToken = (api: Api) => remoteApi(api.url, ADMIN).adminToken();

  it('kill -9 half-way through 2,000 invitations, restart: every attendee has one message, none lost', async () => {
    // Its own server, keeping only each message's recipient and Message-ID: parsing 2,000 messages in this
    // process took as much of the machine as the API's sending.
    const counting = await startSmtpServer({ parse: false });
    closeLater(() => counting.close());
    const api = await startApi({ PAIRWISE_MAIL_RATE: '400' }, counting);
    const token = await adminToken(api);
    const { createEvent } = await gql(api, `mutation { createEvent(input: {slug: "crash-summit", name: "Crash Summit"}) { id } }`, {}, token);
    // 2,000 attendees in one statement: the subject is the sending, not the API's import.
    await sql.query(
      `INSERT INTO attendees (event_id, email, name, consent_matchmaking) SELECT $1, 'guest-' || n || '@crash.test', 'Guest ' || n, true FROM generate_series(1, 2000) n`,
      [createEvent.id],
    );
    const before = counting.received.length;
    const { sendInvitations } = await gql(api, `mutation ($e: ID!) { sendInvitations(input: {eventId: $e}) { queued } }`, { e: createEvent.id }, token);
    expect(sendInvitations.queued).toBe(2000);

    await until(() => counting.received.length - before >= 1000, 'half of the invitations');
    await api.process.kill();
    const atKill = counting.received.length - before;
    expect(atKill).toBeLessThan(2000);

    const restarted = await startApi({ PAIRWISE_MAIL_RATE: '400' }, counting);
    await until(
      async () => (await sql.query(`SELECT count(*)::int AS n FROM mail_outbox WHERE event_id = $1 AND status = 'SENT'`, [createEvent.id])).rows[0].n === 2000,
      'every invitation marked sent',
    );
    await counting.waitFor(before + 2000);
    await new Promise((resolve) => setTimeout(resolve, 500));
    const received = counting.received.slice(before);
    const byRecipient = new Map<string, Set<string>>();
    for (const mail of received) byRecipient.set(mail.to, (byRecipient.get(mail.to) ?? new Set()).add(mail.messageId));
    // Everyone got their invitation, and every copy of a person's invitation is the same message.
    expect(byRecipient.size).toBe(2000);
    expect([...byRecipient.values()].every((ids) => ids.size === 1)).toBe(true);
    // A second copy only for a message the SMTP server had accepted when the process died, before its
    // COMMIT: at most one per sending lane (PAIRWISE_MAIL_CONNECTIONS).
    const duplicates = received.length - 2000;
    process.stdout.write(`kill -9 after ${atKill} of 2000 received; ${duplicates} sent twice\n`);
    expect(duplicates).toBeLessThanOrEqual(LANES);
    await restarted.process.kill();
  });

  it('two API processes, published rounds: each reminder and sit-out notice is received once; none for a round cancelled before its time', async () => {
    // Reminders 30 minutes ahead: a round published for 20 minutes from now is reminded of at once, so the
    // test does not wait for a clock. The schedulers of both processes tick every 5 s.
    const LEAD_MS = 30 * 60_000;
    const env = { PAIRWISE_MAIL_RATE: '200', PAIRWISE_REMINDER_MINUTES: String(LEAD_MS / 60_000) };
    const [first, second] = await Promise.all([startApi(env), startApi(env)]);
    const token = await adminToken(first);
    const { createEvent: event } = await gql(first, `mutation { createEvent(input: {slug: "remind-summit", name: "Remind Summit", timeZone: "Europe/Paris", oddPolicy: BYE}) { id } }`, {}, token);
    const people = ['Ada Lovelace', 'Grace Hopper', 'Alan Turing', 'Katherine Johnson', 'Edsger Dijkstra'];
    const emails: string[] = [];
    for (const [index, name] of people.entries()) {
      const email = `p${index}-${randomBytes(3).toString('hex')}@remind.test`;
      emails.push(email);
      await gql(
        first,
        `mutation ($input: CreateAttendeeInput!) { createAttendee(input: $input) { attendee { id } } }`,
        { input: { eventId: event.id, email, name, interests: ['rag', 'inference'], languages: ['en'], consentMatchmaking: true, present: true } },
        token,
      );
    }
    const generatedRound = async (name: string, startsAt: Date) => {
      const { createRound } = await gql(first, `mutation ($input: CreateRoundInput!) { createRound(input: $input) { id } }`, { input: { eventId: event.id, name, startsAt: startsAt.toISOString(), durationMinutes: 10, tables: ['B12', 'B13'] } }, token);
      await gql(first, `mutation ($r: ID!) { generateRound(input: {roundId: $r}) { status } }`, { r: createRound.id }, token);
      await until(async () => (await gql(first, `query ($r: ID!) { round(id: $r) { status } }`, { r: createRound.id }, token)).round.status === 'GENERATED', 'generation');
      return createRound.id as string;
    };
    const reminderRows = async (roundId: string) =>
      (await sql.query<{ status: string; error: string | null }>(`SELECT status, error FROM mail_outbox WHERE kind = 'MEETING_REMINDER' AND payload->>'roundId' = $1`, [roundId])).rows;

    // Round 3, in 20 minutes: its reminders are due as soon as it is published (through the other process).
    const keptStartsAt = new Date(Date.now() + 20 * 60_000);
    const kept = await generatedRound('Round 3', keptStartsAt);
    const before = smtp.received.length;
    await gql(second, `mutation ($r: ID!) { publishRound(roundId: $r) { status } }`, { r: kept }, token);

    // Round 4's reminders fall due 10 minutes after it is created: published, its reminders queued (seen in the
    // outbox), then cancelled long before they are due, however slow the machine. Then their time comes (the
    // outbox's clock moved, not the test's): the sender finds the round cancelled.
    const doomed = await generatedRound('Round 4', new Date(Date.now() + 10 * 60_000 + LEAD_MS));
    await gql(second, `mutation ($r: ID!) { publishRound(roundId: $r) { status } }`, { r: doomed }, token);
    await until(async () => (await reminderRows(doomed)).length === 4, 'the reminders of Round 4 queued');
    await gql(first, `mutation ($r: ID!) { cancelRound(roundId: $r) { status } }`, { r: doomed }, token);
    // All four still waiting when the cancellation committed (one being sent would have held the round's row,
    // so the cancellation would have waited for it and it would read SENT here): what follows is the proof.
    expect((await reminderRows(doomed)).map((row) => row.status)).toEqual(['QUEUED', 'QUEUED', 'QUEUED', 'QUEUED']);

    // Round 3: 4 reminders (two pairs) and one sit-out notice (five people, BYE policy), each once.
    await until(() => smtp.received.slice(before).filter((mail) => /^(Round 3 at|No table for you in Round 3)/.test(mail.subject)).length >= 5, 'the reminders of Round 3');
    // Round 4's reminders: due now, and cancelled by whichever process takes them.
    await sql.query(`UPDATE mail_outbox SET send_after = now() WHERE kind = 'MEETING_REMINDER' AND payload->>'roundId' = $1`, [doomed]);
    await until(async () => (await reminderRows(doomed)).every((row) => row.status !== 'QUEUED'), 'the reminders of Round 4 to fall due');
    expect(await reminderRows(doomed)).toEqual(Array.from({ length: 4 }, () => ({ status: 'CANCELLED', error: 'The round is cancelled' })));
    // A moment for any second copy (from the other process) to arrive.
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    const received = smtp.received.slice(before);
    const reminders = received.filter((mail) => mail.subject.startsWith('Round 3 at'));
    const notices = received.filter((mail) => mail.subject.startsWith('No table for you in Round 3'));
    expect(reminders).toHaveLength(4);
    expect(new Set(reminders.map((mail) => mail.to)).size).toBe(4);
    expect(notices).toHaveLength(1);
    expect(received.filter((mail) => mail.subject.startsWith('Round 4 at'))).toEqual([]);
    // "Round 3 at 14:20, Table B12, with Ada Lovelace (rag, inference)": Paris time, the partner as shared.
    const wallClock = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Paris', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(keptStartsAt);
    for (const mail of reminders) {
      expect(mail.subject).toMatch(new RegExp(`^Round 3 at ${wallClock}, Table B1[23], with (${people.join('|')}) \\(rag, inference\\)$`));
      expect(mail.subject).not.toContain(people[emails.indexOf(mail.to)]!);
    }
    expect((await reminderRows(kept)).map((row) => row.status)).toEqual(['SENT', 'SENT', 'SENT', 'SENT']);
    await Promise.all([first.process.kill(), second.process.kill()]);
  });
});
