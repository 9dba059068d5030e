import { createEvent, createEventWithOrganiser, type EventFixture, type OrganiserFixture } from './factories';
import { startTestApp, type StartOptions, type TestApp } from './test-app';

/** How most end-to-end files begin: the app under test, one event, and an organiser of it. */
export interface EventApp {
  t: TestApp;
  event: EventFixture;
  organiser: OrganiserFixture;
}

/** How files that act as the operator begin: the app under test and its admin's token. */
export interface AdminApp {
  t: TestApp;
  admin: string;
}

export interface AppOptions {
  /** Environment of the app (startTestApp's `env`). */
  env?: Record<string, string>;
  /** startTestApp's options. */
  start?: StartOptions;
}

export interface EventAppOptions extends AppOptions {
  /** Fields of CreateEventInput over createEvent's defaults. */
  event?: Record<string, unknown>;
}

/**
 * Starts the app under test (a database of its own), creates an event and signs in an organiser of
 * it. The caller closes the app (`afterAll(() => t?.close())`); when creating the event or the
 * organiser fails, the app is closed here before the error goes on, since the caller never got it.
 * @example
 * beforeAll(async () => {
 *   ({ t, event: { id: eventId }, organiser: { token: organiser } } = await startEventApp({ event: { oddPolicy: 'TRIO' } }));
 * });
 * afterAll(() => t?.close());
 */
export function startEventApp(options: EventAppOptions = {}): Promise<EventApp> {
  return startAppWith(options, (t) => createEventWithOrganiser(t, options.event));
}

/**
 * Starts the app under test (a database of its own) and signs its admin in; closed here, like
 * startEventApp's, when the sign-in fails.
 * @example
 * beforeAll(async () => {
 *   ({ t, admin } = await startAdminApp());
 * });
 * afterAll(() => t?.close());
 */
export function startAdminApp(options: AppOptions = {}): Promise<AdminApp> {
  return startAppWith(options, async (t) => ({ admin: await t.adminToken() }));
}

/** startAdminApp, and one event its admin created (`options.event` over createEvent's defaults). */
export function startAdminEventApp(options: EventAppOptions = {}): Promise<AdminApp & { event: EventFixture }> {
  return startAppWith(options, async (t) => ({ admin: await t.adminToken(), event: await createEvent(t, options.event) }));
}

/** Starts the app, then `setUp`; closes the app when `setUp` fails, since the caller never gets it. */
async function startAppWith<T extends object>(options: AppOptions, setUp: (t: TestApp) => Promise<T>): Promise<{ t: TestApp } & T> {
  const t = await startTestApp(options.env, options.start);
  try {
    return { t, ...(await setUp(t)) };
  } catch (error) {
    await t.close();
    throw error;
  }
}
