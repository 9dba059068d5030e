import { BlossomEngine, type EngineOutcome, type EngineStats } from './blossom-engine';
import { greedyPartners } from './greedy-start';
import { initialDuals, type DualStart } from './initial-duals';
import { scaleWeights, timesPow2, toIntegerWeights, type IntegerWeights } from './integer-weights';
import { prepareGraph, validateGraph, type PreparedGraph } from './prepare-graph';
import type { MatchingSolution, SolveMatchingOptions, SparseGraph } from './types';
import { verifyOptimum } from './verify-optimum';

/**
 * Maximum-weight matching of a general graph given as typed arrays, with the dual
 * certificate that proves it (Edmonds' blossom algorithm, primal-dual).
 *
 * Definition: among all matchings (sets of vertex-disjoint edges) returns one of maximum
 * total weight; with `maxCardinality`, one of maximum weight among those of maximum size.
 * Parallel edges count once, with the heaviest weight. Edges of weight <= 0 are never worth
 * taking in plain mode and are ignored; with `maxCardinality` every edge counts.
 *
 * Numbers: the search runs on integers held exactly in doubles (`w · 2^k`, see
 * {@link MatchingSolution.exact}). Integer weights and short binary fractions are solved
 * exactly; other floats are rounded to about 2^-47 of the largest |weight| (2^-47/(n+3)
 * with `maxCardinality`), so the result is optimal to within `n` such units.
 *
 * Complexity: O(n·m·log m) worst case (the bound of LEMON's implementation of the same
 * scheme); on conference-like graphs about 0.1 s for n = 10,000 with 30 edges per vertex and
 * under 1 s for the complete graph on 2,000 vertices (see perf.spec-manual.ts).
 * Memory: O(n + m).
 * @throws TypeError when the arrays have the wrong types.
 * @throws RangeError on a bad `n`, mismatched lengths, an id out of range, a self-loop, a
 * non-finite weight, or an `initialMate` that is not a matching of `graph`.
 * @throws Error with `verify: true` if the certificate fails (a solver bug, never expected).
 * @example
 * const g = { n: 4, u: Int32Array.of(0, 1, 2), v: Int32Array.of(1, 2, 3), w: Float64Array.of(5, 11, 5) };
 * solveMatching(g).weight;                          // 11 (pair 1-2)
 * solveMatching(g, { maxCardinality: true }).weight; // 10 (pairs 0-1 and 2-3)
 */
export function solveMatching(graph: SparseGraph, options: SolveMatchingOptions = {}): MatchingSolution {
  return solveMatchingInstrumented(graph, options).solution;
}

/** Hooks for tests and benchmarks; not exported from the library index. */
export interface SolveHooks {
  /** Runs after every event with the live engine (for invariant checks). */
  readonly check?: (engine: BlossomEngine) => void;
  /**
   * Start as the textbook algorithm does (every dual at the largest weight, nothing matched)
   * instead of the tight greedy start, so tests reach the classic blossom code paths.
   */
  readonly classicStart?: boolean;
}

/**
 * {@link solveMatching} plus the engine's counters, with test hooks. Not exported from the
 * library index: specs and the manual benchmark use it to check invariants after every event
 * and to see which code paths ran.
 *
 * Complexity: as {@link solveMatching}, plus the cost of `hooks.check` per event.
 * @throws as {@link solveMatching}; also whatever `hooks.check` throws.
 * @example
 * const { stats } = solveMatchingInstrumented(graph, {}, { check: (engine) => engine.assertInvariants() });
 */
