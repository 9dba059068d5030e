import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { DataSource } from 'typeorm';
import { AttendeeEntity } from '../attendees/attendee.entity';
import { CreateAttendeeInput } from '../attendees/inputs/attendee.inputs';
import { applyProfileChanges, normaliseEmail, type ProfileChanges } from '../attendees/profile-writer';
import type { Actor } from '../auth/actor';
import { managedEvent } from '../auth/event-access';
import { importsError, ImportsErrorReason } from './imports.errors';
import { EventEntity } from '../events/event.entity';
import { EventsService } from '../events/events.service';
import { NUL_IN_TEXT } from '../common/validation';
import { LeftOutReason } from '../rounds/models/round.model';
import { decodeBase64File, decodeCsvBytes, type CsvDelimiter, type CsvEncoding } from './csv-text';
import { CSV_FIELDS, readAttendeeCsv, type CsvAttendeeRow, type CsvAttendees, type CsvColumn, type CsvField } from './attendee-csv';
import { EventsRepository } from '../events/events.repository';
import { AttendeesRepository } from '../attendees/attendees.repository';

export interface RejectedRow {
  line: number;
  email: string | null;
  reason: string;
}

/** Why an imported attendee cannot be matched in a round yet (the first rule they miss, as generateRound checks). */
export type NotMatchableReason = typeof LeftOutReason.NO_CONSENT | typeof LeftOutReason.NOT_PRESENT;

export interface NotMatchable {
  reason: NotMatchableReason;
  count: number;
  /** What the organiser or the attendees do about it. */
  fix: string;
}

const FIXES: Record<NotMatchableReason, string> = {
  [LeftOutReason.NO_CONSENT]:
    'Each agrees to matchmaking when they sign in (giveMatchmakingConsent), or import a “Matchmaking consent” column saying yes for those who agreed on your ticketing form.',
  [LeftOutReason.NOT_PRESENT]:
    'Attendees check in at the venue (setMyPresence), organisers mark them present (updateAttendee with present: true), or import a “Checked in” column saying yes.',
};

export interface ImportReport {
  /** Nothing was written: what the import would do. */
  dryRun: boolean;
  /** The column separator the header line uses. */
  delimiter: CsvDelimiter;
  columns: CsvColumn[];
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  rejected: RejectedRow[];
  unknownTags: string[];
  ignoredColumns: string[];
  /** Imported attendees (created, updated or unchanged) who can be matched in a round now: consenting and checked in. */
  matchableNow: number;
  /** The other imported attendees, by the first rule they miss, with the fix. */
  notMatchableNow: NotMatchable[];
}

/**
 * A file as importAttendees receives it: its text, or its bytes in base64 (a browser sends the file as it
 * is, and the encoding is read from the bytes here, as `pairwise import` reads a file on disk).
 */
export interface CsvUpload {
  csv?: string | null;
  csvBase64?: string | null;
}

/** An import's report with the encoding its bytes were read in (null when the file came as text). */
export type UploadImportReport = ImportReport & { encoding: CsvEncoding | null };

/** The text of an upload: exactly one of its two forms. */
function readUpload({ csv, csvBase64 }: CsvUpload): { text: string; encoding: CsvEncoding | null } {
  if ((csv == null) === (csvBase64 == null)) {
    throw importsError(ImportsErrorReason.CSV_ONE_SOURCE, 'Send the file once: as text in csv, or as its bytes in csvBase64 (one of the two)', {
      fields: [{ field: csv == null ? 'csv' : 'csvBase64', message: csv == null ? 'csv or csvBase64 is required' : 'give csv or csvBase64, not both' }],
    });
  }
  if (csv != null) return { text: csv, encoding: null };
  return decodeCsvBytes(decodeBase64File(csvBase64!));
}

export type ImportProgress = (done: number, total: number) => void;

/** Fields whose change makes a row count as "updated". */
const COMPARED_FIELDS = [
  'name', 'company', 'role', 'seniority', 'ticketType', 'stack', 'interests', 'lookingFor', 'canOffer', 'languages', 'bio', 'links',
  'consentMatchmaking', 'present',
] as const satisfies readonly (keyof AttendeeEntity)[];

