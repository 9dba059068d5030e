import { edgeSlack, type PricingDuals } from './blossom/pricing';
import { DEFAULT_BLOCK_SIZE, ScoreKernel, type CandidateLists } from './candidates';
import type { ScoringModel } from './score';
import { edgeScore, SCORE_SCALE, toSolverWeight } from './score';

/** An edge outside the candidate graph whose reduced cost is negative. */
export interface PricedEdge {
  readonly i: number;
  readonly j: number;
  /** Solver weight `toSolverWeight(score)`. */
  readonly weight: number;
  /** Its reduced cost `y_i + y_j + Σ z_B − weight` (< 0): how far the duals are from covering it. */
  readonly slack: number;
}

/** What the pricing oracle must skip and which edges count. */
export interface PricingFilter {
  /** True for pairs already in the candidate graph or not allowed this round. */
  readonly skip: (i: number, j: number) => boolean;
  /**
   * 1 for a vertex in no edge this round (busy, or pre-seated with a must-meet partner), so `skip` is true for
   * each of its pairs. Such a vertex is isolated in the solver's graph, its dual falls to the bottom (far below 0
   * with `maxCardinality`'s shift), and without this every pair it is in would pass the dual test and be scored.
   */
  readonly inactive?: Uint8Array | null;
  /** Only edges with solver weight ≥ this count (fairness floor); default −Infinity. */
  readonly minWeight?: number;
  /**
   * Also report edges whose reduced cost is below this many solver units
   * (≥ 0): near-violations, likely to turn negative once the duals move, so
   * adding them with the violations saves pricing rounds. Default 0.
   */
  readonly margin?: number;
}

/**
 * Per vertex, the largest solver weight an edge outside its candidate list
 * can have: `toSolverWeight(bound_v)`, or −Infinity when the list holds
 * every allowed partner.
 *
 * Complexity: O(n).
 * @throws never.
 * @example const cap = pricingCaps(lists);
 */
export function pricingCaps(lists: CandidateLists): Float64Array {
  return Float64Array.from(lists.bound, (bound) => (bound === -Infinity ? -Infinity : toSolverWeight(bound)));
}

/**
 * The pricing oracle for the blossom module's `solveWithPricing`: every
 * allowed edge {i, j} of the complete graph that is not skipped and whose
 * reduced cost under the current duals is negative (below −tolerance), most
 * negative first. An empty answer proves the duals feasible for the
 * complete graph, i.e. the matching optimal on it. Duals are those of the
 * original weights (`PricingDuals`): an edge passes the cheap vertex test
 * `edgeSlack(y_i, y_j, w) ≥ 0` or is confirmed with the exact `reducedCost`.
 *
 * It re-scans the score blocks, but only where a violation is possible.
 * An edge outside i's top-k list scores at most `bound_i` (the k-th best),
 * so a non-candidate edge {i, j} can be violated only if
 * `y_i + y_j < min(cap_i, cap_j)` with `cap = toSolverWeight(bound)`.
 * Columns are the "hopeful" vertices sorted by dual, rows are sorted by
 * `cap_i − y_i`, so each row stops at the first block whose duals are too
 * high; the block kernel scores what is left, and the few edges that look
 * violated are confirmed with the exact `edgeScore`.
 *
 * Complexity: O(n log n + P × shared tags) for the P pairs passing the dual
 * test (n²/2 at worst, a fraction of it once the duals are near-optimal).
 * @throws never.
 * @example const violations = findNegativeSlack(model, lists, duals, { skip });
 */
export function findNegativeSlack(model: ScoringModel, lists: CandidateLists, duals: PricingDuals, filter: PricingFilter): PricedEdge[] {
  const n = model.n;
  const minWeight = filter.minWeight ?? -Infinity;
  const tolerance = duals.tolerance;
  const margin = filter.margin ?? 0;
  const cap = pricingCaps(lists);
  const y = Float64Array.from({ length: n }, (_, v) => duals.vertexDual[v] as number);
  const active = (v: number): boolean => filter.inactive?.[v] !== 1;
  let minDual = Infinity;
  for (let v = 0; v < n; v++) if (active(v)) minDual = Math.min(minDual, y[v] as number);
  const hopeful: number[] = [];
  for (let v = 0; v < n; v++) if (active(v) && (cap[v] as number) + margin - (y[v] as number) > minDual) hopeful.push(v);
  if (hopeful.length < 2) return [];

  const cols = Int32Array.from(hopeful).sort((a, b) => (y[a] as number) - (y[b] as number) || a - b);
  const reach = (v: number): number => (cap[v] as number) + margin - (y[v] as number);
  const rows = [...hopeful].sort((a, b) => reach(b) - reach(a) || a - b);
  const kernel = new ScoreKernel(model, cols, DEFAULT_BLOCK_SIZE, 'all');
  const out = new Float64Array(DEFAULT_BLOCK_SIZE);
  const suspects = new Set<number>();
  const blockY = new Float64Array(DEFAULT_BLOCK_SIZE);
  const blockCap = new Float64Array(DEFAULT_BLOCK_SIZE);
  const blockVertex = new Int32Array(DEFAULT_BLOCK_SIZE);
  for (let b = 0; b < kernel.blocks; b++) {
    kernel.load(b);
    const width = kernel.blockWidth;
    for (let c = 0; c < width; c++) {
      const j = kernel.column(c);
      blockVertex[c] = j;
      blockY[c] = y[j] as number;
      blockCap[c] = (cap[j] as number) + margin;
    }
    const lowest = blockY[0] as number;
    for (const i of rows) {
      const yi = y[i] as number;
      const limit = reach(i);
      if (limit <= lowest) break;
      kernel.row(i, out);
      // row() + the role ceiling bounds the score (the exact epilogue only lowers it);
      // a pair is kept when that bound is within one unit (rounding) + margin of y_i + y_j.
      const ceiling = kernel.roleCeiling(i) * SCORE_SCALE;
      const cut = yi - ceiling - 1 - margin;
      for (let c = 0; c < width; c++) {
        const yj = blockY[c] as number;
        if (yj >= limit) break;
        const raw = out[c] as number;
        if (raw * SCORE_SCALE <= cut + yj || yi + yj >= (blockCap[c] as number)) continue;
        const j = blockVertex[c] as number;
        if (yi + yj - kernel.finish(i, j, raw) * SCORE_SCALE >= 1 + margin) continue;
        suspects.add(i < j ? i * n + j : j * n + i);
      }
    }
  }

  const found: PricedEdge[] = [];
  for (const key of suspects) {
    const i = Math.floor(key / n);
    const j = key - i * n;
    const score = edgeScore(model, i, j);
    if (score === -Infinity) continue;
    const weight = toSolverWeight(score);
    if (edgeSlack(y[i] as number, y[j] as number, weight) >= margin - tolerance || weight < minWeight || filter.skip(i, j)) continue;
    const slack = duals.reducedCost(i, j, weight);
    if (slack < margin - tolerance) found.push({ i, j, weight, slack });
  }
  return found.sort((x, y2) => x.slack - y2.slack || x.i - y2.i || x.j - y2.j);
}
