import fc from 'fast-check';

import { bruteForceMatching } from '../../test/brute-force';
import { edgesToGraph, maxWeightMatching } from './max-weight-matching';
import { solveMatching, solveMatchingInstrumented } from './solve-matching';
import { floatTolerance, graphArbitraries, matchingDefect, relabel, type WeightKind } from '../../test/test-graphs';
import type { SparseGraph } from './types';
import { verifyOptimum } from './verify-optimum';

const { any: graphArb, dense: denseGraphArb, sparse: sparseGraphArb } = graphArbitraries(fc);

const KINDS: readonly WeightKind[] = ['integer', 'decimal', 'float'];
const MODES = [false, true] as const;

function closeTo(graph: SparseGraph, kind: WeightKind, actual: number, expected: number): boolean {
  return kind === 'integer' ? actual === expected : Math.abs(actual - expected) <= floatTolerance(graph);
}

describe('solveMatching against brute force (n <= 10)', () => {
  for (const kind of KINDS) {
    for (const maxCardinality of MODES) {
      it(`${kind} weights, maxCardinality=${maxCardinality}: valid, optimal, certified`, () => {
        fc.assert(
          fc.property(graphArb(10, kind), fc.constantFrom<'cold' | 'greedy' | 'classic'>('cold', 'greedy', 'classic'), (graph, start) => {
            const brute = bruteForceMatching(graph, { maxCardinality });
            const { solution } = solveMatchingInstrumented(
              graph,
              { maxCardinality, initialMate: start === 'greedy' ? 'greedy' : undefined },
              { classicStart: start === 'classic', check: (engine) => engine.assertInvariants() },
            );
            expect(matchingDefect(graph, solution.mate)).toBeNull();
            expect(closeTo(graph, kind, solution.weight, brute.weight)).toBe(true);
            if (maxCardinality) expect(solution.cardinality).toBe(brute.cardinality);
            if (kind === 'integer') expect(solution.exact).toBe(true);
            const tolerance = kind === 'integer' ? 0 : undefined;
            expect(verifyOptimum(graph, solution, { maxCardinality, tolerance })).toEqual({ ok: true });
          }),
          { numRuns: 250 },
        );
      });
    }
  }
});

describe('solveMatching invariances', () => {
  const permuted = (maxN: number, kind: WeightKind) =>
    graphArb(maxN, kind).chain((graph) =>
      fc.tuple(
        fc.constant(graph),
        fc.shuffledSubarray(Array.from({ length: graph.n }, (_, i) => i), { minLength: graph.n, maxLength: graph.n }),
        fc.shuffledSubarray(Array.from({ length: graph.u.length }, (_, i) => i), { minLength: graph.u.length, maxLength: graph.u.length }),
        fc.array(fc.boolean(), { minLength: graph.u.length, maxLength: graph.u.length }),
      ),
    );

  for (const maxCardinality of MODES) {
    it(`relabelling vertices and shuffling edges keeps the optimum (maxCardinality=${maxCardinality})`, () => {
      fc.assert(
        fc.property(permuted(40, 'decimal'), ([graph, perm, order, swap]) => {
          const a = solveMatching(graph, { maxCardinality });
          const other = relabel(graph, perm, order, swap);
          const b = solveMatching(other, { maxCardinality });
          expect(matchingDefect(other, b.mate)).toBeNull();
          expect(Math.abs(a.weight - b.weight)).toBeLessThanOrEqual(floatTolerance(graph));
          // Only maximum-cardinality mode fixes the size: otherwise optima of equal weight may differ in
          // size (14.9 + 28 against 42.9), and a relabelling may pick either.
          if (maxCardinality) expect(b.cardinality).toBe(a.cardinality);
        }),
        { numRuns: 200 },
      );
    });
  }

  it('is deterministic: the same input gives the same mate', () => {
    fc.assert(
      fc.property(graphArb(30, 'float'), (graph) => {
        expect(solveMatching(graph).mate).toEqual(solveMatching(graph).mate);
      }),
      { numRuns: 50 },
    );
  });

  it('checks its own certificate on request', () => {
    fc.assert(
      fc.property(graphArb(30, 'float'), fc.boolean(), (graph, maxCardinality) => {
        expect(solveMatching(graph, { maxCardinality, verify: true }).mate).toEqual(solveMatching(graph, { maxCardinality }).mate);
      }),
      { numRuns: 50 },
    );
  });

  it('proves its certificate on subnormal weights (regression: underflowing duals)', () => {
    const graph = { n: 2, u: Int32Array.of(0), v: Int32Array.of(1), w: Float64Array.of(4.4e-323) };
    expect(Array.from(solveMatching(graph, { verify: true }).mate)).toEqual([1, 0]);
  });

  it('solves a weight tie between optima of different sizes either way, at the same weight (found by fast-check)', () => {
    const graph = { n: 12, u: Int32Array.of(11, 1, 1), v: Int32Array.of(10, 2, 10), w: Float64Array.of(14.9, 28, 42.9) };
    const result = solveMatching(graph, { verify: true });
    expect(Math.abs(result.weight - 42.9)).toBeLessThan(1e-9);
    expect([1, 2]).toContain(result.cardinality);
    expect(solveMatching(graph, { maxCardinality: true, verify: true }).cardinality).toBe(2);
  });

  it('never mutates its input', () => {
    fc.assert(
      fc.property(graphArb(20, 'float'), (graph) => {
        const copy = { n: graph.n, u: graph.u.slice(), v: graph.v.slice(), w: graph.w.slice() };
        const initialMate = solveMatching(graph, { initialMate: 'greedy' }).mate;
        const mateCopy = initialMate.slice();
        solveMatching(graph, { initialMate, maxCardinality: true });
        expect(graph).toEqual(copy);
        expect(initialMate).toEqual(mateCopy);
      }),
      { numRuns: 50 },
    );
  });
});

