import { MatchingInputError } from './errors';
import { encodeTags, type TagEncoding } from './encode';
import { buildLanguageSets, forbiddenPairs, shareLanguage, type HardRule, type LanguageSets } from './hard-rules';
import { normalizeTag, validateProfiles, type PairIds, type Profile } from './profile';
import { compileGroupRules, groupRuleOf, mayMeet, resolveRules, type GroupRules, type MatchingRules, type MatchingRulesInput } from './rules';
import type { MatchingWeights } from './weights';
import { buildTextModel, DEFAULT_TEXT_SHARE, hasTexts, textAffinity, withTextDimensions, type TextModel, type TextOptions } from './text/text-model';

/** Scores are reals; the exact solver works on integers `round(score × SCORE_SCALE)`. */
export const SCORE_SCALE = 1_000_000;

/**
 * The integer solver weight of a score: `Math.round(score × 10⁶)`. Every
 * solver call in the library goes through this one function.
 *
 * Complexity: O(1).
 * @throws never.
 * @example toSolverWeight(0.7312345678) // 731235
 */
export function toSolverWeight(score: number): number {
  return Math.round(score * SCORE_SCALE);
}

/** What the scorer needs besides the profiles. */
export interface ScoringOptions {
  /** Partial weights merged into the defaults (see `resolveWeights`); or give them as `rules.weights`, not both. */
  readonly weights?: Partial<MatchingWeights>;
  /**
   * The organiser's rules document (see `resolveRules`): weights, same company as a penalty or
   * forbidden, who-can-meet rules. Absent: {@link DEFAULT_RULES}, today's scores.
   */
  readonly rules?: MatchingRulesInput;
  /** Pairs that already met: hard rule `already-met`. Unknown ids are ignored. */
  readonly pastPairs?: readonly PairIds[];
  /** Attendees left out of this round: they get no edge at all. */
  readonly excluded?: readonly string[];
  /** How free text (`text`, `abstracts`) becomes vectors: rank cap, variance target, seed. */
  readonly text?: TextOptions;
}

/**
 * Everything the kernel and the planners need, indexed by position in
 * `profiles` (sorted by id, excluded attendees removed). Internal: not part
 * of the package's exported types.
 */
export interface ScoringModel {
  readonly n: number;
  readonly profiles: readonly Profile[];
  readonly index: ReadonlyMap<string, number>;
  readonly excluded: ReadonlySet<string>;
  readonly weights: MatchingWeights;
  /** The resolved rules document (its weights are `weights`). */
  readonly rules: MatchingRules;
  /** Who-can-meet classes and the same-company policy, compiled for `profiles`. */
  readonly groups: GroupRules;
  readonly tags: TagEncoding;
  readonly roleOf: Int32Array;
  readonly roleCount: number;
  /** roleCount × roleCount, symmetric, already times `weights.roleMix`. */
  readonly roleTable: Float64Array;
  /** Company index, −1 when none given. */
  readonly companyOf: Int32Array;
  readonly languages: LanguageSets;
  /** Per person, sorted by neighbour: −Infinity (blocked or met) or the wish bonus. */
  readonly adjustPtr: Int32Array;
  readonly adjustNbr: Int32Array;
  readonly adjustValue: Float64Array;
  /** Forbidden pairs by key `i * n + j` (i < j). */
  readonly forbidden: ReadonlyMap<number, 'blocked' | 'already-met'>;
  /** Wishes as index sets (people of the round only). */
  readonly wishes: readonly ReadonlySet<number>[];
  /**
   * The free-text vectors, or null when nobody wrote a text or the text share is 0. When set, its
   * `rank` dimensions are appended to `tags.left` (times `textWeight`) and `tags.right`, so every
   * dot product of the scorer includes the text affinity.
   */
  readonly text: TextModel | null;
  /** The text's share s of the similarity part of the score (0 without texts); `weights` are already scaled by 1 − s. */
  readonly textShare: number;
  /** Weight of the text affinity: s × (interest + complementarity + stack) of the rules' weights. */
  readonly textWeight: number;
}

/**
 * Validates the input and builds the {@link ScoringModel}: sorts profiles by
 * id (so results never depend on input order), drops excluded attendees,
 * encodes tags, and indexes roles, companies, languages, blocks, past pairs
 * and wishes.
 *
 * Complexity: O(total profile size + forbidden pairs + wishes).
 * @throws {MatchingInputError} for invalid profiles, weights or rules (weights given both in
 *   `weights` and `rules.weights`: field `weights`), or a `pastPairs`/`excluded` entry that is not a string.
 * @example const model = buildScoringModel(profiles, { pastPairs: [['a', 'b']] });
 */
