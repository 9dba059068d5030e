import { DATE_TIME_YEARS, DateTimeFormatError, parseDateTime } from '../common/date-time';
import { talksError, TalksErrorReason } from './talks.errors';

/**
 * An agenda as read from a file, before it meets the database: the same shape whatever the source
 * (a Sessionize "All data" export, a CSV), so one service imports both.
 */

/** Where an agenda comes from; also the prefix of the talks' `externalId`. */
export type AgendaFormat = 'SESSIONIZE_JSON' | 'CSV';

export const SOURCE_PREFIX: Record<AgendaFormat, string> = { SESSIONIZE_JSON: 'sessionize', CSV: 'csv' };

/** A reading of a clock without offset (Sessionize writes local times that way). */
export interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** A time as the file gives it: on the event's wall clock (no offset), or an instant (an offset was written). */
export type AgendaTime = { kind: 'wall'; wall: WallTime } | { kind: 'instant'; instant: Date };

/** A speaker as the file names them; matched to an attendee by email, else by name. */
export interface AgendaSpeaker {
  /** The speaker's id in the source (Sessionize's uuid), or null (CSV). */
  sourceId: string | null;
  name: string;
  email: string | null;
}

/** One session of the file, or why it cannot be one. */
export interface AgendaSession {
  /** The session's id in the source, the import's key. */
  sourceId: string;
  /** How the report points at it: `session 160121`, `line 4`. */
  where: string;
  title: string;
  startsAt: AgendaTime;
  /** Exactly one of `endsAt` and `durationMinutes`. */
  endsAt: AgendaTime | null;
  durationMinutes: number | null;
  room: string | null;
  /** In the source's order; the first one who is an attendee gives the talk. */
  speakers: AgendaSpeaker[];
  /** Raw topic names, normalised through the event vocabulary on import. */
  tags: string[];
}

/** A session of the file that is not imported, and why. */
export interface AgendaRejection {
  where: string;
  sourceId: string | null;
  title: string | null;
  reason: string;
}

export interface AgendaFile {
  format: AgendaFormat;
  sessions: AgendaSession[];
  /** Sessions the file has that cannot be talks (malformed, unscheduled…). */
  rejected: AgendaRejection[];
  /** Sessions that are not talks by nature (Sessionize "service sessions": breaks, lunch, registration). */
  skipped: AgendaRejection[];
  /** CSV columns no alias matched (reported, not imported). */
  ignoredColumns: string[];
  /** Tags that are topics only when they are in the event vocabulary (Sessionize categories mix topics with levels and formats). */
  tagsFromVocabularyOnly: boolean;
}

const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(Z|z|[+-]\d{2}:\d{2})?$/;
const daysIn = (year: number, month: number): number => new Date(Date.UTC(year, month, 0)).getUTCDate();

/**
 * A date-time as agenda files write it: `2026-06-11T09:30:00` (Sessionize: the event's local time, no
 * offset), `2026-06-11 09:30` (a spreadsheet), or with an offset (`…+02:00`, `…Z`: an instant).
 * Returns the reason when it is not one (a date the calendar has not, 25:00, a year out of range).
 */
export function parseAgendaTime(text: string): AgendaTime | string {
  const match = LOCAL_DATE_TIME.exec(text.trim());
  if (!match) return `"${text}" is not a date-time (expected e.g. 2026-06-11T09:30:00 on the event's clock)`;
  const [, y, mo, d, h, mi, s, fraction, offset] = match;
  if (offset) {
    try {
      return { kind: 'instant', instant: parseDateTime(`${y}-${mo}-${d}T${h}:${mi}:${s ?? '00'}${fraction ?? ''}${offset}`) };
    } catch (error) {
      if (error instanceof DateTimeFormatError) return `"${text}": ${error.message}`;
      throw error;
    }
  }
  const [year, month, day, hour, minute, second] = [y, mo, d, h, mi, s ?? '0'].map(Number) as [number, number, number, number, number, number];
  if (month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) return `"${text}": ${y}-${mo}-${d} is not a date of the calendar`;
  if (hour > 23 || minute > 59 || second > 59) return `"${text}": ${h}:${mi} is not a time of day`;
  if (year < DATE_TIME_YEARS.min || year > DATE_TIME_YEARS.max) return `"${text}": the year must be between ${DATE_TIME_YEARS.min} and ${DATE_TIME_YEARS.max}`;
  return { kind: 'wall', wall: { year, month, day, hour, minute, second } };
}

/** PostgreSQL refuses NUL in text: a file holding one is refused whole, saying so (never a 500). */
export function refuseNul(text: string, what: string): void {
  if (text.includes('\u0000')) throw talksError(TalksErrorReason.AGENDA_NUL_CHARACTER, `The ${what} contains a NUL character (U+0000), which is not text: export the file again`);
}
