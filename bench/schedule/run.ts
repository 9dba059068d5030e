import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { createPrng } from '@pairwise/matching';
import { benchAttendeeTokens } from '../support/attendee-sessions';
import { createBenchDatabase, dropUnlessKept } from '../support/bench-database';
import { waitUntilReady } from '../support/my-meetings';
import { cpuMeter } from '../support/process-cpu';
import { freePort } from '../../apps/api/src/common/free-port';
import type { GenerationTimings } from '../../apps/api/src/rounds/round.entity';
import { graphqlClient } from '../support/graphql-client';
import { parseOptions, wholeAtLeast } from '../support/options';
import { benchApiNodeArgs, productionApiEnv, stopProcess } from '../support/api-process';

/**
 * `npm run bench:schedule [-- --attendees 2000 --talks 30 --slots 6 --requests 5000 --rounds 4 --windows 200 --meetings 300]`
 *
 * Issue 14's day: 2,000 attendees, 30 talks each followed by 6 office-hour slots, 5,000 slot
 * requests and 4 rounds, "allocated in under 10 s". On real PostgreSQL (DATABASE_URL's server, else
 * an embedded one), with the real API in a process of its own (NODE_ENV=production):
 *  1. seeds the attendees (all present, consenting) with the real `pairwise demo` CLI — not timed;
 *  2. builds the day through GraphQL: 30 talks (createTalk, 3 rooms × 10 time slots on the event's
 *     second day, 20 min + 6 × 5 min each), then 5,000 requests (requestSpeakerSlot, each by the
 *     attendee asking, 16 at a time; talks' popularity skewed, 1/rank^0.8), then the rest of one
 *     schedule per attendee: 200 availability windows (setMyAvailability: half here in the morning only,
 *     half in the afternoon only) and 300 meeting requests asked and accepted (requestMeeting,
 *     respondToMeetingRequest: must-meet pairs of the next round) — timed apart;
 *  3. **allocates everything**, timed, with the CPU the API and PostgreSQL spent (/proc): each round
 *     created, generated (polled until GENERATED) and published, one after the other (speakers sit out as
 *     BUSY during their talk and office hours, the absent as UNAVAILABLE), then allocateOfficeHours for the
 *     day (every talk at once, around the published rounds' seats) and publishOfficeHours;
 *  4. checks by SQL that the database holds what was asked for, that each round left out as BUSY exactly
 *     the speakers busy then and as UNAVAILABLE exactly those outside their windows and seated none of them,
 *     and that no slot holder has two overlapping slots or sits in a round or speaks during their slot.
 * BENCH_API_ARGS (e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof") profiles the API, BENCH_LOG_LEVEL sets its
 * log level, BENCH_KEEP_DATABASE=1 keeps the database.
 */
const run = promisify(execFile);
const root = path.resolve(__dirname, '../../..');
const cli = path.join(root, 'apps/cli/bin/pairwise.js');
const apiMain = path.join(root, 'dist/apps/api/src/main.js');

const DEFAULTS = { attendees: 2000, talks: 30, slots: 6, requests: 5000, rounds: 4, windows: 200, meetings: 300 };