export function buildScoringModel(input: readonly Profile[], options: ScoringOptions = {}): ScoringModel {
  validateProfiles(input);
  if (options.weights !== undefined && options.rules?.weights !== undefined) {
    throw new MatchingInputError('weights', 'give the weights either in weights or in rules.weights, not both');
  }
  const rules = resolveRules(options.weights === undefined ? (options.rules ?? {}) : { ...options.rules, weights: options.weights });
  const { text: shareSetting, ...ruleWeights } = rules.weights;
  const excluded = new Set(options.excluded ?? []);
  for (const [i, id] of [...excluded].entries()) {
    if (typeof id !== 'string') throw new MatchingInputError(`excluded[${i}]`, 'must be an attendee id');
  }
  const pastPairs = options.pastPairs ?? [];
  pastPairs.forEach((pair, i) => {
    if (!Array.isArray(pair) || pair.length !== 2 || typeof pair[0] !== 'string' || typeof pair[1] !== 'string') {
      throw new MatchingInputError(`pastPairs[${i}]`, 'must be a pair of attendee ids');
    }
  });
  const profiles = input.filter((p) => !excluded.has(p.id)).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const n = profiles.length;
  const index = new Map(profiles.map((p, i) => [p.id, i]));
  // Free text blends in with share s: the similarity terms (interest, complementarity, stack) keep
  // (1 − s) of their weight and the text affinity gets s × their sum. No text, or s = 0: the tag
  // weights as given, bit for bit.
  const share = hasTexts(profiles) ? (shareSetting ?? DEFAULT_TEXT_SHARE) : 0;
  const built = share > 0 ? buildTextModel(profiles, options.text) : null;
  const text = built === null ? null : { ...built, stats: { ...built.stats, share } };
  const textShare = text === null ? 0 : share;
  const textWeight = textShare * (ruleWeights.interest + ruleWeights.complementarity + ruleWeights.stack);
  const weights: MatchingWeights = textShare === 0 ? ruleWeights : {
    ...ruleWeights,
    interest: ruleWeights.interest * (1 - textShare),
    complementarity: ruleWeights.complementarity * (1 - textShare),
    stack: ruleWeights.stack * (1 - textShare),
  };
  const tagEncoding = encodeTags(profiles, weights);
  const tags = text === null ? tagEncoding : withTextDimensions(tagEncoding, text, textWeight);

  // Roles: every role in the table or in a profile gets an index; the last one means "none".
  const roleNames = [...new Set([
    ...weights.roleMixTable.flatMap((e) => e.roles),
    ...profiles.map((p) => normalizeTag(p.role ?? '')).filter((r) => r.length > 0),
  ])].sort();
  const roleIndex = new Map(roleNames.map((r, i) => [r, i]));
  const roleCount = roleNames.length + 1;
  const roleTable = new Float64Array(roleCount * roleCount);
  for (const { roles, bonus } of weights.roleMixTable) {
    const a = roleIndex.get(roles[0]) as number;
    const b = roleIndex.get(roles[1]) as number;
    roleTable[a * roleCount + b] = bonus * weights.roleMix;
    roleTable[b * roleCount + a] = bonus * weights.roleMix;
  }
  const roleOf = Int32Array.from(profiles, (p) => {
    const r = normalizeTag(p.role ?? '');
    return r.length > 0 ? (roleIndex.get(r) as number) : roleCount - 1;
  });
  const groups = compileGroupRules(profiles, rules);
  const companyOf = groups.companyOf;

  const forbiddenList = forbiddenPairs(profiles, index, pastPairs);
  const forbidden = new Map(forbiddenList.map((f) => [f.i * n + f.j, f.rule] as const));
  const wishes = profiles.map((p) => new Set((p.wishes ?? []).map((id) => index.get(id)).filter((j): j is number => j !== undefined)));
  wishes.forEach((set, i) => set.delete(i));

  // Per-person adjustment lists: forbidden pairs and wish bonuses, both directions.
  const adjust = new Map<number, number>();
  const key = (i: number, j: number): number => i * n + j;
  wishes.forEach((set, i) => {
    for (const j of set) {
      const bonus = wishes[j]?.has(i) ? weights.mutualWish : weights.oneWayWish;
      adjust.set(key(i, j), bonus);
      adjust.set(key(j, i), bonus);
    }
  });
  for (const f of forbiddenList) {
    adjust.set(key(f.i, f.j), -Infinity);
    adjust.set(key(f.j, f.i), -Infinity);
  }
  const entries = [...adjust.entries()].sort((a, b) => a[0] - b[0]);
  const adjustPtr = new Int32Array(n + 1);
  const adjustNbr = new Int32Array(entries.length);
  const adjustValue = new Float64Array(entries.length);
  entries.forEach(([k, value], p) => {
    const i = Math.floor(k / n);
    adjustPtr[i + 1] = (adjustPtr[i + 1] as number) + 1;
    adjustNbr[p] = k - i * n;
    adjustValue[p] = value;
  });
  for (let i = 0; i < n; i++) adjustPtr[i + 1] = (adjustPtr[i + 1] as number) + (adjustPtr[i] as number);

  return {
    n, profiles, index, excluded, weights: Object.freeze(weights), rules, groups, tags, roleOf, roleCount, roleTable, companyOf,
    languages: buildLanguageSets(profiles), adjustPtr, adjustNbr, adjustValue, forbidden, wishes, text, textShare, textWeight,
  };
}

