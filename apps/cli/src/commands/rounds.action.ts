import { loadApi } from '../../../api/src/public-api';
import { OPERATOR, withAppContext } from '../app-context';
import { CliUsageError } from '../cli-errors';

const { DomainError, EventsService, localDateTime, RoundDirectory } = loadApi();

export interface RoundsOptions {
  event: string;
  json?: boolean;
}

/** One round as `pairwise rounds` shows it. */
export interface ListedRound {
  id: string;
  name: string;
  status: string;
  startsAt: string;
  /** The venue's wall clock with its offset. */
  startsAtLocal: string;
}

/**
 * `pairwise rounds`: the rounds of an event in time order — id, status, start and name — as a table
 * (or JSON), so that an id (or a name) can be passed to `pairwise export --round`.
 */
export async function runRounds(options: RoundsOptions): Promise<void> {
  let listed: { timeZone: string; rounds: ListedRound[] };
  try {
    listed = await withAppContext(async (context) => {
      const event = await context.get(EventsService).find(OPERATOR, { slug: options.event });
      const rounds = await context.get(RoundDirectory).list(OPERATOR, event.id);
      return {
        timeZone: event.timeZone,
        rounds: rounds.map((round) => ({
          id: round.id,
          name: round.name,
          status: round.status,
          startsAt: round.startsAt.toISOString(),
          startsAtLocal: localDateTime(round.startsAt, event.timeZone),
        })),
      };
    });
  } catch (error) {
    if (error instanceof DomainError) throw new CliUsageError(error.message);
    throw error;
  }
  process.stdout.write(options.json ? `${JSON.stringify(listed.rounds, null, 2)}\n` : formatRounds(options.event, listed.timeZone, listed.rounds));
}

/** Aligned columns; the name last, since it may hold spaces. */
export function formatRounds(slug: string, timeZone: string, rounds: readonly ListedRound[]): string {
  if (!rounds.length) return `${slug}: no rounds yet\n`;
  const rows = [
    ['ID', 'STATUS', `STARTS (${timeZone})`, 'NAME'],
    // "2026-12-03T10:30:00+01:00" → "2026-12-03 10:30" (the zone is in the header).
    ...rounds.map((round) => [round.id, round.status, round.startsAtLocal.slice(0, 16).replace('T', ' '), round.name]),
  ];
  const widths = [0, 1, 2].map((column) => Math.max(...rows.map((row) => row[column]!.length)));
  return rows.map((row) => row.map((cell, column) => (column < 3 ? cell.padEnd(widths[column]!) : cell)).join('  ')).join('\n') + '\n';
}
