import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { closeLater } from './cleanup';
import { lateBound } from './late-bound';
import { ADMIN, startTestApp, type TestApp } from './test-app';

/** Debian's Chromium (`apt-get install -y chromium`); Playwright cannot download its own browsers here. */
export const CHROMIUM_PATH = process.env.PAIRWISE_CHROMIUM ?? '/usr/bin/chromium';

/** The web app as `npm run build` writes it: what the browser tests load from the API under test. */
export const WEB_BUILD = path.resolve(__dirname, '../../../dist/web');

/** A phone: the smallest width the attendee screens are made for. */
export const PHONE: BrowserContextOptions = { viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'en-GB', timezoneId: 'Europe/Paris' };

/**
 * Chromium, headless. Fails with the reason when it is missing: a browser test is never skipped in silence.
 * Root needs --no-sandbox; the rest keeps Chromium from phoning home or updating itself during tests.
 */
export async function launchChromium(executablePath = CHROMIUM_PATH): Promise<Browser> {
  if (!fs.existsSync(executablePath)) {
    throw new Error(
      `Chromium is not installed at ${executablePath}, and the browser tests need it: install it with \`apt-get update && apt-get install -y chromium\` (.ci/run does so when it is missing), or set PAIRWISE_CHROMIUM to a Chromium binary.`,
    );
  }
  const launching = chromium.launch({
    executablePath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  // Closed after the file's hooks even when its setup failed or was abandoned (see cleanup.ts).
  closeLater(async () => {
    const browser = await launching.catch(() => undefined);
    await browser?.close();
  });
  return launching;
}

/** The real API on its own database, listening on a free port and serving the built web app. */
export async function startWebTestApp(env: Record<string, string> = {}): Promise<TestApp & { baseUrl: string }> {
  if (!fs.existsSync(path.join(WEB_BUILD, 'index.html'))) {
    throw new Error(`The web app is not built (${WEB_BUILD}/index.html is missing): run \`npm run build\` first (\`npm test\` does).`);
  }
  // The build folder itself, not the dist link: a build during the test does not change the files under it.
  const t = await startTestApp({ PAIRWISE_WEB_DIR: fs.realpathSync(WEB_BUILD), ...env });
  try {
    return Object.assign(t, { baseUrl: await t.listen() });
  } catch (error) {
    await t.close();
    throw error;
  }
}

/** What went wrong inside a page: uncaught errors and console errors (a CSP violation is one). */
export function watchPage(page: Page): { problems: string[] } {
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  return { problems };
}

/** A fresh browser profile (its own storage), as a person on their own phone. */
export async function phoneContext(browser: Browser, options: BrowserContextOptions = {}): Promise<BrowserContext> {
  return browser.newContext({ ...PHONE, ...options });
}

/** A one-time access code for an attendee, as an organiser would hand it out. */
export async function issueAccessCode(t: TestApp, attendeeId: string): Promise<string> {
  const response = await t.gql(`mutation ($id: ID!) { issueAccessCode(attendeeId: $id) { code } }`, { id: attendeeId }, await t.adminToken());
  const code = response.data?.issueAccessCode?.code as string | undefined;
  if (!code) throw new Error(`issueAccessCode failed: ${JSON.stringify(response.errors)}`);
  return code;
}

/** Signs in through the sign-in screen, as a person would, and waits for the page it leads to. */
export async function signInThroughPage(page: Page, baseUrl: string, credentials: { email: string; accessCode: string }, landsOn: string | RegExp): Promise<void> {
  await page.goto(`${baseUrl}/sign-in`);
  await page.getByLabel('Email').fill(credentials.email);
  await page.getByLabel('Access code').fill(credentials.accessCode);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.waitForURL(typeof landsOn === 'string' ? `${baseUrl}${landsOn}` : landsOn);
}

/** A laptop: the organiser screens are made for it first. */
export const LAPTOP: BrowserContextOptions = { viewport: { width: 1280, height: 800 }, locale: 'en-GB', timezoneId: 'Europe/Paris', acceptDownloads: true };

/** Signs a staff member in through the sign-in screen: with a password (admins) or a one-time access code (organisers). */
export async function signInStaffThroughPage(page: Page, baseUrl: string, credentials: { email: string; password?: string; accessCode?: string }): Promise<void> {
  await page.goto(`${baseUrl}/sign-in`);
  if (credentials.password !== undefined) await page.getByRole('button', { name: 'Sign in with a password (admins)' }).click();
  await page.getByLabel('Email').fill(credentials.email);
  await page.getByLabel(credentials.password !== undefined ? 'Password' : 'Access code').fill(credentials.password ?? credentials.accessCode ?? '');
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.waitForURL(`${baseUrl}/organiser`);
}

/**
 * Serious or critical accessibility problems axe-core finds on the page (WCAG 2.1 A and AA rules), one line each.
 * Every rule still runs on every element; what is spared is bookkeeping, three times faster on a long table:
 * axe.run in the page itself (legacy mode: no second, blank page to merge per-frame results — the web app has
 * no frames), and only the violations gathered with their elements (`resultTypes`: passes are never read here).
 */
export async function seriousAxeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .setLegacyMode()
    .options({ resultTypes: ['violations'] })
    .analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join(', ')})`);
}

/** Nothing wider than the screen: the page does not scroll sideways, and every control is within its width. */
export async function cutOffOnTheRight(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = window.innerWidth;
    const wide = document.documentElement.scrollWidth > width ? [`the page is ${document.documentElement.scrollWidth} px wide on a ${width} px screen`] : [];
    const controls = [...document.querySelectorAll('a, button, select, input, textarea, summary, label')]
      .filter((element) => element.getBoundingClientRect().width > 0 && element.getBoundingClientRect().right > width + 0.5)
      .map((element) => element.outerHTML.slice(0, 160));
    return [...wide, ...controls];
  });
}

/**
 * The browser side of a test file: the API under test, one Chromium, and the profiles its tests open.
 * `t` and `browser` may be taken at once (`const { t, browser } = useBrowserSuite()`): they stand for what
 * the suite's beforeAll starts, and say so clearly when used before it ran or after it failed.
 */
export interface BrowserSuite {
  /** The real API on its own database, serving the built web app. */
  readonly t: TestApp & { baseUrl: string };
  readonly browser: Browser;
  /** A fresh browser profile (a person on their own device), closed after the file. */
  newContext(options?: BrowserContextOptions): Promise<BrowserContext>;
  /** A page of a fresh laptop profile (LAPTOP, then `options`). */
  newPage(options?: BrowserContextOptions): Promise<Page>;
  /** A fresh phone profile (PHONE, then `options`), as a person on their own phone. */
  newPhone(options?: BrowserContextOptions): Promise<BrowserContext>;
  /** The admin signed in with their password on a fresh laptop page, on the staff home. */
  signInAdmin(options?: BrowserContextOptions): Promise<{ page: Page; problems: string[] }>;
  /** A new organiser of the event (addOrganiser, as an admin does) signed in with their one-time code on a fresh laptop page. */
  signInOrganiser(eventId: string, options?: BrowserContextOptions): Promise<{ page: Page; problems: string[]; email: string }>;
  /** Starts the API, then Chromium (useBrowserSuite's beforeAll). */
  start(): Promise<void>;
  /** Closes every profile, Chromium and the API, each even when another fails to close (useBrowserSuite's afterAll). */
  close(): Promise<void>;
}

/**
 * Registers the file's beforeAll and afterAll for a browser test: starts the API (with `env`, read when
 * the hook runs: it may come from an earlier hook, e.g. an SMTP server's address) and Chromium, and closes
 * every profile, Chromium and the API afterwards — each of them even when another fails to close, and
 * whatever started when setup failed half-way (the rest is closed by closeEverythingOpened).
 * Call it inside the file's `describe`.
 */
export function useBrowserSuite(env: () => Record<string, string> = () => ({})): BrowserSuite {
  const suite = browserSuite({ env });
  beforeAll(() => suite.start());
  afterAll(() => suite.close());
  return suite;
}

/** A browser suite whose start and close the caller runs (useBrowserSuite runs them as the file's hooks). */
export function browserSuite({ env = () => ({}), chromiumPath = CHROMIUM_PATH }: { env?: () => Record<string, string>; chromiumPath?: string } = {}): BrowserSuite {
  let app: (TestApp & { baseUrl: string }) | undefined;
  let chromium: Browser | undefined;
  const contexts: BrowserContext[] = [];
  const started = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`${what} is not started: the browser suite's beforeAll has not run, or it failed`);
    return value;
  };
  const t = lateBound(() => started(app, 'The API'));
  const browser = lateBound(() => started(chromium, 'Chromium'));

  const suite: BrowserSuite = {
    t,
    browser,
    async start() {
      app = await startWebTestApp(env());
      chromium = await launchChromium(chromiumPath);
    },
    async close() {
      const closing = await Promise.allSettled(contexts.map((context) => context.close()));
      const last = await Promise.allSettled([chromium?.close(), app?.close()]);
      const failures = [...closing, ...last].filter((result): result is PromiseRejectedResult => result.status === 'rejected').map((result) => result.reason as unknown);
      if (failures.length) throw new AggregateError(failures, `closing the browser suite failed ${failures.length} time(s)`);
    },
    async newContext(options = {}) {
      const context = await browser.newContext(options);
      contexts.push(context);
      return context;
    },
    async newPage(options = {}) {
      return (await suite.newContext({ ...LAPTOP, ...options })).newPage();
    },
    newPhone(options = {}) {
      return suite.newContext({ ...PHONE, ...options });
    },
    async signInAdmin(options = {}) {
      const page = await suite.newPage(options);
      const { problems } = watchPage(page);
      await signInStaffThroughPage(page, t.baseUrl, ADMIN);
      return { page, problems };
    },
    async signInOrganiser(eventId, options = {}) {
      const email = `organiser-${randomUUID()}@pairwise.test`;
      const response = await t.gql(
        `mutation ($input: AddOrganiserInput!) { addOrganiser(input: $input) { accessCode { code } } }`,
        { input: { eventId, email, name: 'Olga Organiser' } },
        await t.adminToken(),
      );
      const code = response.data?.addOrganiser?.accessCode?.code as string | undefined;
      if (!code) throw new Error(`addOrganiser failed: ${JSON.stringify(response.errors)}`);
      const page = await suite.newPage(options);
      const { problems } = watchPage(page);
      await signInStaffThroughPage(page, t.baseUrl, { email, accessCode: code });
      return { page, problems, email };
    },
  };
  return suite;
}
