import type { PairIds, Profile } from './profile';
import { normalizeTag, validateProfiles } from './profile';
import { compileGroupRules, groupRuleOf, resolveRules, type MatchingRulesInput } from './rules';

/**
 * Why an edge is impossible. `no-common-language` applies only when both
 * people list languages; `blocked` when either blocks the other;
 * `already-met` for a pair in `pastPairs` (or planned in an earlier round);
 * `excluded` when either person is excluded from the round; `same-person`
 * for a self-pair; `unknown-attendee` when an id is not in the round;
 * `meeting-rule` when an organiser's who-can-meet rule keeps them apart (by
 * role or ticket type); `same-company` when both work at the same company and
 * the rules forbid that (`sameCompany: "forbid"`).
 */
export type HardRule =
  | 'same-person'
  | 'unknown-attendee'
  | 'excluded'
  | 'blocked'
  | 'already-met'
  | 'no-common-language'
  | 'meeting-rule'
  | 'same-company';

/** Languages as bitsets: person i's set is `bits[i*words .. (i+1)*words)`. */
export interface LanguageSets {
  readonly words: number;
  readonly bits: Uint32Array;
  /** Number of languages each person lists (0 = no constraint). */
  readonly count: Int32Array;
  /** Normalised language codes, the bit positions. */
  readonly languages: readonly string[];
}

/**
 * Builds the language bitsets of `profiles` (indexed as given).
 *
 * Complexity: O(total languages + n × ⌈L/32⌉) for L distinct languages.
 * @throws never.
 * @example shareLanguage(buildLanguageSets([a, b]), 0, 1)
 */
export function buildLanguageSets(profiles: readonly Profile[]): LanguageSets {
  const all = [...new Set(profiles.flatMap((p) => p.languages.map(normalizeTag)).filter((l) => l.length > 0))].sort();
  const bit = new Map(all.map((l, i) => [l, i]));
  const words = Math.max(1, Math.ceil(all.length / 32));
  const bits = new Uint32Array(profiles.length * words);
  const count = new Int32Array(profiles.length);
  profiles.forEach((p, i) => {
    const own = new Set(p.languages.map(normalizeTag).filter((l) => l.length > 0));
    count[i] = own.size;
    for (const l of own) {
      const b = bit.get(l) as number;
      bits[i * words + (b >>> 5)] = ((bits[i * words + (b >>> 5)] as number) | (1 << (b & 31))) >>> 0;
    }
  });
  return { words, bits, count, languages: all };
}

/**
 * True when i and j can talk: one of them lists no language, or they share one.
 *
 * Complexity: O(⌈L/32⌉).
 * @throws never.
 * @example shareLanguage(sets, 0, 1)
 */
export function shareLanguage(sets: LanguageSets, i: number, j: number): boolean {
  if (sets.count[i] === 0 || sets.count[j] === 0) return true;
  const { words, bits } = sets;
  for (let w = 0; w < words; w++) {
    if (((bits[i * words + w] as number) & (bits[j * words + w] as number)) !== 0) return true;
  }
  return false;
}

/** A forbidden pair of indices (i < j) and the rule that forbids it. */
export interface ForbiddenPair {
  readonly i: number;
  readonly j: number;
  readonly rule: 'blocked' | 'already-met';
}

/**
 * The sparse hard rules between attendees of the round: blocks and conflicts
 * of interest (either way, both `blocked`) and past pairs, as index pairs i < j. Ids not in `index` are ignored
 * (absent people). When a pair is both blocked and already met, `blocked` wins.
 *
 * Complexity: O(total blocks + past pairs) expected.
 * @throws never.
 * @example forbiddenPairs(profiles, index, [['a', 'b']])
 */
export function forbiddenPairs(
  profiles: readonly Profile[],
  index: ReadonlyMap<string, number>,
  pastPairs: readonly PairIds[],
): ForbiddenPair[] {
  const found = new Map<number, ForbiddenPair>();
  const n = profiles.length;
  const add = (a: number | undefined, b: number | undefined, rule: ForbiddenPair['rule']): void => {
    if (a === undefined || b === undefined || a === b) return;
    const i = Math.min(a, b);
    const j = Math.max(a, b);
    const key = i * n + j;
    const existing = found.get(key);
    if (existing === undefined || (existing.rule === 'already-met' && rule === 'blocked')) found.set(key, { i, j, rule });
  };
  profiles.forEach((p, i) => {
    for (const other of p.blocks ?? []) add(i, index.get(other), 'blocked');
    for (const other of p.conflicts ?? []) add(i, index.get(other), 'blocked');
  });
  for (const [a, b] of pastPairs) add(index.get(a), index.get(b), 'already-met');
  return [...found.values()].sort((x, y) => x.i - y.i || x.j - y.j);
}

/** The hard rules between any two attendees of a population, without the scoring model. */
export interface HardRuleChecker {
  /** What forbids the pair (as `Scorer.hardRule`), or null when it is allowed; `unknown-attendee` for an id not in the population. */
  hardRule(a: string, b: string): HardRule | null;
}

/** What {@link createHardRuleChecker} needs besides the profiles. */
export interface HardRuleOptions {
  /** Pairs that already met: `already-met`. */
  readonly pastPairs?: readonly PairIds[];
  /** The organiser's rules document: its who-can-meet rules and same-company policy apply (weights are ignored). */
  readonly rules?: MatchingRulesInput;
}

/**
 * Judges given pairs by the hard rules alone — blocks and conflicts (either way), `pastPairs`, no
 * common language, the rules' who-can-meet rules and same-company policy —
 * exactly as {@link createScorer}'s `hardRule` does, without building the scoring model (tag rarity,
 * roles, companies, wishes): for checking a few thousand stored pairs against the population as it is
 * now (a draft before it is published), where the scorer's build costs far more than the checks.
 *
 * Complexity: O(n + total languages + blocks + past pairs) to build; each query O(⌈L/32⌉).
 * @throws {MatchingInputError} for invalid profiles or rules.
 * @example
 * const rules = createHardRuleChecker(profiles, { pastPairs });
 * rules.hardRule('ada', 'grace'); // 'blocked', 'already-met', 'no-common-language', 'meeting-rule', 'same-company' or null
 */
export function createHardRuleChecker(profiles: readonly Profile[], options: HardRuleOptions = {}): HardRuleChecker {
  validateProfiles(profiles);
  const groups = compileGroupRules(profiles, resolveRules(options.rules));
  const n = profiles.length;
  const index = new Map(profiles.map((p, i) => [p.id, i]));
  const forbidden = new Map(forbiddenPairs(profiles, index, options.pastPairs ?? []).map((f) => [f.i * n + f.j, f.rule] as const));
  const languages = buildLanguageSets(profiles);
  return {
    hardRule: (a, b) => {
      const i = index.get(a);
      const j = index.get(b);
      if (i === undefined || j === undefined) return 'unknown-attendee';
      if (i === j) return 'same-person';
      const rule = forbidden.get(Math.min(i, j) * n + Math.max(i, j));
      if (rule !== undefined) return rule;
      return shareLanguage(languages, i, j) ? groupRuleOf(groups, i, j) : 'no-common-language';
    },
  };
}
