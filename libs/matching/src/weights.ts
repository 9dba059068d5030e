import { MatchingInputError } from './errors';
import { normalizeTag } from './profile';

/** One cell of the role-mix table: the bonus when these two roles meet (order ignored). */
export interface RoleMixEntry {
  readonly roles: readonly [string, string];
  /** Added to the pair score (times {@link MatchingWeights.roleMix}); may be negative. */
  readonly bonus: number;
}

/**
 * The knobs of the pair score (see `score.ts` for the formula). Every term is
 * in "score points": a perfect interest match is worth `interest` points.
 */
export interface MatchingWeights {
  /** Weight of the rarity-weighted interest similarity (0…1). Default 1. */
  readonly interest: number;
  /** Weight of complementarity: the mean of "A looks for what B offers" and the reverse (each 0…1). Default 1. */
  readonly complementarity: number;
  /** Weight of the rarity-weighted shared-stack similarity (0…1). Default 0.4. */
  readonly stack: number;
  /** Multiplier of the role-mix table. Default 1. */
  readonly roleMix: number;
  /** Bonus when both people wished to meet each other. Default 1. */
  readonly mutualWish: number;
  /** Bonus when only one of them wished it; at most `mutualWish`. Default 0.3. */
  readonly oneWayWish: number;
  /** Penalty (subtracted) when both work at the same company. Default 0.5. */
  readonly sameCompany: number;
  /** Bonus per unordered pair of roles; roles compare case-insensitively; missing pairs score 0. */
  readonly roleMixTable: readonly RoleMixEntry[];
}

/** The role-mix table used when none is given: pairs that usually make a useful conversation. */
export const DEFAULT_ROLE_MIX: readonly RoleMixEntry[] = [
  { roles: ['founder', 'investor'], bonus: 0.6 },
  { roles: ['researcher', 'engineer'], bonus: 0.4 },
  { roles: ['founder', 'engineer'], bonus: 0.3 },
  { roles: ['founder', 'researcher'], bonus: 0.25 },
  { roles: ['product', 'engineer'], bonus: 0.25 },
  { roles: ['product', 'researcher'], bonus: 0.2 },
  { roles: ['investor', 'researcher'], bonus: 0.2 },
  { roles: ['student', 'researcher'], bonus: 0.3 },
  { roles: ['student', 'engineer'], bonus: 0.2 },
  { roles: ['investor', 'investor'], bonus: -0.2 },
];

/** Sane defaults: interests and complementary goals dominate, stack and roles season. */
export const DEFAULT_WEIGHTS: MatchingWeights = Object.freeze({
  interest: 1,
  complementarity: 1,
  stack: 0.4,
  roleMix: 1,
  mutualWish: 1,
  oneWayWish: 0.3,
  sameCompany: 0.5,
  roleMixTable: DEFAULT_ROLE_MIX,
});

/** Largest magnitude accepted for any weight or bonus: keeps scaled integer weights far from 2³¹. */
export const MAX_WEIGHT = 100;

const NUMERIC_FIELDS = ['interest', 'complementarity', 'stack', 'roleMix', 'mutualWish', 'oneWayWish', 'sameCompany'] as const;

function checkNumber(value: unknown, field: string, min: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new MatchingInputError(field, 'must be a finite number');
  if (value < min || value > MAX_WEIGHT) throw new MatchingInputError(field, `must be between ${min} and ${MAX_WEIGHT}, got ${value}`);
  return value;
}

/**
 * Merges `overrides` into {@link DEFAULT_WEIGHTS} and validates the result:
 * numeric weights finite and in [0, 100], `oneWayWish ≤ mutualWish`, role-mix
 * bonuses finite in [−100, 100], roles non-empty, each unordered role pair at
 * most once, no unknown field. Role names are normalised (trimmed,
 * lower-cased). A given `roleMixTable` replaces the default table entirely.
 *
 * Complexity: O(size of the role-mix table).
 * @throws {MatchingInputError} naming the field, e.g. `weights.stack` or
 *   `weights.roleMixTable[2].roles`.
 * @example
 * const w = resolveWeights({ stack: 0.8, sameCompany: 1 });
 * w.interest; // 1 (default)
 */
export function resolveWeights(overrides: Partial<MatchingWeights> = {}): MatchingWeights {
  if (typeof overrides !== 'object' || overrides === null || Array.isArray(overrides)) {
    throw new MatchingInputError('weights', 'must be an object');
  }
  for (const key of Object.keys(overrides)) {
    if (!(NUMERIC_FIELDS as readonly string[]).includes(key) && key !== 'roleMixTable') {
      throw new MatchingInputError(`weights.${key}`, 'is not a weight');
    }
  }
  const merged = { ...DEFAULT_WEIGHTS, ...overrides };
  const numbers = {} as Record<(typeof NUMERIC_FIELDS)[number], number>;
  for (const field of NUMERIC_FIELDS) numbers[field] = checkNumber(merged[field], `weights.${field}`, 0);
  if (numbers.oneWayWish > numbers.mutualWish) {
    throw new MatchingInputError('weights.oneWayWish', `must not exceed weights.mutualWish (${numbers.mutualWish})`);
  }
  const table = merged.roleMixTable;
  if (!Array.isArray(table)) throw new MatchingInputError('weights.roleMixTable', 'must be an array');
  const seen = new Set<string>();
  const roleMixTable: RoleMixEntry[] = table.map((entry: unknown, i) => {
    const at = `weights.roleMixTable[${i}]`;
    if (typeof entry !== 'object' || entry === null) throw new MatchingInputError(at, 'must be an object');
    const { roles, bonus } = entry as { roles?: unknown; bonus?: unknown };
    for (const key of Object.keys(entry)) {
      if (key !== 'roles' && key !== 'bonus') throw new MatchingInputError(`${at}.${key}`, 'is not a role-mix field');
    }
    if (!Array.isArray(roles) || roles.length !== 2 || roles.some((r) => typeof r !== 'string' || normalizeTag(r).length === 0)) {
      throw new MatchingInputError(`${at}.roles`, 'must be two non-empty role names');
    }
    const a = normalizeTag(roles[0] as string);
    const b = normalizeTag(roles[1] as string);
    const key = a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`;
    if (seen.has(key)) throw new MatchingInputError(`${at}.roles`, `duplicate pair ${a}–${b}`);
    seen.add(key);
    return { roles: [a, b] as const, bonus: checkNumber(bonus, `${at}.bonus`, -MAX_WEIGHT) };
  });
  return Object.freeze({ ...numbers, roleMixTable: Object.freeze(roleMixTable) });
}
