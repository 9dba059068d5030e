import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { EventStatsData, RoundScores } from '../reports.repository';
import { reportColumns, ZoneClock, type Cell, type Column } from '../report-cells';
import { assertOpen, drained, finished } from './backpressure';
import type { ReportContent, RowProgress } from './report-content';

type Workbook = ExcelJS.stream.xlsx.WorkbookWriter;
type Worksheet = ExcelJS.Worksheet;

const DATE_FORMAT = 'yyyy-mm-dd hh:mm';
const SHARE_FORMAT = '0.0%';
const SCORE_FORMAT = '0.000';
const HEADER_FONT: Partial<ExcelJS.Font> = { bold: true, color: { argb: 'FFFFFFFF' } };
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF3B4A6B' } };
const BAR_WIDTH = 40;

/**
 * A streamed workbook: a Summary sheet (the KPIs, scores per round, and the
 * score distribution drawn as bars), then one sheet per round with a frozen,
 * filterable header row and sized columns. Rows are written to the
 * destination as they come from the cursor (no shared-strings table, so
 * memory stays flat); user text is always a string cell, never a formula.
 * Returns the meeting rows written.
 */
export async function writeXlsx(content: ReportContent, destination: Writable, onRow: RowProgress = () => undefined): Promise<number> {
  const zone = new ZoneClock(content.event.timeZone);
  const columns = reportColumns(zone.timeZone, content.largestMeeting);
  const done = finished(destination);
  done.catch(() => undefined); // observed below
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: destination, useStyles: true, useSharedStrings: false });
  workbook.creator = 'Pairwise';
  workbook.created = content.generatedAt;
  const names = new SheetNames(['Summary']);
  if (content.stats) writeSummary(workbook, content.stats, content, zone);

  const pending = [...(content.stats?.rounds ?? [])];
  let sheet: Worksheet | null = null;
  let sheetRound: string | null = null;
  const openSheet = (roundId: string, roundName: string) => {
    sheet?.commit();
    sheet = roundSheet(workbook, names.claim(roundName), columns);
    sheetRound = roundId;
    const index = pending.findIndex((round) => round.roundId === roundId);
    if (index >= 0) pending.splice(index, 1);
  };
  // Rounds without meetings still get their (empty) sheet, in round order.
  const emptyRoundsBefore = (roundId: string | null) => {
    while (pending.length && pending[0]!.roundId !== roundId) {
      const round = pending[0]!;
      openSheet(round.roundId, round.name);
    }
  };

  let written = 0;
  for await (const row of content.rows) {
    assertOpen(destination);
    if (row.roundId !== sheetRound) {
      emptyRoundsBefore(row.roundId);
      openSheet(row.roundId, row.roundName);
    }
    sheet!.addRow(columns.map((column) => xlsxCell(column.cell(row, zone)))).commit();
    onRow(++written, content.total);
    if (destination.writableNeedDrain) await drained(destination);
  }
  emptyRoundsBefore(null);
  (sheet as Worksheet | null)?.commit();
  await workbook.commit();
  await done;
  return written;
}

function xlsxCell(cell: Cell): ExcelJS.CellValue {
  if (cell === null) return null;
  switch (cell.kind) {
    case 'text':
      return toXstring(cell.value);
    case 'number':
      return cell.value;
    case 'time':
      return cell.value.date;
  }
}

/**
 * OOXML's escape for characters XML cannot carry as they are (ST_Xstring):
 * a carriage return would come back as a line feed, other control characters
 * are not allowed at all, so they are written `_x000D_` — which spreadsheets
 * decode — and a literal `_xHHHH_` in the text is itself escaped (`_x005F_`).
 */
