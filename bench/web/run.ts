import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { chromium, type Browser } from 'playwright-core';
import { loadConfig } from '../../apps/api/src/config/app-config';
import { createApp } from '../../apps/api/src/create-app';
import { createBenchDatabase } from '../support/bench-database';
import { graphqlClient } from '../support/graphql-client';

/**
 * `npm run bench:web [-- RUNS]`: how soon the attendee's home is usable on a phone with nothing cached
 * (issue 12's target: within 1 s on localhost). The real API on a fresh migrated database serves the
 * built web app (`dist/web`, as `npm start` does); one event, a published round starting in an hour.
 * Debian's Chromium (PAIRWISE_CHROMIUM to use another) opens the home RUNS times (default 10), each in
 * a new browser profile (empty HTTP cache, no service worker, nothing compiled), signed in as the
 * attendee (the session the sign-in page keeps, put in localStorage before the page runs), after one
 * warm-up load not counted (the API's first requests, the database's plans).
 *
 * "Usable" is when the next meeting's heading is on screen: measured inside the page (from the
 * navigation's start to the first animation frame with the heading in it) and from outside (from `goto` to
 * Playwright seeing it). Reports the fastest, the median and the slowest of each, and the load average.
 */
const CHROMIUM = process.env.PAIRWISE_CHROMIUM ?? '/usr/bin/chromium';
const WEB_BUILD = path.resolve(__dirname, '../../web');
const ADMIN = { email: 'bench@pairwise.test', password: 'bench-password-123' };
const ROUND = 'Round 1';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- GraphQL answers, read by field name
type Gql = (query: string, variables?: Record<string, unknown>, token?: string) => Promise<Record<string, any>>;

async function main(): Promise<void> {
  const runs = Number(process.argv[2] ?? 10);
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`RUNS must be a positive whole number, not ${process.argv[2]}`);
  if (!fs.existsSync(path.join(WEB_BUILD, 'index.html'))) throw new Error(`The web app is not built (${WEB_BUILD}/index.html is missing): run \`npm run build\` first.`);
  if (!fs.existsSync(CHROMIUM)) throw new Error(`Chromium is not installed at ${CHROMIUM}: \`apt-get install -y chromium\`, or set PAIRWISE_CHROMIUM.`);

  const database = await createBenchDatabase('web');
  const config = {
    ...loadConfig({
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
      PAIRWISE_ADMIN_EMAIL: ADMIN.email,
      PAIRWISE_ADMIN_PASSWORD: ADMIN.password,
      PAIRWISE_JWT_SECRET: randomBytes(32).toString('hex'),
      PAIRWISE_RATE_LIMIT_PER_MINUTE: '1000000',
      PAIRWISE_WEB_DIR: fs.realpathSync(WEB_BUILD),
    }),
    databaseUrl: database.url,
  };
  const app = await createApp(config);
  let browser: Browser | undefined;
  try {
    await app.listen(0, '127.0.0.1');
    const baseUrl = `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}`;
    const gql: Gql = graphqlClient(`${baseUrl}/graphql`);

    const { session, slug } = await seed(gql);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
    const open = async () => {
      // A new profile each time: nothing cached, as on a phone that never opened the app.
      const context = await browser!.newContext({ viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'en-GB', timezoneId: 'Europe/Paris' });
      try {
        const page = await context.newPage();
        await page.addInitScript(
          ({ stored, round }) => {
            localStorage.setItem('pairwise.session', stored);
            // Looked for at every frame the page paints: the first frame that shows the meeting. (The page's
            // own clock, window.performance: the module's `performance` import is Node's, renamed by the compiler.)
            const look = () => {
              if ([...document.querySelectorAll('h2')].some((h2) => h2.textContent === round)) (window as unknown as { usableAt: number }).usableAt = window.performance.now();
              else requestAnimationFrame(look);
            };
            requestAnimationFrame(look);
          },
          { stored: JSON.stringify(session), round: ROUND },
        );
        const started = performance.now();
        await page.goto(`${baseUrl}/e/${slug}/me`);
        await page.getByRole('heading', { level: 2, name: ROUND }).waitFor({ timeout: 60_000 });
        const outside = performance.now() - started;
        const inside = await page.waitForFunction(() => (window as unknown as { usableAt?: number }).usableAt).then((handle) => handle.jsonValue() as Promise<number>);
        return { inside, outside };
      } finally {
        await context.close();
      }
    };

    await open();
    const loadAtStart = os.loadavg();
    const samples: { inside: number; outside: number }[] = [];
    for (let run = 0; run < runs; run++) samples.push(await open());
    const loadAtEnd = os.loadavg();

    const ms = (value: number) => `${Math.round(value)} ms`;
    const row = (label: string, values: number[]) => `| ${label} | ≤ 1,000 ms | ${ms(Math.min(...values))} | ${ms(median(values))} | ${ms(Math.max(...values))} |`;
    process.stdout.write(
      [
        '',
        `attendee home, ${runs} cold loads after a warm-up; Chromium ${browser.version()}, Node ${process.version}, ${os.cpus().length} cores, ${database.server}`,
        `load average (1, 5, 15 min) ${loadAtStart.map((l) => l.toFixed(1)).join(', ')} at the start, ${loadAtEnd.map((l) => l.toFixed(1)).join(', ')} at the end`,
        '',
        '| home usable (next meeting on screen) | target | fastest | median | slowest |',
        '|---|---|---|---|---|',
        row('navigation start → first frame with the meeting (in Chromium)', samples.map((s) => s.inside)),
        row('`goto` → heading seen by Playwright', samples.map((s) => s.outside)),
        '',
      ].join('\n'),
    );
  } finally {
    await browser?.close();
    await app.close();
    await database.close();
  }
}

