import { localDateTime } from '../common/local-time';
import type { UpcomingRoundRow } from '../rounds/rounds.repository';
import type { UpcomingRound } from './models/upcoming-round.model';

export function toUpcomingRoundModel(round: UpcomingRoundRow): UpcomingRound {
  const endsAt = new Date(round.startsAt.getTime() + round.durationMinutes * 60_000);
  return { ...round, startsAtLocal: localDateTime(round.startsAt, round.timeZone), endsAt, endsAtLocal: localDateTime(endsAt, round.timeZone) };
}