export function toXstring(text: string): string {
  return (
    text
      .replace(/_(x[0-9A-Fa-f]{4}_)/g, '_x005F_$1')
      // eslint-disable-next-line no-control-regex -- control characters are what this escapes
      .replace(/[\u0000-\u0008\u000B-\u001F\uFFFE\uFFFF]/g, (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`)
  );
}

function roundSheet(workbook: Workbook, name: string, columns: Column[]): Worksheet {
  const sheet = workbook.addWorksheet(name, {
    views: [{ state: 'frozen', xSplit: 2, ySplit: 1 }],
    autoFilter: { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } },
  } as Partial<ExcelJS.AddWorksheetOptions>);
  // Only the columns that need a number format get a style: every styled cell costs exceljs a style lookup.
  sheet.columns = columns.map((column) => {
    const numFmt = column.header.startsWith('Start') || column.header.startsWith('End') ? DATE_FORMAT : column.header === 'Score' ? SCORE_FORMAT : undefined;
    return { key: column.header, width: column.width, ...(numFmt ? { style: { numFmt } } : {}) };
  });
  headerRow(sheet, columns.map((column) => column.header));
  return sheet;
}

function headerRow(sheet: Worksheet, headers: string[]): void {
  const row = sheet.addRow(headers);
  row.font = HEADER_FONT;
  row.fill = HEADER_FILL;
  row.commit();
}

function writeSummary(workbook: Workbook, stats: EventStatsData, content: ReportContent, zone: ZoneClock): void {
  const sheet = workbook.addWorksheet('Summary', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = [{ width: 34 }, { width: 18 }, { width: 18 }, { width: 12 }, { width: 10 }, { width: 12 }, { width: 12 }, { width: 12 }];
  headerRow(sheet, ['Pairing report', content.event.name]);
  const add = (values: ExcelJS.CellValue[], numFmt?: string) => {
    const row = sheet.addRow(values);
    if (numFmt) row.getCell(2).numFmt = numFmt;
    row.commit();
  };
  add(['Report of', content.round ? `Round: ${content.round.name}` : 'The whole event (published rounds)']);
  add(['Time zone', zone.timeZone]);
  add([`Generated (${zone.timeZone})`, zone.of(content.generatedAt).date], DATE_FORMAT);
  add([]);
  for (const [label, value, format] of kpiLines(stats)) add([label, value], format);
  add([]);
  section(sheet, ['Scores per round', 'Status', `Start (${zone.timeZone})`, 'Meetings', 'Pairs', 'Mean score', 'Min score', 'Max score']);
  for (const round of stats.rounds) {
    const row = sheet.addRow([round.name, round.status.toLowerCase(), zone.of(round.startsAt).date, round.meetings, round.pairs, round.meanScore, round.minScore, round.maxScore]);
    row.getCell(3).numFmt = DATE_FORMAT;
    for (const column of [6, 7, 8]) row.getCell(column).numFmt = SCORE_FORMAT;
    row.commit();
  }
  for (const round of stats.rounds) distribution(sheet, round);
  sheet.commit();
}

/** A round's score distribution as a bar chart drawn with block characters (it opens in any spreadsheet). */
function distribution(sheet: Worksheet, round: RoundScores): void {
  if (!round.distribution.length) return;
  sheet.addRow([]).commit();
  section(sheet, [`Score distribution: ${round.name}`, 'Pairs', 'Chart']);
  const most = Math.max(1, ...round.distribution.map((bucket) => bucket.count));
  for (const bucket of round.distribution) {
    const bar = '█'.repeat(Math.round((bucket.count / most) * BAR_WIDTH));
    sheet.addRow([`${bucket.from.toFixed(2)} to ${bucket.to.toFixed(2)}`, bucket.count, bar]).commit();
  }
}

function section(sheet: Worksheet, headers: string[]): void {
  const row = sheet.addRow(headers);
  row.font = { bold: true };
  row.commit();
}

export function kpiLines(stats: EventStatsData): [string, number | null, string?][] {
  return [
    ['Attendees registered', stats.attendeesRegistered],
    ['Attendees present', stats.attendeesPresent],
    ['Attendees matched at least once', stats.attendeesMatched],
    ['Meetings scheduled', stats.meetingsScheduled],
    ['Meetings held', stats.meetingsHeld],
    ['Meetings with a no-show', stats.meetingsNoShow],
    ['Meetings cancelled', stats.meetingsCancelled],
    ['Cross-company meetings', stats.crossCompanyShare, SHARE_FORMAT],
    ['Cross-role meetings', stats.crossRoleShare, SHARE_FORMAT],
    ['Repeat pairs (must be 0)', stats.repeatPairs],
    ['Feedback answers', stats.feedbackResponses],
    ['Feedback mean rating (1–5)', stats.feedbackMeanRating, '0.00'],
    ['Would meet again', stats.wouldMeetAgainShare, SHARE_FORMAT],
    ['Speaker slots requested', stats.speakerSlotsRequested],
    ['Speaker slots granted', stats.speakerSlotsGranted],
  ];
}

/** Sheet names: at most 31 characters, none of `[]:*?/\`, unique case-insensitively, never "History". */
export class SheetNames {
  private readonly used = new Set<string>();

  constructor(taken: string[] = []) {
    for (const name of taken) this.used.add(name.toLowerCase());
  }

  claim(wanted: string): string {
    // eslint-disable-next-line no-control-regex -- control characters are exactly what a sheet name may not hold
    let base = wanted.replace(/[[\]:*?/\\\u0000-\u001f]/g, ' ').replace(/^'+|'+$/g, '').replace(/\s+/g, ' ').trim();
    if (!base || base.toLowerCase() === 'history') base = `Round ${base}`.trim();
    base = truncate(base, 31);
    let name = base;
    for (let n = 2; this.used.has(name.toLowerCase()); n++) {
      const suffix = ` (${n})`;
      name = truncate(base, 31 - suffix.length) + suffix;
    }
    this.used.add(name.toLowerCase());
    return name;
  }
}

/** At most `units` UTF-16 code units (how spreadsheets count), never splitting a character. */
function truncate(text: string, units: number): string {
  let result = '';
  for (const character of text) {
    if (result.length + character.length > units) break;
    result += character;
  }
  return result;
}
