import { validateGraph } from './prepare-graph';
import { solveMatching } from './solve-matching';
import type { MatchingOptions, MatchingSolution, SparseGraph, WeightedEdge } from './types';

// Local aliases: jest's vm sandbox makes each global lookup slow, and these run per edge.
const { abs, floor, max } = Math;
const isFinite = Number.isFinite;

/**
 * Lower bound on the reduced cost of an edge from vertex duals alone, in score units:
 * `dualU + dualV - weight`.
 *
 * Definition: the exact reduced cost of a pair also adds the duals of the blossoms holding
 * both ends (see {@link PricingDuals.reducedCost}); those are `>= 0`, so when this bound is
 * `>= 0` the edge cannot improve the matching and needs no further look. It is the cheap
 * filter an oracle runs over every pair of the full graph.
 *
 * Complexity: O(1).
 * @throws never.
 * @example
 * const { vertexDual, reducedCost, tolerance } = duals;
 * if (edgeSlack(vertexDual[a], vertexDual[b], w) < -tolerance && reducedCost(a, b, w) < -tolerance) out.push([a, b, w]);
 */
export function edgeSlack(dualU: number, dualV: number, weight: number): number {
  return dualU + dualV - weight;
}

/** The dual solution of the current candidate optimum, as the oracle sees it (score units). */
export interface PricingDuals {
  /** Vertex duals `u[v]` for the original weights; may be negative with `maxCardinality`. */
  readonly vertexDual: Float64Array;
  /**
   * Exact reduced cost of a pair: `u[a] + u[b] + Σ z_B - weight` over the blossoms `B` holding
   * both `a` and `b`. Negative means the pair could improve the matching. O(blossom depth).
   */
  reducedCost(a: number, b: number, weight: number): number;
  /**
   * Reduced costs down to `-tolerance` count as priced out: 0 for integer weights (everything
   * is exact), otherwise the solver's rounding grid plus float round-off. A pair of the
   * candidate graph never has a reduced cost below `-tolerance`.
   */
  readonly tolerance: number;
}

/**
 * The caller's view of the full graph: returns pairs `[a, b, w]` of the full graph with a
 * negative reduced cost — filter every pair with `edgeSlack(vertexDual[a], vertexDual[b], w)
 * < -tolerance`, then keep those with `reducedCost(a, b, w) < -tolerance`. Pairs of the
 * candidate graph never qualify (and are ignored if returned). The oracle may return only the most negative ones (e.g. a few per vertex): the
 * loop repeats until none is left. `duals` and `mate` stay valid after the call.
 */
export type ViolationOracle = (duals: PricingDuals, mate: Int32Array) => readonly WeightedEdge[];

/** Options of {@link solveWithPricing}. */
export interface PricingOptions extends MatchingOptions {
  /**
   * Bounds on every weight of the full graph, required with `maxCardinality`: they fix the
   * weight shift that makes the certificate prove maximum cardinality for the full graph.
   */
  readonly weightBounds?: { readonly min: number; readonly max: number };
  /** Solve rounds before giving up with `certified: false`. Default 50. */
  readonly maxRounds?: number;
  /** Starting matching for the first solve, as in `solveMatching`. */
  readonly initialMate?: Int32Array | 'greedy';
  /**
   * Debug assertion, as `solveMatching`'s: check every solve's certificate on the candidate graph
   * with `verifyOptimum` and throw if one fails. A `certified` result rests on that certificate
   * and the oracle's pricing, so with it on the claim is checked, not trusted.
   */
  readonly verify?: boolean;
}

/** Outcome of {@link solveWithPricing}. */
export interface PricingResult {
  readonly mate: Int32Array;
  /** Sum of the original weights of the matched pairs. */
  readonly weight: number;
  readonly cardinality: number;
  /** Solves performed. */
  readonly rounds: number;
  /** True when the oracle found no negative reduced cost: the matching is optimal for the full graph. */
  readonly certified: boolean;
  /** Edges the oracle added to the candidate graph. */
  readonly edgesAdded: number;
  /** The final candidate graph. */
  readonly graph: SparseGraph;
  /**
   * The final solution with its certificate. With `maxCardinality` the duals are those of the
   * shifted weights and `weightShift` is the shift from `weightBounds`, so
   * `verifyOptimum(fullGraph, solution, { maxCardinality: true })` checks the whole claim.
   */
  readonly solution: MatchingSolution;
}

