import { parse } from 'csv-parse';
import { importsError, ImportsErrorReason } from './imports.errors';
import { DELIMITER_NAMES, sniffDelimiter, type CsvDelimiter } from './csv-text';

/**
 * Reads a ticketing-style attendee CSV (Tito, Eventbrite, Luma, Pretix exports
 * and hand-made sheets): header names are matched case-insensitively and
 * without punctuation against known aliases; columns are separated by commas, semicolons or
 * tabs (whichever the header line uses); list cells split on `;` (or `,`).
 */
export const CSV_FIELDS = [
  'email', 'name', 'firstName', 'lastName', 'company', 'role', 'seniority', 'ticketType', 'stack', 'interests',
  'lookingFor', 'canOffer', 'languages', 'bio', 'links', 'consentMatchmaking', 'present',
] as const;
export type CsvField = (typeof CSV_FIELDS)[number];

const ALIASES: Record<CsvField, readonly string[]> = {
  email: ['email', 'e-mail', 'email address', 'attendee email', 'ticket email', 'mail'],
  name: ['name', 'full name', 'attendee name', 'attendee', 'ticket full name'],
  firstName: ['first name', 'firstname', 'given name', 'ticket first name'],
  lastName: ['last name', 'lastname', 'surname', 'family name', 'ticket last name'],
  company: ['company', 'company name', 'organization', 'organisation', 'employer', 'ticket company name'],
  role: ['role', 'job title', 'title', 'position', 'job role', 'job'],
  seniority: ['seniority', 'level', 'experience level', 'experience'],
  ticketType: ['ticket type', 'ticket', 'ticket name', 'ticket class', 'ticket tier', 'registration type', 'attendee type', 'pass type', 'ticket category'],
  stack: ['stack', 'tech stack', 'technologies', 'tools', 'skills'],
  interests: ['interests', 'interest', 'topics', 'topics of interest'],
  lookingFor: ['looking for', 'lookingfor', 'seeking', 'wants to meet', 'goals'],
  canOffer: ['can offer', 'canoffer', 'offers', 'offering', 'can help with', 'expertise'],
  languages: ['languages', 'language', 'spoken languages'],
  bio: ['bio', 'about', 'about me', 'description'],
  links: ['links', 'link', 'linkedin', 'website', 'url', 'profile url'],
  consentMatchmaking: ['consent', 'matchmaking consent', 'matchmaking', 'networking opt-in', 'networking consent', 'opt in'],
  present: ['present', 'checked in', 'check in', 'checkin', 'checked-in', 'attended'],
};

const headerKey = (header: string) => header.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
const FIELD_BY_HEADER = new Map<string, CsvField>(
  Object.entries(ALIASES).flatMap(([field, aliases]) => aliases.map((alias) => [headerKey(alias), field as CsvField])),
);
const LIST_FIELDS = new Set<CsvField>(['stack', 'interests', 'lookingFor', 'canOffer', 'languages', 'links']);

export interface CsvAttendeeRow {
  /** 1-based line of the record in the file (the header is line 1). */
  line: number;
  values: Partial<Record<CsvField, string | string[]>>;
}

/** A header of the file and the profile field it fills (none when no alias matched). */
export interface CsvColumn {
  header: string;
  field: CsvField | null;
}

export interface CsvAttendees {
  rows: CsvAttendeeRow[];
  /** Every column of the header line, in order, with its field. */
  columns: CsvColumn[];
  /** Header names no alias matched: reported, not imported. */
  ignoredColumns: string[];
  /** The column separator the header line uses. */
  delimiter: CsvDelimiter;
}

export function splitList(cell: string): string[] {
  const separator = cell.includes(';') ? ';' : ',';
  return cell.split(separator).map((item) => item.trim()).filter(Boolean);
}

/**
 * Parses a whole file's text (see decodeCsvBytes for its bytes). A file that is not CSV at all, has
 * no email column or no attendee line is one BAD_USER_INPUT error saying which.
 */
export async function readAttendeeCsv(input: string): Promise<CsvAttendees> {
  const delimiter = sniffDelimiter(input);
  const readAs = `read as ${DELIMITER_NAMES[delimiter]}-separated`;
  const parser = parse({ bom: true, delimiter, skip_empty_lines: true, relax_column_count: true, trim: true, info: true });
  const rows: CsvAttendeeRow[] = [];
  let columns: (CsvField | undefined)[] | undefined;
  const ignoredColumns: string[] = [];
  let header: CsvColumn[] = [];
  const consume = (async () => {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      if (!columns) {
        columns = record.map((header) => {
          const field = FIELD_BY_HEADER.get(headerKey(header));
          if (!field && header) ignoredColumns.push(header);
          return field;
        });
        header = record.map((name, index) => ({ header: name, field: columns![index] ?? null }));
        if (!columns.includes('email')) {
          throw importsError(ImportsErrorReason.CSV_NO_EMAIL_COLUMN, `The CSV needs an email column; found: ${record.join(', ') || 'nothing'} (${readAs})`);
        }
        continue;
      }
      const values: CsvAttendeeRow['values'] = {};
      record.forEach((cell, index) => {
        const field = columns![index];
        if (!field || !cell) return;
        values[field] = LIST_FIELDS.has(field) ? splitList(cell) : cell;
      });
      rows.push({ line: info.lines, values });
    }
  })();
  parser.end(input);
  try {
    await consume;
  } catch (error) {
    if ((error as { code?: string }).code?.startsWith('CSV_')) {
      throw importsError(ImportsErrorReason.CSV_MALFORMED, `The file is not valid CSV: ${(error as Error).message}`);
    }
    throw error;
  }
  if (!columns) throw importsError(ImportsErrorReason.CSV_EMPTY, 'The CSV is empty: it needs a header line and one line per attendee');
  if (!rows.length) throw importsError(ImportsErrorReason.CSV_NO_ROWS, `The CSV has a header line (${header.map((column) => column.header).join(', ')}) but no attendee line`);
  return { rows, columns: header, ignoredColumns, delimiter };
}