const WRITE_CHUNK = 500;

/** Thrown at the end of a dry run's transaction so that PostgreSQL forgets what it wrote. */
class DryRunDone extends Error {}

/**
 * Upserts attendees by email, idempotently: importing the same file twice
 * changes nothing the second time. Empty cells leave a field as it is. Valid
 * rows are written in one transaction (all or none); invalid rows are
 * reported with their line and reason.
 */
@Injectable()
export class AttendeeImportService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly attendees: AttendeesRepository,
    private readonly eventsService: EventsService,
    private readonly events: EventsRepository,
  ) {}

  /**
   * The file as sent through GraphQL, as text or as its bytes: the caller is checked before a byte of it
   * is parsed. A dry run does the whole import, with the same rules and locks, and rolls it back: its
   * report is the preview of what importing would do.
   */
  async importUpload(actor: Actor, eventId: string, upload: CsvUpload, dryRun = false): Promise<UploadImportReport> {
    const event = managedEvent(actor, await this.events.findById(eventId));
    const { text, encoding } = readUpload(upload);
    return { ...(await this.importInto(event, await readAttendeeCsv(text), () => undefined, dryRun)), encoding };
  }

  async import(actor: Actor, eventId: string, csv: CsvAttendees, onProgress: ImportProgress = () => undefined): Promise<ImportReport> {
    return this.importInto(managedEvent(actor, await this.events.findById(eventId)), csv, onProgress);
  }

  private async importInto(event: EventEntity, csv: CsvAttendees, onProgress: ImportProgress = () => undefined, dryRun = false): Promise<ImportReport> {
    const { accepted, rejected } = validateRows(csv.rows);
    const total = csv.rows.length;
    const rejectedBeforeWriting = rejected.length;
    onProgress(rejectedBeforeWriting, total);
    const unknownTags = new Set<string>();
    let created = 0;
    let updated = 0;
    let unchanged = 0;
    const notMatchable: Record<NotMatchableReason, number> = { [LeftOutReason.NO_CONSENT]: 0, [LeftOutReason.NOT_PRESENT]: 0 };
    let matchableNow = 0;
    const writing = this.dataSource.transaction(async (manager) => {
      const vocabulary = await this.eventsService.vocabulary(event.id, manager);
      const now = new Date();
      for (let start = 0; start < accepted.length; start += WRITE_CHUNK) {
        const chunk = accepted.slice(start, start + WRITE_CHUNK);
        const existing = await this.attendees.lockByEmails(event.id, chunk.map((row) => row.changes.email!), manager);
        const byEmail = new Map(existing.map((attendee) => [attendee.email, attendee]));
        const inserts: Partial<AttendeeEntity>[] = [];
        const updates: AttendeeEntity[] = [];
        for (const { line, changes } of chunk) {
          const current = byEmail.get(changes.email!);
          if (!current && !changes.name) {
            rejected.push({ line, email: changes.email!, reason: 'name: a new attendee needs a name' });
            continue;
          }
          const next: Partial<AttendeeEntity> = current ? { ...current } : { eventId: event.id };
          applyProfileChanges(next, changes, vocabulary, now).forEach((tag) => unknownTags.add(tag));
          const blocker = !next.consentMatchmaking ? LeftOutReason.NO_CONSENT : !next.present ? LeftOutReason.NOT_PRESENT : null;
          if (blocker) notMatchable[blocker]++;
          else matchableNow++;
          if (!current) inserts.push(next);
          else if (COMPARED_FIELDS.some((field) => JSON.stringify(next[field]) !== JSON.stringify(current[field]))) {
            updates.push({ ...next, updatedAt: now } as AttendeeEntity);
          } else unchanged++;
        }
        await this.attendees.writeChunk(inserts, updates, manager);
        created += inserts.length;
        updated += updates.length;
        onProgress(rejectedBeforeWriting + start + chunk.length, total);
      }
      if (dryRun) throw new DryRunDone();
    });
    await writing.catch((error: unknown) => {
      if (!(error instanceof DryRunDone)) throw error;
    });
    rejected.sort((a, b) => a.line - b.line);
    return {
      dryRun,
      delimiter: csv.delimiter,
      columns: csv.columns,
      rows: total,
      created,
      updated,
      unchanged,
      rejected,
      unknownTags: [...unknownTags].sort(),
      ignoredColumns: csv.ignoredColumns,
      matchableNow,
      notMatchableNow: (Object.keys(FIXES) as NotMatchableReason[])
        .filter((reason) => notMatchable[reason] > 0)
        .map((reason) => ({ reason, count: notMatchable[reason], fix: FIXES[reason] })),
    };
  }
}

