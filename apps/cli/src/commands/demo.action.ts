import { loadApi } from '../../../api/src/public-api';
import { OPERATOR, withAppContext } from '../app-context';
import { CliUsageError } from '../cli-errors';
import { DEMO_DEFAULTS, DEMO_MAX_ATTENDEES, type DemoOptions } from '../demo/demo-options';
import { DemoSeederService, type DemoReport } from '../demo/demo-seeder.service';

const { DomainError, EventsErrorReason } = loadApi();

/** Options of `pairwise demo` as commander hands them over (strings). */
export interface DemoCommandOptions {
  readonly event?: string;
  readonly attendees?: string;
  readonly presentShare?: string;
  readonly seed?: string;
  readonly reset?: boolean;
  readonly json?: boolean;
}

/** `pairwise demo`: seeds the demo event and prints what it made (a report, or JSON). */
export async function runDemo(options: DemoCommandOptions): Promise<void> {
  const report = await seedDemo(parseDemoOptions(options));
  process.stdout.write(options.json ? `${JSON.stringify(report, null, 2)}\n` : describe(report));
}

/** @throws {CliUsageError} for a value out of range, before anything touches the database. */
export function parseDemoOptions(options: DemoCommandOptions): DemoOptions {
  const slug = options.event ?? DEMO_DEFAULTS.slug;
  if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(slug) || slug.length > 64) {
    throw new CliUsageError(`--event must be a slug of lower-case letters, digits and dashes; got "${slug}"`);
  }
  const attendeesText = options.attendees ?? String(DEMO_DEFAULTS.attendees);
  const attendees = Number(attendeesText);
  if (!/^\d+$/.test(attendeesText) || attendees < 2 || attendees > DEMO_MAX_ATTENDEES) {
    throw new CliUsageError(`--attendees must be a whole number from 2 to ${DEMO_MAX_ATTENDEES}; got "${attendeesText}"`);
  }
  const shareText = options.presentShare ?? String(DEMO_DEFAULTS.presentShare);
  const presentShare = Number(shareText);
  if (!/^(0|1|0?\.\d+|1\.0*)$/.test(shareText) || presentShare < 0 || presentShare > 1) {
    throw new CliUsageError(`--present-share must be a number from 0 to 1; got "${shareText}"`);
  }
  const seed = options.seed ?? DEMO_DEFAULTS.seed;
  if (!seed.trim()) throw new CliUsageError('--seed must not be empty');
  return { slug, attendees, presentShare, seed, reset: Boolean(options.reset) };
}

async function seedDemo(options: DemoOptions): Promise<DemoReport> {
  try {
    return await withAppContext((context) => context.get(DemoSeederService).seed(OPERATOR, options));
  } catch (error) {
    if (error instanceof DomainError && error.reason === EventsErrorReason.EVENT_SLUG_TAKEN) {
      throw new CliUsageError(`the event "${options.slug}" already exists; pass --reset to delete it and seed it again`);
    }
    if (error instanceof DomainError) throw new CliUsageError(error.message);
    throw error;
  }
}

function describe(report: DemoReport): string {
  const { event, organiser } = report;
  return [
    `${report.replaced ? 'Replaced' : 'Created'} the demo event "${event.slug}" (${event.name}): ${event.venue}, ${event.startsOn} to ${event.endsOn}, ${event.timeZone}`,
    `  ${report.attendees} attendees, all consenting to matchmaking, ${report.present} checked in; ${report.wishes} wishes, ${report.blocks} blocks; ${report.vocabulary} tags in the vocabulary`,
    `Organiser: ${organiser.email}`,
    `  one-time access code: ${organiser.accessCode} (valid until ${organiser.expiresAt.toISOString()})`,
    '',
    'Next: start the API (`npm start`), then follow "Run three rounds of a demo event" in the README, starting with',
    `  CODE=${organiser.accessCode}`,
    '',
  ].join('\n');
}
