import { validateGraph } from './prepare-graph';
import type { MatchingOptions, MatchingSolution, SparseGraph } from './types';

// Local aliases: jest's vm sandbox makes each global lookup slow, and these run per edge.
const { abs, floor, max, min } = Math;
const INFINITY = Number.POSITIVE_INFINITY;

/** The parts of a {@link MatchingSolution} that make up its optimality certificate. */
export type MatchingCertificate = Pick<MatchingSolution, 'mate' | 'vertexDual' | 'blossomParent' | 'blossomDual' | 'weightShift'>;

/** Outcome of {@link verifyOptimum}: `ok`, or the first violated condition. */
export type OptimumReport = { readonly ok: true } | { readonly ok: false; readonly reason: string };

/** Options of {@link verifyOptimum}. */
export interface VerifyOptimumOptions extends MatchingOptions {
  /**
   * Slack allowed in every comparison, in score units. Default `1e-9 · max(1, max|w| + shift)`;
   * pass 0 for integer weights, whose certificates are exact (multiples of 1/4).
   */
  readonly tolerance?: number;
}

/**
 * Checks a matching and its linear-programming dual by complementary slackness, like
 * networkx's `verifyOptimum`, so a caller need not trust the solver.
 *
 * Definition: with `W(e) = w(e) + weightShift` the certificate is valid when `mate` is a
 * matching of `graph` (symmetric, every pair joined by an edge); blossoms form a forest of
 * odd vertex sets of size >= 3; all duals are >= 0; every edge has slack
 * `dual[a] + dual[b] + Σ_{B ∋ a, b} z_B - W(e) >= 0` and every matched pair slack 0; every
 * single vertex has dual 0; every blossom with `z > 0` holds `(|B| - 1) / 2` matched pairs.
 * By LP duality the matching is then a maximum-weight matching for weights `W`. In plain
 * mode `weightShift` must be 0. With `maxCardinality` it must also exceed
 * `(⌊n/2⌋ - 1)·(max w - min w) - min w`, which forces every maximum-weight matching for `W`
 * to have maximum cardinality: the certificate then proves both properties.
 *
 * Complexity: O(n + m · d) for blossom nesting depth d.
 * @throws the errors of `validateGraph` on a malformed graph; a bad certificate is reported,
 * not thrown.
 * @example
 * const solution = solveMatching(graph);
 * const report = verifyOptimum(graph, solution, { tolerance: 0 });
 * if (!report.ok) throw new Error(report.reason);
 */
