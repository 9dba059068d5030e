import { edgesToGraph } from './max-weight-matching';
import { solveMatching } from './solve-matching';
import type { MatchingSolution } from './types';
import { verifyOptimum, type MatchingCertificate } from './verify-optimum';

/** A triangle with a pendant edge: the optimum needs a blossom dual to be certified. */
const triangle = edgesToGraph([
  [0, 1, 10],
  [1, 2, 10],
  [0, 2, 10],
  [2, 3, 1],
]);

function tamper(solution: MatchingSolution, change: (c: { -readonly [K in keyof MatchingCertificate]: MatchingCertificate[K] }) => void): MatchingCertificate {
  const copy = {
    mate: solution.mate.slice(),
    vertexDual: solution.vertexDual.slice(),
    blossomParent: solution.blossomParent.slice(),
    blossomDual: solution.blossomDual.slice(),
    weightShift: solution.weightShift,
  };
  change(copy);
  return copy;
}

describe('verifyOptimum', () => {
  const solution = solveMatching(triangle);

  it('accepts the solver certificate, which needs a blossom here', () => {
    expect(solution.weight).toBe(11);
    expect(solution.blossomDual.length).toBeGreaterThan(0);
    expect(Math.max(...solution.blossomDual)).toBeGreaterThan(0);
    expect(verifyOptimum(triangle, solution, { tolerance: 0 })).toEqual({ ok: true });
  });

  it('accepts the max-cardinality certificate and rejects it as a plain one', () => {
    const graph = edgesToGraph([
      [0, 1, 5],
      [1, 2, 11],
      [2, 3, 5],
    ]);
    const card = solveMatching(graph, { maxCardinality: true });
    expect(verifyOptimum(graph, card, { maxCardinality: true, tolerance: 0 })).toEqual({ ok: true });
    expect(verifyOptimum(graph, card, { tolerance: 0 })).toMatchObject({ ok: false, reason: expect.stringMatching(/weightShift must be 0/) });
    const small = { ...card, weightShift: 0.5 };
    expect(verifyOptimum(graph, small, { maxCardinality: true })).toMatchObject({ ok: false, reason: expect.stringMatching(/too small/) });
  });

  it('rejects a suboptimal matching whatever duals come with it', () => {
    // Pairing 2-3 only (weight 1) cannot be certified: 0-1 would add 10.
    const bad = tamper(solution, (c) => {
      c.mate = Int32Array.of(-1, -1, 3, 2);
    });
    expect(verifyOptimum(triangle, bad).ok).toBe(false);
  });

  const broken: [string, (c: { -readonly [K in keyof MatchingCertificate]: MatchingCertificate[K] }) => void, RegExp][] = [
    ['an asymmetric mate', (c) => void (c.mate[0] = c.mate[0] === 1 ? 2 : 1), /not symmetric|without an edge|slack/],
    ['a pair that is not an edge', (c) => void ((c.mate = Int32Array.of(3, -1, -1, 0)), 0), /without an edge/],
    ['a negative vertex dual', (c) => void (c.vertexDual[3] = -1), /negative dual/],
    ['an edge with negative slack', (c) => void (c.blossomDual[0] -= 2), /negative slack|negative dual/],
    ['a matched edge that is not tight', (c) => void ((c.vertexDual[2] += 1), (c.vertexDual[3] += 1)), /slack/],
    ['a blossom parent cycle', (c) => void (c.blossomParent[c.blossomParent.length - 1] = c.blossomParent.length - 1), /cycle/],
    ['a parent that is not a blossom', (c) => void (c.blossomParent[0] = 1), /not a blossom/],
    ['wrong array lengths', (c) => void (c.blossomDual = new Float64Array(0)), /length/],
  ];
  it.each(broken)('rejects %s', (_name, change, reason) => {
    const report = verifyOptimum(triangle, tamper(solution, change), { tolerance: 0 });
    expect(report.ok).toBe(false);
    if (!report.ok) expect(report.reason).toMatch(reason);
  });

  it('rejects a single vertex with a positive dual', () => {
    const path = edgesToGraph([
      [0, 1, 2],
      [1, 2, 1],
    ]);
    const s = solveMatching(path);
    expect(Array.from(s.mate)).toEqual([1, 0, -1]);
    const raised = { ...s, vertexDual: Float64Array.from(s.vertexDual, (d, v) => (v === 2 ? d + 1 : d)) };
    expect(verifyOptimum(path, raised)).toMatchObject({ ok: false, reason: expect.stringMatching(/single vertex 2/) });
  });

  it('rejects even blossoms and positive-dual blossoms that are not full', () => {
    const path = edgesToGraph([
      [0, 1, 1],
      [1, 2, 1],
    ]);
    const base = { mate: Int32Array.of(1, 0, -1), vertexDual: Float64Array.of(0.5, 0.5, 0), weightShift: 0 };
    const even = { ...base, blossomParent: Int32Array.of(3, 3, -1, -1), blossomDual: Float64Array.of(0) };
    expect(verifyOptimum(path, even)).toMatchObject({ ok: false, reason: expect.stringMatching(/odd sets/) });
    const triangleGraph = edgesToGraph([
      [0, 1, 1],
      [1, 2, 1],
      [0, 2, 1],
    ]);
    const notFull = { mate: Int32Array.of(-1, -1, -1), vertexDual: Float64Array.of(0, 0, 0), blossomParent: Int32Array.of(3, 3, 3, -1), blossomDual: Float64Array.of(1) };
    expect(verifyOptimum(triangleGraph, { ...notFull, weightShift: 0 })).toMatchObject({ ok: false, reason: expect.stringMatching(/pairs inside/) });
  });

  it('uses the tolerance for float certificates', () => {
    const graph = edgesToGraph([[0, 1, 0.1]]);
    const s = solveMatching(graph);
    expect(s.exact).toBe(false);
    expect(verifyOptimum(graph, s)).toEqual({ ok: true });
    expect(() => verifyOptimum(graph, s, { tolerance: -1 })).toThrow(RangeError);
  });
});
