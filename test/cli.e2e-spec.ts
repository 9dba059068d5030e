import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DataSource } from 'typeorm';
import { MailSender } from '../apps/api/src/mail/mail-sender';
import {
  built,
  createAttendee,
  createEvent,
  expectData,
  runFile,
  runRound,
  startEventApp,
  startSmtpServer,
  startTestApp,
  type EventFixture,
  type TestApp,
  type TestSmtpServer,
} from '@pairwise/testing';

const cli = path.resolve(__dirname, '../apps/cli/bin/pairwise.js');
built('apps/cli/src/main.js'); // the bin runs it

/** Runs the built CLI; resolves with its exit code and output whatever the code. */
async function pairwise(args: string[], env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await runFile(process.execPath, [cli, ...args], { env: { ...process.env, LOG_LEVEL: 'silent', ...env } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const { code, stdout, stderr } = error as { code: number; stdout: string; stderr: string };
    return { code, stdout, stderr };
  }
}

describe('the built pairwise binary', () => {
  let dir: string;
  const write = (name: string, content: unknown) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, JSON.stringify(content));
    return file;
  };
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pairwise-cli-'));
  });
  afterAll(() => dir && fs.rmSync(dir, { recursive: true, force: true }));

  it('prints only the JSON result on stdout, and usage errors as one stderr line with exit code 2', async () => {
    const ok = await pairwise(['match', '--edges', write('g.json', { n: 4, edges: [[0, 1, 5], [1, 2, 11], [2, 3, 5]] }), '--max-cardinality']);
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout)).toEqual({ mate: [1, 0, 3, 2], weight: 10 });
    expect(ok.stderr).toBe('');

    const failed = await pairwise(['match', '--edges', write('b.json', { n: 2, edges: [[0, 5, 1]] })]);
    expect(failed.code).toBe(2);
    expect(failed.stdout).toBe('');
    expect(failed.stderr.trim().split('\n')).toHaveLength(1);
    expect(failed.stderr).toContain('edges[0][1]: vertex 5 is out of range 0..1');
  });
});

describe('pairwise starts fast: a command loads what it needs when it runs', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pairwise-cli-load-'));
    // Preloaded into the CLI's process: writes the files Node loaded, when the process exits.
    fs.writeFileSync(
      path.join(dir, 'record-loaded.js'),
      `process.on('exit', () => require('node:fs').writeFileSync(process.env.RECORD_LOADED, JSON.stringify(Object.keys(require.cache))));\n`,
    );
  });
  afterAll(() => dir && fs.rmSync(dir, { recursive: true, force: true }));

  /** Runs the CLI; returns its answer and the module files its process loaded. */
  async function loading(args: string[]): Promise<{ code: number; stdout: string; loaded: string[] }> {
    const record = path.join(dir, `loaded-${args[0]}.json`);
    let result: { code: number; stdout: string };
    try {
      const { stdout } = await runFile(process.execPath, ['-r', path.join(dir, 'record-loaded.js'), cli, ...args], { env: { ...process.env, RECORD_LOADED: record } });
      result = { code: 0, stdout };
    } catch (error) {
      result = error as { code: number; stdout: string };
    }
    return { ...result, loaded: JSON.parse(fs.readFileSync(record, 'utf8')) as string[] };
  }
  const api = /\/node_modules\/(@nestjs|typeorm|pg|@apollo|fastify|exceljs)\/|\/apps\/api\/src\/(?!public-api\.js|common\/build-pin|reports\/report-format)/;

  it('--help lists every command (rounds included) without loading the API or the matching library', async () => {
    const help = await loading(['--help']);
    expect(help.code).toBe(0);
    for (const command of ['import', 'demo', 'rounds', 'export', 'invite', 'match', 'score', 'plan']) expect(help.stdout).toMatch(new RegExp(`^  ${command}\\b`, 'm'));
    expect(help.loaded.filter((file) => api.test(file))).toEqual([]);
    expect(help.loaded.filter((file) => /libs\/matching|node_modules\/(zod|ml-matrix)\//.test(file))).toEqual([]);
  });

  it('plan loads the matching library, and not the API', async () => {
    const profiles = path.join(dir, 'people.json');
    fs.writeFileSync(profiles, JSON.stringify([{ id: 'a', interests: ['rag'] }, { id: 'b', interests: ['rag'] }]));
    const plan = await loading(['plan', '--profiles', profiles]);
    expect(plan.code).toBe(0);
    expect(JSON.parse(plan.stdout).rounds[0].meetings).toHaveLength(1);
    expect(plan.loaded.some((file) => file.includes('/libs/matching/src/'))).toBe(true);
    expect(plan.loaded.filter((file) => api.test(file))).toEqual([]);
  });

  it('--version prints the version of package.json', async () => {
    const { version } = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../package.json'), 'utf8')) as { version: string };
    for (const flag of ['--version', '-V']) {
      const answer = await pairwise([flag]);
      expect(answer).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
    }
  });
});

