import type { DataSource } from 'typeorm';
import { localDateTime } from '../common/local-time';
import { NOT_YET_PUBLISHED, sqlList } from '../rounds/round-lifecycle';
import type { UpcomingRound } from './models/upcoming-round.model';

export interface UpcomingRoundRow {
  id: string;
  name: string;
  startsAt: Date;
  durationMinutes: number;
  timeZone: string;
  optedOut: boolean;
}

/**
 * The rounds of an event an attendee can still opt out of — not published, not cancelled, not
 * ended — in time order, each with the attendee's own opt-out. One statement.
 */
export function upcomingRoundsOf(dataSource: DataSource, eventId: string, attendeeId: string): Promise<UpcomingRoundRow[]> {
  return dataSource.query(
    `SELECT r.id, r.name, r.starts_at AS "startsAt", r.duration_minutes AS "durationMinutes", e.time_zone AS "timeZone",
            (o.attendee_id IS NOT NULL) AS "optedOut"
       FROM rounds r
       JOIN events e ON e.id = r.event_id
       LEFT JOIN round_opt_outs o ON o.round_id = r.id AND o.attendee_id = $2
      WHERE r.event_id = $1 AND r.status IN ${sqlList(NOT_YET_PUBLISHED)}
        AND r.starts_at + make_interval(mins => r.duration_minutes) > now()
      ORDER BY r.starts_at, r.name, r.id`,
    [eventId, attendeeId],
  );
}

export function toUpcomingRoundModel(round: UpcomingRoundRow): UpcomingRound {
  const endsAt = new Date(round.startsAt.getTime() + round.durationMinutes * 60_000);
  return { ...round, startsAtLocal: localDateTime(round.startsAt, round.timeZone), endsAt, endsAtLocal: localDateTime(endsAt, round.timeZone) };
}
