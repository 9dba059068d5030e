import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { built, createEvent, createOrganiser, expectData, runFile, startTestApp, type TestApp } from '@pairwise/testing';

const IMPORT = `mutation ($eventId: ID!, $csv: String!) {
  importAttendees(eventId: $eventId, csv: $csv) {
    rows created updated unchanged rejected { line email reason } unknownTags ignoredColumns
  }
}`;

const TICKETING_CSV = [
  'Ticket Reference,E-mail,First Name,Last Name,Company Name,Job Title,Interests,Languages,Matchmaking consent',
  'T1,ada@example.com,Ada,Lovelace,Analytical Engines,Research Engineer,"Retrieval-Augmented Generation; inference",English;French,yes',
  'T2,GRACE@example.com,Grace,Hopper,Navy,Engineer,"evals, agents",English,no',
  'T3,not-an-email,Bad,Row,,,,,',
  'T4,ada@example.com,Ada,Again,,,,,',
  'T5,linus@example.com,,,,,,,',
  'T6,ken@example.com,Ken,Thompson,Bell Labs,Engineer,go,English,perhaps',
].join('\n');

describe('attendee import', () => {
  let t: TestApp;
  let eventId: string;
  let slug: string;
  let token: string;

  beforeAll(async () => {
    t = await startTestApp();
    ({ id: eventId, slug } = await createEvent(t, {
      vocabulary: [{ slug: 'rag', label: 'RAG', synonyms: ['Retrieval-Augmented Generation'] }, { label: 'Inference' }, { label: 'Evals' }],
    }));
    token = (await createOrganiser(t, eventId)).token;
  });
  afterAll(() => t?.close());

  it('creates valid rows, reports each rejected line with its reason, and maps ticketing headers', async () => {
    const report = expectData(await t.gql(IMPORT, { eventId, csv: TICKETING_CSV }, token)).importAttendees;
    expect(report).toMatchObject({ rows: 6, created: 2, updated: 0, unchanged: 0, unknownTags: ['agents'], ignoredColumns: ['Ticket Reference'] });
    expect(report.rejected).toEqual([
      { line: 4, email: 'not-an-email', reason: expect.stringContaining('email') },
      { line: 5, email: 'ada@example.com', reason: 'email already on line 2 of this file' },
      { line: 6, email: 'linus@example.com', reason: 'name: a new attendee needs a name' },
      { line: 7, email: 'ken@example.com', reason: expect.stringContaining('consent') },
    ]);
    const listed = expectData(
      await t.gql(
        `query ($eventId: ID!) { attendees(eventId: $eventId, first: 10) { edges { node { email name company role interests languages consentMatchmaking } } } }`,
        { eventId },
        token,
      ),
    ).attendees.edges.map((edge: { node: unknown }) => edge.node);
    expect(listed).toEqual([
      { email: 'ada@example.com', name: 'Ada Lovelace', company: 'Analytical Engines', role: 'research-engineer', interests: ['rag', 'inference'], languages: ['en', 'fr'], consentMatchmaking: true },
      { email: 'grace@example.com', name: 'Grace Hopper', company: 'Navy', role: 'engineer', interests: ['evals', 'agents'], languages: ['en'], consentMatchmaking: false },
    ]);
  });

  it('is idempotent: the same file again changes nothing', async () => {
    const report = expectData(await t.gql(IMPORT, { eventId, csv: TICKETING_CSV }, token)).importAttendees;
    expect(report).toMatchObject({ created: 0, updated: 0, unchanged: 2 });
  });

  it('updates only the rows that changed, and leaves fields of empty cells alone', async () => {
    const csv = ['email,company,interests', 'ada@example.com,Babbage & Co,', 'grace@example.com,Navy,evals;agents'].join('\n');
    const report = expectData(await t.gql(IMPORT, { eventId, csv }, token)).importAttendees;
    expect(report).toMatchObject({ rows: 2, created: 0, updated: 1, unchanged: 1, rejected: [] });
    const ada = expectData(
      await t.gql(`query ($eventId: ID!) { attendees(eventId: $eventId, first: 1) { edges { node { company interests } } } }`, { eventId }, token),
    ).attendees.edges[0].node;
    expect(ada).toEqual({ company: 'Babbage & Co', interests: ['rag', 'inference'] });
  });

  it('previews an import (dryRun): the columns it maps, the same report, and nothing written', async () => {
    const PREVIEW = `mutation ($eventId: ID!, $csv: String!) {
      importAttendees(eventId: $eventId, csv: $csv, dryRun: true) {
        dryRun columns { header field } rows created updated unchanged rejected { line reason } unknownTags ignoredColumns
      }
    }`;
    const count = async () =>
      expectData(await t.gql(`query ($eventId: ID!) { attendees(eventId: $eventId) { totalCount } }`, { eventId }, token)).attendees.totalCount as number;
    const before = await count();
    const csv = ['Badge,Email,First Name,Last Name,Company', '1,zoe@example.com,Zoe,Zed,Acme', '2,ada@example.com,,,Babbage & Co', '3,zoe@example.com,Zoe,Again,'].join('\n');
    const preview = expectData(await t.gql(PREVIEW, { eventId, csv }, token)).importAttendees;
    expect(preview).toEqual({
      dryRun: true,
      columns: [
        { header: 'Badge', field: null },
        { header: 'Email', field: 'email' },
        { header: 'First Name', field: 'firstName' },
        { header: 'Last Name', field: 'lastName' },
        { header: 'Company', field: 'company' },
      ],
      rows: 3,
      created: 1,
      updated: 0,
      unchanged: 1, // Ada's company is already Babbage & Co
      rejected: [{ line: 4, reason: 'email already on line 2 of this file' }],
      unknownTags: [],
      ignoredColumns: ['Badge'],
    });
    expect(await count()).toBe(before);
    // The import itself reports what the preview said.
    const done = expectData(await t.gql(PREVIEW.replace('dryRun: true', 'dryRun: false'), { eventId, csv }, token)).importAttendees;
    expect(done).toEqual({ ...preview, dryRun: false });
    expect(await count()).toBe(before + 1);
  });

  it('refuses a file without an email column, writing nothing', async () => {
    const response = await t.gql(IMPORT, { eventId, csv: 'name,company\nZed,Acme' }, token);
    expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'CSV_NO_EMAIL_COLUMN' });
    expect(response.errors?.[0]?.message).toContain('email column');
  });

  it('reports a row with a NUL character and imports the others (PostgreSQL cannot store NUL)', async () => {
    const csv = ['email,name,company,bio', 'nul-1@example.com,Nul One,Acme,fine', 'nul-2@example.com,Nul Two,Ac\u0000me,', 'nul-3@example.com,Nul Three,,b\u0000io'].join('\n');
    const report = expectData(await t.gql(IMPORT, { eventId, csv }, token)).importAttendees;
    expect(report).toMatchObject({ rows: 3, created: 1 });
    expect(report.rejected).toEqual([
      { line: 3, email: 'nul-2@example.com', reason: 'company: must not contain the NUL character (U+0000)' },
      { line: 4, email: 'nul-3@example.com', reason: 'bio: must not contain the NUL character (U+0000)' },
    ]);
  });

  it('refuses malformed CSV with a clear message', async () => {
    const response = await t.gql(IMPORT, { eventId, csv: 'email,name\n"unterminated@example.com,Ann' }, token);
    expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'CSV_MALFORMED' });
  });

  it('is for organisers of this event only', async () => {
    const other = await createEvent(t);
    const stranger = await createOrganiser(t, other.id);
    const response = await t.gql(IMPORT, { eventId, csv: 'email,name\nx@example.com,X' }, stranger.token);
    expect(response.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  describe('npx pairwise import', () => {
    const cli = path.resolve(__dirname, '../apps/cli/bin/pairwise.js');
    built('apps/cli/src/main.js'); // the bin below runs it
    const env = () => ({ ...process.env, DATABASE_URL: t.database.url, LOG_LEVEL: 'silent' });

    it('imports a file into the event named by slug and prints the report', async () => {
      const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'pairwise-import-')), 'attendees.csv');
      fs.writeFileSync(file, ['Email,Name,Interests', 'new@example.com,Nia New,RAG', 'ada@example.com,Ada Lovelace,'].join('\n'));
      const { stdout } = await runFile('node', [cli, 'import', '--event', slug, '--json', file], { env: env() });
      expect(JSON.parse(stdout)).toMatchObject({ rows: 2, created: 1, updated: 0, unchanged: 1, rejected: [] });
    });

    it('exits with code 2 and one line for an unknown event', async () => {
      const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'pairwise-import-')), 'attendees.csv');
      fs.writeFileSync(file, 'email,name\nx@example.com,X\n');
      await expect(runFile('node', [cli, 'import', '--event', 'no-such-event', file], { env: env() })).rejects.toMatchObject({
        code: 2,
        stderr: 'pairwise: Event not found\n',
      });
    });
  });
});