describe('pairwise rounds, and export --round by name', () => {
  let t: TestApp;
  let slug: string;
  let eventId: string;
  let env: Record<string, string>;
  const ids: Record<string, string> = {};
  let dir: string;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pairwise-cli-rounds-'));
    let event: EventFixture;
    let organiser: string;
    ({ t, event, organiser: { token: organiser } } = await startEventApp({ event: { timeZone: 'Europe/Paris' } }));
    slug = event.slug;
    eventId = event.id;
    for (const name of ['Ada', 'Grace', 'Alan', 'Linus']) await createAttendee(t, event.id, { name, present: true });
    ids.morning = await runRound(t, organiser, { eventId: event.id, name: 'Morning coffee', startsAt: '2030-06-01T08:00:00Z' });
    const create = async (name: string, startsAt: string) =>
      expectData(await t.gql(`mutation ($input: CreateRoundInput!) { createRound(input: $input) { id } }`, { input: { eventId: event.id, name, startsAt } }, organiser)).createRound.id as string;
    ids.lunchA = await create('Lunch', '2030-06-01T11:00:00Z');
    ids.lunchB = await create('Lunch', '2030-06-01T12:00:00Z');
    env = { DATABASE_URL: t.database.url };
  });
  afterAll(async () => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
    await t?.close();
  });

  it('lists the rounds of an event in time order: id, status, start on the venue clock, name', async () => {
    const listed = await pairwise(['rounds', '--event', slug], env);
    expect(listed).toMatchObject({ code: 0, stderr: '' });
    const lines = listed.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^ID +STATUS +STARTS \(Europe\/Paris\) +NAME$/);
    expect(lines.slice(1).map((line) => line.split(/ {2,}/))).toEqual([
      [ids.morning, 'PUBLISHED', '2030-06-01 10:00', 'Morning coffee'],
      [ids.lunchA, 'DRAFT', '2030-06-01 13:00', 'Lunch'],
      [ids.lunchB, 'DRAFT', '2030-06-01 14:00', 'Lunch'],
    ]);
    const json = await pairwise(['rounds', '--event', slug, '--json'], env);
    expect(JSON.parse(json.stdout)[0]).toEqual({
      id: ids.morning,
      name: 'Morning coffee',
      status: 'PUBLISHED',
      startsAt: '2030-06-01T08:00:00.000Z',
      startsAtLocal: '2030-06-01T10:00:00+02:00',
    });
    expect(await pairwise(['rounds', '--event', 'no-such-event'], env)).toMatchObject({ code: 2, stdout: '', stderr: 'pairwise: Event not found\n' });
    expect(await pairwise(['rounds'], env)).toMatchObject({ code: 2, stdout: '' });
  });

  it('exports a round given by its name or its id; an ambiguous or unknown name exits 2 saying why', async () => {
    const out = path.join(dir, 'morning.csv');
    const byName = await pairwise(['export', '--event', slug, '--round', 'Morning coffee', '--format', 'csv', '--out', out], env);
    expect(byName).toEqual({ code: 0, stdout: `${out}: 2 meetings of ${slug} (round ${ids.morning}, "Morning coffee") as CSV\n`, stderr: '' });
    const byId = await pairwise(['export', '--event', slug, '--round', ids.morning!, '--format', 'csv', '--out', out], env);
    expect(byId.stdout).toBe(`${out}: 2 meetings of ${slug} (round ${ids.morning}, "Morning coffee") as CSV\n`);

    const ambiguous = await pairwise(['export', '--event', slug, '--round', 'Lunch', '--format', 'csv', '--out', path.join(dir, 'lunch.csv')], env);
    expect(ambiguous.code).toBe(2);
    expect(ambiguous.stderr).toBe(
      `pairwise: 2 rounds of this event are named "Lunch": give one of their ids instead: ${ids.lunchA} (DRAFT, 2030-06-01T11:00:00.000Z), ${ids.lunchB} (DRAFT, 2030-06-01T12:00:00.000Z)\n`,
    );
    expect(fs.existsSync(path.join(dir, 'lunch.csv'))).toBe(false);
    const draft = await pairwise(['export', '--event', slug, '--round', ids.lunchB!, '--format', 'csv', '--out', path.join(dir, 'lunch.csv')], env);
    expect(draft.stdout).toBe(`${path.join(dir, 'lunch.csv')}: 0 meetings of ${slug} (round ${ids.lunchB}, "Lunch") as CSV\n`);

    const unknown = await pairwise(['export', '--event', slug, '--round', 'Dinner', '--format', 'csv', '--out', out], env);
    expect(unknown).toMatchObject({ code: 2, stdout: '', stderr: 'pairwise: No round of this event has the id or name "Dinner"\n' });
  });

  it('rules prints and sets the event’s rules document; conflicts import records who knows whom; bad input exits 2 naming the field', async () => {
    const shown = await pairwise(['rules', '--event', slug], env);
    expect(shown.code).toBe(0);
    expect(JSON.parse(shown.stdout)).toMatchObject({ version: 1, sameCompany: 'penalty', whoCanMeet: [], weights: { interest: 1, text: 0 } });
    const file = path.join(dir, 'rules.json');
    fs.writeFileSync(file, JSON.stringify({ sameCompany: 'forbid', whoCanMeet: [{ who: { ticketType: 'Student' }, notWith: [{ role: 'investor' }] }] }));
    const set = await pairwise(['rules', '--event', slug, '--set', file, '--earlier-events', 'on'], env);
    expect(set).toMatchObject({ code: 0, stderr: `${slug}: 0 conflict pairs; earlier events on\n` });
    expect(JSON.parse(set.stdout)).toMatchObject({ sameCompany: 'forbid', whoCanMeet: [{ who: { ticketType: 'student' }, notWith: [{ role: 'investor' }] }] });
    fs.writeFileSync(file, JSON.stringify({ sameCompany: 'sometimes' }));
    const bad = await pairwise(['rules', '--event', slug, '--set', file], env);
    expect(bad).toMatchObject({ code: 2, stdout: '' });
    expect(bad.stderr).toContain('rules.sameCompany: must be "penalty" or "forbid"');

    const csv = path.join(dir, 'conflicts.csv');
    fs.writeFileSync(csv, 'Ada,Grace\nalan,Nobody Known\n');
    const dry = await pairwise(['conflicts', 'import', '--event', slug, csv, '--dry-run'], env);
    expect(dry).toMatchObject({ code: 0, stderr: '' });
    expect(dry.stdout).toBe(`${csv} → ${slug} (dry run: nothing written): 2 lines, 1 new pairs, 0 already known; 0 conflict pairs in all\n  line 2: "Nobody Known" is no attendee of this event (skipped)\n`);
    const done = await pairwise(['conflicts', 'import', '--event', slug, csv, '--json'], env);
    expect(JSON.parse(done.stdout)).toMatchObject({ dryRun: false, added: 1, alreadyKnown: 0, matching: { conflicts: 1 } });
    const matching = expectData(await t.gql(`query ($e: ID!) { matchingRules(eventId: $e) { conflicts conflictsFromEarlierEvents rules { sameCompany } } }`, { e: eventId }, await t.adminToken())).matchingRules;
    expect(matching).toEqual({ conflicts: 1, conflictsFromEarlierEvents: true, rules: { sameCompany: 'forbid' } });
    expect(await pairwise(['conflicts', 'import', '--event', slug, path.join(dir, 'none.csv')], env)).toMatchObject({ code: 2, stdout: '' });
  });
});

