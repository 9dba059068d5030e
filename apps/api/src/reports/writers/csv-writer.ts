import type { Writable } from 'node:stream';
import { stringify } from 'csv-stringify';
import { neutralise, reportColumns, ZoneClock, type Cell } from '../report-cells';
import { assertOpen, drained, finished } from './backpressure';
import type { ReportContent, RowProgress } from './report-content';

/**
 * One line per meeting, UTF-8 with a byte-order mark (so spreadsheets read
 * accents, CJK and emoji right), CRLF line ends, every text cell neutralised
 * against formula injection. Returns the rows written.
 */
export async function writeCsv(content: ReportContent, destination: Writable, onRow: RowProgress = () => undefined): Promise<number> {
  const zone = new ZoneClock(content.event.timeZone);
  const columns = reportColumns(zone.timeZone, content.largestMeeting);
  const csv = stringify({ bom: true, record_delimiter: 'windows' });
  csv.pipe(destination);
  const done = finished(destination);
  done.catch(() => undefined); // observed below; an early close must not be an unhandled rejection meanwhile
  csv.write(columns.map((column) => neutralise(column.header)));
  let written = 0;
  for await (const row of content.rows) {
    assertOpen(destination);
    if (!csv.write(columns.map((column) => csvCell(column.cell(row, zone))))) await drained(csv, destination);
    onRow(++written, content.total);
  }
  csv.end();
  await done;
  return written;
}

function csvCell(cell: Cell): string | number {
  if (cell === null) return '';
  switch (cell.kind) {
    case 'text':
      return neutralise(cell.value);
    case 'number':
      return cell.value;
    case 'time':
      return cell.value.text;
  }
}
