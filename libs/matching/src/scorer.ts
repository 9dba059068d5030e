import type { WeightedEdge } from './blossom/types';
import { ScoreKernel, DEFAULT_BLOCK_SIZE } from './candidates';
import { MatchingInputError } from './errors';
import { explainPair, type PairExplanation } from './explain';
import type { HardRule } from './hard-rules';
import type { Profile } from './profile';
import type { Seed } from './prng';
import { buildScoringModel, edgeScore, hardRuleOf, scoreBreakdown, toSolverWeight, type ScoreBreakdown, type ScoringOptions } from './score';
import type { MatchingRules } from './rules';
import type { MatchingWeights } from './weights';

/** Scores and explains pairs of one population (the round's attendees). */
export interface Scorer {
  /** The attendees, sorted by id (excluded ones removed). */
  readonly ids: readonly string[];
  /** The validated weights in use. */
  readonly weights: MatchingWeights;
  /** The validated rules document in use (defaults filled in). */
  readonly rules: MatchingRules;
  /** Pair score of two attendees, ignoring hard rules. */
  score(a: string, b: string): number;
  /** The hard rule that forbids the pair, or null when it is allowed. */
  hardRule(a: string, b: string): HardRule | null;
  /** The score term by term. */
  breakdown(a: string, b: string): ScoreBreakdown;
  /** Reasons, a sentence and an opening question (wording chosen by `seed`). */
  explain(a: string, b: string, seed?: Seed): PairExplanation;
}

/**
 * Builds a {@link Scorer} for `profiles`. Rarity (idf) is computed over
 * these profiles, so scores are relative to the population.
 *
 * Complexity: O(total profile size) to build; each query O(tags of both).
 * @throws {MatchingInputError} for invalid profiles, weights, rules or past pairs;
 *   queries throw {@link MatchingInputError} for an unknown id (field `id`).
 * @example
 * const scorer = createScorer(profiles);
 * scorer.score('ada', 'grace'); // 1.37
 * scorer.explain('ada', 'grace').sentence;
 */
export function createScorer(profiles: readonly Profile[], options: ScoringOptions = {}): Scorer {
  const model = buildScoringModel(profiles, options);
  const at = (id: string): number => {
    const v = model.index.get(id);
    if (v === undefined) throw new MatchingInputError('id', `unknown attendee "${id}"`);
    return v;
  };
  const pairScore = (i: number, j: number): number => {
    const s = edgeScore(model, i, j);
    return s === -Infinity ? scoreBreakdown(model, i, j).total : s;
  };
  return {
    ids: model.profiles.map((p) => p.id),
    weights: model.weights,
    rules: model.rules,
    score: (a, b) => pairScore(at(a), at(b)),
    hardRule: (a, b) => {
      if (model.excluded.has(a) || model.excluded.has(b)) return 'excluded';
      if (!model.index.has(a) || !model.index.has(b)) return 'unknown-attendee';
      return hardRuleOf(model, at(a), at(b));
    },
    breakdown: (a, b) => scoreBreakdown(model, at(a), at(b)),
    explain: (a, b, seed = 0) => explainPair(model, at(a), at(b), seed),
  };
}

/**
 * Every allowed pair of `profiles` with its solver weight
 * `round(score × 10⁶)`, vertex i being the i-th profile as given (excluded
 * attendees keep their index but get no edge). Pairs forbidden by a hard
 * rule are left out. Edges are sorted by (u, v) with u < v.
 *
 * Complexity: O(n² / 2) time through the block kernel; the output itself is
 * O(n²), so this is for modest n — planners never list all pairs.
 * @throws {MatchingInputError} as {@link createScorer}.
 * @example
 * const { n, edges } = scoreAllPairs(profiles); // edges: [[0, 1, 731235], …]
 */
export function scoreAllPairs(profiles: readonly Profile[], options: ScoringOptions = {}): { n: number; edges: WeightedEdge[] } {
  const model = buildScoringModel(profiles, options);
  const inputIndex = new Map(profiles.map((p, i) => [p.id, i]));
  const kernel = new ScoreKernel(model, Int32Array.from({ length: model.n }, (_, v) => v));
  const out = new Float64Array(DEFAULT_BLOCK_SIZE);
  const edges: WeightedEdge[] = [];
  for (let b = 0; b < kernel.blocks; b++) {
    kernel.load(b);
    for (let i = 0; i < kernel.lastVertex; i++) {
      const c0 = kernel.scores(i, out);
      for (let c = c0; c < kernel.blockWidth; c++) {
        const s = out[c] as number;
        if (s === -Infinity) continue;
        const x = inputIndex.get(model.profiles[i]!.id) as number;
        const y = inputIndex.get(model.profiles[kernel.column(c)]!.id) as number;
        edges.push([Math.min(x, y), Math.max(x, y), toSolverWeight(s)]);
      }
    }
  }
  edges.sort((p, q) => p[0] - q[0] || p[1] - q[1]);
  return { n: profiles.length, edges };
}
