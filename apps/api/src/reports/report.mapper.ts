import { localDateTime } from '../common/local-time';
import type { MeetingStatus, RoundStatus } from '../rounds/models/round.model';
import type { EventStats, PairingReportRow } from './models/report.models';
import type { EventStatsData } from './reports.repository';
import type { PairingRow } from './report-rows';

export function toPairingReportRow(row: PairingRow, timeZone: string): PairingReportRow {
  return {
    meetingId: row.meetingId,
    roundId: row.roundId,
    roundName: row.roundName,
    tableNumber: row.tableNumber,
    table: row.table,
    startsAt: row.startsAt,
    startsAtLocal: localDateTime(row.startsAt, timeZone),
    endsAt: row.endsAt,
    endsAtLocal: localDateTime(row.endsAt, timeZone),
    status: row.status as MeetingStatus,
    score: row.score,
    participants: row.participants.map(({ attendeeId, name, email, company, role, noShow }) => ({ attendeeId, name, email, company, role, noShow })),
    topReasons: row.topReasons,
    feedback: { ...row.feedback },
  };
}

export function toEventStats(stats: EventStatsData, timeZone: string): EventStats {
  return {
    ...stats,
    rounds: stats.rounds.map((round) => ({
      ...round,
      startsAtLocal: localDateTime(round.startsAt, timeZone),
      status: round.status as RoundStatus,
      distribution: round.distribution.map((bucket) => ({ ...bucket })),
    })),
  };
}