function adjustmentOf(model: ScoringModel, i: number, j: number): number | undefined {
  let lo = model.adjustPtr[i] as number;
  let hi = (model.adjustPtr[i + 1] as number) - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const nbr = model.adjustNbr[mid] as number;
    if (nbr === j) return model.adjustValue[mid];
    if (nbr < j) lo = mid + 1;
    else hi = mid - 1;
  }
  return undefined;
}

/**
 * The score of the edge {i, j} (indices into `model.profiles`), or −Infinity
 * when a static hard rule forbids it (language, block, past pair, who-can-meet
 * rule, same company when forbidden). Computed
 * in the canonical orientation (lower index on the left) with the same
 * floating-point operations, in the same order, as the block kernel, so both
 * give bit-identical results:
 * `((tags(lo, hi) + wish) + roleMix) − sameCompany`.
 *
 * Complexity: O(tags of i + tags of j + log(adjustments)).
 * @throws never (indices are trusted).
 * @example edgeScore(model, 0, 1)
 */
export function edgeScore(model: ScoringModel, i: number, j: number): number {
  if (i === j) return -Infinity;
  const lo = i < j ? i : j;
  const hi = i < j ? j : i;
  if (!shareLanguage(model.languages, lo, hi) || !mayMeet(model.groups.meeting, lo, hi)) return -Infinity;
  const { left, right } = model.tags;
  let s = 0;
  let p = left.ptr[lo] as number;
  const pEnd = left.ptr[lo + 1] as number;
  let q = right.ptr[hi] as number;
  const qEnd = right.ptr[hi + 1] as number;
  while (p < pEnd && q < qEnd) {
    const a = left.idx[p] as number;
    const b = right.idx[q] as number;
    if (a === b) {
      s += (left.val[p] as number) * (right.val[q] as number);
      p++;
      q++;
    } else if (a < b) p++;
    else q++;
  }
  const adjustment = adjustmentOf(model, lo, hi);
  if (adjustment !== undefined) {
    if (adjustment === -Infinity) return -Infinity;
    s += adjustment;
  }
  s += model.roleTable[(model.roleOf[lo] as number) * model.roleCount + (model.roleOf[hi] as number)] as number;
  const company = model.companyOf[lo] as number;
  if (company >= 0 && company === model.companyOf[hi]) {
    if (model.groups.forbidSameCompany) return -Infinity;
    s -= model.weights.sameCompany;
  }
  return s;
}

/**
 * Per role, the largest role-mix term it can get with anyone: `score(i, j) ≤
 * tags(i, j) + wish(i, j) + roleCeiling[role of i]`, the bound the kernel
 * uses to skip the exact epilogue for pairs that cannot matter.
 *
 * Complexity: O(roles²).
 * @throws never.
 * @example roleCeilings(model)[model.roleOf[0]]
 */
export function roleCeilings(model: ScoringModel): Float64Array {
  const r = model.roleCount;
  const ceiling = new Float64Array(r).fill(-Infinity);
  for (let a = 0; a < r; a++) for (let b = 0; b < r; b++) ceiling[a] = Math.max(ceiling[a] as number, model.roleTable[a * r + b] as number);
  return ceiling;
}

/**
 * Bounds on every pair score the model can produce, from the weights alone:
 * each similarity term lies in [0, 1] (the text affinity in [−1, 1]), the role-mix term within the table's
 * range, the wish bonus in [0, mutualWish], the company penalty in
 * [0, sameCompany]. The exact solver needs them to certify maximum
 * cardinality on the complete graph.
 *
 * Complexity: O(roles²).
 * @throws never.
 * @example scoreBounds(model) // { min: -0.7, max: 4.0 }
 */
