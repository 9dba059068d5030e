import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { Client } from 'pg';
import {
  attendeeToken,
  built,
  createAttendee,
  createEvent,
  createOrganiser,
  expectData,
  runFile,
  startEventApp,
  type AttendeeFixture,
  type OrganiserFixture,
  type TestApp,
} from '@pairwise/testing';

/**
 * Pairing reports on a small event whose every figure is worked out by hand
 * below. Meetings are seeded by SQL (so scores are known); everything else —
 * publishing, no-shows, closing, cancelling, feedback, speaker slots — goes
 * through the real mutations.
 */
const INJECTION = {
  name: `=cmd|' /C calc'!A0`,
  company: '+1+1',
  role: '@SUM(1)',
  minus: '-2',
  tab: '\tTab Co',
  cr: '\rCR role',
};
const cli = path.resolve(__dirname, '../apps/cli/bin/pairwise.js');
built('apps/cli/src/main.js'); // the bin below runs it
const UNICODE = { accents: 'Zoë Ångström', cjk: '李小龍 🐉', company: 'Ünïcødé GmbH', round: 'Round 1 — Café ☕' };

const REPORT = `query ($e: ID!, $r: ID, $first: Int!, $after: String) {
  pairingReport(eventId: $e, roundId: $r, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { cursor node { meetingId roundId roundName table tableNumber startsAt endsAt status score topReasons
      participants { attendeeId name email company role noShow } feedback { responses met meanRating wouldMeetAgain } } }
  }
}`;
const STATS = `query ($e: ID!) { eventStats(eventId: $e) {
  attendeesRegistered attendeesPresent attendeesMatched meetingsScheduled meetingsHeld meetingsNoShow meetingsCancelled
  crossCompanyShare crossRoleShare repeatPairs feedbackResponses feedbackMeanRating wouldMeetAgainShare speakerSlotsRequested speakerSlotsGranted
  rounds { roundId name status meetings pairs meanScore minScore maxScore distribution { from to count } }
} }`;

/**
 * What a spreadsheet shows for an OOXML string: Excel and LibreOffice decode
 * the `_xHHHH_` escapes (how a carriage return survives XML); exceljs's
 * reader leaves them as they are, so the test decodes them the same way.
 */
const fromXstring = (text: string) => text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));

interface SeededMeeting {
  table: number;
  members: string[];
  /** One score per pair, in the order (0,1), (0,2), (1,2). */
  scores: number[];
  interests?: string[];
}

