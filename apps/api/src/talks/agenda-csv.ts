import { parse } from 'csv-parse';
import { talksError, TalksErrorReason } from './talks.errors';
import { splitList } from '../imports/attendee-csv';
import { DELIMITER_NAMES, sniffDelimiter } from '../imports/csv-text';
import { parseAgendaTime, refuseNul, type AgendaFile, type AgendaRejection, type AgendaSession, type AgendaSpeaker } from './agenda-source';

/**
 * Reads an agenda CSV, one talk per line. Headers are matched case-insensitively without
 * punctuation against the aliases below; columns are separated by commas, semicolons or tabs (as the
 * header line shows); list cells (speakers, tags) split on `;` (or `,`). Needed: an id (the import's
 * key), a title, a start, a duration or an end, and the speaker's email or name. Times without an
 * offset are on the event's clock.
 */
type AgendaField = 'id' | 'title' | 'startsAt' | 'endsAt' | 'durationMinutes' | 'room' | 'speakerEmail' | 'speakerName' | 'tags';

const ALIASES: Record<AgendaField, readonly string[]> = {
  id: ['id', 'session id', 'sessionid', 'talk id', 'reference', 'ref'],
  title: ['title', 'session title', 'talk', 'talk title', 'session'],
  startsAt: ['starts at', 'start', 'starts', 'start time', 'scheduled at', 'date time'],
  endsAt: ['ends at', 'end', 'ends', 'end time'],
  durationMinutes: ['duration', 'duration minutes', 'duration min', 'minutes', 'length', 'scheduled duration'],
  room: ['room', 'location', 'hall', 'stage'],
  speakerEmail: ['speaker email', 'speaker emails', 'speaker e mail', 'email', 'e mail', 'owner email'],
  speakerName: ['speaker', 'speakers', 'speaker name', 'speaker names', 'owner'],
  tags: ['tags', 'topics', 'track', 'tracks', 'categories', 'category'],
};

const headerKey = (header: string) => header.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
const FIELD_BY_HEADER = new Map<string, AgendaField>(Object.entries(ALIASES).flatMap(([field, aliases]) => aliases.map((alias) => [headerKey(alias), field as AgendaField])));

/** Parses the file's text (decodeCsvBytes reads its bytes). A file that cannot be an agenda is one BAD_USER_INPUT saying why. */
export async function readAgendaCsv(text: string): Promise<AgendaFile & { delimiter: string }> {
  refuseNul(text, 'CSV file');
  if (!text.trim()) throw talksError(TalksErrorReason.AGENDA_EMPTY, 'The agenda file is empty');
  const delimiter = sniffDelimiter(text);
  const parser = parse({ bom: true, delimiter, skip_empty_lines: true, relax_column_count: true, trim: true, info: true });
  const lines: { line: number; values: Partial<Record<AgendaField, string>> }[] = [];
  let columns: (AgendaField | undefined)[] | undefined;
  const ignoredColumns: string[] = [];
  const consume = (async () => {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      if (!columns) {
        columns = record.map((header) => FIELD_BY_HEADER.get(headerKey(header)));
        record.forEach((header, i) => {
          if (!columns![i] && header) ignoredColumns.push(header);
        });
        const missing = [
          !columns.includes('id') && 'id',
          !columns.includes('title') && 'title',
          !columns.includes('startsAt') && 'starts at',
          !columns.includes('durationMinutes') && !columns.includes('endsAt') && 'duration (minutes) or ends at',
          !columns.includes('speakerEmail') && !columns.includes('speakerName') && 'speaker email or speaker',
        ].filter((x): x is string => !!x);
        if (missing.length) {
          throw talksError(TalksErrorReason.AGENDA_CSV_COLUMNS, `The agenda CSV needs the columns ${missing.join(', ')}; found: ${record.join(', ') || 'nothing'} (read as ${DELIMITER_NAMES[delimiter]}-separated)`);
        }
        continue;
      }
      const values: Partial<Record<AgendaField, string>> = {};
      record.forEach((cell, i) => {
        const field = columns![i];
        if (field && cell) values[field] = cell;
      });
      lines.push({ line: info.lines, values });
    }
  })();
  parser.end(text);
  try {
    await consume;
  } catch (error) {
    if ((error as { code?: string }).code?.startsWith('CSV_')) throw talksError(TalksErrorReason.AGENDA_MALFORMED, `The file is not valid CSV: ${(error as Error).message}`);
    throw error;
  }
  if (!lines.length) throw talksError(TalksErrorReason.AGENDA_EMPTY, 'The agenda CSV has a header line but no talk line');

  const sessions: AgendaSession[] = [];
  const rejected: AgendaRejection[] = [];
  for (const { line, values } of lines) {
    const where = `line ${line}`;
    const sourceId = values.id ?? null;
    const title = values.title ?? null;
    const problems: string[] = [];
    if (!sourceId) problems.push('id: missing (it keys the talk, so the file can be imported again)');
    if (!title) problems.push('title: missing');
    const startsAt = values.startsAt ? parseAgendaTime(values.startsAt) : 'missing';
    if (typeof startsAt === 'string') problems.push(`starts at: ${startsAt}`);
    const endsAt = values.endsAt ? parseAgendaTime(values.endsAt) : null;
    if (typeof endsAt === 'string') problems.push(`ends at: ${endsAt}`);
    let durationMinutes: number | null = null;
    if (values.durationMinutes) {
      durationMinutes = /^\d{1,4}$/.test(values.durationMinutes) ? Number(values.durationMinutes) : null;
      if (durationMinutes === null) problems.push(`duration: "${values.durationMinutes}" is not a number of minutes`);
    } else if (!values.endsAt) problems.push('duration: missing (give a duration in minutes or an end)');
    const emails = values.speakerEmail ? splitList(values.speakerEmail) : [];
    const names = values.speakerName ? splitList(values.speakerName) : [];
    const speakers: AgendaSpeaker[] = Array.from({ length: Math.max(emails.length, names.length) }, (_, i) => ({
      sourceId: null,
      name: names[i] ?? emails[i]!,
      email: emails[i] ?? null,
    }));
    if (!speakers.length) problems.push('speaker: missing (an email or a name of an attendee)');
    if (problems.length || typeof startsAt === 'string' || typeof endsAt === 'string') {
      rejected.push({ where, sourceId, title, reason: problems.join('; ') });
      continue;
    }
    sessions.push({
      sourceId: sourceId!,
      where,
      title: title!,
      startsAt,
      endsAt: durationMinutes === null ? endsAt : null,
      durationMinutes,
      room: values.room ?? null,
      speakers,
      tags: values.tags ? splitList(values.tags) : [],
    });
  }
  return { format: 'CSV', sessions, rejected, skipped: [], ignoredColumns, tagsFromVocabularyOnly: false, delimiter };
}