/**
 * Maximum-weight matching of a graph too large to list (at n = 10,000 the complete graph has
 * 50M edges), solved exactly on a sparse candidate graph and proven optimal by pricing.
 *
 * Definition: solve the candidate graph; ask `findViolations` for left-out pairs with a
 * negative reduced cost; add them and re-solve, warm-started from the previous matching;
 * stop when no pair is left (`certified`) or after `maxRounds`. Certification is sound: the
 * candidate optimum comes with a dual solution (vertex duals `u >= 0`, blossom duals `z >= 0`
 * on odd sets, reduced cost `>= 0` on candidate edges, complementary slackness). A left-out
 * pair takes part in no complementary condition, so once its reduced cost
 * `u[a] + u[b] + Σ_{B ∋ a,b} z_B - w` is `>= 0` the same dual solution is feasible for it too;
 * when that holds for every pair, it certifies the matching for the full graph.
 *
 * Dual convention (score units, the units of the weights): a pair `(a, b, w)` is priced out
 * when `edgeSlack(vertexDual[a], vertexDual[b], w) >= 0` — the fast test for almost every pair
 * — and otherwise exactly when `reducedCost(a, b, w) >= 0` (blossom duals can cover a pair
 * whose vertex duals alone fall short). With `maxCardinality` the problem is solved
 * as a plain one with every weight raised by `C = (⌊n/2⌋ + 1)·(max - min) + 2|min|` (from
 * `weightBounds`; 1 if that is 0), which makes one more pair always worth more than any
 * weight difference; the oracle still receives duals for the original weights (the shifted
 * vertex duals minus C/2, possibly negative), so its formulas do not change.
 *
 * Floats: with integer weights everything is exact (duals are multiples of 1/4) and
 * `tolerance` is 0. Float weights are solved on a grid of about 2^-47 of the largest weight;
 * `tolerance` then absorbs that rounding, and a certified result is optimal to within
 * `n · tolerance`.
 *
 * Complexity: rounds × (solve + oracle); the solves run on the candidate graph only.
 * @throws RangeError on a malformed candidate graph or oracle edge (as `solveMatching`), a
 * weight outside `weightBounds`, or `maxCardinality` without `weightBounds`.
 * @example
 * const result = solveWithPricing(topKGraph, (duals) => {
 *   const { vertexDual, tolerance } = duals;
 *   const out: WeightedEdge[] = [];
 *   for (const [a, b, w] of allPairsBlockwise()) {
 *     if (edgeSlack(vertexDual[a], vertexDual[b], w) < -tolerance && duals.reducedCost(a, b, w) < -tolerance) out.push([a, b, w]);
 *   }
 *   return out;
 * });
 * // result.certified === true: result.mate is optimal for the full graph
 */
export function solveWithPricing(candidates: SparseGraph, findViolations: ViolationOracle, options: PricingOptions = {}): PricingResult {
  validateGraph(candidates);
  const n = candidates.n;
  const maxRounds = options.maxRounds ?? 50;
  if (!Number.isInteger(maxRounds) || maxRounds < 1) throw new RangeError('maxRounds must be a positive integer');
  const shift = options.maxCardinality ? cardinalityShift(n, options.weightBounds) : 0;
  const bounds = options.weightBounds;
  const inBounds = (w: number): boolean => bounds === undefined || (w >= bounds.min && w <= bounds.max);

  const edges = new EdgeList(n);
  for (let i = 0; i < candidates.u.length; i++) {
    const w = candidates.w[i];
    if (!inBounds(w)) throw new RangeError(`candidate edge ${i}: weight ${w} lies outside weightBounds`);
    edges.add(candidates.u[i], candidates.v[i], w);
  }

  let initialMate = options.initialMate;
  let edgesAdded = 0;
  for (let round = 1; ; round++) {
    const graph = edges.graph(0);
    const shifted = edges.graph(shift);
    const solution = solveMatching(shifted, { initialMate, verify: options.verify });
    const duals = new SolutionDuals(solution, shift, edges.maxAbs + shift, shiftIsExact(graph.w, shifted.w, shift));
    const violations = findViolations(duals, solution.mate.slice());
    let added = 0;
    for (let i = 0; i < violations.length; i++) {
      const [a, b, w] = violations[i];
      if (!Number.isInteger(a) || !Number.isInteger(b) || a < 0 || b < 0 || a >= n || b >= n || a === b) {
        throw new RangeError(`oracle edge ${i}: (${a}, ${b}) is not a pair of distinct vertices in 0..${n - 1}`);
      }
      if (!isFinite(w)) throw new RangeError(`oracle edge ${i}: weight must be finite, got ${w}`);
      if (!inBounds(w)) throw new RangeError(`oracle edge ${i}: weight ${w} lies outside weightBounds`);
      if (edges.add(a, b, w)) added++;
    }
    edgesAdded += added;
    if (added === 0 || round === maxRounds) {
      const { weight, cardinality } = originalWeight(graph, solution.mate);
      return {
        mate: solution.mate,
        weight,
        cardinality,
        rounds: round,
        certified: added === 0,
        edgesAdded,
        graph,
        solution: { ...solution, weight, weightShift: shift },
      };
    }
    initialMate = solution.mate;
  }
}

/** Reduced costs of a solution whose weights were raised by `shift`, for the original weights. */
class SolutionDuals implements PricingDuals {
  readonly vertexDual: Float64Array;
  readonly tolerance: number;
  private readonly parent: Int32Array;
  private readonly depth: Int32Array;
  /** Sum of the duals of a blossom and all blossoms around it. */
  private readonly zAbove: Float64Array;