describe('pairing reports and event KPIs', () => {
  let t: TestApp;
  let db: Client;
  let eventId: string;
  let slug: string;
  let organiser: OrganiserFixture;
  let otherOrganiser: OrganiserFixture;
  let attendee: string;
  let people: Record<'ada' | 'inject' | 'minus' | 'cjk' | 'hidden' | 'grace' | 'alan' | 'kate', AttendeeFixture>;
  const rounds: Record<'r1' | 'r2' | 'r3' | 'draft', string> = { r1: '', r2: '', r3: '', draft: '' };
  const meetings: Record<string, string> = {};

  async function seedRound(key: keyof typeof rounds, name: string, startsAt: string, seeded: Record<string, SeededMeeting>): Promise<void> {
    const roundId = randomUUID();
    rounds[key] = roundId;
    await db.query(
      `INSERT INTO rounds (id, event_id, name, starts_at, duration_minutes, tables, status) VALUES ($1, $2, $3, $4, 15, '{T1,T2,T3}', 'GENERATED')`,
      [roundId, eventId, name, startsAt],
    );
    for (const [label, meeting] of Object.entries(seeded)) {
      const id = randomUUID();
      meetings[label] = id;
      const pairs = meeting.members.length === 2 ? [[0, 1]] : [[0, 1], [0, 2], [1, 2]];
      const reasons = pairs.map(([i, j], k) => ({
        a: meeting.members[i!],
        b: meeting.members[j!],
        score: meeting.scores[k],
        sharedInterests: meeting.interests ?? ['rag'],
        aSeeksBOffers: [],
        bSeeksAOffers: [],
        sharedStack: [],
        commonLanguages: ['en'],
        wish: 'none',
        roleMix: null,
        sameCompany: false,
      }));
      const total = meeting.scores.reduce((a, b) => a + b, 0);
      await db.query(
        `INSERT INTO meetings (id, round_id, event_id, table_number, table_label, starts_at, ends_at, score, reasons)
         VALUES ($1, $2, $3, $4, $5, $6::timestamptz, $6::timestamptz + interval '15 minutes', $7, $8::jsonb)`,
        [id, roundId, eventId, meeting.table, `T${meeting.table}`, startsAt, total, JSON.stringify(reasons)],
      );
      for (const member of meeting.members) {
        await db.query(`INSERT INTO meeting_participants (meeting_id, attendee_id, round_id) VALUES ($1, $2, $3)`, [id, member, roundId]);
      }
      for (const [i, j] of pairs) {
        const [low, high] = [meeting.members[i!]!, meeting.members[j!]!].sort();
        await db.query(`INSERT INTO event_pairs (event_id, attendee_low, attendee_high, meeting_id) VALUES ($1, $2, $3, $4)`, [eventId, low, high, id]);
      }
    }
  }

  const gqlAs = (token: string) => (query: string, variables: Record<string, unknown>) => t.gql(query, variables, token);
  const download = (path: string, token?: string) => {
    const call = t.http().get(path).buffer(true).parse((response, callback) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => callback(null, Buffer.concat(chunks)));
    });
    return token ? call.set('authorization', `Bearer ${token}`) : call;
  };

  beforeAll(async () => {
    ({ t, event: { id: eventId, slug }, organiser } = await startEventApp({ event: { timeZone: 'Europe/Paris', name: 'Réseau & Co' } }));
    db = new Client({ connectionString: t.database.url });
    await db.connect();
    const other = await createEvent(t);
    otherOrganiser = await createOrganiser(t, other.id);

    const add = (profile: Record<string, unknown>) => createAttendee(t, eventId, { present: true, interests: ['rag', 'evals'], ...profile });
    people = {
      ada: await add({ name: UNICODE.accents, company: 'Analytical', role: 'researcher' }),
      inject: await add({ name: INJECTION.name, company: INJECTION.company, role: INJECTION.role }),
      minus: await add({ name: INJECTION.minus, company: 'Placeholder', role: 'placeholder' }),
      cjk: await add({ name: UNICODE.cjk, company: UNICODE.company, role: 'engineer' }),
      hidden: await add({ name: 'Hidden Person', company: 'Secret Co', sharedFields: ['role'] }),
      grace: await add({ name: 'Grace Hopper', company: 'ANALYTICAL', role: 'engineer' }),
      // Seated in round 2 while present; checks out once it is published (below).
      alan: await add({ name: 'Alan Turing', company: 'analytical ', role: 'Engineer ', present: true }),
      // A second Grace Hopper, told apart by her id (and her email, which she shares).
      kate: await add({ name: 'Grace Hopper', email: 'grace.nasa@pairwise.test', company: 'NASA', role: 'investor', sharedFields: ['name', 'email', 'company', 'role'] }),
    };
    // Leading tabs and carriage returns do not survive the API's trimming; an old import or a database edit could still hold them.
    await db.query(`UPDATE attendees SET company = $2, role = $3 WHERE id = $1`, [people.minus.id, INJECTION.tab, INJECTION.cr]);
    attendee = await attendeeToken(t, people.kate);

    const { ada, inject, minus, cjk, hidden, grace, alan, kate } = people;
    // Round 1 is over (it is closed below); the others are still to come.
    await seedRound('r1', UNICODE.round, '2026-06-01T08:00:00Z', {
      m1: { table: 1, members: [ada.id, inject.id], scores: [0.8], interests: ['rag', 'evals'] },
      m2: { table: 2, members: [minus.id, cjk.id], scores: [0.5] },
      m3: { table: 3, members: [hidden.id, grace.id], scores: [0.2] },
    });
    await seedRound('r2', 'Round 2', '2030-06-01T09:00:00Z', {
      m4: { table: 1, members: [ada.id, cjk.id, alan.id], scores: [1.0, 0.6, 0.4] },
      m5: { table: 2, members: [inject.id, minus.id], scores: [0.3] },
    });
    await seedRound('r3', 'Round 3 <cancelled> & co', '2030-06-01T10:00:00Z', {
      m7: { table: 1, members: [ada.id, kate.id], scores: [0.7] },
    });
    const admin = await t.adminToken();
    const as = gqlAs(organiser.token);
    expectData(await as(`mutation ($id: ID!) { publishRound(roundId: $id) { status } }`, { id: rounds.r1 }));
    expectData(await as(`mutation ($m: ID!, $a: ID!) { markNoShow(meetingId: $m, attendeeId: $a) }`, { m: meetings.m3, a: hidden.id }));
    expectData(await as(`mutation ($id: ID!) { closeRound(roundId: $id) { status } }`, { id: rounds.r1 }));
    // The no-show released Hidden and Grace's pair: they may meet in round 2 without it being a repeat.
    await seedRoundMeeting('r2', 'm6', { table: 3, members: [hidden.id, grace.id], scores: [0.9] });
    expectData(await as(`mutation ($id: ID!) { publishRound(roundId: $id) { status } }`, { id: rounds.r2 }));
    expectData(await as(`mutation ($input: UpdateAttendeeInput!) { updateAttendee(input: $input) { attendee { present } } }`, { input: { id: alan.id, present: false } }));
    expectData(await as(`mutation ($id: ID!) { publishRound(roundId: $id) { status } }`, { id: rounds.r3 }));
    expectData(await as(`mutation ($id: ID!) { cancelRound(roundId: $id) { status } }`, { id: rounds.r3 }));
    await seedRound('draft', 'Draft round', '2030-06-01T11:00:00Z', { m8: { table: 1, members: [inject.id, cjk.id], scores: [0.1] } });

    const FEEDBACK = `mutation ($input: FeedbackInput!) { submitFeedback(input: $input) { met } }`;
    const tokens = { ada: await attendeeToken(t, ada), inject: await attendeeToken(t, inject), minus: await attendeeToken(t, minus), grace: await attendeeToken(t, grace) };
    expectData(await t.gql(FEEDBACK, { input: { meetingId: meetings.m1, met: true, rating: 5, wouldMeetAgain: true, note: 'private note' } }, tokens.ada));
    expectData(await t.gql(FEEDBACK, { input: { meetingId: meetings.m1, met: true, rating: 4, wouldMeetAgain: false } }, tokens.inject));
    expectData(await t.gql(FEEDBACK, { input: { meetingId: meetings.m2, met: true, rating: 3 } }, tokens.minus));
    expectData(await t.gql(FEEDBACK, { input: { meetingId: meetings.m6, met: false, wouldMeetAgain: false } }, tokens.grace));

    const talk = expectData(
      await t.gql(
        `mutation ($input: CreateTalkInput!) { createTalk(input: $input) { id } }`,
        { input: { eventId, title: 'RAG in production', speakerId: cjk.id, startsAt: '2030-06-01T13:00:00Z', slotCount: 1, slotMinutes: 5 } },
        admin,
      ),
    ).createTalk;
    for (const token of [tokens.ada, tokens.inject, tokens.minus]) {
      expectData(await t.gql(`mutation ($input: RequestSlotInput!) { requestSpeakerSlot(input: $input) { status } }`, { input: { talkId: talk.id, question: 'How?' } }, token));
    }
    expectData(await as(`mutation ($id: ID!) { allocateSpeakerSlots(talkId: $id) { allocationStatus } }`, { id: talk.id }));
    expectData(await as(`mutation ($id: ID!) { publishSpeakerSlots(talkId: $id) { allocationStatus } }`, { id: talk.id }));
  });

  async function seedRoundMeeting(key: keyof typeof rounds, label: string, meeting: SeededMeeting): Promise<void> {
    const id = randomUUID();
    meetings[label] = id;
    const { rows } = await db.query(`SELECT starts_at FROM rounds WHERE id = $1`, [rounds[key]]);
    const reasons = [{ a: meeting.members[0], b: meeting.members[1], score: meeting.scores[0], sharedInterests: ['rag'], wish: 'none' }];
    await db.query(
      `INSERT INTO meetings (id, round_id, event_id, table_number, table_label, starts_at, ends_at, score, reasons)
       VALUES ($1, $2, $3, $4, $5, $6::timestamptz, $6::timestamptz + interval '15 minutes', $7, $8::jsonb)`,
      [id, rounds[key], eventId, meeting.table, `T${meeting.table}`, rows[0].starts_at, meeting.scores[0], JSON.stringify(reasons)],
    );
    for (const member of meeting.members) await db.query(`INSERT INTO meeting_participants (meeting_id, attendee_id, round_id) VALUES ($1, $2, $3)`, [id, member, rounds[key]]);
    const [low, high] = [...meeting.members].sort();
    await db.query(`INSERT INTO event_pairs (event_id, attendee_low, attendee_high, meeting_id) VALUES ($1, $2, $3, $4)`, [eventId, low, high, id]);
  }

  afterAll(async () => {
    await db?.end();
    await t?.close();
  });

  describe('authorisation', () => {
    const paths = () => [`/events/${eventId}/reports/pairings.csv`, `/events/${eventId}/reports/pairings.xlsx`, `/events/${eventId}/reports/scores.svg`];

    it('refuses anonymous callers with 401', async () => {
      for (const path of paths()) {
        const response = await t.http().get(path).expect(401);
        expect(response.body).toMatchObject({ code: 'UNAUTHENTICATED' });
      }
    });

    it('refuses an attendee with 403 and an organiser of another event with 404 (as an unknown event), over HTTP and GraphQL', async () => {
      for (const [token, status, code] of [[otherOrganiser.token, 404, 'NOT_FOUND'], [attendee, 403, 'FORBIDDEN']] as const) {
        for (const path of paths()) {
          const response = await t.http().get(path).set('authorization', `Bearer ${token}`).expect(status);
          expect(response.body).toMatchObject({ code });
        }
        const report = await t.gql(REPORT, { e: eventId, first: 10 }, token);
        expect(report.errors?.[0]?.extensions?.code).toBe(code);
        const stats = await t.gql(STATS, { e: eventId }, token);
        expect(stats.errors?.[0]?.extensions?.code).toBe(code);
      }
      const { rows } = await db.query(`SELECT count(*)::int AS n FROM report_exports`);
      expect(rows[0].n).toBe(0); // refused attempts export nothing
    });

    it('answers 404 for an unknown event or a round of another event, 400 for a malformed id', async () => {
      const admin = await t.adminToken();
      await t.http().get(`/events/${randomUUID()}/reports/pairings.csv`).set('authorization', `Bearer ${admin}`).expect(404);
      await t.http().get(`/events/${eventId}/reports/pairings.csv?round=${randomUUID()}`).set('authorization', `Bearer ${admin}`).expect(404);
      const bad = await t.http().get(`/events/not-an-id/reports/pairings.xlsx`).set('authorization', `Bearer ${admin}`).expect(400);
      expect(bad.body).toMatchObject({ code: 'BAD_USER_INPUT' });
    });
  });

  describe('CSV', () => {
    let csv: string[][];
    let raw: Buffer;

    beforeAll(async () => {
      const response = await download(`/events/${eventId}/reports/pairings.csv`, organiser.token).expect(200);
      expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(response.headers['content-disposition']).toBe(`attachment; filename="pairwise-${slug}-pairings.csv"`);
      raw = response.body as Buffer;
      csv = parse(raw.toString('utf8'), { bom: true });
    });

    it('has a UTF-8 byte-order mark, a header and one row per meeting of the published rounds (the draft left out)', () => {
      expect([...raw.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      expect(csv[0]!.slice(0, 7)).toEqual(['Round', 'Table', 'Start (Europe/Paris)', 'End (Europe/Paris)', 'Status', 'Score', 'Person 1']);
      const body = csv.slice(1);
      expect(body.map((row) => `${row[0]}/${row[1]}/${row[4]}`)).toEqual([
        `${UNICODE.round}/T1/held`,
        `${UNICODE.round}/T2/held`,
        `${UNICODE.round}/T3/no-show`,
        'Round 2/T1/scheduled',
        'Round 2/T2/scheduled',
        'Round 2/T3/scheduled',
        'Round 3 <cancelled> & co/T1/cancelled',
      ]);
      expect(body[0]!.slice(2, 4)).toEqual(['2026-06-01 10:00', '2026-06-01 10:15']); // Paris wall clock (UTC+2 in June)
      expect(body[3]![5]).toBe('2'); // the trio's score: 1.0 + 0.6 + 0.4
    });

    it('neutralises every injection payload with a leading apostrophe', () => {
      const cells = csv.flat();
      for (const payload of [INJECTION.name, INJECTION.company, '@sum(1)', INJECTION.minus, INJECTION.tab, INJECTION.cr]) {
        expect(cells).toContain(`'${payload}`);
        expect(cells).not.toContain(payload);
      }
      for (const cell of cells) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    });

    it('keeps accents, CJK and emoji intact', () => {
      const cells = csv.flat();
      for (const text of [UNICODE.accents, UNICODE.cjk, UNICODE.company, UNICODE.round]) expect(cells).toContain(text);
    });

    it('shows only what each participant shares, and never private feedback notes', () => {
      const text = raw.toString('utf8');
      expect(text).not.toContain('Hidden Person');
      expect(text).not.toContain('Secret Co');
      expect(text).not.toContain('private note');
      const noShowRow = csv.find((row) => row[4] === 'no-show')!;
      const header = csv[0]!;
      const cell = (row: string[], name: string) => row[header.indexOf(name)];
      // Hidden shares only their role (none set): an empty participant, then Grace; Hidden was the no-show.
      const persons = [cell(noShowRow, 'Person 1'), cell(noShowRow, 'Person 2')];
      expect(persons).toEqual(['Grace Hopper', '']);
      expect(cell(noShowRow, 'No-show')).toBe('Person 2');
      // Shared interests are reported only when both share their interests.
      expect(cell(noShowRow, 'Top reasons')).toBe('');
      expect(cell(csv[1]!, 'Top reasons')).toBe('shared interests: rag, evals');
      expect([cell(csv[1]!, 'Feedback answers'), cell(csv[1]!, 'Said they met'), cell(csv[1]!, 'Mean rating'), cell(csv[1]!, 'Would meet again')]).toEqual(['2', '2', '4.5', '1']);
    });

    it('leaves "would meet again" blank when nobody answered it, and 0 only when the answers were no', () => {
      const column = csv[0]!.indexOf('Would meet again');
      const byTable = (round: string, table: string) => csv.find((row) => row[0] === round && row[1] === table)!;
      // m2: one answer, without that question; m4: no answer at all; m6: "no".
      expect(byTable(UNICODE.round, 'T2')[column]).toBe('');
      expect(byTable('Round 2', 'T1')[column]).toBe('');
      expect(byTable('Round 2', 'T3')[column]).toBe('0');
    });

    it('names every participant by attendee id, and by email when they share it: two Grace Hoppers stay apart', () => {
      const header = csv[0]!;
      const cell = (row: string[], name: string) => row[header.indexOf(name)];
      expect(header.slice(6, 11)).toEqual(['Person 1', 'Attendee id 1', 'Email 1', 'Company 1', 'Role 1']);
      expect(header).toEqual(expect.arrayContaining(['Attendee id 3', 'Email 3']));
      const seated = (row: string[]) => [1, 2, 3].map((i) => ({ name: cell(row, `Person ${i}`), id: cell(row, `Attendee id ${i}`), email: cell(row, `Email ${i}`) }));
      const graces = csv.slice(1).flatMap(seated).filter((person) => person.name === 'Grace Hopper');
      expect(graces).toEqual([
        { name: 'Grace Hopper', id: people.grace.id, email: '' },
        { name: 'Grace Hopper', id: people.grace.id, email: '' },
        { name: 'Grace Hopper', id: people.kate.id, email: 'grace.nasa@pairwise.test' },
      ]);
      // Hidden shares neither name nor email: the id still says who sat there.
      const noShowRow = csv.find((row) => row[4] === 'no-show')!;
      expect(seated(noShowRow)[1]).toEqual({ name: '', id: people.hidden.id, email: '' });
      // Nobody else shares an email.
      expect(csv.slice(1).flatMap(seated).map((person) => person.email).filter(Boolean)).toEqual(['grace.nasa@pairwise.test']);
    });

    it('exports one round (drafts too, for review) and names the file after it', async () => {
      const response = await download(`/events/${eventId}/reports/pairings.csv?round=${rounds.draft}`, organiser.token).expect(200);
      expect(response.headers['content-disposition']).toBe(`attachment; filename="pairwise-${slug}-draft-round-pairings.csv"`);
      const rows = parse((response.body as Buffer).toString('utf8'), { bom: true }) as string[][];
      expect(rows).toHaveLength(2);
      expect(rows[1]![4]).toBe('scheduled');
    });
  });

  describe('XLSX', () => {
    let workbook: ExcelJS.Workbook;
    let csv: string[][];

    beforeAll(async () => {
      const response = await download(`/events/${eventId}/reports/pairings.xlsx`, await t.adminToken()).expect(200);
      expect(response.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      expect(response.headers['content-disposition']).toBe(`attachment; filename="pairwise-${slug}-pairings.xlsx"`);
      workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(response.body as any); // exceljs types a Buffer of the older @types/node
      const csvResponse = await download(`/events/${eventId}/reports/pairings.csv`, organiser.token).expect(200);
      csv = parse((csvResponse.body as Buffer).toString('utf8'), { bom: true });
    });

    it('has a summary sheet, then one sheet per published round with a frozen header, widths and a filter', () => {
      expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Summary', UNICODE.round, 'Round 2', 'Round 3 <cancelled> & co']);
      for (const sheet of workbook.worksheets.slice(1)) {
        expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
        expect(sheet.getRow(1).values).toEqual([undefined, ...csv[0]!]);
        expect(sheet.getRow(1).font?.bold).toBe(true);
        expect(sheet.getColumn(1).width).toBeGreaterThan(10);
        expect(sheet.autoFilter).toBeTruthy();
      }
      expect(workbook.worksheets.slice(1).map((sheet) => sheet.rowCount)).toEqual([4, 4, 2]);
    });

    it('matches the CSV cell by cell: numbers as numbers, times as dates, user text as plain strings', () => {
      const rows = workbook.worksheets.slice(1).flatMap((sheet) => sheet.getRows(2, sheet.rowCount - 1) ?? []);
      expect(rows).toHaveLength(csv.length - 1);
      const header = csv[0]!;
      rows.forEach((row, r) => {
        header.forEach((name, c) => {
          const expected = csv[r + 1]![c]!;
          const cell = row.getCell(c + 1);
          if (expected === '') {
            expect(cell.value).toBeNull();
          } else if (name.startsWith('Start') || name.startsWith('End')) {
            expect(cell.type).toBe(ExcelJS.ValueType.Date);
            expect((cell.value as Date).toISOString().slice(0, 16).replace('T', ' ')).toBe(expected);
          } else if (/^-?\d+(\.\d+)?$/.test(expected) && !name.startsWith('Person') && !name.startsWith('Company')) {
            expect(cell.type).toBe(ExcelJS.ValueType.Number);
            expect(cell.value).toBe(Number(expected));
          } else {
            expect(cell.type).toBe(ExcelJS.ValueType.String);
            // The CSV neutralised a leading =, +, -, @, tab or CR with an apostrophe; the XLSX string is the text itself.
            expect(fromXstring(cell.value as string)).toBe(/^'[=+\-@\t\r]/.test(expected) ? expected.slice(1) : expected);
          }
        });
      });
    });

    it('stores every injection payload as a string, never a formula, and keeps Unicode', () => {
      const strings: string[] = [];
      for (const sheet of workbook.worksheets) {
        sheet.eachRow((row) =>
          row.eachCell((cell) => {
            expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
            expect(cell.formula).toBeUndefined();
            if (cell.type === ExcelJS.ValueType.String) strings.push(fromXstring(cell.value as string));
          }),
        );
      }
      for (const text of [INJECTION.name, INJECTION.company, '@sum(1)', INJECTION.minus, INJECTION.tab, INJECTION.cr, UNICODE.accents, UNICODE.cjk, UNICODE.company]) {
        expect(strings).toContain(text);
      }
    });

    it('carries the KPIs and the score distribution on the summary sheet', () => {
      const summary = workbook.getWorksheet('Summary')!;
      const value = (label: string) => {
        let found: ExcelJS.CellValue | undefined;
        summary.eachRow((row) => {
          if (row.getCell(1).value === label) found = row.getCell(2).value;
        });
        return found;
      };
      expect(summary.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(value('Attendees registered')).toBe(8);
      expect(value('Meetings held')).toBe(2);
      expect(value('Repeat pairs (must be 0)')).toBe(0);
      expect(value('Cross-company meetings')).toBeCloseTo(5 / 6);
      expect(value('Speaker slots granted')).toBe(1);
      expect(value(`Score distribution: Round 2`)).toBe('Pairs');
    });
  });

  describe('GraphQL', () => {
    it('pages through the report with the same rows as the files', async () => {
      const seen: any[] = [];
      let after: string | undefined;
      for (;;) {
        const page = expectData(await t.gql(REPORT, { e: eventId, first: 3, after }, organiser.token)).pairingReport;
        expect(page.totalCount).toBe(7);
        seen.push(...page.edges.map((edge: { node: unknown }) => edge.node));
        if (!page.pageInfo.hasNextPage) break;
        after = page.pageInfo.endCursor;
      }
      expect(seen.map((row) => row.meetingId)).toEqual(['m1', 'm2', 'm3', 'm4', 'm5', 'm6', 'm7'].map((label) => meetings[label]));
      const [m1, m2, m3, m4, , m6] = seen;
      expect(m1).toMatchObject({ roundName: UNICODE.round, table: 'T1', status: 'HELD', score: 0.8, startsAt: '2026-06-01T08:00:00.000Z', topReasons: ['shared interests: rag, evals'] });
      expect(m1.feedback).toEqual({ responses: 2, met: 2, meanRating: 4.5, wouldMeetAgain: 1 });
      // Blank, not 0, when nobody answered "would meet again" (m2: an answer without it; m4: none); 0 when they said no (m6).
      expect(m2.feedback).toEqual({ responses: 1, met: 1, meanRating: 3, wouldMeetAgain: null });
      expect(m4.feedback).toEqual({ responses: 0, met: 0, meanRating: null, wouldMeetAgain: null });
      expect(m6.feedback).toMatchObject({ responses: 1, wouldMeetAgain: 0 });
      expect(m3.status).toBe('NO_SHOW');
      expect(m3.participants).toEqual(
        expect.arrayContaining([
          { attendeeId: people.hidden.id, name: null, email: null, company: null, role: null, noShow: true },
          { attendeeId: people.grace.id, name: 'Grace Hopper', email: null, company: 'ANALYTICAL', role: 'engineer', noShow: false },
        ]),
      );
      expect(m4.participants.map((p: { name: string }) => p.name).sort()).toEqual(['Alan Turing', UNICODE.accents, UNICODE.cjk].sort());
      const draft = expectData(await t.gql(REPORT, { e: eventId, r: rounds.draft, first: 10 }, organiser.token)).pairingReport;
      expect(draft.edges.map((edge: { node: { meetingId: string } }) => edge.node.meetingId)).toEqual([meetings.m8]);
      const bad = await t.gql(REPORT, { e: eventId, first: 3, after: 'nonsense' }, organiser.token);
      expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_CURSOR' });
      const big = await t.gql(REPORT, { e: eventId, first: 0 }, organiser.token);
      expect(big.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    });

    it('computes the KPIs of the hand-checked event', async () => {
      const stats = expectData(await t.gql(STATS, { e: eventId }, organiser.token)).eventStats;
      // 8 registered; Alan is absent (yet was seated in round 2). Matched: all but Kate, who was only in the cancelled round.
      expect(stats).toMatchObject({ attendeesRegistered: 8, attendeesPresent: 7, attendeesMatched: 7 });
      // Published rounds 1–3: m1–m6 not cancelled (m1, m2 held; m3 no-show; m4–m6 scheduled), m7 cancelled; the draft does not count.
      expect(stats).toMatchObject({ meetingsScheduled: 6, meetingsHeld: 2, meetingsNoShow: 1, meetingsCancelled: 1 });
      // Companies (case-insensitive): m4 seats Analytical with analytical; the other five mix companies.
      expect(stats.crossCompanyShare).toBeCloseTo(5 / 6);
      // Roles known at m1, m2, m4, m5 (Hidden has none); m4 seats two engineers.
      expect(stats.crossRoleShare).toBeCloseTo(3 / 4);
      // Hidden and Grace sat at m3 and m6, but Hidden did not come to m3.
      expect(stats.repeatPairs).toBe(0);
      // Ratings 5, 4, 3; would meet again: yes, no, no.
      expect(stats).toMatchObject({ feedbackResponses: 4, speakerSlotsRequested: 3, speakerSlotsGranted: 1 });
      expect(stats.feedbackMeanRating).toBeCloseTo(4);
      expect(stats.wouldMeetAgainShare).toBeCloseTo(1 / 3);
      const [r1, r2, r3] = stats.rounds;
      expect(stats.rounds).toHaveLength(3);
      expect(r1).toMatchObject({ name: UNICODE.round, status: 'CLOSED', meetings: 3, pairs: 3, minScore: 0.2, maxScore: 0.8 });
      expect(r1.meanScore).toBeCloseTo(0.5);
      // Round 2: the trio's three pairs (1.0, 0.6, 0.4), then 0.3 and 0.9.
      expect(r2).toMatchObject({ status: 'PUBLISHED', meetings: 3, pairs: 5, minScore: 0.3, maxScore: 1 });
      expect(r2.meanScore).toBeCloseTo(3.2 / 5);
      expect(r3).toMatchObject({ status: 'CANCELLED', meetings: 0, pairs: 0, meanScore: null });
      // Ten buckets from 0.2 to 1.0, shared by the rounds.
      expect(r1.distribution).toHaveLength(10);
      expect(r1.distribution[0]).toMatchObject({ from: 0.2, count: 1 });
      expect(r1.distribution.at(-1)).toMatchObject({ to: 1, count: 0 });
      expect(r2.distribution.at(-1)).toMatchObject({ to: 1, count: 1 });
      expect(r1.distribution.reduce((sum: number, bucket: { count: number }) => sum + bucket.count, 0)).toBe(3);
      expect(r2.distribution.reduce((sum: number, bucket: { count: number }) => sum + bucket.count, 0)).toBe(5);
    });
  });

  it('draws the score distribution as SVG, user text escaped', async () => {
    const response = await download(`/events/${eventId}/reports/scores.svg`, organiser.token).expect(200);
    expect(response.headers['content-type']).toBe('image/svg+xml; charset=utf-8');
    const svg = (response.body as Buffer).toString('utf8');
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg.match(/<g class="round">/g)).toHaveLength(3);
    expect(svg).toContain('Round 3 &lt;cancelled&gt; &amp; co');
    expect(svg).not.toContain('<cancelled>');
    expect(svg).toContain('Réseau &amp; Co');
    expect(svg.match(/<rect x=/g)).toHaveLength(20); // ten bars for each round with scores
  });

  it('records every export: who, when, what, and how it ended', async () => {
    const { rows } = await db.query(
      `SELECT account_id, channel, format, round_id, outcome, rows, request_id, finished_at >= started_at AS ordered FROM report_exports ORDER BY started_at`,
    );
    const adminAccount = (await db.query(`SELECT id FROM accounts WHERE is_admin`)).rows[0].id;
    expect(rows).toEqual([
      { account_id: organiser.accountId, channel: 'http', format: 'csv', round_id: null, outcome: 'COMPLETED', rows: 7, request_id: expect.any(String), ordered: true },
      { account_id: organiser.accountId, channel: 'http', format: 'csv', round_id: rounds.draft, outcome: 'COMPLETED', rows: 1, request_id: expect.any(String), ordered: true },
      { account_id: adminAccount, channel: 'http', format: 'xlsx', round_id: null, outcome: 'COMPLETED', rows: 7, request_id: expect.any(String), ordered: true },
      { account_id: organiser.accountId, channel: 'http', format: 'csv', round_id: null, outcome: 'COMPLETED', rows: 7, request_id: expect.any(String), ordered: true },
    ]);
  });

  it('records a download under the request id of its log lines and response header', async () => {
    const response = await download(`/events/${eventId}/reports/pairings.csv`, organiser.token).set('x-request-id', 'audit-42').expect(200);
    expect(response.headers['x-request-id']).toBe('audit-42');
    // The export is recorded as completed just after its last byte left.
    let rows: { format: string; outcome: string }[] = [];
    for (let attempt = 0; attempt < 40 && rows[0]?.outcome !== 'COMPLETED'; attempt++) {
      if (attempt) await new Promise((resolve) => setTimeout(resolve, 50));
      ({ rows } = await db.query(`SELECT format, outcome FROM report_exports WHERE request_id = 'audit-42'`));
    }
    expect(rows).toEqual([{ format: 'csv', outcome: 'COMPLETED' }]);
  });

  it('exports JSON through the CLI — the same rows as GraphQL, with the KPIs — and says what is wrong in one line', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pairwise-report-'));
    const out = path.join(dir, 'report.json');
    const env = { ...process.env, DATABASE_URL: t.database.url, LOG_LEVEL: 'silent' };
    const { stdout } = await runFile('node', [cli, 'export', '--event', slug, '--format', 'json', '--out', out], { env });
    expect(stdout).toBe(`${out}: 7 meetings of ${slug} as JSON\n`);
    const report = JSON.parse(fs.readFileSync(out, 'utf8'));
    expect(report.event).toMatchObject({ id: eventId, slug, timeZone: 'Europe/Paris' });
    expect(report.stats).toMatchObject({ attendeesRegistered: 8, meetingsHeld: 2, repeatPairs: 0 });
    const graphql = expectData(await t.gql(REPORT, { e: eventId, first: 10 }, organiser.token)).pairingReport.edges.map((edge: { node: unknown }) => edge.node);
    expect(report.rows.map((row: { meetingId: string }) => row.meetingId)).toEqual(graphql.map((row: { meetingId: string }) => row.meetingId));
    expect(report.rows[0]).toMatchObject({ participants: graphql[0].participants, topReasons: graphql[0].topReasons, feedback: graphql[0].feedback, startsAt: graphql[0].startsAt });
    const usage = await runFile('node', [cli, 'export', '--event', slug, '--format', 'pdf', '--out', out], { env }).catch((error) => error);
    expect(usage).toMatchObject({ code: 2, stderr: 'pairwise: --format must be one of csv, xlsx, json, not "pdf"\n' });
    const unknown = await runFile('node', [cli, 'export', '--event', 'no-such-event', '--format', 'csv', '--out', out], { env }).catch((error) => error);
    expect(unknown).toMatchObject({ code: 2, stderr: 'pairwise: Event not found\n' });
    const { rows } = await db.query(`SELECT channel, format, outcome, rows, account_id FROM report_exports WHERE channel = 'cli'`);
    expect(rows).toEqual([{ channel: 'cli', format: 'json', outcome: 'COMPLETED', rows: 7, account_id: null }]);
    fs.rmSync(dir, { recursive: true, force: true });
  }, 180_000);
});
