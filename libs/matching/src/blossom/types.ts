/**
 * An undirected weighted edge `[u, v, weight]` between vertex ids `u` and `v`.
 */
export type WeightedEdge = readonly [number, number, number];

/**
 * A graph as parallel typed arrays: edge `i` joins `u[i]` and `v[i]` with weight `w[i]`.
 * Vertices are `0 .. n - 1`; a vertex may have no edge at all.
 */
export interface SparseGraph {
  readonly n: number;
  readonly u: Int32Array;
  readonly v: Int32Array;
  readonly w: Float64Array;
}

/** Options shared by the matching solvers. */
export interface MatchingOptions {
  /**
   * Only maximum-cardinality matchings are candidates; among them the heaviest wins.
   * Default `false`: the heaviest matching of any size.
   */
  readonly maxCardinality?: boolean;
}

/** Options of `solveMatching`. */
export interface SolveMatchingOptions extends MatchingOptions {
  /**
   * A matching to start from (`mate[v]` is v's partner or -1), or `'greedy'` to start from the
   * greedy heaviest-edge-first matching. Pairs that cannot be made tight under a feasible
   * dual without blossoms are dropped before the search, so any valid matching is accepted
   * and the result is optimal either way. Without it the solver starts from its own greedy
   * matching on tight edges, which measures as fast or faster on conference-like graphs
   * (n = 10,000, top-30: 0.12 s vs 0.16 s from `'greedy'`); a start only pays when it keeps
   * more pairs tight than that.
   */
  readonly initialMate?: Int32Array | 'greedy';
  /**
   * Debug assertion: check the certificate with {@link verifyOptimum} before returning
   * (O(m · blossom depth) more) and throw if it fails, which would be a solver bug.
   */
  readonly verify?: boolean;
}

/**
 * An optimal matching with the linear-programming dual that proves it.
 *
 * Certificate (score units, the units of the input weights), with `W(e) = w(e) + weightShift`:
 * - `vertexDual[v] >= 0` and `blossomDual[b] >= 0`;
 * - every edge `e = (a, b)`: `vertexDual[a] + vertexDual[b] + Σ blossomDual[B] >= W(e)`, the sum
 *   over the blossoms `B` that contain both `a` and `b`; equality for matched edges;
 * - an unmatched vertex has `vertexDual = 0`;
 * - a blossom with a positive dual has an odd number `k` of vertices and `(k - 1) / 2` matched
 *   pairs inside.
 */
export interface MatchingSolution {
  /** `mate[v]` is the partner of `v`, or -1. */
  readonly mate: Int32Array;
  /** Sum of the input weights of the matched pairs. */
  readonly weight: number;
  /** Number of matched pairs. */
  readonly cardinality: number;
  /** Vertex duals in score units (see the certificate above). */
  readonly vertexDual: Float64Array;
  /**
   * Laminar blossom family: entries `0 .. n - 1` are vertices, `n + i` is blossom `i`;
   * `blossomParent[x]` is the id of the smallest blossom strictly containing `x`, or -1.
   */
  readonly blossomParent: Int32Array;
  /** `blossomDual[i]` is the dual of blossom `n + i`, in score units. */
  readonly blossomDual: Float64Array;
  /**
   * Constant added to every weight for the certificate: 0 in plain mode; with `maxCardinality`
   * a value large enough that the heaviest matching for `w + weightShift` has maximum
   * cardinality, which turns the certificate into a proof of both properties.
   */
  readonly weightShift: number;
  /**
   * True when every weight was represented exactly by the solver's internal integers
   * (integers and short binary fractions); otherwise weights were rounded to a grid of
   * about 2^-47 of the largest weight, see {@link solveMatching}.
   */
  readonly exact: boolean;
  /**
   * Grid the weights were rounded to, in score units (0 when `exact`): the result is optimal
   * for weights off by at most half of this each, hence within `n/2 · resolution` of the
   * optimum for the given weights.
   */
  readonly resolution: number;
}