function parseArgs(argv: string[]): typeof DEFAULTS {
  const options = parseOptions(argv, DEFAULTS, (value, key) => wholeAtLeast(key === 'windows' || key === 'meetings' ? 0 : 1)(value));
  if (options.requests > (options.attendees - options.talks) * options.talks) throw new Error('more requests than (attendee, talk) pairs');
  if (options.windows + 2 * options.meetings > options.attendees - options.talks) throw new Error('more availability windows and meeting requests than attendees who are not speakers');
  if (options.talks > 3 * 10 || options.rounds > 4) throw new Error('the day holds at most 30 talks (3 rooms × 10) and 4 rounds');
  return options;
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const database = await createBenchDatabase('schedule');
  const logDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pairwise-bench-schedule-'));
  let api: ChildProcess | undefined;
  try {
    // 1. Attendees, through the real CLI.
    const { stdout } = await run('node', [cli, 'demo', '--event', 'bench-schedule', '--attendees', String(options.attendees), '--present-share', '1', '--seed', 'bench-schedule', '--json'], {
      env: { ...process.env, DATABASE_URL: database.url, LOG_LEVEL: 'silent' },
      maxBuffer: 16 * 1024 * 1024,
    });
    const demo = JSON.parse(stdout) as { event: { id: string; timeZone: string; endsOn: string }; organiser: { email: string; accessCode: string } };
    const eventId = demo.event.id;
    const day = demo.event.endsOn;
    const client = new Client({ connectionString: database.url });
    await client.connect();
    const at = async (time: string): Promise<Date> =>
      (await client.query<{ at: Date }>(`SELECT ($1::date + $2::time) AT TIME ZONE $3 AS at`, [day, time, demo.event.timeZone])).rows[0]!.at;
    const ids = (await client.query<{ id: string }>(`SELECT id FROM attendees WHERE event_id = $1 ORDER BY id`, [eventId])).rows.map((r) => r.id);
    log(`seeded ${ids.length} attendees; the day: ${day} (${demo.event.timeZone})`);

    // The real API in a process of its own; the organiser polls generations: a high request limit.
    const port = await freePort();
    const secret = randomBytes(32).toString('hex');
    const apiLogFile = path.join(logDir, 'api.log');
    api = spawn('node', [...benchApiNodeArgs(), apiMain], {
      cwd: logDir,
      env: productionApiEnv(database.url, port, { PAIRWISE_JWT_SECRET: secret, PAIRWISE_RATE_LIMIT_PER_MINUTE: '100000', LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'warn' }),
      stdio: ['ignore', fs.openSync(apiLogFile, 'w'), fs.openSync(apiLogFile, 'a')],
    });
    await waitUntilReady(apiLogFile, api);
    const gql = graphqlClient(`http://127.0.0.1:${port}/graphql`);
    const organiser = (await gql<{ login: { token: string } }>(`mutation ($e: String!, $c: String!) { login(input: {email: $e, accessCode: $c}) { token } }`, { e: demo.organiser.email, c: demo.organiser.accessCode })).login.token;

    // 2. The day, through GraphQL: talks, then requests by the attendees themselves.
    const rng = createPrng('bench-schedule');
    const speakers = rng.shuffle([...ids]).slice(0, options.talks);
    const tags = (await client.query<{ slug: string }>(`SELECT slug FROM event_tags WHERE event_id = $1 ORDER BY slug`, [eventId])).rows.map((r) => r.slug);
    let started = performance.now();
    const talkIds: string[] = [];
    for (let t = 0; t < options.talks; t++) {
      const startsAt = await at(`${String(9 + Math.floor((t % 10) * 50 / 60)).padStart(2, '0')}:${String(((t % 10) * 50) % 60).padStart(2, '0')}`);
      const input = {
        eventId,
        title: `Talk ${t + 1}`,
        speakerId: speakers[t],
        startsAt: startsAt.toISOString(),
        durationMinutes: 20,
        slotCount: options.slots,
        slotMinutes: 5,
        tags: rng.shuffle([...tags]).slice(0, 3),
        location: `Room ${'ABC'[Math.floor(t / 10)]} corner`,
      };
      talkIds.push((await gql<{ createTalk: { id: string } }>(`mutation ($i: CreateTalkInput!) { createTalk(input: $i) { id } }`, { i: input }, organiser)).createTalk.id);
    }
    const talksSeconds = (performance.now() - started) / 1000;
    const askers = ids.filter((id) => !speakers.includes(id));
    const tokens = new Map((await benchAttendeeTokens(client, eventId, askers, secret)).map((token, i) => [askers[i]!, token]));
    const popularity = talkIds.map((_, rank) => 1 / (rank + 1) ** 0.8);
    const total = popularity.reduce((a, b) => a + b, 0);
    const pairs = new Set<string>();
    const requests: [string, string][] = [];
    while (requests.length < options.requests) {
      let x = rng.next() * total;
      let t = 0;
      while (x > popularity[t]! && t < talkIds.length - 1) x -= popularity[t++]!;
      const asker = askers[rng.nextInt(askers.length)]!;
      if (pairs.has(`${asker}/${t}`)) continue;
      pairs.add(`${asker}/${t}`);
      requests.push([asker, talkIds[t]!]);
    }
    started = performance.now();
    let next = 0;
    await Promise.all(
      Array.from({ length: 16 }, async () => {
        while (next < requests.length) {
          const [asker, talkId] = requests[next++]!;
          await gql(`mutation ($i: RequestSlotInput!) { requestSpeakerSlot(input: $i) { status } }`, { i: { talkId, question: 'What would you do first?' } }, tokens.get(asker));
        }
      }),
    );
    const requestSeconds = (performance.now() - started) / 1000;
    log(`${options.talks} talks in ${talksSeconds.toFixed(1)} s; ${requests.length} requests in ${requestSeconds.toFixed(1)} s`);

    // The rest of one schedule per attendee, each set by the attendee: availability windows (half here in the
    // morning only, half in the afternoon only: each sits out two of the rounds as UNAVAILABLE), and accepted
    // meeting requests between people who are neither speakers nor among those windows' owners (must-meet pairs of
    // the first round). Different people throughout, so each asks once (well under the daily quota).
    started = performance.now();
    const people = rng.shuffle([...askers]);
    const windowed = people.slice(0, options.windows);
    const [morning, noon, evening] = [await at('09:00'), await at('13:00'), await at('18:00')];
    for (const [i, id] of windowed.entries()) {
      const window = i % 2 === 0 ? { startsAt: morning.toISOString(), endsAt: noon.toISOString() } : { startsAt: noon.toISOString(), endsAt: evening.toISOString() };
      await gql(`mutation ($w: [AvailabilityWindowInput!]!) { setMyAvailability(windows: $w) { always } }`, { w: [window] }, tokens.get(id));
    }
    const pairsToMeet = Array.from({ length: options.meetings }, (_, i) => [people[options.windows + 2 * i]!, people[options.windows + 2 * i + 1]!] as const);
    for (const [requester, recipient] of pairsToMeet) {
      const asked = (await gql<{ requestMeeting: { id: string } }>(`mutation ($i: RequestMeetingInput!) { requestMeeting(input: $i) { id } }`, { i: { attendeeId: recipient, message: 'Coffee?' } }, tokens.get(requester))).requestMeeting;
      await gql(`mutation ($i: RespondToMeetingRequestInput!) { respondToMeetingRequest(input: $i) { status } }`, { i: { id: asked.id, accept: true } }, tokens.get(recipient));
    }
    const scheduleSeconds = (performance.now() - started) / 1000;
    log(`${windowed.length} availability windows and ${pairsToMeet.length} accepted meeting requests in ${scheduleSeconds.toFixed(1)} s`);

    // 3. Everything allocated: the rounds, then the office hours of the day, timed, with the CPU the API and
    // PostgreSQL spent on each step (what the work costs whatever else the shared machine runs).
    const loadBefore = os.loadavg()[0]!;
    const steps: { what: string; detail: string; seconds: number; cpu: { apiMs: number; apiMainMs: number; postgresMs: number } }[] = [];
    const dayCpu = await cpuMeter(api.pid!, database.url);
    const roundTimes = ['10:45', '12:35', '14:25', '16:15'].slice(0, options.rounds);
    const roundIds: string[] = [];
    for (const [k, time] of roundTimes.entries()) {
      const cpu = await cpuMeter(api.pid!, database.url);
      started = performance.now();
      const round = (await gql<{ createRound: { id: string } }>(
        `mutation ($e: ID!, $s: DateTime!) { createRound(input: {eventId: $e, name: "Round ${k + 1}", startsAt: $s, durationMinutes: 15}) { id } }`,
        { e: eventId, s: (await at(time)).toISOString() },
        organiser,
      )).createRound;
      roundIds.push(round.id);
      const created = performance.now();
      await gql(`mutation ($r: ID!) { generateRound(input: {roundId: $r}) { status } }`, { r: round.id }, organiser);
      let status = 'GENERATING';
      const deadline = Date.now() + 300_000;
      while (status === 'GENERATING' && Date.now() < deadline) {
        await sleep(25);
        status = (await gql<{ round: { status: string } }>(`query ($r: ID!) { round(id: $r) { status } }`, { r: round.id }, organiser)).round.status;
      }
      if (status !== 'GENERATED') throw new Error(`round ${k + 1} ended as ${status}`);
      const generated = performance.now();
      const { stats, leftOut, meetingRequests, progress } = (
        await gql<{ round: { stats: { matched: number; eligible: number }; leftOut: { reason: string }[]; meetingRequests: { seated: boolean; reason: string | null }[]; progress: { timings: GenerationTimings } } }>(
          `query ($r: ID!) { round(id: $r) { stats { matched eligible } leftOut { reason } meetingRequests { seated reason }
             progress { timings { loadingMs matchingMs workerStartMs planMs resultTransferMs storingMs totalMs } } } }`,
          { r: round.id },
          organiser,
        )
      ).round;
      const reviewed = performance.now();
      await gql(`mutation ($r: ID!) { publishRound(roundId: $r) { status } }`, { r: round.id }, organiser);
      const published = performance.now();
      const seconds = (published - started) / 1000;
      const sittingOut = (reason: string) => leftOut.filter((l) => l.reason === reason).length;
      const unseated = [...new Set(meetingRequests.filter((m) => !m.seated).map((m) => m.reason))].map((reason) => `${meetingRequests.filter((m) => m.reason === reason).length} ${reason}`);
      const outcome =
        `${stats.matched} seated, ${sittingOut('BUSY')} BUSY, ${sittingOut('UNAVAILABLE')} UNAVAILABLE; ` +
        `meeting requests: ${meetingRequests.filter((m) => m.seated).length} of ${meetingRequests.length} seated${unseated.length ? ` (not: ${unseated.join(', ')})` : ''}`;
      const t = progress.timings;
      const phases =
        `create ${ms(created - started)}, generate ${ms(generated - created)} (loading ${t.loadingMs} / worker ${t.workerStartMs} / plan ${t.planMs} / back ${t.resultTransferMs} / storing ${t.storingMs} ms), ` +
        `review read ${ms(reviewed - generated)}, publish ${ms(published - reviewed)}`;
      steps.push({ what: `round ${k + 1} (${time}): createRound + generateRound (polled) + publishRound`, detail: `${outcome}; ${phases}`, seconds, cpu: await cpu() });
      log(`round ${k + 1}: ${seconds.toFixed(2)} s — ${outcome}; ${phases}`);
    }
    let cpu = await cpuMeter(api.pid!, database.url);
    started = performance.now();
    const allocation = (await gql<{ allocateOfficeHours: { askers: number; served: number; slotsOffered: number; slotsGranted: number } }>(
      `mutation ($e: ID!, $d: String) { allocateOfficeHours(eventId: $e, day: $d) { askers served slotsOffered slotsGranted } }`,
      { e: eventId, d: day },
      organiser,
    )).allocateOfficeHours;
    steps.push({ what: 'allocateOfficeHours (the day, every talk at once)', detail: `${allocation.askers} askers, ${allocation.slotsGranted}/${allocation.slotsOffered} slots granted`, seconds: (performance.now() - started) / 1000, cpu: await cpu() });
    cpu = await cpuMeter(api.pid!, database.url);
    started = performance.now();
    const published = (await gql<{ publishOfficeHours: unknown[] }>(`mutation ($e: ID!, $d: String) { publishOfficeHours(eventId: $e, day: $d) { id } }`, { e: eventId, d: day }, organiser)).publishOfficeHours;
    steps.push({ what: 'publishOfficeHours (re-checked)', detail: `${published.length} talks`, seconds: (performance.now() - started) / 1000, cpu: await cpu() });
    const everythingCpu = await dayCpu();
    const loadAfter = os.loadavg()[0]!;

    // 4. The outcome, checked by SQL.
    const clashes = (
      await client.query<{ n: number }>(
        `WITH slot AS (
           SELECT r.attendee_id, t.starts_at + make_interval(mins => t.duration_minutes + r.slot_index * t.slot_minutes) AS s,
                  t.starts_at + make_interval(mins => t.duration_minutes + (r.slot_index + 1) * t.slot_minutes) AS e, r.talk_id
             FROM slot_requests r JOIN talks t ON t.id = r.talk_id WHERE t.event_id = $1 AND r.slot_index IS NOT NULL)
         SELECT (SELECT count(*) FROM slot a JOIN slot b ON a.attendee_id = b.attendee_id AND a.talk_id < b.talk_id AND a.s < b.e AND b.s < a.e)
              + (SELECT count(*) FROM slot a JOIN meeting_participants p ON p.attendee_id = a.attendee_id JOIN meetings m ON m.id = p.meeting_id
                  WHERE m.starts_at < a.e AND m.ends_at > a.s)
              + (SELECT count(*) FROM slot a JOIN talks t ON t.speaker_id = a.attendee_id
                  WHERE t.starts_at < a.e AND t.starts_at + make_interval(mins => t.duration_minutes + t.slot_count * t.slot_minutes) > a.s) AS n`,
        [eventId],
      )
    ).rows[0]!.n;
    if (Number(clashes) !== 0) throw new Error(`${clashes} clashes in the published day`);
    const built = await checkTheDay(client, eventId, options);
    const sanity = await checkRoundsRespectBusyTimes(client, eventId);
    for (const line of sanity) log(line);
    if (allocation.slotsGranted !== options.talks * options.slots) log(`note: ${allocation.slotsOffered - allocation.slotsGranted} slots left free (nobody could take them)`);
    await client.end();

    const everything = steps.reduce((s, x) => s + x.seconds, 0);
    process.stdout.write(
      `\nSchedule benchmark: ${options.attendees.toLocaleString('en')} attendees, ${options.talks} talks × ${options.slots} office-hour slots, ${requests.length.toLocaleString('en')} requests, ` +
        `${options.rounds} rounds; ${database.server}, Node ${process.version}, ${os.cpus().length} cores, load average ${loadBefore.toFixed(2)} before / ${loadAfter.toFixed(2)} after\n` +
        `(building the day through GraphQL, not counted: ${options.talks} createTalk in ${talksSeconds.toFixed(1)} s, ${requests.length} requestSpeakerSlot in ${requestSeconds.toFixed(1)} s)\n\n`,
    );
    process.stdout.write(`What the database holds (checked by SQL): ${built}\n\nRounds against busy times (checked by SQL):\n${sanity.map((line) => `- ${line}\n`).join('')}\n`);
    const cpuText = (c: { apiMs: number; apiMainMs: number; postgresMs: number }) =>
      `${(c.apiMs / 1000).toFixed(2)} s (main thread ${(c.apiMainMs / 1000).toFixed(2)} s) + ${(c.postgresMs / 1000).toFixed(2)} s`;
    process.stdout.write('| step | outcome | wall time | CPU: API (its main thread) + PostgreSQL |\n|---|---|---|---|\n');
    for (const step of steps) process.stdout.write(`| ${step.what} | ${step.detail} | ${step.seconds.toFixed(2)} s | ${cpuText(step.cpu)} |\n`);
    process.stdout.write(
      `| **everything allocated and published** | ${allocation.served} askers served, no clash (checked by SQL) | **${everything.toFixed(2)} s** (target < 10 s) | ${cpuText(everythingCpu)} |\n`,
    );
  } finally {
    await stopProcess(api);
    await dropUnlessKept(database);
  }
}