/** One event in Paris, two attendees, a published round starting in an hour; the first attendee's session as the web app keeps it. */
async function seed(gql: Gql) {
  const admin = (await gql(`mutation ($e: String!, $p: String!) { login(input: {email: $e, password: $p}) { token } }`, { e: ADMIN.email, p: ADMIN.password })).login.token;
  const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
  const slug = 'bench-web';
  const eventId = (
    await gql(
      `mutation ($input: CreateEventInput!) { createEvent(input: $input) { id } }`,
      { input: { slug, name: 'Bench Summit', timeZone: 'Europe/Paris', startsOn: day(-1), endsOn: day(1), vocabulary: [{ slug: 'rag', label: 'RAG' }, { slug: 'evals', label: 'Evals' }] } },
      admin,
    )
  ).createEvent.id;
  const attendees = [];
  for (const [name, email] of [['Ada Lovelace', 'ada@bench.test'], ['Grace Hopper', 'grace@bench.test']]) {
    const input = { eventId, name, email, interests: ['rag', 'evals'], languages: ['en'], consentMatchmaking: true, present: true, sharedFields: ['name', 'interests', 'languages'] };
    attendees.push((await gql(`mutation ($input: CreateAttendeeInput!) { createAttendee(input: $input) { attendee { id email } } }`, { input }, admin)).createAttendee.attendee);
  }
  const roundId = (
    await gql(
      `mutation ($input: CreateRoundInput!) { createRound(input: $input) { id } }`,
      { input: { eventId, name: ROUND, startsAt: new Date(Date.now() + 3_600_000).toISOString(), durationMinutes: 15, tables: ['A1'] } },
      admin,
    )
  ).createRound.id;
  await gql(`mutation ($input: GenerateRoundInput!) { generateRound(input: $input) { id } }`, { input: { roundId, seed: 'bench' } }, admin);
  for (let status = 'GENERATING'; status === 'GENERATING'; ) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    status = (await gql(`query ($id: ID!) { round(id: $id) { status } }`, { id: roundId }, admin)).round.status;
    if (status !== 'GENERATING' && status !== 'GENERATED') throw new Error(`round generation ended ${status}`);
  }
  await gql(`mutation ($id: ID!) { publishRound(roundId: $id) { status } }`, { id: roundId }, admin);
  const code = (await gql(`mutation ($id: ID!) { issueAccessCode(attendeeId: $id) { code } }`, { id: attendees[0].id }, admin)).issueAccessCode.code;
  const signedIn = (
    await gql(`mutation ($e: String!, $c: String!) { login(input: {email: $e, accessCode: $c}) { token expiresAt refreshAfter viewer { role } } }`, { e: attendees[0].email, c: code })
  ).login;
  // What the sign-in page stores (apps/web/src/shared/session.ts).
  const session = { token: signedIn.token, expiresAt: signedIn.expiresAt, refreshAfter: signedIn.refreshAfter, role: signedIn.viewer.role, eventSlug: slug };
  return { session, slug };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.stack : error}\n`);
  process.exit(1);
});
