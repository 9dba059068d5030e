import type fcModule from 'fast-check';

import { edgesToGraph } from '../src/blossom/max-weight-matching';
import type { SparseGraph, WeightedEdge } from '../src/blossom/types';

/**
 * Test-only helpers of the blossom specs. The app build compiles this folder too, so
 * fast-check (a dev dependency) is only a type here: specs pass their instance in.
 */

export type WeightKind = 'integer' | 'float' | 'decimal';

/** Generators of small graphs, built on the caller's fast-check. */
export function graphArbitraries(fc: typeof fcModule) {
  const weightArb = (kind: WeightKind): fcModule.Arbitrary<number> => {
    if (kind === 'integer') return fc.integer({ min: -20, max: 60 });
    if (kind === 'decimal') return fc.integer({ min: -200, max: 600 }).map((x) => x / 10);
    return fc.double({ min: -50, max: 120, noNaN: true, noDefaultInfinity: true });
  };

  /** A graph on `minN..maxN` vertices with a random edge list (parallel edges allowed). */
  const sparse = (maxN: number, kind: WeightKind, minN = 0): fcModule.Arbitrary<SparseGraph> =>
    fc.integer({ min: minN, max: maxN }).chain((n) => {
      if (n < 2) return fc.constant(edgesToGraph([], n));
      const edge = fc
        .tuple(fc.integer({ min: 0, max: n - 1 }), fc.integer({ min: 0, max: n - 1 }), weightArb(kind))
        .filter(([a, b]) => a !== b);
      return fc.array(edge, { maxLength: 3 * n }).map((edges) => edgesToGraph(edges as WeightedEdge[], n));
    });

  /** A graph on `minN..maxN` vertices where each pair is an edge with a random density. */
  const dense = (maxN: number, kind: WeightKind, minN = 0): fcModule.Arbitrary<SparseGraph> =>
    fc.integer({ min: minN, max: maxN }).chain((n) => {
      const pairs = (n * (n - 1)) / 2;
      const draw = fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), weightArb(kind));
      return fc.tuple(fc.double({ min: 0.3, max: 1, noNaN: true }), fc.array(draw, { minLength: pairs, maxLength: pairs })).map(([density, draws]) => {
        const edges: WeightedEdge[] = [];
        let k = 0;
        for (let a = 0; a < n; a++) {
          for (let b = a + 1; b < n; b++, k++) if (draws[k][0] < density) edges.push([a, b, draws[k][1]]);
        }
        return edgesToGraph(edges, n);
      });
    });

  /** Either kind. */
  const any = (maxN: number, kind: WeightKind): fcModule.Arbitrary<SparseGraph> => fc.oneof(sparse(maxN, kind), dense(maxN, kind));

  return { sparse, dense, any };
}

/** `graph` with vertex `x` renamed `perm[x]` and edges in `order`, endpoints maybe swapped. */
export function relabel(graph: SparseGraph, perm: readonly number[], order: readonly number[], swap: readonly boolean[]): SparseGraph {
  const m = graph.u.length;
  const u = new Int32Array(m);
  const v = new Int32Array(m);
  const w = new Float64Array(m);
  order.forEach((i, k) => {
    const a = perm[graph.u[i]];
    const b = perm[graph.v[i]];
    u[k] = swap[k] ? b : a;
    v[k] = swap[k] ? a : b;
    w[k] = graph.w[i];
  });
  return { n: graph.n, u, v, w };
}

/** Total weight the tests allow between two float answers. */
export function floatTolerance(graph: SparseGraph): number {
  let sum = 0;
  for (let i = 0; i < graph.w.length; i++) sum += Math.abs(graph.w[i]);
  return 1e-9 * Math.max(1, sum);
}

/** Checks `mate` is a matching of `graph`; returns a reason or null. */
export function matchingDefect(graph: SparseGraph, mate: ArrayLike<number>): string | null {
  if (mate.length !== graph.n) return `mate has length ${mate.length}, expected ${graph.n}`;
  for (let x = 0; x < graph.n; x++) {
    const y = mate[x];
    if (y === -1) continue;
    if (y < 0 || y >= graph.n || y === x || mate[y] !== x) return `not symmetric at ${x}`;
    let found = false;
    for (let i = 0; i < graph.u.length && !found; i++) found = (graph.u[i] === x && graph.v[i] === y) || (graph.u[i] === y && graph.v[i] === x);
    if (!found) return `pair ${x}-${y} is not an edge`;
  }
  return null;
}
