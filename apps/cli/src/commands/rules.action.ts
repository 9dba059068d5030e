import fs from 'node:fs';
import { loadApi } from '../../../api/src/public-api';
import { OPERATOR, withAppContext } from '../app-context';
import { CliUsageError } from '../cli-errors';
import { readJsonFile } from './matching/io';

const { DomainError, EventsService, MatchingRulesService } = loadApi();

export interface RulesOptions {
  event: string;
  set?: string;
  earlierEvents?: string;
}

export interface ConflictsImportOptions {
  event: string;
  dryRun?: boolean;
  json?: boolean;
}

/** The API's refusals (an unknown event, invalid rules naming the field) as one usage line, exit code 2. */
async function asUsage<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof DomainError) {
      const field = error.fields?.[0];
      throw new CliUsageError(field && !error.message.includes(field.field) ? `${error.message} (${field.field}: ${field.message})` : error.message);
    }
    throw error;
  }
}

/**
 * `pairwise rules`: prints the event's rules document as JSON — the file `pairwise plan --rules` reads —
 * after storing `--set FILE` (validated as the API validates it) and `--earlier-events on|off` when given.
 */
export async function runRules(options: RulesOptions): Promise<void> {
  const earlier = options.earlierEvents;
  if (earlier !== undefined && earlier !== 'on' && earlier !== 'off') throw new CliUsageError(`--earlier-events must be on or off; got "${earlier}"`);
  const document = options.set === undefined ? undefined : readJsonFile(options.set);
  if (document !== undefined && (typeof document !== 'object' || document === null || Array.isArray(document))) {
    throw new CliUsageError(`${options.set}: a rules document is a JSON object`);
  }
  const view = await asUsage(() =>
    withAppContext(async (context) => {
      const event = await context.get(EventsService).find(OPERATOR, { slug: options.event });
      const service = context.get(MatchingRulesService);
      if (document === undefined && earlier === undefined) return service.get(OPERATOR, event.id);
      return service.set(OPERATOR, {
        eventId: event.id,
        ...(document === undefined ? {} : { rules: document as never }),
        ...(earlier === undefined ? {} : { conflictsFromEarlierEvents: earlier === 'on' }),
      });
    }),
  );
  process.stdout.write(`${JSON.stringify(view.rules, null, 2)}\n`);
  process.stderr.write(`${options.event}: ${view.conflicts} conflict pairs; earlier events ${view.conflictsFromEarlierEvents ? 'on' : 'off'}\n`);
}

/** `pairwise conflicts import`: records the pairs of the file as conflicts of interest and prints what it did. */
export async function runConflictsImport(file: string, options: ConflictsImportOptions): Promise<void> {
  if (!fs.existsSync(file)) throw new CliUsageError(`no such file: ${file}`);
  const csv = fs.readFileSync(file, 'utf8');
  const report = await asUsage(() =>
    withAppContext(async (context) => {
      const event = await context.get(EventsService).find(OPERATOR, { slug: options.event });
      return context.get(MatchingRulesService).importConflicts(OPERATOR, event.id, csv, options.dryRun === true);
    }),
  );
  if (options.json) {
    process.stdout.write(`${JSON.stringify({ ...report, matching: { conflicts: report.matching.conflicts } }, null, 2)}\n`);
    return;
  }
  const lines = [
    `${file} → ${options.event}${report.dryRun ? ' (dry run: nothing written)' : ''}: ${report.lines} lines, ${report.added} new pairs, ${report.alreadyKnown} already known; ${report.matching.conflicts} conflict pairs in all`,
    ...report.unknown.map((u) => `  line ${u.line}: "${u.value}" is no attendee of this event (skipped)`),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}