export function solveMatchingInstrumented(
  graph: SparseGraph,
  options: SolveMatchingOptions = {},
  hooks: SolveHooks = {},
): { solution: MatchingSolution; stats: EngineStats } {
  validateGraph(graph);
  const maxCardinality = options.maxCardinality ?? false;
  const initial = options.initialMate;
  if (initial instanceof Int32Array) validateInitialMate(graph, initial);
  else if (initial !== undefined && initial !== 'greedy') {
    throw new TypeError("options.initialMate must be an Int32Array or 'greedy'");
  }
  const prepared = prepareGraph(graph, maxCardinality);
  const ints = toIntegerWeights(prepared.weight, graph.n, maxCardinality, graph.w);
  const perSlot = scaleWeights(prepared.adjWeight, ints.exponent, ints.shift);
  const partner = initial === 'greedy' ? greedyPartners(prepared, ints.internal) : (initial ?? null);
  const start = hooks.classicStart ? classicStart(ints.internal, graph.n) : initialDuals(prepared, ints.internal, perSlot, partner);
  const engine = new BlossomEngine(prepared, ints.internal, perSlot, start);
  const check = hooks.check;
  const outcome = engine.run(check ? () => check(engine) : undefined);
  const solution = buildSolution(prepared, ints, outcome);
  if (options.verify) {
    const report = verifyOptimum(graph, solution, { maxCardinality, tolerance: solution.exact ? 0 : undefined });
    if (!report.ok) throw new Error(`solveMatching: the optimality certificate does not hold (${report.reason})`);
  }
  return { solution, stats: outcome.stats };
}

function classicStart(weight: Float64Array, n: number): DualStart {
  let max = 0;
  for (let e = 0; e < weight.length; e++) max = Math.max(max, weight[e]);
  return { mate: new Int32Array(n).fill(-1), dual: new Float64Array(n).fill(max) };
}

function validateInitialMate(graph: SparseGraph, mate: Int32Array): void {
  const { n, u, v } = graph;
  if (mate.length !== n) throw new RangeError(`initialMate has length ${mate.length}, expected ${n}`);
  for (let x = 0; x < n; x++) {
    const y = mate[x];
    if (y === -1) continue;
    if (y < 0 || y >= n || y === x || mate[y] !== x) {
      throw new RangeError(`initialMate is not a matching: mate[${x}] = ${y}`);
    }
  }
  const isEdge = new Uint8Array(n);
  for (let i = 0; i < u.length; i++) {
    if (mate[u[i]] === v[i]) {
      isEdge[u[i]] = 1;
      isEdge[v[i]] = 1;
    }
  }
  for (let x = 0; x < n; x++) {
    if (mate[x] !== -1 && !isEdge[x]) throw new RangeError(`initialMate pairs ${x} and ${mate[x]}, which are not joined by an edge`);
  }
}

function buildSolution(prepared: PreparedGraph, ints: IntegerWeights, outcome: EngineOutcome): MatchingSolution {
  const { n, endpoint } = prepared;
  const mate = new Int32Array(n).fill(-1);
  let weight = 0;
  let cardinality = 0;
  for (let v = 0; v < n; v++) {
    const p = outcome.mate[v];
    if (p === -1) continue;
    mate[v] = endpoint[p];
    if (v < mate[v]) {
      weight += prepared.weight[p >> 1];
      cardinality++;
    }
  }
  // Internal duals are 4·2^k times score-unit duals: weights were doubled, and the
  // classic convention doubles vertex duals again (slack = y_a + y_b - 2w).
  const toScore = -(ints.exponent + 2);
  const vertexDual = new Float64Array(n);
  for (let v = 0; v < n; v++) vertexDual[v] = timesPow2(outcome.dual[v], toScore);

  const index = new Int32Array(2 * n).fill(-1);
  let count = 0;
  for (let b = n; b < 2 * n; b++) if (outcome.blossomBase[b] >= 0) index[b] = n + count++;
  const blossomParent = new Int32Array(n + count);
  const blossomDual = new Float64Array(count);
  for (let x = 0; x < 2 * n; x++) {
    const self = x < n ? x : index[x];
    if (self === -1) continue;
    const parent = outcome.blossomParent[x];
    blossomParent[self] = parent === -1 ? -1 : index[parent];
    if (x >= n) blossomDual[self - n] = timesPow2(outcome.blossomDual[x], toScore);
  }
  return {
    mate,
    weight,
    cardinality,
    vertexDual,
    blossomParent,
    blossomDual,
    weightShift: timesPow2(ints.shift, -ints.exponent),
    exact: ints.exact,
    resolution: ints.exact ? 0 : timesPow2(1, -ints.exponent),
  };
}
