import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { built, createEvent, createOrganiser, expectData, runFile, startEventApp, type TestApp } from '@pairwise/testing';

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
    ({ t, event: { id: eventId, slug }, organiser: { token } } = await startEventApp({
      event: { vocabulary: [{ slug: 'rag', label: 'RAG', synonyms: ['Retrieval-Augmented Generation'] }, { label: 'Inference' }, { label: 'Evals' }] },
    }));
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

  it('reads semicolon- and tab-separated files (French and German Excel, "Unicode text"), with yes and no in their languages', async () => {
    const REPORT = `mutation ($eventId: ID!, $csv: String!) { importAttendees(eventId: $eventId, csv: $csv) { delimiter rows created rejected { line reason } } }`;
    const semicolons = ['E-mail;Name;Company;Interests;Matchmaking consent', 'semi@example.com;Hélène Semi;Acme, Inc.;rag, evals;oui', 'kolon@example.com;Jörg Kolon;;;nein'].join('\r\n');
    expect(expectData(await t.gql(REPORT, { eventId, csv: semicolons }, token)).importAttendees).toEqual({ delimiter: ';', rows: 2, created: 2, rejected: [] });
    const tabs = ['\ufeffEmail\tName\tCompany', 'tab@example.com\tTabitha Tab\tTabs, Ltd'].join('\n');
    expect(expectData(await t.gql(REPORT, { eventId, csv: tabs }, token)).importAttendees).toEqual({ delimiter: '\t', rows: 1, created: 1, rejected: [] });
    const people = expectData(
      await t.gql(`query ($eventId: ID!) { attendees(eventId: $eventId, first: 100) { edges { node { email name company interests consentMatchmaking } } } }`, { eventId }, token),
    ).attendees.edges.map((edge: { node: { email: string } }) => edge.node);
    expect(people.filter((p: { email: string }) => ['semi@example.com', 'kolon@example.com', 'tab@example.com'].includes(p.email))).toEqual([
      { email: 'semi@example.com', name: 'Hélène Semi', company: 'Acme, Inc.', interests: ['rag', 'evals'], consentMatchmaking: true },
      { email: 'kolon@example.com', name: 'Jörg Kolon', company: null, interests: [], consentMatchmaking: false },
      { email: 'tab@example.com', name: 'Tabitha Tab', company: 'Tabs, Ltd', interests: [], consentMatchmaking: false },
    ]);
  });

  describe('a file sent as its bytes (csvBase64, what the web app sends)', () => {
    const UPLOAD = `mutation ($eventId: ID!, $csv: String, $csvBase64: String, $dryRun: Boolean!) {
      importAttendees(eventId: $eventId, csv: $csv, csvBase64: $csvBase64, dryRun: $dryRun) { dryRun encoding delimiter rows created columns { header field } rejected { line reason } }
    }`;
    const base64 = (bytes: Buffer) => bytes.toString('base64');
    const nameOf = async (email: string) =>
      expectData(await t.gql(`query ($eventId: ID!, $q: String!) { attendees(eventId: $eventId, first: 5, filter: { search: $q }) { edges { node { email name company } } } }`, { eventId, q: email }, token))
        .attendees.edges.map((edge: { node: unknown }) => edge.node);

    it('reads Excel\'s "Unicode text" (UTF-16 LE with a mark, tabs): previewed, then imported, with the encoding it was read in', async () => {
      const text = ['Email\tName\tCompany', 'utf16@example.com\tÉlodie Ünal\tCafé Ltd'].join('\r\n');
      const bytes = base64(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
      const preview = expectData(await t.gql(UPLOAD, { eventId, csvBase64: bytes, dryRun: true }, token)).importAttendees;
      expect(preview).toEqual({
        dryRun: true,
        encoding: 'utf-16le',
        delimiter: '\t',
        rows: 1,
        created: 1,
        columns: [{ header: 'Email', field: 'email' }, { header: 'Name', field: 'name' }, { header: 'Company', field: 'company' }],
        rejected: [],
      });
      expect(await nameOf('utf16@example.com')).toEqual([]);
      expect(expectData(await t.gql(UPLOAD, { eventId, csvBase64: bytes, dryRun: false }, token)).importAttendees).toEqual({ ...preview, dryRun: false });
      expect(await nameOf('utf16@example.com')).toEqual([{ email: 'utf16@example.com', name: 'Élodie Ünal', company: 'Café Ltd' }]);
    });

    it('reads Windows-1252 with semicolons (French Excel\'s plain "CSV")', async () => {
      // é and è are single bytes; the euro sign is 0x80 in Windows-1252 (Latin-1 has none).
      const bytes = Buffer.concat([Buffer.from('E-mail;Name;Company\r\ncp1252@example.com;Hélène Ducas;Crème ', 'latin1'), Buffer.from([0x80]), Buffer.from(' Co\r\n', 'latin1')]);
      const report = expectData(await t.gql(UPLOAD, { eventId, csvBase64: base64(bytes), dryRun: false }, token)).importAttendees;
      expect(report).toMatchObject({ encoding: 'windows-1252', delimiter: ';', rows: 1, created: 1, rejected: [] });
      expect(await nameOf('cp1252@example.com')).toEqual([{ email: 'cp1252@example.com', name: 'Hélène Ducas', company: 'Crème € Co' }]);
    });

    it('says the text form has no encoding', async () => {
      expect(expectData(await t.gql(UPLOAD, { eventId, csv: 'email,name\ntext@example.com,Text', dryRun: true }, token)).importAttendees).toMatchObject({ encoding: null, created: 1 });
    });

    it('refuses text that is not base64, both forms at once or neither, and a workbook, in words (BAD_USER_INPUT), writing nothing', async () => {
      const cases: [Record<string, unknown>, string, string][] = [
        [{ csvBase64: 'RW1haWwsTmFtZQp4QHkuZnIsWA=!' }, 'CSV_BASE64_INVALID', 'csvBase64'],
        [{ csvBase64: 'RW1haWwsTmFtZQp4QHkuZnIsWA' }, 'CSV_BASE64_INVALID', 'csvBase64'], // unpadded: a truncated upload
        [{ csvBase64: 'RW1h aWws' }, 'CSV_BASE64_INVALID', 'csvBase64'],
        [{ csv: 'email,name\nx@y.fr,X', csvBase64: base64(Buffer.from('email,name\nx@y.fr,X')) }, 'CSV_ONE_SOURCE', 'csvBase64'],
        [{}, 'CSV_ONE_SOURCE', 'csv'],
        [{ csvBase64: base64(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00])) }, 'CSV_IS_WORKBOOK', ''],
        [{ csvBase64: '' }, 'CSV_EMPTY', ''],
      ];
      for (const [variables, reason, field] of cases) {
        const response = await t.gql(UPLOAD, { eventId, dryRun: false, ...variables }, token);
        expect({ variables, data: response.data ?? null, extensions: response.errors?.[0]?.extensions }).toMatchObject({ variables, data: null, extensions: { code: 'BAD_USER_INPUT', reason } });
        if (field) expect(response.errors?.[0]?.extensions?.fields).toEqual([expect.objectContaining({ field })]);
      }
    });

    it('is for organisers of this event only: a stranger learns nothing of the bytes they sent', async () => {
      const stranger = await createOrganiser(t, (await createEvent(t)).id);
      const response = await t.gql(UPLOAD, { eventId, csvBase64: 'not base64!', dryRun: true }, stranger.token);
      expect(response.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    });
  });

  it('says how many imported people can be matched now, and why the others cannot, with the fix', async () => {
    const READINESS = `mutation ($eventId: ID!, $csv: String!) { importAttendees(eventId: $eventId, csv: $csv) { created matchableNow notMatchableNow { reason count fix } } }`;
    const csv = [
      'Email,Name,Matchmaking consent,Checked in',
      'ready-1@example.com,Ready One,yes,yes',
      'ready-2@example.com,Ready Two,yes,yes',
      'away@example.com,Away,yes,no',
      'shy-1@example.com,Shy One,no,yes',
      'shy-2@example.com,Shy Two,,',
      'broken@example.com,Broken,yes,perhaps',
    ].join('\n');
    const report = expectData(await t.gql(READINESS, { eventId, csv }, token)).importAttendees;
    expect(report).toEqual({
      created: 5,
      matchableNow: 2,
      notMatchableNow: [
        { reason: 'NO_CONSENT', count: 2, fix: expect.stringContaining('giveMatchmakingConsent') },
        { reason: 'NOT_PRESENT', count: 1, fix: expect.stringContaining('updateAttendee with present: true') },
      ],
    });
    // The same rule as a round's: the organiser's view of who is checked in agrees.
    const present = expectData(
      await t.gql(`query ($eventId: ID!) { attendees(eventId: $eventId, first: 100, filter: { present: true }) { edges { node { email } } } }`, { eventId }, token),
    ).attendees.edges.map((edge: { node: { email: string } }) => edge.node.email);
    expect(present.sort()).toEqual(['ready-1@example.com', 'ready-2@example.com', 'shy-1@example.com']);
  });

  it('refuses a file with a header and no attendee line, saying so', async () => {
    const response = await t.gql(IMPORT, { eventId, csv: 'Email;Name\r\n\r\n' }, token);
    expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'CSV_NO_ROWS' });
    expect(response.errors?.[0]?.message).toBe('The CSV has a header line (Email, Name) but no attendee line');
  });

  it('refuses malformed CSV with a clear message', async () => {
    const response = await t.gql(IMPORT, { eventId, csv: 'email,name\n"unterminated@example.com,Ann' }, token);
    expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'CSV_MALFORMED' });
  });

  it('is for organisers of this event only', async () => {
    const other = await createEvent(t);
    const stranger = await createOrganiser(t, other.id);
    const response = await t.gql(IMPORT, { eventId, csv: 'email,name\nx@example.com,X' }, stranger.token);
    expect(response.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
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

    const fileWith = (name: string, bytes: Buffer) => {
      const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'pairwise-import-')), name);
      fs.writeFileSync(file, bytes);
      return file;
    };
    const importing = (file: string, ...flags: string[]) => runFile('node', [cli, 'import', '--event', slug, ...flags, file], { env: env() });
    const lines = (...rows: string[]) => rows.join('\r\n') + '\r\n';
    const byEmail = (a: { email: string }, b: { email: string }) => a.email.localeCompare(b.email);

    it('reads Excel\'s "Unicode text": UTF-16 LE with a byte-order mark, tab-separated', async () => {
      const text = lines('E-mail\tFirst Name\tLast Name\tCompany', 'zoe.unal@example.com\tZoë\tÜnal\tBüro Zürich', 'li@example.com\t李\t小龙\t');
      const file = fileWith('attendees.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
      const { stdout } = await importing(file);
      expect(stdout).toContain('(UTF-16 LE, tab-separated)');
      expect(stdout).toContain('2 rows, 2 created, 0 updated, 0 unchanged, 0 rejected');
      expect(stdout).toContain('0 of the 2 imported can be matched in a round now');
      expect(stdout).toContain('2 without consent to matchmaking: Each agrees to matchmaking when they sign in');
      const names = expectData(
        await t.gql(`query ($eventId: ID!) { attendees(eventId: $eventId, first: 100) { edges { node { email name company } } } }`, { eventId }, token),
      ).attendees.edges.map((edge: { node: { email: string } }) => edge.node).filter((p: { email: string }) => ['zoe.unal@example.com', 'li@example.com'].includes(p.email));
      expect(names.sort(byEmail)).toEqual([
        { email: 'li@example.com', name: '李 小龙', company: null },
        { email: 'zoe.unal@example.com', name: 'Zoë Ünal', company: 'Büro Zürich' },
      ]);
    });

    it('reads UTF-16 BE, UTF-8 with a byte-order mark and Windows-1252, semicolon-separated', async () => {
      const text = (email: string) => lines('Email;Name;Company', `${email};Hélène Œuvre;Café “Crème”`);
      const files = [
        ['utf-16be', Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text('be@example.com'), 'utf16le').swap16()])],
        ['utf-8', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text('bom@example.com'), 'utf8')])],
        ['windows-1252', Buffer.from(text('ansi@example.com').replace('Œ', '\u008c').replace('“', '\u0093').replace('”', '\u0094'), 'latin1')],
      ] as const;
      for (const [encoding, bytes] of files) {
        const report = JSON.parse((await importing(fileWith('attendees.csv', bytes), '--json')).stdout);
        expect(report).toMatchObject({ encoding, delimiter: ';', rows: 1, created: 1, rejected: [] });
      }
      const companies = expectData(
        await t.gql(`query ($eventId: ID!) { attendees(eventId: $eventId, first: 100) { edges { node { email name company } } } }`, { eventId }, token),
      ).attendees.edges.map((edge: { node: { email: string } }) => edge.node).filter((p: { email: string }) => /^(be|bom|ansi)@/.test(p.email));
      expect(companies.sort(byEmail)).toEqual(['ansi', 'be', 'bom'].map((who) => ({ email: `${who}@example.com`, name: 'Hélène Œuvre', company: 'Café “Crème”' })));
    });

    it('reports a line with a NUL cell and imports the lines around it', async () => {
      const file = fileWith('attendees.csv', Buffer.from(lines('email,name,bio', 'before@example.com,Before,ok', 'nul@example.com,Nul,b\u0000d', 'after@example.com,After,ok')));
      const report = JSON.parse((await importing(file, '--json')).stdout);
      expect(report).toMatchObject({ rows: 3, created: 2, rejected: [{ line: 3, email: 'nul@example.com', reason: 'bio: must not contain the NUL character (U+0000)' }] });
    });

    it.each([
      ['a header and no attendee line', Buffer.from('\ufeffEmail;Name\r\n'), 'pairwise: The CSV has a header line (Email, Name) but no attendee line\n'],
      ['an empty file', Buffer.alloc(0), 'pairwise: The CSV is empty: it needs a header line and one line per attendee\n'],
      ['an .xlsx workbook', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]), 'pairwise: This is a spreadsheet workbook (.xlsx), not a CSV file: save it as “CSV UTF-8” or “Unicode text” and import that\n'],
      ['no email column', Buffer.from('Name;Company\r\nAda;Acme\r\n'), 'pairwise: The CSV needs an email column; found: Name, Company (read as semicolon-separated)\n'],
    ])('exits with code 2 and the reason for a file with no readable line: %s', async (_, bytes, stderr) => {
      await expect(importing(fileWith('attendees.csv', bytes))).rejects.toMatchObject({ code: 2, stderr });
    });

    it('exits with code 2 after the report when every line was rejected', async () => {
      const file = fileWith('attendees.csv', Buffer.from(lines('email,name', 'not-an-email,A', 'also-not,B')));
      const failure = await importing(file).then(() => null, (error: { code: number; stdout: string; stderr: string }) => error);
      expect(failure).toMatchObject({ code: 2, stderr: 'pairwise: nothing imported: all 2 lines were rejected\n' });
      expect(failure!.stdout).toContain('2 rows, 0 created, 0 updated, 0 unchanged, 2 rejected');
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
