import { MatchingInputError } from './errors';
import type { Seed } from './prng';
import type { FairnessMode, GroupPolicy, PlanRoundInput } from './round-types';
import type { ScoringModel } from './score';
import { MAX_TABLE_SIZE, MIN_TABLE_SIZE } from './table-sizes';

/** Validated options shared by planRound and planRounds. */
export interface RoundOptions {
  readonly seed: Seed;
  readonly policy: GroupPolicy;
  readonly fairness: FairnessMode;
  readonly maxPricingRounds: number;
  readonly maxGap: number;
  readonly checkInvariants: boolean;
  /** Table size of a table round (3…8), or null for pairs. */
  readonly tableSize: number | null;
}

function checkCount(value: unknown, field: string, min: number, max = Number.MAX_SAFE_INTEGER): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new MatchingInputError(field, `must be an integer between ${min} and ${max}`);
  }
  return value;
}

/**
 * Validates the options every planner takes and fills in the defaults.
 *
 * Complexity: O(1).
 * @throws {MatchingInputError} naming the offending field (`seed`, `policy`, `fairness`, `maxGap`,
 *   `tableSize` outside 3…8 or with `fairness: 'maxmin'`…).
 * @example readRoundOptions({ profiles, policy: 'bye' }).policy // 'bye'
 */
export function readRoundOptions(input: PlanRoundInput): RoundOptions {
  const seed = input.seed ?? 0;
  if (typeof seed !== 'string' && !(typeof seed === 'number' && Number.isFinite(seed))) {
    throw new MatchingInputError('seed', 'must be a finite number or a string');
  }
  const policy = input.policy ?? 'trio';
  if (policy !== 'trio' && policy !== 'bye') throw new MatchingInputError('policy', 'must be "trio" or "bye"');
  const fairness = input.fairness ?? 'none';
  if (fairness !== 'none' && fairness !== 'maxmin') throw new MatchingInputError('fairness', 'must be "none" or "maxmin"');
  if (input.candidatesPerAttendee !== undefined) checkCount(input.candidatesPerAttendee, 'candidatesPerAttendee', 1);
  const maxPricingRounds = input.maxPricingRounds === undefined ? 50 : checkCount(input.maxPricingRounds, 'maxPricingRounds', 0);
  const maxGap = input.maxGap ?? 0;
  if (typeof maxGap !== 'number' || !Number.isFinite(maxGap) || maxGap < 0 || maxGap >= 1) {
    throw new MatchingInputError('maxGap', 'must be a number in [0, 1)');
  }
  const tableSize = input.tableSize ?? null;
  if (tableSize !== null) {
    checkCount(tableSize, 'tableSize', MIN_TABLE_SIZE, MAX_TABLE_SIZE);
    if (fairness !== 'none') throw new MatchingInputError('fairness', 'maxmin applies to pairs: a table round maximises the total');
  }
  return { seed, policy, fairness, maxPricingRounds, maxGap, checkInvariants: input.checkInvariants === true, tableSize };
}

/**
 * Sit-out counts by model index; ids not in the round are ignored.
 *
 * Complexity: O(entries).
 * @throws {MatchingInputError} for a count that is not a non-negative integer (`sitOutCounts.<id>`).
 * @example readSitOut(model, { ada: 1 })
 */
export function readSitOut(model: ScoringModel, counts: Readonly<Record<string, number>> | undefined): Int32Array {
  const sitOut = new Int32Array(model.n);
  if (counts === undefined) return sitOut;
  if (typeof counts !== 'object' || counts === null || Array.isArray(counts)) throw new MatchingInputError('sitOutCounts', 'must be an object of id → count');
  for (const [id, count] of Object.entries(counts)) {
    checkCount(count, `sitOutCounts.${id}`, 0);
    const v = model.index.get(id);
    if (v !== undefined) sitOut[v] = count;
  }
  return sitOut;
}