export function verifyOptimum(
  graph: SparseGraph,
  certificate: MatchingCertificate,
  options: VerifyOptimumOptions = {},
): OptimumReport {
  validateGraph(graph);
  const { n, u, v, w } = graph;
  const { mate, vertexDual, blossomParent, blossomDual, weightShift: shift } = certificate;
  const fail = (reason: string): OptimumReport => ({ ok: false, reason });

  let maxAbs = 0;
  let minW = INFINITY;
  let maxW = -INFINITY;
  for (let i = 0; i < w.length; i++) {
    maxAbs = max(maxAbs, abs(w[i]));
    minW = min(minW, w[i]);
    maxW = max(maxW, w[i]);
  }
  const tol = options.tolerance ?? 1e-9 * max(1, maxAbs + abs(shift));
  if (!(tol >= 0)) throw new RangeError('tolerance must be a non-negative number');

  if (mate.length !== n || vertexDual.length !== n) return fail('mate and vertexDual must have length n');
  const count = blossomDual.length;
  if (blossomParent.length !== n + count) return fail('blossomParent must have length n + blossomDual.length');
  if (!Number.isFinite(shift)) return fail('weightShift must be finite');
  if (options.maxCardinality) {
    // Strict, beyond the round-off of this very formula: at equality a smaller matching could
    // tie with a larger one. (Not `tol`: it has a floor of 1e-9, far above tiny weights.)
    const pairs = floor(n / 2);
    const roundOff = 2 ** -50 * ((pairs + 1) * (maxW - minW) + abs(minW));
    if (w.length > 0 && !(shift > (pairs - 1) * (maxW - minW) - minW + roundOff)) {
      return fail(`weightShift ${shift} is too small to force maximum cardinality`);
    }
  } else if (shift !== 0) return fail('weightShift must be 0 without maxCardinality');

  // The matching itself.
  for (let x = 0; x < n; x++) {
    const y = mate[x];
    if (y === -1) continue;
    if (!(y >= 0 && y < n && y !== x && mate[y] === x)) return fail(`mate is not symmetric at vertex ${x}`);
  }
  const pairWeight = new Float64Array(n).fill(-INFINITY);
  for (let i = 0; i < u.length; i++) {
    if (mate[u[i]] === v[i]) {
      pairWeight[u[i]] = max(pairWeight[u[i]], w[i]);
      pairWeight[v[i]] = max(pairWeight[v[i]], w[i]);
    }
  }
  for (let x = 0; x < n; x++) {
    if (mate[x] !== -1 && pairWeight[x] === -INFINITY) return fail(`vertices ${x} and ${mate[x]} are paired without an edge`);
  }

  // The blossom forest: depths (rejecting cycles), then sizes and dual sums in depth order.
  const total = n + count;
  const depth = new Int32Array(total).fill(-1);
  const path: number[] = [];
  for (let x = 0; x < total; x++) {
    let y = x;
    while (y !== -1 && depth[y] === -1) {
      const parent = blossomParent[y];
      if (parent !== -1 && !(parent >= n && parent < total)) return fail(`blossomParent[${y}] = ${parent} is not a blossom`);
      if (path.length > total) return fail('blossomParent has a cycle');
      path.push(y);
      y = parent;
    }
    let d = y === -1 ? -1 : depth[y];
    while (path.length > 0) depth[path.pop() as number] = ++d;
  }
  const byDepth = Array.from({ length: total }, (_, i) => i).sort((a, b) => depth[a] - depth[b] || a - b);
  const zAbove = new Float64Array(total);
  for (const x of byDepth) {
    const parent = blossomParent[x];
    const own = x >= n ? blossomDual[x - n] : 0;
    if (x >= n && !(own >= -tol)) return fail(`blossom ${x} has negative dual ${own}`);
    zAbove[x] = own + (parent === -1 ? 0 : zAbove[parent]);
  }
  const lca = (a: number, b: number): number => {
    while (depth[a] > depth[b]) a = blossomParent[a];
    while (depth[b] > depth[a]) b = blossomParent[b];
    while (a !== b) {
      a = blossomParent[a];
      b = blossomParent[b];
    }
    return a;
  };

  // Blossom sizes and matched pairs inside, children before parents.
  const size = new Int32Array(total);
  const pairsInside = new Int32Array(total);
  for (let x = 0; x < n; x++) {
    size[x] = 1;
    if (mate[x] > x) {
      const common = lca(x, mate[x]);
      if (common !== -1) pairsInside[common]++;
    }
  }
  for (let i = total - 1; i >= 0; i--) {
    const x = byDepth[i];
    const parent = blossomParent[x];
    if (x >= n && (size[x] < 3 || size[x] % 2 === 0)) return fail(`blossom ${x} has ${size[x]} vertices; blossoms are odd sets of at least 3`);
    if (parent !== -1) {
      size[parent] += size[x];
      pairsInside[parent] += pairsInside[x];
    }
  }

  for (let x = 0; x < n; x++) {
    const d = vertexDual[x];
    if (!(d >= -tol)) return fail(`vertex ${x} has negative dual ${d}`);
    if (mate[x] === -1 && abs(d) > tol) return fail(`single vertex ${x} has non-zero dual ${d}`);
  }
  for (let i = 0; i < u.length; i++) {
    const a = u[i];
    const b = v[i];
    const common = lca(a, b);
    const slack = vertexDual[a] + vertexDual[b] + (common === -1 ? 0 : zAbove[common]) - (w[i] + shift);
    if (!(slack >= -tol)) return fail(`edge ${i} (${a}, ${b}) has negative slack ${slack}`);
    if (mate[a] === b && w[i] === pairWeight[a] && abs(slack) > tol) {
      return fail(`matched edge ${i} (${a}, ${b}) has slack ${slack}`);
    }
  }

  for (let x = n; x < total; x++) {
    if (blossomDual[x - n] > tol && 2 * pairsInside[x] !== size[x] - 1) {
      return fail(`blossom ${x} has a positive dual but ${pairsInside[x]} pairs inside for ${size[x]} vertices`);
    }
  }
  return { ok: true };
}