/** That the bench built what it says: the attendees, talks and slots, requests and published rounds asked for. */
async function checkTheDay(client: Client, eventId: string, options: typeof DEFAULTS): Promise<string> {
  const row = (
    await client.query<{ attendees: number; present: number; talks: number; slots: number; requests: number; askers: number; rounds: number }>(
      `SELECT (SELECT count(*)::int FROM attendees WHERE event_id = $1) AS attendees,
              (SELECT count(*)::int FROM attendees WHERE event_id = $1 AND present AND consent_matchmaking) AS present,
              (SELECT count(*)::int FROM talks WHERE event_id = $1) AS talks,
              (SELECT coalesce(sum(slot_count), 0)::int FROM talks WHERE event_id = $1) AS slots,
              (SELECT count(*)::int FROM slot_requests r JOIN talks t ON t.id = r.talk_id WHERE t.event_id = $1) AS requests,
              (SELECT count(DISTINCT r.attendee_id)::int FROM slot_requests r JOIN talks t ON t.id = r.talk_id WHERE t.event_id = $1) AS askers,
              (SELECT count(*)::int FROM rounds WHERE event_id = $1 AND status = 'PUBLISHED') AS rounds`,
      [eventId],
    )
  ).rows[0]!;
  const expected = { attendees: options.attendees, present: options.attendees, talks: options.talks, slots: options.talks * options.slots, requests: options.requests, rounds: options.rounds };
  const wrong = Object.entries(expected).filter(([key, value]) => row[key as keyof typeof row] !== value);
  if (wrong.length) throw new Error(`the day is not what was asked for: ${wrong.map(([key, value]) => `${key} ${row[key as keyof typeof row]}, expected ${value}`).join('; ')}`);
  return (
    `${row.attendees} attendees (${row.present} present and consenting), ${row.talks} talks with ${row.slots} office-hour slots, ` +
    `${row.requests} slot requests from ${row.askers} attendees, ${row.rounds} published rounds`
  );
}

