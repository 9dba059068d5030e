import { MAX_VERTICES } from './prepare-graph';
import { solveMatching } from './solve-matching';
import type { MatchingOptions, SparseGraph, WeightedEdge } from './types';

/**
 * Maximum-weight matching with the classic contract of networkx and J. van Rantwijk's
 * `mwmatching`: vertices are `0 .. max id`, the result is `mate` with `mate[v]` the partner
 * of `v` or -1.
 *
 * Definition: a matching is a set of edges no two of which share a vertex; this returns one
 * of maximum total weight, or with `maxCardinality` one of maximum weight among those with
 * the most edges. Parallel edges (`[a, b]` and `[b, a]` are the same pair) count once, with
 * the heaviest weight. Negative weights are allowed: they are never taken in plain mode, and
 * taken only when needed for cardinality with `maxCardinality`. Exact for integer weights;
 * see {@link solveMatching} for floats.
 *
 * Complexity: O(n·m·log m) worst case, as {@link solveMatching}, plus O(m) to convert.
 * @throws TypeError when an edge is not a `[number, number, number]` or an id is not an integer.
 * @throws RangeError on a negative or too large id, a self-loop, or a NaN/±Infinity weight.
 * @example
 * maxWeightMatching([[1, 2, 10], [2, 3, 11]]);                  // [-1, -1, 3, 2]
 * maxWeightMatching([[1, 2, 5], [2, 3, 11], [3, 4, 5]], { maxCardinality: true }); // [-1, 2, 1, 4, 3]
 */
export function maxWeightMatching(edges: readonly WeightedEdge[], options: MatchingOptions = {}): number[] {
  return Array.from(solveMatching(edgesToGraph(edges), { maxCardinality: options.maxCardinality ?? false }).mate);
}

/**
 * Converts `[u, v, weight]` tuples to a {@link SparseGraph} with `n = max id + 1` (at least
 * `minVertices`), checking every entry.
 *
 * Complexity: O(m).
 * @throws TypeError when an edge is not a `[number, number, number]` or an id is not an integer.
 * @throws RangeError on a negative or too large id, a self-loop, or a NaN/±Infinity weight.
 * @example
 * edgesToGraph([[0, 1, 2.5]]); // { n: 2, u: [0], v: [1], w: [2.5] }
 */
export function edgesToGraph(edges: readonly WeightedEdge[], minVertices = 0): SparseGraph {
  if (!Array.isArray(edges)) throw new TypeError('edges must be an array of [u, v, weight]');
  const m = edges.length;
  const u = new Int32Array(m);
  const v = new Int32Array(m);
  const w = new Float64Array(m);
  let n = minVertices;
  for (let i = 0; i < m; i++) {
    const edge: unknown = edges[i];
    if (!Array.isArray(edge) || edge.length !== 3) throw new TypeError(`edge ${i} must be [u, v, weight]`);
    const [a, b, weight] = edge as unknown[];
    if (typeof weight !== 'number') throw new TypeError(`edge ${i}: weight must be a number`);
    for (const id of [a, b]) {
      if (typeof id !== 'number' || !Number.isInteger(id)) {
        throw new TypeError(`edge ${i}: vertex id ${String(id)} is not an integer`);
      }
      if (id < 0 || id >= MAX_VERTICES) throw new RangeError(`edge ${i}: vertex id ${id} must lie in 0..${MAX_VERTICES - 1}`);
    }
    const ia = a as number;
    const ib = b as number;
    if (ia === ib) throw new RangeError(`edge ${i}: self-loop on vertex ${ia}`);
    if (!Number.isFinite(weight)) throw new RangeError(`edge ${i}: weight must be finite, got ${weight}`);
    u[i] = ia;
    v[i] = ib;
    w[i] = weight;
    n = Math.max(n, ia + 1, ib + 1);
  }
  return { n, u, v, w };
}
