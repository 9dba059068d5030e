import fs from 'node:fs';
import { Presets, SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import { DomainError } from '../../../api/src/common/domain-error';
import { EventsService } from '../../../api/src/events/events.service';
import { REPORT_FORMATS, type ReportFormat } from '../../../api/src/reports/report-export.entity';
import { ReportsService, type ExportResult } from '../../../api/src/reports/reports.service';
import { OPERATOR, withAppContext } from '../app-context';
import { CliUsageError } from '../cli-errors';

interface ExportOptions {
  event: string;
  round?: string;
  format: string;
  out: string;
}

export function registerExportCommand(program: Command): void {
  program
    .command('export')
    .description('Write the pairing report of an event (published rounds) or of one round, with its KPIs, to a file')
    .requiredOption('--event <slug>', 'the event slug')
    .option('--round <id>', 'only this round (a draft too)')
    .requiredOption('--format <format>', `one of ${REPORT_FORMATS.join(', ')}`)
    .requiredOption('--out <file>', 'where to write the report (replaced only once the export is complete)')
    .action(async (options: ExportOptions) => {
      const format = options.format.toLowerCase();
      if (!REPORT_FORMATS.includes(format as ReportFormat)) throw new CliUsageError(`--format must be one of ${REPORT_FORMATS.join(', ')}, not "${options.format}"`);
      if (options.round && !/^[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}$/i.test(options.round)) throw new CliUsageError(`--round must be a round id, not "${options.round}"`);
      const result = await exportTo(options, format as ReportFormat);
      process.stdout.write(`${options.out}: ${result.rows} meetings of ${options.event}${options.round ? ` (round ${options.round})` : ''} as ${format.toUpperCase()}\n`);
    });
}

async function exportTo(options: ExportOptions, format: ReportFormat): Promise<ExportResult> {
  const partial = `${options.out}.partial`;
  try {
    return await withAppContext(async (context) => {
      const event = await context.get(EventsService).find(OPERATOR, { slug: options.event });
      const download = await context.get(ReportsService).startExport(OPERATOR, { eventId: event.id, roundId: options.round, format, channel: 'cli' });
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
        return result;
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
