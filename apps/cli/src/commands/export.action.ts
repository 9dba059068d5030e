import fs from 'node:fs';
import { Presets, SingleBar } from 'cli-progress';
import { loadApi, REPORT_FORMATS, type ExportResult, type ReportFormat } from '../../../api/src/public-api';
import { OPERATOR, withAppContext } from '../app-context';
import { CliUsageError } from '../cli-errors';

const { DomainError, EventsService, ReportsService, RoundDirectory } = loadApi();

export interface ExportOptions {
  event: string;
  /** A round's id or its name. */
  round?: string;
  format: string;
  out: string;
}

/** `pairwise export`: writes the report to `--out` (through `<out>.partial`, renamed once complete) and says what it wrote. */
export async function runExport(options: ExportOptions): Promise<void> {
  const format = options.format.toLowerCase();
  if (!REPORT_FORMATS.includes(format as ReportFormat)) throw new CliUsageError(`--format must be one of ${REPORT_FORMATS.join(', ')}, not "${options.format}"`);
  if (options.round !== undefined && !options.round.trim()) throw new CliUsageError('--round must be a round id or name, not empty');
  const { result, round } = await exportTo(options, format as ReportFormat);
  process.stdout.write(`${options.out}: ${result.rows} meetings of ${options.event}${round ? ` (round ${round.id}, "${round.name}")` : ''} as ${format.toUpperCase()}\n`);
}

async function exportTo(options: ExportOptions, format: ReportFormat): Promise<{ result: ExportResult; round?: { id: string; name: string } }> {
  const partial = `${options.out}.partial`;
  try {
    return await withAppContext(async (context) => {
      const event = await context.get(EventsService).find(OPERATOR, { slug: options.event });
      const round = options.round === undefined ? undefined : await context.get(RoundDirectory).findByIdOrName(OPERATOR, event.id, options.round);
      const download = await context.get(ReportsService).startExport(OPERATOR, { eventId: event.id, roundId: round?.id, format, channel: 'cli' });
      // cli-progress draws only on a terminal, so piped output stays clean.
      const bar = new SingleBar({ format: 'exporting [{bar}] {percentage}% | {value}/{total} meetings | {eta}s left', stream: process.stderr }, Presets.shades_classic);
      let started = false;
      try {
        const result = await download.writeTo(fs.createWriteStream(partial), (written, total) => {
          if (!started) bar.start(total, 0);
          started = true;
          bar.update(written);
        });
        if (result.outcome !== 'COMPLETED') throw new Error(`the export stopped after ${result.rows} of ${result.total} meetings`);
        fs.renameSync(partial, options.out);
        return { result, round };
      } finally {
        bar.stop();
      }
    });
  } catch (error) {
    fs.rmSync(partial, { force: true });
    if (error instanceof DomainError) throw new CliUsageError(error.message);
    throw error;
  }
}
