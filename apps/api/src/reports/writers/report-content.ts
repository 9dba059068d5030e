import type { EventStatsData } from '../reports.repository';
import type { PairingRow } from '../report-rows';

/** Everything a report file holds, read from one database snapshot; `rows` streams from a cursor. */
export interface ReportContent {
  event: { id: string; slug: string; name: string; timeZone: string };
  /** The round asked for; null for the whole event. */
  round: { id: string; name: string } | null;
  generatedAt: Date;
  /** The KPIs; null for formats that have no room for them (CSV). */
  stats: EventStatsData | null;
  /** Meetings in the report (the progress total). */
  total: number;
  /** The most people at one meeting (topic tables seat up to 8): the files give each seat its columns. */
  largestMeeting: number;
  rows: AsyncIterable<PairingRow>;
}

/** Called after each row written, with the count so far and the rows in all. */
export type RowProgress = (written: number, total: number) => void;