describe('solveMatching warm start', () => {
  // A random maximal matching: edges in random order, each taken when both ends are free.
  const withRandomMatching = (maxN: number) =>
    graphArb(maxN, 'integer').chain((graph) =>
      fc.shuffledSubarray(Array.from({ length: graph.u.length }, (_, i) => i), { minLength: 0, maxLength: graph.u.length }).map((order) => {
        const mate = new Int32Array(graph.n).fill(-1);
        for (const i of order) {
          if (mate[graph.u[i]] === -1 && mate[graph.v[i]] === -1) {
            mate[graph.u[i]] = graph.v[i];
            mate[graph.v[i]] = graph.u[i];
          }
        }
        return [graph, mate] as const;
      }),
    );

  for (const maxCardinality of MODES) {
    it(`any starting matching gives the cold optimum (maxCardinality=${maxCardinality})`, () => {
      fc.assert(
        fc.property(withRandomMatching(40), ([graph, initialMate]) => {
          const cold = solveMatching(graph, { maxCardinality });
          const warm = solveMatchingInstrumented(graph, { maxCardinality, initialMate }, { check: (e) => e.assertInvariants() }).solution;
          const greedy = solveMatching(graph, { maxCardinality, initialMate: 'greedy' });
          expect(warm.weight).toBe(cold.weight);
          expect(greedy.weight).toBe(cold.weight);
          // Without maxCardinality, optima of equal weight may differ in size: each start may find either.
          if (maxCardinality) expect(warm.cardinality).toBe(cold.cardinality);
          expect(verifyOptimum(graph, warm, { maxCardinality, tolerance: 0 })).toEqual({ ok: true });
        }),
        { numRuns: 120 },
      );
    });
  }
});

describe('solveMatching on larger graphs: certificate and agreement of all start modes', () => {
  for (const maxCardinality of MODES) {
    it(`n <= 120, maxCardinality=${maxCardinality}`, () => {
      fc.assert(
        fc.property(fc.oneof(sparseGraphArb(120, 'integer', 20), denseGraphArb(60, 'integer', 20)), (graph) => {
          const cold = solveMatching(graph, { maxCardinality });
          const greedy = solveMatching(graph, { maxCardinality, initialMate: 'greedy' });
          const classic = solveMatchingInstrumented(graph, { maxCardinality }, { classicStart: true }).solution;
          for (const s of [cold, greedy, classic]) {
            expect(verifyOptimum(graph, s, { maxCardinality, tolerance: 0 })).toEqual({ ok: true });
            expect(s.weight).toBe(cold.weight);
            if (maxCardinality) expect(s.cardinality).toBe(cold.cardinality);
          }
        }),
        { numRuns: 60 },
      );
    });
  }

  it('exercises every event of the engine on random graphs', () => {
    const totals = { blossoms: 0, expansions: 0, augmentations: 0, augmentationsToSingle: 0, zeroDuals: 0 };
    fc.assert(
      fc.property(fc.oneof(denseGraphArb(30, 'integer', 10), sparseGraphArb(40, 'integer', 10)), (graph) => {
        for (const classicStart of [false, true]) {
          const { stats } = solveMatchingInstrumented(graph, {}, { classicStart });
          for (const key of Object.keys(totals) as (keyof typeof totals)[]) totals[key] += stats[key];
        }
      }),
      { numRuns: 100, seed: 7 },
    );
    for (const count of Object.values(totals)) expect(count).toBeGreaterThan(0);
  });
});

