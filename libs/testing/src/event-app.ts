import { createEventWithOrganiser, type EventFixture, type OrganiserFixture } from './factories';
import { startTestApp, type StartOptions, type TestApp } from './test-app';

/** How most end-to-end files begin: the app under test, one event, and an organiser of it. */
export interface EventApp {
  t: TestApp;
  event: EventFixture;
  organiser: OrganiserFixture;
}

export interface EventAppOptions {
  /** Environment of the app (startTestApp's `env`). */
  env?: Record<string, string>;
  /** startTestApp's options. */
  start?: StartOptions;
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
export async function startEventApp(options: EventAppOptions = {}): Promise<EventApp> {
  const t = await startTestApp(options.env, options.start);
  try {
    return { t, ...(await createEventWithOrganiser(t, options.event)) };
  } catch (error) {
    await t.close();
    throw error;
  }
}
