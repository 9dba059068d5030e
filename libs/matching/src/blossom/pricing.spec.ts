import fc from 'fast-check';

import { edgesToGraph } from './max-weight-matching';
import { edgeSlack, solveWithPricing, type PricingDuals, type ViolationOracle } from './pricing';
import { solveMatching } from './solve-matching';
import { floatTolerance, graphArbitraries, matchingDefect, type WeightKind } from '../../test/test-graphs';
import type { SparseGraph, WeightedEdge } from './types';
import { verifyOptimum } from './verify-optimum';

const { dense: denseGraphArb } = graphArbitraries(fc);

/** The oracle a caller would write: every edge of the full graph with negative reduced cost. */
function fullOracle(full: SparseGraph, limit = Infinity, calls: number[] = []): ViolationOracle {
  return (duals) => {
    calls.push(1);
    const out: WeightedEdge[] = [];
    for (let i = 0; i < full.u.length && out.length < limit; i++) {
      const [a, b, w] = [full.u[i], full.v[i], full.w[i]];
      if (edgeSlack(duals.vertexDual[a], duals.vertexDual[b], w) < -duals.tolerance && duals.reducedCost(a, b, w) < -duals.tolerance) out.push([a, b, w]);
    }
    return out;
  };
}

function subgraph(full: SparseGraph, keep: readonly boolean[]): SparseGraph {
  const idx = keep.flatMap((k, i) => (k && i < full.u.length ? [i] : []));
  return { n: full.n, u: Int32Array.from(idx, (i) => full.u[i]), v: Int32Array.from(idx, (i) => full.v[i]), w: Float64Array.from(idx, (i) => full.w[i]) };
}

function bounds(full: SparseGraph): { min: number; max: number } {
  return full.w.length === 0 ? { min: 0, max: 0 } : { min: Math.min(...full.w), max: Math.max(...full.w) };
}

describe('solveWithPricing equals the exact solve of the full graph', () => {
  const cases: [WeightKind, boolean][] = [
    ['integer', false],
    ['integer', true],
    ['decimal', false],
    ['float', true],
  ];
  for (const [kind, maxCardinality] of cases) {
    it(`${kind} weights, maxCardinality=${maxCardinality}`, () => {
      fc.assert(
        fc.property(
          denseGraphArb(36, kind),
          fc.array(fc.boolean(), { minLength: 700, maxLength: 700 }),
          fc.integer({ min: 1, max: 5 }),
          (full, keep, perRound) => {
            const candidates = subgraph(full, keep);
            const result = solveWithPricing(candidates, fullOracle(full, perRound), {
              maxCardinality,
              weightBounds: bounds(full),
              maxRounds: 1000,
              // Every solve's certificate is checked on its candidate graph too: none may fail.
              verify: true,
            });
            const exact = solveMatching(full, { maxCardinality });
            expect(result.certified).toBe(true);
            expect(matchingDefect(full, result.mate)).toBeNull();
            expect(result.cardinality).toBe(maxCardinality ? exact.cardinality : result.cardinality);
            const tol = kind === 'integer' ? 0 : floatTolerance(full);
            expect(Math.abs(result.weight - exact.weight)).toBeLessThanOrEqual(tol);
            expect(verifyOptimum(full, result.solution, { maxCardinality, tolerance: kind === 'integer' ? 0 : undefined })).toEqual({
              ok: true,
            });
          },
        ),
        { numRuns: 80 },
      );
    });
  }
});

describe('solveWithPricing', () => {
  // A 4-cycle where the candidates miss the heavy diagonal pairing.
  const full = edgesToGraph([
    [0, 1, 1],
    [2, 3, 1],
    [0, 2, 10],
    [1, 3, 10],
  ]);
  const candidates = edgesToGraph([
    [0, 1, 1],
    [2, 3, 1],
  ]);

  it('adds the priced-out edges and certifies the optimum', () => {
    const calls: number[] = [];
    const result = solveWithPricing(candidates, fullOracle(full, Infinity, calls));
    expect(Array.from(result.mate)).toEqual([2, 3, 0, 1]);
    expect(result.weight).toBe(20);
    expect(result.certified).toBe(true);
    expect(result.rounds).toBe(2);
    expect(result.edgesAdded).toBe(2);
    expect(calls.length).toBe(2);
  });

  it('reports certified: false when the round limit stops it early', () => {
    const result = solveWithPricing(candidates, fullOracle(full), { maxRounds: 1 });
    expect(result.certified).toBe(false);
    expect(result.weight).toBe(2);
  });

  it('hands the oracle duals in score units and ignores edges it already has', () => {
    let seen: PricingDuals | null = null;
    const result = solveWithPricing(candidates, (duals) => {
      seen = duals;
      return [[1, 0, 1]];
    });
    expect(result.certified).toBe(true);
    expect(result.rounds).toBe(1);
    const duals = seen as unknown as PricingDuals;
    expect(duals.vertexDual[0] + duals.vertexDual[1]).toBe(1);
    expect(duals.reducedCost(0, 1, 1)).toBe(0);
    expect(duals.reducedCost(0, 2, 10)).toBeLessThan(0);
  });

  it('gives the oracle duals of the original weights with maxCardinality', () => {
    const path = edgesToGraph([
      [0, 1, 5],
      [1, 2, 11],
      [2, 3, 5],
    ]);
    const result = solveWithPricing(edgesToGraph([[1, 2, 11]], 4), fullOracle(path), { maxCardinality: true, weightBounds: { min: 5, max: 11 } });
    expect(result.certified).toBe(true);
    expect(result.cardinality).toBe(2);
    expect(result.weight).toBe(10);
    expect(verifyOptimum(path, result.solution, { maxCardinality: true, tolerance: 0 })).toEqual({ ok: true });
  });

  it('validates its inputs', () => {
    expect(() => solveWithPricing(candidates, () => [], { maxCardinality: true })).toThrow(/weightBounds/);
    expect(() => solveWithPricing(candidates, () => [], { maxCardinality: true, weightBounds: { min: 2, max: 3 } })).toThrow(/outside weightBounds/);
    expect(() => solveWithPricing(candidates, () => [[0, 0, 1]])).toThrow(RangeError);
    expect(() => solveWithPricing(candidates, () => [[0, 9, 1]])).toThrow(RangeError);
    expect(() => solveWithPricing(candidates, () => [[0, 2, Number.NaN]])).toThrow(/finite/);
    expect(() => solveWithPricing(candidates, () => [], { maxRounds: 0 })).toThrow(RangeError);
  });
});
