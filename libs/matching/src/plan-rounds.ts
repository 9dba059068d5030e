import { MatchingInputError } from './errors';
import { mixSeeds, hashSeed } from './prng';
import { createEngine } from './planner';
import type { PlanRoundInput, RoundPlan } from './round-types';
import { buildScoringModel } from './score';
import { readRoundOptions, readSitOut } from './round-options';

/** Input of {@link planRounds}: one round's input plus how many rounds. */
export interface PlanRoundsInput extends Omit<PlanRoundInput, 'mustMeet' | 'busy'> {
  /** Number of consecutive rounds to plan (1…100). */
  readonly rounds: number;
}

/** Several rounds and the sit-out counts after them. */
export interface RoundsPlan {
  readonly rounds: readonly RoundPlan[];
  /** `sitOutCounts` of the input plus the byes of these rounds (every attendee listed). */
  readonly sitOutCounts: Readonly<Record<string, number>>;
}

/**
 * Plans `rounds` consecutive rounds: each is {@link planRound}'s exact
 * optimum given the rounds before it, never repeating a pair (within the
 * plan, trios included, or from `pastPairs`), and passing byes around (only
 * the least-rested attendees can sit out). With `tableSize`, each round is
 * a table round (see `TableEngine`), every pair at a table counting as met.
 * Scores and candidate lists are
 * computed once and reused; round r uses the seed `mix(seed, r)`.
 *
 * Complexity: one scoring pass (as planRound) plus one sparse exact solve
 * and pricing per round.
 * @throws {MatchingInputError} naming the field for invalid input, or
 *   `rounds` outside 1…100.
 * @example
 * const { rounds } = planRounds({ profiles, rounds: 6, seed: 'day-1' });
 * rounds.length; // 6
 */
export function planRounds(input: PlanRoundsInput): RoundsPlan {
  if (typeof input.rounds !== 'number' || !Number.isInteger(input.rounds) || input.rounds < 1 || input.rounds > 100) {
    throw new MatchingInputError('rounds', 'must be an integer between 1 and 100');
  }
  // Busy sets and must-meet pairs belong to one round: plan such rounds one at a time with createRoundPlanner.
  for (const field of ['mustMeet', 'busy'] as const) {
    if ((input as PlanRoundInput)[field] !== undefined) throw new MatchingInputError(field, 'is per round: use createRoundPlanner(…).plan({ mustMeet, busy })');
  }
  const options = readRoundOptions(input);
  const model = buildScoringModel(input.profiles, input);
  const sitOut = readSitOut(model, input.sitOutCounts);
  const engine = createEngine(model, options, input.candidatesPerAttendee, input.rounds);
  const used = new Set<number>();
  const rounds: RoundPlan[] = [];
  for (let r = 0; r < input.rounds; r++) {
    const plan = engine.plan({ used, sitOut, policy: options.policy, fairness: options.fairness, seed: mixSeeds(hashSeed(options.seed), r) });
    rounds.push(plan);
    for (const meeting of plan.meetings) {
      for (const edge of meeting.edges) {
        const a = model.index.get(edge.a) as number;
        const b = model.index.get(edge.b) as number;
        used.add(Math.min(a, b) * model.n + Math.max(a, b));
      }
    }
    for (const bye of plan.byes) {
      const v = model.index.get(bye.id) as number;
      sitOut[v] = (sitOut[v] as number) + 1;
    }
  }
  return { rounds, sitOutCounts: Object.fromEntries(model.profiles.map((p, v) => [p.id, sitOut[v] as number])) };
}