describe('pairwise invite, against a real SMTP server', () => {
  let t: TestApp;
  let smtp: TestSmtpServer;
  let slug: string;
  let eventId: string;
  let env: Record<string, string>;
  const emails: string[] = [];

  beforeAll(async () => {
    smtp = await startSmtpServer();
    t = await startTestApp();
    // This API has no SMTP server: its sender would keep (HELD) what the CLI queues. The CLI alone sends here.
    await t.app.get(MailSender).stop();
    const event = await createEvent(t, { name: 'CLI Summit' });
    ({ slug, id: eventId } = event);
    for (const name of ['Ada', 'Grace', 'Alan']) emails.push((await createAttendee(t, event.id, { name, email: `${name.toLowerCase()}-${slug}@example.org` })).email);
    env = { DATABASE_URL: t.database.url, PAIRWISE_SMTP_URL: smtp.url, PAIRWISE_MAIL_RATE: '100', PAIRWISE_MAIL_FROM: 'CLI Summit <hello@cli.test>', PAIRWISE_PUBLIC_URL: 'https://meet.cli.test' };
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.close();
  });

  const outboxSize = async () => (await t.app.get(DataSource).query(`SELECT count(*)::int AS n FROM mail_outbox WHERE event_id = $1`, [eventId]))[0].n as number;

  it('--dry-run says who would be invited and queues nothing', async () => {
    const dry = await pairwise(['invite', '--event', slug, '--dry-run'], env);
    expect(dry).toEqual({ code: 0, stdout: `${slug}: 3 attendees match; 3 would be invited (0 invited before, 0 unsubscribed). Nothing was queued.\n`, stderr: '' });
    expect(await outboxSize()).toBe(0);
    expect(smtp.received).toEqual([]);
  });

  it('queues and sends one invitation each, over SMTP, before it exits; the mailed link signs in; a second run sends nothing', async () => {
    const run = await pairwise(['invite', '--event', slug], env);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(`${slug}: 3 attendees match; 3 invitations queued (0 invited before or unsubscribed)\n${slug}: 3 sent\n`);
    // The command returned once every message was sent: they are all at the server already.
    expect(smtp.received.map((mail) => mail.to).sort()).toEqual([...emails].sort());
    const [mail] = await smtp.waitFor(3);
    expect(mail!.from).toBe('"CLI Summit" <hello@cli.test>');
    expect(mail!.subject).toBe('Your invitation to meet people at CLI Summit');
    const token = /https:\/\/meet\.cli\.test\/sign-in\?token=([A-Za-z0-9_-]{43})/.exec(mail!.text)?.[1];
    expect(token).toBeDefined();
    const signedIn = expectData(await t.gql(`mutation ($token: String!) { signInWithLink(input: {token: $token}) { viewer { role } } }`, { token })).signInWithLink;
    expect(signedIn.viewer.role).toBe('ATTENDEE');

    const again = await pairwise(['invite', '--event', slug], env);
    expect(again).toMatchObject({ code: 0, stdout: `${slug}: 3 attendees match; 0 invitations queued (3 invited before or unsubscribed)\n` });
    expect(smtp.received).toHaveLength(3);
    expect(await outboxSize()).toBe(3);
  });

  it('says on stdout how each message ended, and on stderr (never stdout) why one bounced', async () => {
    const nobody = await createAttendee(t, eventId, { name: 'Nobody', email: `nobody-${slug}@example.org` });
    smtp.rejectRecipients.add(nobody.email);
    const run = await pairwise(['invite', '--event', slug], env);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(`${slug}: 4 attendees match; 1 invitations queued (3 invited before or unsubscribed)\n${slug}: 1 bounced\n`);
    expect(run.stderr).toMatch(/Mail bounced/);
    expect(run.stderr).toContain('550');
    expect(run.stderr).not.toMatch(/No admin configured/);
    smtp.rejectRecipients.delete(nobody.email);
  });

  it('an unknown event exits 2 with the reason, and mails nobody', async () => {
    expect(await pairwise(['invite', '--event', 'no-such-event'], env)).toMatchObject({ code: 2, stdout: '', stderr: 'pairwise: Event not found\n' });
    expect(smtp.received).toHaveLength(3);
  });
});