export function scoreBounds(model: ScoringModel): { min: number; max: number } {
  const w = model.weights;
  let roleMin = 0;
  let roleMax = 0;
  for (const value of model.roleTable) {
    roleMin = Math.min(roleMin, value);
    roleMax = Math.max(roleMax, value);
  }
  const text = model.textWeight;
  return { min: roleMin - w.sameCompany - text, max: w.interest + w.complementarity + w.stack + text + roleMax + w.mutualWish };
}

/**
 * The first hard rule that forbids {i, j}, or null when the edge is allowed
 * (static rules only: block, past pair, language, who-can-meet rule, same company when forbidden).
 *
 * Complexity: O(⌈L/32⌉ + 1).
 * @throws never.
 * @example hardRuleOf(model, 0, 1) // 'blocked'
 */
export function hardRuleOf(model: ScoringModel, i: number, j: number): HardRule | null {
  if (i === j) return 'same-person';
  const lo = Math.min(i, j);
  const hi = Math.max(i, j);
  const rule = model.forbidden.get(lo * model.n + hi);
  if (rule !== undefined) return rule;
  if (!shareLanguage(model.languages, lo, hi)) return 'no-common-language';
  return groupRuleOf(model.groups, lo, hi);
}

/** The terms of a pair score, unweighted except where noted. */
export interface ScoreBreakdown {
  /** Rarity-weighted interest similarity, 0…1. */
  readonly interest: number;
  /** How well B offers what A looks for, 0…1 (and the reverse). */
  readonly aSeeksBOffers: number;
  readonly bSeeksAOffers: number;
  /** Rarity-weighted shared-stack similarity, 0…1. */
  readonly stack: number;
  /** Role-mix bonus (already times `weights.roleMix`). */
  readonly roleMix: number;
  /** Wish bonus: `mutualWish`, `oneWayWish` or 0. */
  readonly wish: number;
  /** Same-company penalty: `weights.sameCompany` or 0 (subtracted); 0 when the rules forbid the pair instead. */
  readonly sameCompany: number;
  /** Free-text affinity, the cosine of the two texts' latent vectors, −1…1 (0 without texts or when the text share is 0); weighs `textWeight`. */
  readonly text: number;
  /** The weighted total (equal to the pair score up to rounding). */
  readonly total: number;
}

function ochiai(a: Int32Array, b: Int32Array, rarity: Float64Array): number {
  if (a.length === 0 || b.length === 0) return 0;
  let shared = 0;
  let p = 0;
  let q = 0;
  while (p < a.length && q < b.length) {
    const x = a[p] as number;
    const y = b[q] as number;
    if (x === y) {
      shared += rarity[x] as number;
      p++;
      q++;
    } else if (x < y) p++;
    else q++;
  }
  return shared / Math.sqrt(a.length * b.length);
}

/**
 * The pair score of {i, j} term by term (ignoring hard rules).
 *
 * Complexity: O(tags of i + tags of j).
 * @throws never.
 * @example scoreBreakdown(model, 0, 1).interest
 */
export function scoreBreakdown(model: ScoringModel, i: number, j: number): ScoreBreakdown {
  const { people, interests, goals, stack: stackSection } = model.tags;
  const a = people[i] as (typeof people)[number];
  const b = people[j] as (typeof people)[number];
  const w = model.weights;
  const interest = ochiai(a.interests, b.interests, interests.rarity);
  const aSeeksBOffers = ochiai(a.lookingFor, b.canOffer, goals.rarity);
  const bSeeksAOffers = ochiai(b.lookingFor, a.canOffer, goals.rarity);
  const stack = ochiai(a.stack, b.stack, stackSection.rarity);
  const roleMix = model.roleTable[(model.roleOf[i] as number) * model.roleCount + (model.roleOf[j] as number)] as number;
  const wi = model.wishes[i]?.has(j) ?? false;
  const wj = model.wishes[j]?.has(i) ?? false;
  const wish = wi && wj ? w.mutualWish : wi || wj ? w.oneWayWish : 0;
  const company = model.companyOf[i] as number;
  const sameCompany = company >= 0 && company === model.companyOf[j] && !model.groups.forbidSameCompany ? w.sameCompany : 0;
  const text = model.text === null ? 0 : textAffinity(model.text, i, j);
  const total = w.interest * interest + (w.complementarity / 2) * (aSeeksBOffers + bSeeksAOffers) + w.stack * stack + model.textWeight * text + roleMix + wish - sameCompany;
  return { interest, aSeeksBOffers, bSeeksAOffers, stack, roleMix, wish, sameCompany, text, total };
}
