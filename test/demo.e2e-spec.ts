import path from 'node:path';
import { Client } from 'pg';
import type { DemoReport } from '../apps/cli/src/demo/demo-seeder.service';
import { built, createTestDatabase, expectData, login, runFile, startTestApp, waitForRound, type TestApp, type TestDatabase } from '@pairwise/testing';

// Each case starts the CLI (a Node process with Nest) once or more: seconds on a busy machine.
jest.setTimeout(240_000);

const cli = path.resolve(__dirname, '../apps/cli/bin/pairwise.js');
built('apps/cli/src/main.js'); // the bin below runs it

/** What `--json` prints: the seeder's report through JSON.stringify (its date an ISO string). */
type PrintedReport = Omit<DemoReport, 'organiser'> & { organiser: Omit<DemoReport['organiser'], 'expiresAt'> & { expiresAt: string } };

/** `npx pairwise demo` as a first-time organiser runs it: the built CLI on the API's database, checked through GraphQL. */
describe('npx pairwise demo', () => {
  let database: TestDatabase;
  let t: TestApp;
  let report: PrintedReport;
  let organiserToken: string;
  const demo = (...args: string[]) =>
    runFile('node', [cli, 'demo', ...args], { env: { ...process.env, DATABASE_URL: database.url, LOG_LEVEL: 'silent' } });

  beforeAll(async () => {
    database = await createTestDatabase();
    report = JSON.parse((await demo('--json')).stdout);
    t = await startTestApp({}, { database });
  });
  afterAll(async () => {
    await t?.close();
    await database?.drop();
  });

  it('seeds the default event: 300 consenting attendees, 270 present, a vocabulary, venue, dates and time zone', async () => {
    expect(report).toMatchObject({ event: { slug: 'demo', timeZone: 'Europe/Paris' }, replaced: false, attendees: 300, present: 270 });
    expect(report.wishes).toBeGreaterThan(0);
    expect(report.organiser.email).toBe('organiser@demo.pairwise');
    expect(report.organiser.accessCode).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/);

    const admin = await t.adminToken();
    const event = expectData(
      await t.gql(`{ event(slug: "demo") { id name venue startsOn endsOn timeZone vocabulary { slug label synonyms } organisers { email } } }`, {}, admin),
    ).event;
    expect(event).toMatchObject({ id: report.event.id, venue: report.event.venue, startsOn: report.event.startsOn, organisers: [{ email: 'organiser@demo.pairwise' }] });
    expect(event.vocabulary).toHaveLength(report.vocabulary);
    expect(event.vocabulary).toContainEqual({ slug: 'rag', label: 'RAG', synonyms: ['Retrieval-Augmented Generation'] });
  });

  it('gives the organiser a code that signs them in, and shows them realistic attendees', async () => {
    const { token } = await login(t.gql, { email: report.organiser.email, accessCode: report.organiser.accessCode });
    organiserToken = token;
    const counts = expectData(
      await t.gql(
        `query ($e: ID!) {
          all: attendees(eventId: $e, first: 3) { totalCount edges { node { name email company role interests stack lookingFor canOffer languages consentMatchmaking bio } } }
          present: attendees(eventId: $e, first: 1, filter: {present: true}) { totalCount }
        }`,
        { e: report.event.id },
        token,
      ),
    );
    expect(counts.all.totalCount).toBe(300);
    expect(counts.present.totalCount).toBe(270);
    for (const { node } of counts.all.edges) {
      expect(node).toMatchObject({ consentMatchmaking: true, email: expect.stringMatching(/@demo\.pairwise$/) });
      expect(node.company).not.toMatch(/^company-/);
      expect(node.interests.length).toBeGreaterThanOrEqual(3);
      expect(node.languages.length).toBeGreaterThanOrEqual(2);
    }
  });

  it('maps the synthetic wishes and blocks to the created attendees', async () => {
    const client = new Client({ connectionString: database.url });
    await client.connect();
    try {
      const { rows } = await client.query(
        `SELECT (SELECT count(*) FROM wishes w JOIN attendees a ON a.id = w.attendee_id JOIN attendees b ON b.id = w.target_id
                  WHERE a.event_id = $1 AND b.event_id = $1)::int AS wishes,
                (SELECT count(*) FROM blocks k JOIN attendees a ON a.id = k.attendee_id JOIN attendees b ON b.id = k.target_id
                  WHERE a.event_id = $1 AND b.event_id = $1)::int AS blocks`,
        [report.event.id],
      );
      expect(rows[0]).toEqual({ wishes: report.wishes, blocks: report.blocks });
    } finally {
      await client.end();
    }
  });

  it('is ready for a round: the organiser generates one for the 270 present attendees', async () => {
    const token = organiserToken;
    const round = expectData(
      await t.gql(
        `mutation ($e: ID!, $s: DateTime!) { createRound(input: {eventId: $e, name: "Round 1", startsAt: $s, durationMinutes: 10}) { id status } }`,
        { e: report.event.id, s: `${report.event.endsOn}T09:00:00Z` }, // the demo's second day, mid-morning in Paris
        token,
      ),
    ).createRound;
    expectData(await t.gql(`mutation ($r: ID!) { generateRound(input: {roundId: $r}) { status } }`, { r: round.id }, token));
    expect(await waitForRound(t, round.id, token, 60_000)).toMatchObject({ status: 'GENERATED' });
    const review = expectData(
      await t.gql(`query ($r: ID!) { round(id: $r) { stats { eligible matched pairs trios byes } leftOut { reason } } }`, { r: round.id }, token),
    ).round;
    expect(review.stats).toMatchObject({ eligible: 270, matched: 270, byes: 0 });
    expect(review.stats.pairs + review.stats.trios).toBeGreaterThanOrEqual(90);
    expect(review.leftOut.filter((l: { reason: string }) => l.reason === 'NOT_PRESENT')).toHaveLength(30);
  });

  it('refuses to seed over an existing event: one line on stderr, exit code 2', async () => {
    await expect(demo()).rejects.toMatchObject({
      code: 2,
      stderr: 'pairwise: the event "demo" already exists; pass --reset to delete it and seed it again\n',
    });
  });

  it('refuses bad options with one line and exit code 2, before touching the database', async () => {
    await expect(demo('--attendees', 'lots')).rejects.toMatchObject({ code: 2, stderr: 'pairwise: --attendees must be a whole number from 2 to 10000; got "lots"\n' });
    await expect(demo('--present-share', '1.5')).rejects.toMatchObject({ code: 2, stderr: 'pairwise: --present-share must be a number from 0 to 1; got "1.5"\n' });
    await expect(demo('--event', 'Not A Slug')).rejects.toMatchObject({ code: 2, stderr: expect.stringMatching(/^pairwise: --event must be a slug[^\n]*\n$/) });
  });

  it('--reset deletes the event with everything in it and seeds it again', async () => {
    const again: PrintedReport = JSON.parse((await demo('--reset', '--attendees', '40', '--present-share', '0.5', '--json')).stdout);
    expect(again).toMatchObject({ replaced: true, attendees: 40, present: 20 });
    expect(again.event.id).not.toBe(report.event.id);
    const admin = await t.adminToken();
    const after = expectData(
      await t.gql(`query ($e: ID!) { rounds(eventId: $e) { id } attendees(eventId: $e, first: 1) { totalCount } }`, { e: again.event.id }, admin),
    );
    expect(after).toEqual({ rounds: [], attendees: { totalCount: 40 } });
    const old = await t.gql(`query ($e: ID!) { attendees(eventId: $e, first: 1) { totalCount } }`, { e: report.event.id }, admin);
    expect(old.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });
});
