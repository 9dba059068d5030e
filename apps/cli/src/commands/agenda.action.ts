import fs from 'node:fs';
import { loadApi, type AgendaImportReport } from '../../../api/src/public-api';
import { OPERATOR, withAppContext } from '../app-context';
import { CliUsageError } from '../cli-errors';

const { AgendaFormat, AgendaImportService, decodeCsvBytes, DomainError, EventsService } = loadApi();

export interface AgendaImportOptions {
  event: string;
  format?: string;
  dryRun?: boolean;
  json?: boolean;
}

const SHOWN = 20;
const FORMATS: Record<string, AgendaImportReport['format']> = { sessionize: AgendaFormat.SESSIONIZE_JSON, csv: AgendaFormat.CSV };

/** `pairwise agenda import`: creates or updates the event's talks from the file and prints the report (or JSON). */
export async function runAgendaImport(file: string, options: AgendaImportOptions): Promise<void> {
  if (!fs.existsSync(file)) throw new CliUsageError(`no such file: ${file}`);
  const format = options.format === undefined ? (/\.json$/i.test(file) ? AgendaFormat.SESSIONIZE_JSON : undefined) : FORMATS[options.format.toLowerCase()];
  if (options.format !== undefined && !format) throw new CliUsageError(`--format must be sessionize or csv, not ${options.format}`);
  let report: AgendaImportReport;
  try {
    // The same decoding as attendee CSVs: a byte-order mark, UTF-16 without one, UTF-8, else Windows-1252.
    const { text, encoding } = decodeCsvBytes(fs.readFileSync(file));
    const agenda = await AgendaImportService.read(text, format);
    report = await withAppContext(async (context) => {
      const event = await context.get(EventsService).find(OPERATOR, { slug: options.event });
      return { ...(await context.get(AgendaImportService).import(OPERATOR, event.id, agenda, options.dryRun === true)), encoding };
    });
  } catch (error) {
    if (error instanceof DomainError) throw new CliUsageError(error.message);
    throw error;
  }
  process.stdout.write(options.json ? `${JSON.stringify(report, null, 2)}\n` : describe(report, file, options.event));
  if (!report.created && !report.updated && !report.unchanged) throw new CliUsageError(`nothing imported: none of the ${report.sessions} sessions could be a talk`);
}

function describe(report: AgendaImportReport, file: string, slug: string): string {
  const lines = [
    `${file} (${report.format === AgendaFormat.CSV ? 'CSV' : 'Sessionize'}) → ${slug}${report.dryRun ? ' (dry run: nothing written)' : ''}: ${report.sessions} sessions, ` +
      `${report.created} created, ${report.updated} updated, ${report.unchanged} unchanged, ${report.rejected.length} rejected, ${report.skipped.length} not talks`,
  ];
  for (const row of report.rejected.slice(0, SHOWN)) lines.push(`  ${row.where}${row.title ? ` (${row.title})` : ''}: ${row.reason}`);
  if (report.rejected.length > SHOWN) lines.push(`  … and ${report.rejected.length - SHOWN} more (use --json for all)`);
  if (report.unmatchedSpeakers.length) {
    lines.push(`speakers who are not attendees (${report.unmatchedSpeakers.length}):`);
    for (const s of report.unmatchedSpeakers.slice(0, SHOWN)) lines.push(`  ${s.name}${s.email ? ` <${s.email}>` : ''}: ${s.reason} (sessions ${s.sessions.join(', ')})`);
  }
  for (const note of report.notes.slice(0, SHOWN)) lines.push(`note: ${note}`);
  if (report.unknownTags.length) lines.push(`tags not in the vocabulary (kept): ${report.unknownTags.join(', ')}`);
  if (report.ignoredCategories.length) lines.push(`categories that are not vocabulary tags (not made tags): ${report.ignoredCategories.join(', ')}`);
  if (report.ignoredColumns.length) lines.push(`columns not recognised (ignored): ${report.ignoredColumns.join(', ')}`);
  return `${lines.join('\n')}\n`;
}
