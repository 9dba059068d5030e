import type { MeetingStatusValue } from '../rounds/meeting.entity';
import type { PairingRow } from './report-rows';
import { wallClock } from '../common/local-time';

/** Participants per row in the files, at least: a pair or a trio; a report holding topic tables gets one group per seat of its largest table. */
export const PARTICIPANT_COLUMNS = 3;

/** A cell of a report file: text (user text or ours), a number, a wall-clock time, or empty. */
export type Cell = { kind: 'text'; value: string } | { kind: 'number'; value: number } | { kind: 'time'; value: WallClock } | null;

export interface Column {
  header: string;
  /** Width in characters, for the XLSX writer. */
  width: number;
  cell(row: PairingRow, zone: ZoneClock): Cell;
}

const STATUS_LABEL = { SCHEDULED: 'scheduled', HELD: 'held', NO_SHOW: 'no-show', CANCELLED: 'cancelled' } as const satisfies Record<MeetingStatusValue, string>;

const text = (value: string | null | undefined): Cell => (value === null || value === undefined || value === '' ? null : { kind: 'text', value });
const number = (value: number | null): Cell => (value === null ? null : { kind: 'number', value });

/** The columns of a pairing report file, in order; the CSV and XLSX writers share them. */
export function reportColumns(timeZone: string, participants = PARTICIPANT_COLUMNS): Column[] {
  const participantColumns = Array.from({ length: Math.max(PARTICIPANT_COLUMNS, participants) }, (_, i): Column[] => [
    { header: `Person ${i + 1}`, width: 22, cell: (row) => text(row.participants[i]?.name) },
    // The id always, the email when shared: two people of the same name stay apart.
    { header: `Attendee id ${i + 1}`, width: 38, cell: (row) => text(row.participants[i]?.attendeeId) },
    { header: `Email ${i + 1}`, width: 26, cell: (row) => text(row.participants[i]?.email) },
    { header: `Company ${i + 1}`, width: 18, cell: (row) => text(row.participants[i]?.company) },
    { header: `Role ${i + 1}`, width: 16, cell: (row) => text(row.participants[i]?.role) },
  ]).flat();
  return [
    { header: 'Round', width: 18, cell: (row) => text(row.roundName) },
    { header: 'Table', width: 10, cell: (row) => text(row.table) },
    { header: `Start (${timeZone})`, width: 17, cell: (row, zone) => ({ kind: 'time', value: zone.of(row.startsAt) }) },
    { header: `End (${timeZone})`, width: 17, cell: (row, zone) => ({ kind: 'time', value: zone.of(row.endsAt) }) },
    { header: 'Status', width: 10, cell: (row) => text(STATUS_LABEL[row.status]) },
    { header: 'Score', width: 8, cell: (row) => number(Math.round(row.score * 1000) / 1000) },
    ...participantColumns,
    {
      header: 'No-show',
      width: 12,
      cell: (row) => text(row.participants.flatMap((p, i) => (p.noShow ? [`Person ${i + 1}`] : [])).join(', ')),
    },
    { header: 'Top reasons', width: 48, cell: (row) => text(row.topReasons.join('; ')) },
    { header: 'Feedback answers', width: 10, cell: (row) => number(row.feedback.responses) },
    { header: 'Said they met', width: 10, cell: (row) => number(row.feedback.met) },
    { header: 'Mean rating', width: 10, cell: (row) => number(row.feedback.meanRating) },
    { header: 'Would meet again', width: 10, cell: (row) => number(row.feedback.wouldMeetAgain) },
  ];
}

/**
 * Formula injection: a spreadsheet treats a cell that starts with `=`, `+`,
 * `-` or `@` (or a tab or carriage return before one) as a formula. Text
 * cells that start so get a leading apostrophe, which spreadsheets show as
 * text and never evaluate.
 */
export function neutralise(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** A time as the clock on the venue's wall shows it. */
export interface WallClock {
  /** `2030-06-01 12:00` */
  text: string;
  /** The same wall time as a UTC date, for spreadsheet date cells (which have no time zone). */
  date: Date;
}

/** Wall-clock times in one time zone, remembered (a round's meetings share a few instants). */
export class ZoneClock {
  private readonly seen = new Map<number, WallClock>();

  constructor(readonly timeZone: string) {}

  of(instant: Date): WallClock {
    const key = instant.getTime();
    const known = this.seen.get(key);
    if (known) return known;
    const reading = wallClock(instant, this.timeZone);
    const [year, month, day] = reading.date.split('-').map(Number);
    const [hour, minute] = reading.time.split(':').map(Number);
    const clock = { text: `${reading.date} ${reading.time.slice(0, 5)}`, date: new Date(Date.UTC(year!, month! - 1, day!, hour!, minute!)) };
    if (this.seen.size > 1000) this.seen.clear();
    this.seen.set(key, clock);
    return clock;
  }
}
