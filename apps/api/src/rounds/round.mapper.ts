import { localDateTime } from '../common/local-time';
import { OddPolicy } from '../events/models/event.model';
import type { EventEntity } from '../events/event.entity';
import { Fairness, LeftOutReason, Round, RoundStats, RoundStatus } from './models/round.model';
import type { RoundEntity, StoredRoundStats } from './round.entity';

/** `event`: the round's event (its policy and time zone); absent only if it was deleted meanwhile. */
export function toRoundModel(round: RoundEntity, event?: Pick<EventEntity, 'matchingSettings' | 'timeZone'>): Round {
  const stats = round.stats;
  const policy = round.oddPolicy ?? event?.matchingSettings.oddPolicy ?? 'trio';
  const progress = round.progress;
  const timeZone = event?.timeZone ?? 'UTC';
  const endsAt = new Date(round.startsAt.getTime() + round.durationMinutes * 60_000);
  return {
    id: round.id,
    eventId: round.eventId,
    name: round.name,
    startsAt: round.startsAt,
    startsAtLocal: localDateTime(round.startsAt, timeZone),
    endsAt,
    endsAtLocal: localDateTime(endsAt, timeZone),
    timeZone,
    durationMinutes: round.durationMinutes,
    tables: round.tables,
    status: round.status as RoundStatus,
    oddPolicy: policy === 'bye' ? OddPolicy.BYE : OddPolicy.TRIO,
    fairness: round.fairness === 'maxmin' ? Fairness.MAXMIN : Fairness.NONE,
    tableSize: round.tableSize,
    seed: round.seed,
    progress: progress
      ? {
          phase: progress.phase,
          attendees: progress.attendees ?? null,
          startedAt: progress.startedAt ? new Date(progress.startedAt) : null,
          finishedAt: progress.finishedAt ? new Date(progress.finishedAt) : null,
          error: progress.error ?? null,
          timings: progress.timings ?? null,
        }
      : null,
    stats: stats ? toRoundStats(stats, round.eventId) : null,
    leftOut: (stats?.leftOut ?? []).map((entry) => ({ attendeeId: entry.attendeeId, eventId: round.eventId, reason: entry.reason as LeftOutReason })),
    rules: round.rules,
    generatedAt: round.generatedAt,
    publishedAt: round.publishedAt,
  };
}

/** The stored figures as the review shows them: field for field, who sat out apart (`Round.leftOut`). */
function toRoundStats({ leftOut: _leftOut, meetingRequests: _requests, worstServed, ...figures }: StoredRoundStats, eventId: string): RoundStats {
  return { ...figures, tables: figures.tables ?? 0, scoreUpperBound: figures.scoreUpperBound ?? null, text: figures.text ?? null, worstServed: worstServed.map((entry) => ({ ...entry, eventId })) };
}
