import fs from 'node:fs';
import { SingleBar, Presets } from 'cli-progress';
import { loadApi, type CsvEncoding, type ImportReport, type NotMatchableReason } from '../../../api/src/public-api';
import { OPERATOR, withAppContext } from '../app-context';
import { CliUsageError } from '../cli-errors';

const { AttendeeImportService, decodeCsvBytes, DELIMITER_NAMES, DomainError, ENCODING_NAMES, EventsService, readAttendeeCsv } = loadApi();

const SHOWN_REJECTIONS = 20;

type FileImportReport = ImportReport & { encoding: CsvEncoding };

/** `pairwise import`: upserts the attendees of the file into the event and prints the report (or JSON). */
export async function runImport(file: string, options: { event: string; json?: boolean }): Promise<void> {
  if (!fs.existsSync(file)) throw new CliUsageError(`no such file: ${file}`);
  const report = await importFile(file, options.event);
  process.stdout.write(options.json ? `${JSON.stringify(report, null, 2)}\n` : describe(report, file, options.event));
  // Nothing usable in the file: say so in the exit code too, as for any bad input.
  if (!report.created && !report.updated && !report.unchanged) throw new CliUsageError(`nothing imported: all ${report.rows} lines were rejected`);
}

async function importFile(file: string, slug: string): Promise<FileImportReport> {
  try {
    // The whole file is read first: its encoding is known only from its bytes (a mark, NULs, valid UTF-8 or not).
    const { text, encoding } = decodeCsvBytes(fs.readFileSync(file));
    const csv = await readAttendeeCsv(text);
    return await withAppContext(async (context) => {
      const event = await context.get(EventsService).find(OPERATOR, { slug });
      // cli-progress draws only on a terminal, so piped output stays clean.
      const bar = new SingleBar({ format: 'importing [{bar}] {percentage}% | {value}/{total} rows | {eta}s left', stream: process.stderr }, Presets.shades_classic);
      bar.start(csv.rows.length, 0);
      try {
        return { ...(await context.get(AttendeeImportService).import(OPERATOR, event.id, csv, (done) => bar.update(done))), encoding };
      } finally {
        bar.stop();
      }
    });
  } catch (error) {
    if (error instanceof DomainError) throw new CliUsageError(error.message);
    throw error;
  }
}

const NOT_MATCHABLE_LABEL: Record<NotMatchableReason, string> = {
  NO_CONSENT: 'without consent to matchmaking',
  NOT_PRESENT: 'not checked in',
};

function describe(report: FileImportReport, file: string, slug: string): string {
  const lines = [
    `${file} (${ENCODING_NAMES[report.encoding]}, ${DELIMITER_NAMES[report.delimiter]}-separated) → ${slug}: ${report.rows} rows, ` +
      `${report.created} created, ${report.updated} updated, ${report.unchanged} unchanged, ${report.rejected.length} rejected`,
  ];
  for (const row of report.rejected.slice(0, SHOWN_REJECTIONS)) lines.push(`  line ${row.line}${row.email ? ` (${row.email})` : ''}: ${row.reason}`);
  if (report.rejected.length > SHOWN_REJECTIONS) lines.push(`  … and ${report.rejected.length - SHOWN_REJECTIONS} more (use --json for all)`);
  if (report.unknownTags.length) lines.push(`tags not in the vocabulary (kept): ${report.unknownTags.join(', ')}`);
  if (report.ignoredColumns.length) lines.push(`columns not recognised (ignored): ${report.ignoredColumns.join(', ')}`);
  const imported = report.created + report.updated + report.unchanged;
  if (imported) {
    lines.push(`${report.matchableNow} of the ${imported} imported can be matched in a round now`);
    for (const group of report.notMatchableNow) lines.push(`  ${group.count} ${NOT_MATCHABLE_LABEL[group.reason]}: ${group.fix}`);
  }
  return `${lines.join('\n')}\n`;
}