/**
 * The sanity count: in each round, the speakers busy then (from the start of their talk to the end of its office
 * hours) against who the round left out as BUSY, the people outside their availability windows against who it left
 * out as UNAVAILABLE, how many people sit at a table while speaking, holding a granted slot or outside their windows
 * (must be none), and the meeting requests the round fulfilled.
 */
async function checkRoundsRespectBusyTimes(client: Client, eventId: string): Promise<string[]> {
  const { rows } = await client.query<{
    name: string;
    seated: number;
    speaking: number;
    busy: number;
    busy_not_speaking: number;
    seated_busy: number;
    away: number;
    unavailable: number;
    seated_unavailable: number;
    fulfilled: number;
  }>(
    `WITH r AS (SELECT id, name, starts_at, starts_at + make_interval(mins => duration_minutes) AS ends_at, stats FROM rounds WHERE event_id = $1),
          speaking AS (
            SELECT DISTINCT r.id AS round_id, t.speaker_id AS attendee_id FROM r JOIN talks t ON t.event_id = $1
             WHERE t.starts_at < r.ends_at AND t.starts_at + make_interval(mins => t.duration_minutes + t.slot_count * t.slot_minutes) > r.starts_at),
          busy_by_agenda AS (
            SELECT round_id, attendee_id FROM speaking
            UNION
            SELECT r.id, s.attendee_id FROM r JOIN talks t ON t.event_id = $1 JOIN slot_requests s ON s.talk_id = t.id AND s.slot_index IS NOT NULL
             WHERE t.starts_at + make_interval(mins => t.duration_minutes + s.slot_index * t.slot_minutes) < r.ends_at
               AND t.starts_at + make_interval(mins => t.duration_minutes + (s.slot_index + 1) * t.slot_minutes) > r.starts_at),
          away AS (
            SELECT r.id AS round_id, w.attendee_id FROM r JOIN availability_windows w ON w.event_id = $1
             GROUP BY r.id, r.starts_at, r.ends_at, w.attendee_id HAVING NOT bool_or(w.starts_at <= r.starts_at AND w.ends_at >= r.ends_at)),
          left_out AS (SELECT r.id AS round_id, (x->>'attendeeId')::uuid AS attendee_id, x->>'reason' AS reason FROM r, jsonb_array_elements(coalesce(r.stats->'leftOut', '[]')) x),
          left_busy AS (SELECT round_id, attendee_id FROM left_out WHERE reason = 'BUSY')
     SELECT r.name,
            (SELECT count(*)::int FROM meeting_participants p WHERE p.round_id = r.id) AS seated,
            (SELECT count(*)::int FROM speaking b WHERE b.round_id = r.id) AS speaking,
            (SELECT count(*)::int FROM left_busy l WHERE l.round_id = r.id) AS busy,
            (SELECT count(*)::int FROM left_busy l WHERE l.round_id = r.id AND NOT EXISTS (SELECT 1 FROM speaking b WHERE b.round_id = r.id AND b.attendee_id = l.attendee_id)) AS busy_not_speaking,
            (SELECT count(*)::int FROM meeting_participants p JOIN busy_by_agenda b ON b.round_id = r.id AND b.attendee_id = p.attendee_id WHERE p.round_id = r.id) AS seated_busy,
            (SELECT count(*)::int FROM away a WHERE a.round_id = r.id) AS away,
            (SELECT count(*)::int FROM left_out l JOIN away a ON a.round_id = l.round_id AND a.attendee_id = l.attendee_id WHERE l.round_id = r.id AND l.reason = 'UNAVAILABLE') AS unavailable,
            (SELECT count(*)::int FROM meeting_participants p JOIN away a ON a.round_id = r.id AND a.attendee_id = p.attendee_id WHERE p.round_id = r.id) AS seated_unavailable,
            (SELECT count(*)::int FROM meeting_requests m WHERE m.round_id = r.id AND m.status = 'FULFILLED') AS fulfilled
       FROM r ORDER BY r.starts_at`,
    [eventId],
  );
  return rows.map((row) => {
    const line =
      `${row.name}: ${row.speaking} speakers during their talk or office hours, ${row.busy} left out as BUSY (${row.busy_not_speaking} of them not speaking); ` +
      `${row.away} outside their availability windows, ${row.unavailable} of them left out as UNAVAILABLE; ` +
      `${row.seated} seated, of whom ${row.seated_busy} speaking or holding a granted slot then and ${row.seated_unavailable} outside their availability windows; ` +
      `${row.fulfilled} meeting requests fulfilled`;
    // Slots are allocated after the rounds, around their seats: at generation the busy are exactly the speakers then.
    if (row.seated_busy || row.seated_unavailable || row.busy !== row.speaking || row.busy_not_speaking || row.unavailable !== row.away) throw new Error(`a round ignores busy times: ${line}`);
    return line;
  });
}

const ms = (millis: number) => `${Math.round(millis)} ms`;
const sleep = (millis: number) => new Promise((resolve) => setTimeout(resolve, millis));
const log = (line: string) => process.stderr.write(`${line}\n`);

main().catch((error) => {
  process.stderr.write(`${error?.stack ?? error}\n`);
  process.exit(1);
});
