import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { built, createAttendee, createEvent, createOrganiser, expectData, runFile, startTestApp, type TestApp } from '@pairwise/testing';

const IMPORT = `mutation ($eventId: ID!, $file: String, $fileBase64: String, $format: AgendaFormat, $dryRun: Boolean) {
  importAgenda(eventId: $eventId, file: $file, fileBase64: $fileBase64, format: $format, dryRun: $dryRun) {
    dryRun format encoding sessions created updated unchanged
    rejected { where sessionId title reason } skipped { where sessionId title reason }
    unmatchedSpeakers { name email sessions reason } notes unknownTags ignoredCategories ignoredColumns
  }
}`;

const TALKS = `query ($eventId: ID!) { talks(eventId: $eventId) { title startsAt startsAtLocal endsAt room tags speaker { id } } }`;

const SESSIONIZE = fs.readFileSync(path.resolve(__dirname, 'fixtures/agenda/sessionize-all.json'), 'utf8');

describe('agenda import (importAgenda, pairwise agenda import)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t?.close());

  /** A two-day event in Paris (summer time: UTC+2) with a topic vocabulary, its organiser, and the speakers who registered. */
  async function conference() {
    const event = await createEvent(t, {
      startsOn: '2026-06-11',
      endsOn: '2026-06-12',
      vocabulary: [{ slug: 'rag', label: 'RAG', synonyms: ['Retrieval-Augmented Generation'] }, { label: 'Inference' }, { label: 'Agents' }],
    });
    const { token } = await createOrganiser(t, event.id);
    // Ada's attendee name differs from her Sessionize name: she is found by the email she answered there.
    const ada = await createAttendee(t, event.id, { email: 'ada@example.com', name: 'Ada King' });
    // Sessionize has no email for Grace: she is found by her name, written differently.
    const grace = await createAttendee(t, event.id, { email: 'grace.h@example.com', name: 'grace  HOPPER' });
    return { ...event, token, ada, grace };
  }

  const talksOf = async (eventId: string, token: string) => expectData(await t.gql(TALKS, { eventId }, token)).talks as { title: string; startsAt: string; startsAtLocal: string; endsAt: string; room: string | null; tags: string[]; speaker: { id: string } }[];

  it('imports a Sessionize "All data" export: local times on the event clock, rooms, topic tags, speakers by email or name, and a report of the rest', async () => {
    const { id: eventId, token, ada, grace } = await conference();
    const report = expectData(await t.gql(IMPORT, { eventId, file: SESSIONIZE }, token)).importAgenda;
    expect(report).toMatchObject({ dryRun: false, format: 'SESSIONIZE_JSON', sessions: 7, created: 2, updated: 0, unchanged: 0, unknownTags: [], ignoredColumns: [] });
    expect(report.skipped).toEqual([{ where: 'session 160123', sessionId: '160123', title: 'Lunch', reason: expect.stringContaining('service session') }]);
    expect(report.rejected).toEqual([
      { where: 'session 160125', sessionId: '160125', title: 'Fine-tuning on a budget', reason: expect.stringContaining('not scheduled') },
      { where: 'session 160127', sessionId: '160127', title: 'Serving at the edge', reason: expect.stringContaining('2026-02-30 is not a date of the calendar') },
      { where: 'session 160124', sessionId: '160124', title: 'Agents on call', reason: expect.stringContaining('no speaker is an attendee') },
      { where: 'session 160126', sessionId: '160126', title: 'Closing keynote', reason: expect.stringContaining("after the event's last day (2026-06-12") },
    ]);
    expect(report.unmatchedSpeakers).toEqual([
      { name: 'Margaret Hamilton', email: null, sessions: ['160122'], reason: expect.stringContaining('no attendee has this name') },
      { name: 'Linus Pauling', email: 'linus@example.com', sessions: ['160124'], reason: 'no attendee has this email' },
    ]);
    // Sessionize categories mix topics with levels and formats: only vocabulary topics become tags.
    expect(report.ignoredCategories).toEqual(['Intermediate', 'Short talk (20 min)']);

    expect(await talksOf(eventId, token)).toEqual([
      {
        title: 'Speculative decoding in production',
        startsAt: '2026-06-11T07:30:00.000Z',
        startsAtLocal: '2026-06-11T09:30:00+02:00',
        endsAt: '2026-06-11T07:50:00.000Z',
        room: 'Room A',
        tags: ['inference'],
        speaker: { id: ada.id },
      },
      {
        title: 'RAG evals that catch regressions',
        startsAt: '2026-06-11T08:00:00.000Z',
        startsAtLocal: '2026-06-11T10:00:00+02:00',
        endsAt: '2026-06-11T08:20:00.000Z',
        room: 'Room B',
        tags: ['rag'],
        speaker: { id: grace.id },
      },
    ]);
  });

  it('is idempotent: the same file again changes nothing, a changed session is updated in place, never duplicated', async () => {
    const { id: eventId, token } = await conference();
    expectData(await t.gql(IMPORT, { eventId, file: SESSIONIZE }, token));
    const again = expectData(await t.gql(IMPORT, { eventId, file: SESSIONIZE }, token)).importAgenda;
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 2 });

    const moved = JSON.parse(SESSIONIZE) as { sessions: { id: string; title: string; startsAt: string; endsAt: string; roomId: number | null }[] };
    const talk = moved.sessions.find((s) => s.id === '160121')!;
    Object.assign(talk, { title: 'Speculative decoding, in production', startsAt: '2026-06-12T11:00:00', endsAt: '2026-06-12T11:15:00', roomId: 3002 });
    const changed = expectData(await t.gql(IMPORT, { eventId, file: JSON.stringify(moved) }, token)).importAgenda;
    expect(changed).toMatchObject({ created: 0, updated: 1, unchanged: 1 });
    const talks = await talksOf(eventId, token);
    expect(talks).toHaveLength(2);
    expect(talks[1]).toMatchObject({ title: 'Speculative decoding, in production', startsAtLocal: '2026-06-12T11:00:00+02:00', endsAt: '2026-06-12T09:15:00.000Z', room: 'Room B' });
  });

  it('previews an import (dryRun): the same report, and nothing written', async () => {
    const { id: eventId, token } = await conference();
    const preview = expectData(await t.gql(IMPORT, { eventId, file: SESSIONIZE, dryRun: true }, token)).importAgenda;
    expect(preview).toMatchObject({ dryRun: true, created: 2 });
    expect(await talksOf(eventId, token)).toEqual([]);
    const done = expectData(await t.gql(IMPORT, { eventId, file: SESSIONIZE }, token)).importAgenda;
    expect(done).toEqual({ ...preview, dryRun: false });
  });

  it('imports a CSV: times without offset on the event clock (with one: as written), tags through the vocabulary, each bad line with its reason', async () => {
    const { id: eventId, token, ada, grace } = await conference();
    const csv = [
      'Session Id;Title;Starts at;Duration;Room;Speaker email;Speaker;Tags;Notes',
      'T-1;Evals for agents;2026-06-12 09:00;20;Salle Église;ADA@example.com;;Agents, speculative decoding;first',
      'T-2;Retrieval at scale;2026-06-11T16:00:00Z;15;;;Grace Hopper;Retrieval-Augmented Generation;',
      'T-3;Late night;2026-06-11 25:00;20;;ada@example.com;;;',
      'T-4;Nobody speaks;2026-06-11 11:00;20;;nobody@example.com;;;',
      'T-1;Evals again;2026-06-12 10:00;20;;ada@example.com;;;',
      'T-5;Too long;2026-06-11 11:00;300;;ada@example.com;;;',
    ].join('\r\n');
    const report = expectData(await t.gql(IMPORT, { eventId, file: csv, format: 'CSV' }, token)).importAgenda;
    expect(report).toMatchObject({ format: 'CSV', sessions: 6, created: 2, unknownTags: ['speculative-decoding'], ignoredColumns: ['Notes'], ignoredCategories: [] });
    expect(report.rejected).toEqual([
      { where: 'line 4', sessionId: 'T-3', title: 'Late night', reason: expect.stringContaining('25:00 is not a time of day') },
      { where: 'line 5', sessionId: 'T-4', title: 'Nobody speaks', reason: expect.stringContaining('no speaker is an attendee') },
      { where: 'line 6', sessionId: 'T-1', title: 'Evals again', reason: 'the same id as line 2' },
      { where: 'line 7', sessionId: 'T-5', title: 'Too long', reason: expect.stringContaining('lasts 300 minutes') },
    ]);
    expect(await talksOf(eventId, token)).toEqual([
      expect.objectContaining({ title: 'Retrieval at scale', startsAt: '2026-06-11T16:00:00.000Z', room: null, tags: ['rag'], speaker: { id: grace.id } }),
      expect.objectContaining({ title: 'Evals for agents', startsAtLocal: '2026-06-12T09:00:00+02:00', room: 'Salle Église', tags: ['agents', 'speculative-decoding'], speaker: { id: ada.id } }),
    ]);
    // The same session ids from another source are other talks: keys are per source.
    expect(expectData(await t.gql(IMPORT, { eventId, file: csv }, token)).importAgenda).toMatchObject({ created: 0, unchanged: 2 });
  });

  it('refuses files that cannot be an agenda with BAD_USER_INPUT and the reason, writing nothing', async () => {
    const { id: eventId, token } = await conference();
    const cases: [string, string | undefined, string, string][] = [
      ['', undefined, 'AGENDA_EMPTY', 'empty'],
      ['   \n', 'SESSIONIZE_JSON', 'AGENDA_EMPTY', 'empty'],
      ['{"sessions": [', undefined, 'AGENDA_MALFORMED', 'not valid JSON'],
      ['{"speakers": []}', undefined, 'AGENDA_WRONG_SHAPE', '"sessions" array'],
      ['[1, 2]', 'SESSIONIZE_JSON', 'AGENDA_WRONG_SHAPE', '"sessions" array'],
      ['{"sessions": [{"title": "no id"}]}', undefined, 'AGENDA_WRONG_SHAPE', 'sessions[0] needs an id'],
      ['{"sessions": [], "rooms": {}}', undefined, 'AGENDA_WRONG_SHAPE', '"rooms" must be an array'],
      ['{"sessions": []}', undefined, 'AGENDA_EMPTY', 'no session'],
      ['{"sessions": [{"id": "1", "title": "A\\u0000B"}]}', undefined, 'AGENDA_NUL_CHARACTER', 'NUL'],
      ['title,starts at\nX,2026-06-11 10:00', undefined, 'AGENDA_CSV_COLUMNS', 'id, duration (minutes) or ends at, speaker email or speaker'],
      ['id,title,start,duration,speaker\n', 'CSV', 'AGENDA_EMPTY', 'no talk line'],
      ['id,title,start,duration,speaker\n"1,A', 'CSV', 'AGENDA_MALFORMED', 'not valid CSV'],
    ];
    for (const [file, format, reason, message] of cases) {
      const response = await t.gql(IMPORT, { eventId, file, format }, token);
      expect({ file, extensions: response.errors?.[0]?.extensions, data: response.data }).toMatchObject({ file, extensions: { code: 'BAD_USER_INPUT', reason }, data: null });
      expect(response.errors?.[0]?.message).toContain(message);
    }
    // A raw NUL is refused by the schema's text rule, for this argument as for any other.
    const nul = await t.gql(IMPORT, { eventId, file: 'id,title\u0000' }, token);
    expect(nul.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(await talksOf(eventId, token)).toEqual([]);
  });

  it("reads the file's bytes sent in base64 (fileBase64) as pairwise agenda import reads a file: UTF-16 with a mark, Windows-1252", async () => {
    const { id: eventId, token } = await conference();
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(SESSIONIZE, 'utf16le')]).toString('base64');
    const sessionize = expectData(await t.gql(IMPORT, { eventId, fileBase64: utf16 }, token)).importAgenda;
    expect(sessionize).toMatchObject({ format: 'SESSIONIZE_JSON', encoding: 'utf-16le', created: 2 });
    const csv = iconv.encode('Session Id;Title;Start;Duration;Room;Speaker email\r\nS1;Évaluer les agents;2026-06-12 09:00;20;Salle Église;ada@example.com\r\n', 'windows-1252');
    const report = expectData(await t.gql(IMPORT, { eventId, fileBase64: csv.toString('base64') }, token)).importAgenda;
    expect(report).toMatchObject({ format: 'CSV', encoding: 'windows-1252', created: 1 });
    expect((await talksOf(eventId, token)).map((talk) => talk.room)).toContain('Salle Église');

    const refused = async (variables: Record<string, unknown>) => (await t.gql(IMPORT, { eventId, ...variables }, token)).errors?.[0]?.extensions;
    expect(await refused({})).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'AGENDA_ONE_SOURCE', fields: [{ field: 'file' }] });
    expect(await refused({ file: SESSIONIZE, fileBase64: utf16 })).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'AGENDA_ONE_SOURCE', fields: [{ field: 'fileBase64' }] });
    expect(await refused({ fileBase64: 'not base64!' })).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'CSV_BASE64_INVALID', fields: [{ field: 'fileBase64' }] });
    // A NUL byte inside the bytes, which the schema's text rule cannot see through base64.
    expect(await refused({ fileBase64: Buffer.from('id,title,start,duration,speaker\nT-9,A\u0000B,2026-06-11 10:00,20,ada@example.com').toString('base64') })).toMatchObject({ reason: 'AGENDA_NUL_CHARACTER' });
  });

  it('is for organisers of this event only', async () => {
    const { id: eventId } = await conference();
    const other = await createEvent(t);
    const stranger = await createOrganiser(t, other.id);
    const response = await t.gql(IMPORT, { eventId, file: SESSIONIZE }, stranger.token);
    expect(response.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const anonymous = await t.gql(IMPORT, { eventId, file: SESSIONIZE });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  describe('npx pairwise agenda import', () => {
    const cli = path.resolve(__dirname, '../apps/cli/bin/pairwise.js');
    built('apps/cli/src/main.js'); // the bin below runs it
    const env = () => ({ ...process.env, DATABASE_URL: t.database.url, LOG_LEVEL: 'silent' });
    const fileWith = (name: string, bytes: Buffer | string) => {
      const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'pairwise-agenda-')), name);
      fs.writeFileSync(file, bytes);
      return file;
    };

    it('imports a Sessionize export into the event named by slug, prints the report, and changes nothing the second time', async () => {
      const { id: eventId, slug, token } = await conference();
      const file = fileWith('sessionize.json', SESSIONIZE);
      const preview = await runFile('node', [cli, 'agenda', 'import', '--event', slug, '--dry-run', file], { env: env() });
      expect(preview.stdout).toContain('(dry run: nothing written): 7 sessions, 2 created, 0 updated, 0 unchanged, 4 rejected, 1 not talks');
      expect(await talksOf(eventId, token)).toEqual([]);
      const first = await runFile('node', [cli, 'agenda', 'import', '--event', slug, '--json', file], { env: env() });
      expect(JSON.parse(first.stdout)).toMatchObject({ created: 2, updated: 0, unchanged: 0 });
      const second = await runFile('node', [cli, 'agenda', 'import', '--event', slug, file], { env: env() });
      expect(second.stdout).toContain('0 created, 0 updated, 2 unchanged');
      expect(second.stdout).toContain('Margaret Hamilton: no attendee has this name');
      expect(await talksOf(eventId, token)).toHaveLength(2);
    });

    it('reads a Windows-1252, semicolon-separated CSV as the attendee import does', async () => {
      const { id: eventId, slug, token } = await conference();
      const csv = 'Session Id;Title;Start;Duration;Room;Speaker email\r\nS1;Évaluer les agents;2026-06-12 09:00;20;Salle Église;ada@example.com\r\n';
      const file = fileWith('agenda.csv', iconv.encode(csv, 'windows-1252'));
      const { stdout } = await runFile('node', [cli, 'agenda', 'import', '--event', slug, '--json', file], { env: env() });
      expect(JSON.parse(stdout)).toMatchObject({ format: 'CSV', created: 1 });
      expect(await talksOf(eventId, token)).toEqual([expect.objectContaining({ title: 'Évaluer les agents', room: 'Salle Église', startsAtLocal: '2026-06-12T09:00:00+02:00' })]);
    });

    it('exits with code 2 and the reason for a file that is no agenda, or an unknown event', async () => {
      const { slug } = await conference();
      const failure = (args: string[]) => runFile('node', [cli, 'agenda', 'import', ...args], { env: env() }).then(() => null, (error: { code: number; stderr: string }) => error);
      expect(await failure(['--event', slug, fileWith('agenda.json', '{"talks": []}')])).toMatchObject({ code: 2, stderr: expect.stringContaining('not a Sessionize "All data" export') });
      expect(await failure(['--event', 'no-such-event', fileWith('sessionize.json', SESSIONIZE)])).toMatchObject({ code: 2, stderr: 'pairwise: Event not found\n' });
      expect(await failure(['--event', slug, '--format', 'xml', fileWith('a.json', SESSIONIZE)])).toMatchObject({ code: 2, stderr: expect.stringContaining('--format must be sessionize or csv') });
    });
  });
});