  constructor(solution: MatchingSolution, shift: number, magnitude: number, shiftExact: boolean) {
    const n = solution.vertexDual.length;
    // Rounding to the solver's grid and of `w + shift`, plus round-off of three additions.
    const exact = solution.resolution === 0 && shiftExact;
    this.tolerance = exact ? 0 : solution.resolution + magnitude * 2 ** -48;
    this.vertexDual = solution.vertexDual.slice();
    for (let v = 0; v < n; v++) this.vertexDual[v] -= shift / 2;
    this.parent = solution.blossomParent;
    const total = this.parent.length;
    this.depth = new Int32Array(total).fill(-1);
    this.zAbove = new Float64Array(total);
    // Parents have larger ids than their children only by accident, so resolve depths by walking up.
    const path: number[] = [];
    for (let x = 0; x < total; x++) {
      let y = x;
      while (y !== -1 && this.depth[y] === -1) {
        path.push(y);
        y = this.parent[y];
      }
      let d = y === -1 ? -1 : this.depth[y];
      let z = y === -1 ? 0 : this.zAbove[y];
      while (path.length > 0) {
        const node = path.pop() as number;
        this.depth[node] = ++d;
        if (node >= n) z += solution.blossomDual[node - n];
        this.zAbove[node] = z;
      }
    }
  }

  reducedCost(a: number, b: number, weight: number): number {
    const { parent, depth } = this;
    let x = parent[a];
    let y = parent[b];
    let z = 0;
    if (x !== -1 && y !== -1) {
      while (depth[x] > depth[y]) x = parent[x];
      while (depth[y] > depth[x]) y = parent[y];
      while (x !== y) {
        x = parent[x];
        y = parent[y];
      }
      if (x !== -1) z = this.zAbove[x];
    }
    return this.vertexDual[a] + this.vertexDual[b] + z - weight;
  }
}

/**
 * The constant C added to every weight so that, for any graph on n vertices with weights in
 * `[min, max]`, a heaviest matching for `w + C` has maximum cardinality: it must exceed
 * `(⌊n/2⌋ - 1)·(max - min) - min`; `(⌊n/2⌋ + 1)·(max - min) + 2|min|` does with a margin.
 */
function cardinalityShift(n: number, bounds: PricingOptions['weightBounds']): number {
  if (bounds === undefined) throw new RangeError('maxCardinality pricing needs weightBounds of the full graph');
  const { min, max: top } = bounds;
  if (!isFinite(min) || !isFinite(top) || min > top) throw new RangeError('weightBounds must be finite with min <= max');
  const shift = (floor(n / 2) + 1) * (top - min) + 2 * abs(min);
  return shift === 0 ? 1 : shift;
}

/** Whether every `w + shift` was computed without rounding. */
function shiftIsExact(original: Float64Array, shifted: Float64Array, shift: number): boolean {
  for (let i = 0; i < original.length; i++) if (shifted[i] - shift !== original[i]) return false;
  return true;
}

function originalWeight(graph: SparseGraph, mate: Int32Array): { weight: number; cardinality: number } {
  const best = new Float64Array(graph.n).fill(Number.NEGATIVE_INFINITY);
  for (let i = 0; i < graph.u.length; i++) {
    const a = graph.u[i];
    const b = graph.v[i];
    if (mate[a] !== b) continue;
    best[a] = max(best[a], graph.w[i]);
    best[b] = max(best[b], graph.w[i]);
  }
  let weight = 0;
  let cardinality = 0;
  for (let a = 0; a < graph.n; a++) {
    if (mate[a] > a) {
      weight += best[a];
      cardinality++;
    }
  }
  return { weight, cardinality };
}

/** A growable edge list that remembers which pairs it holds. */
class EdgeList {
  private u = new Int32Array(1024);
  private v = new Int32Array(1024);
  private w = new Float64Array(1024);
  private count = 0;
  private readonly index = new Map<number, number>();
  /** Largest |weight| so far. */
  maxAbs = 0;

  constructor(private readonly n: number) {}

  /**
   * Adds the edge, or raises the weight of its pair if it is present and lighter (parallel
   * edges count with the heaviest weight, as in the solver). Returns whether anything changed.
   */
  add(a: number, b: number, w: number): boolean {
    const key = a < b ? a * this.n + b : b * this.n + a;
    const at = this.index.get(key);
    if (at !== undefined) {
      if (w <= this.w[at]) return false;
      this.maxAbs = max(this.maxAbs, abs(w));
      this.w[at] = w;
      return true;
    }
    this.maxAbs = max(this.maxAbs, abs(w));
    this.index.set(key, this.count);
    if (this.count === this.u.length) this.grow();
    this.u[this.count] = a;
    this.v[this.count] = b;
    this.w[this.count] = w;
    this.count++;
    return true;
  }

  graph(shift: number): SparseGraph {
    const w = this.w.slice(0, this.count);
    if (shift !== 0) for (let i = 0; i < w.length; i++) w[i] += shift;
    return { n: this.n, u: this.u.slice(0, this.count), v: this.v.slice(0, this.count), w };
  }

  private grow(): void {
    const size = this.u.length * 2;
    const u = new Int32Array(size);
    const v = new Int32Array(size);
    const w = new Float64Array(size);
    u.set(this.u);
    v.set(this.v);
    w.set(this.w);
    this.u = u;
    this.v = v;
    this.w = w;
  }
}