interface AcceptedRow {
  line: number;
  changes: ProfileChanges;
}

/** The same rules as createAttendee (the input class's validators), plus one row per email. */
function validateRows(rows: readonly CsvAttendeeRow[]): { accepted: AcceptedRow[]; rejected: RejectedRow[] } {
  const accepted: AcceptedRow[] = [];
  const rejected: RejectedRow[] = [];
  const firstLine = new Map<string, number>();
  for (const { line, values } of rows) {
    const text = (field: CsvField) => values[field] as string | undefined;
    const list = (field: CsvField) => values[field] as string[] | undefined;
    const email = text('email') ?? null;
    // PostgreSQL cannot store a NUL character: the row is reported, the others go on.
    const withNul = CSV_FIELDS.filter((field) => [values[field] ?? []].flat().some((cell) => cell.includes('\u0000')));
    if (withNul.length) {
      rejected.push({ line, email: email?.replaceAll('\u0000', '\ufffd') ?? null, reason: `${withNul.join(', ')}: ${NUL_IN_TEXT}` });
      continue;
    }
    const name = text('name') ?? [text('firstName'), text('lastName')].filter(Boolean).join(' ');
    const consent = values.consentMatchmaking === undefined ? undefined : parseYesNo(text('consentMatchmaking')!);
    if (consent === null) {
      rejected.push({ line, email, reason: `consent: "${values.consentMatchmaking}" is not yes or no` });
      continue;
    }
    const present = values.present === undefined ? undefined : parseYesNo(text('present')!);
    if (present === null) {
      rejected.push({ line, email, reason: `checked in: "${values.present}" is not yes or no` });
      continue;
    }
    const candidate = {
      eventId: '00000000-0000-4000-8000-000000000000',
      email: email ?? '',
      name,
      company: text('company'),
      role: text('role'),
      seniority: text('seniority'),
      ticketType: text('ticketType'),
      stack: list('stack'),
      interests: list('interests'),
      lookingFor: list('lookingFor'),
      canOffer: list('canOffer'),
      languages: list('languages'),
      bio: text('bio'),
      links: list('links'),
      consentMatchmaking: consent,
      present,
    };
    // A name is required for new attendees only, which is known once existing ones are loaded.
    const errors = validateSync(plainToInstance(CreateAttendeeInput, { ...candidate, name: name || 'known later' }), { whitelist: true });
    if (errors.length) {
      const reason = errors
        .map((error) => `${error.property}: ${Object.values(error.constraints ?? {}).join(', ')}`)
        .join('; ');
      rejected.push({ line, email, reason });
      continue;
    }
    const key = normaliseEmail(candidate.email);
    const seen = firstLine.get(key);
    if (seen !== undefined) {
      rejected.push({ line, email, reason: `email already on line ${seen} of this file` });
      continue;
    }
    firstLine.set(key, line);
    const { eventId: _unused, ...changes } = candidate;
    accepted.push({ line, changes: stripUndefined({ ...changes, name: name || undefined, email: key }) });
  }
  return { accepted, rejected };
}

function parseYesNo(text: string): boolean | null {
  const value = text.trim().toLowerCase();
  // English, and the yes and no of the French and German spreadsheets that write semicolons.
  if (['yes', 'y', 'true', '1', 'x', 'opt-in', 'opted in', 'checked in', 'oui', 'ja'].includes(value)) return true;
  if (['no', 'n', 'false', '0', 'opt-out', 'opted out', 'not checked in', 'non', 'nein'].includes(value)) return false;
  return null;
}

function stripUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
