import fc from 'fast-check';

import { edgesToGraph } from './max-weight-matching';
import { solveMatching, solveMatchingInstrumented } from './solve-matching';
import type { SparseGraph, WeightedEdge } from './types';
import { verifyOptimum } from './verify-optimum';

/** Sizes where recursion would overflow the stack and quadratic steps would show. */
describe('solveMatching at scale', () => {
  it('solves a long odd cycle (one huge blossom) in both modes', () => {
    const n = 20001;
    const edges: WeightedEdge[] = Array.from({ length: n }, (_, i) => [i, (i + 1) % n, 1]);
    const graph = edgesToGraph(edges);
    for (const maxCardinality of [false, true]) {
      for (const classicStart of [false, true]) {
        const { solution } = solveMatchingInstrumented(graph, { maxCardinality }, { classicStart });
        expect(solution.cardinality).toBe((n - 1) / 2);
        expect(verifyOptimum(graph, solution, { maxCardinality, tolerance: 0 })).toEqual({ ok: true });
      }
    }
  });

  it('certifies random sparse graphs with thousands of vertices', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 30 }), fc.constantFrom(false, true), (seed, maxCardinality) => {
        const graph = randomGraph(4000, 6, seed);
        const cold = solveMatching(graph, { maxCardinality });
        const classic = solveMatchingInstrumented(graph, { maxCardinality }, { classicStart: true }).solution;
        expect(verifyOptimum(graph, cold, { maxCardinality, tolerance: 0 })).toEqual({ ok: true });
        expect(verifyOptimum(graph, classic, { maxCardinality, tolerance: 0 })).toEqual({ ok: true });
        expect(classic.weight).toBe(cold.weight);
      }),
      { numRuns: 6 },
    );
  });
});

/** n vertices, about n·degree/2 random edges with small integer weights (many ties, many blossoms). */
function randomGraph(n: number, degree: number, seed: number): SparseGraph {
  let state = seed >>> 0;
  const next = (): number => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
  const m = (n * degree) >> 1;
  const u = new Int32Array(m);
  const v = new Int32Array(m);
  const w = new Float64Array(m);
  for (let i = 0; i < m; i++) {
    const a = Math.floor(next() * n);
    let b = Math.floor(next() * (n - 1));
    if (b >= a) b++;
    u[i] = a;
    v[i] = b;
    w[i] = Math.floor(next() * 20) - 3;
  }
  return { n, u, v, w };
}