describe('solveMatching inputs', () => {
  const g = (edges: [number, number, number][], n?: number) => edgesToGraph(edges, n);

  it('handles empty graphs and isolated vertices', () => {
    expect(maxWeightMatching([])).toEqual([]);
    const s = solveMatching(g([], 3));
    expect(Array.from(s.mate)).toEqual([-1, -1, -1]);
    expect(s.weight).toBe(0);
    expect(solveMatching(g([[0, 1, 0]], 2)).cardinality).toBe(0);
    expect(solveMatching(g([[0, 1, 0]], 2), { maxCardinality: true }).cardinality).toBe(1);
  });

  it('keeps the heaviest of parallel edges, in either direction', () => {
    const s = solveMatching(g([[0, 1, 2], [1, 0, 7], [0, 1, 5], [2, 3, 1]]));
    expect(s.weight).toBe(8);
    expect(maxWeightMatching([[0, 1, 2], [1, 0, 7]])).toEqual([1, 0]);
  });

  it('never takes negative edges unless cardinality asks for them', () => {
    expect(maxWeightMatching([[0, 1, -3]])).toEqual([-1, -1]);
    expect(maxWeightMatching([[0, 1, -3]], { maxCardinality: true })).toEqual([1, 0]);
  });

  it('reports the weight shift used for maximum cardinality', () => {
    const graph = g([[0, 1, 5], [1, 2, 11], [2, 3, 5]]);
    expect(solveMatching(graph).weightShift).toBe(0);
    const s = solveMatching(graph, { maxCardinality: true });
    expect(s.weight).toBe(10);
    expect(s.weightShift).toBeGreaterThan((2 - 1) * (11 - 5) - 5);
  });

  it('is exact on large integer weights', () => {
    const big = 2 ** 40;
    const s = solveMatching(g([[0, 1, big + 1], [1, 2, big + 3], [2, 3, big + 1]]));
    expect(s.exact).toBe(true);
    expect(s.weight).toBe(2 * big + 2);
  });

  it.each([
    [[[-1, 2, 1]], RangeError, /vertex id -1/],
    [[[0.5, 2, 1]], TypeError, /not an integer/],
    [[['a', 2, 1]], TypeError, /not an integer/],
    [[[1, 1, 1]], RangeError, /self-loop/],
    [[[0, 1, Number.NaN]], RangeError, /finite/],
    [[[0, 1, Infinity]], RangeError, /finite/],
    [[[0, 1]], TypeError, /\[u, v, weight\]/],
    [[[0, 1, '3']], TypeError, /weight must be a number/],
  ])('rejects bad edge %j', (edges, type, message) => {
    expect(() => maxWeightMatching(edges as never)).toThrow(type);
    expect(() => maxWeightMatching(edges as never)).toThrow(message);
  });

  it('rejects malformed typed graphs', () => {
    const ok = g([[0, 1, 1]]);
    expect(() => solveMatching({ ...ok, n: -1 })).toThrow(RangeError);
    expect(() => solveMatching({ ...ok, n: 1.5 })).toThrow(RangeError);
    expect(() => solveMatching({ ...ok, u: [0] as unknown as Int32Array })).toThrow(TypeError);
    expect(() => solveMatching({ ...ok, w: Float64Array.of(1, 2) })).toThrow(RangeError);
    expect(() => solveMatching({ ...ok, n: 1 })).toThrow(/0..0/);
  });

  it('rejects an initialMate that is not a matching of the graph', () => {
    const graph = g([[0, 1, 1], [1, 2, 1]], 4);
    expect(() => solveMatching(graph, { initialMate: Int32Array.of(1, 0, -1) })).toThrow(/length/);
    expect(() => solveMatching(graph, { initialMate: Int32Array.of(1, -1, -1, -1) })).toThrow(/not a matching/);
    expect(() => solveMatching(graph, { initialMate: Int32Array.of(-1, -1, 3, 2) })).toThrow(/not joined by an edge/);
    expect(() => solveMatching(graph, { initialMate: 'fast' as never })).toThrow(TypeError);
    expect(solveMatching(graph, { initialMate: Int32Array.of(-1, 2, 1, -1) }).weight).toBe(1);
  });
});
