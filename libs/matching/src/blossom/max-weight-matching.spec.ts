import { bruteForceMatching } from '../../test/brute-force';
import { edgesToGraph, maxWeightMatching } from './max-weight-matching';
import { REGRESSION_GRAPHS } from '../../test/regression-graphs';
import { solveMatchingInstrumented } from './solve-matching';
import { verifyOptimum } from './verify-optimum';

describe('maxWeightMatching: classic regression graphs', () => {
  it.each(REGRESSION_GRAPHS.map((g) => [g.name, g] as const))('%s', (_name, g) => {
    const graph = edgesToGraph(g.edges);
    const options = { maxCardinality: g.maxCardinality };
    const brute = bruteForceMatching(graph, options);
    expect(Array.from(brute.mate)).toEqual(g.mate);
    expect(maxWeightMatching(g.edges, options)).toEqual(g.mate);
    for (const [initialMate, classicStart] of [[undefined, false], ['greedy', false], [undefined, true]] as const) {
      const { solution } = solveMatchingInstrumented(graph, { ...options, initialMate }, { classicStart, check: (e) => e.assertInvariants() });
      expect(Array.from(solution.mate)).toEqual(g.mate);
      expect(verifyOptimum(graph, solution, options)).toEqual({ ok: true });
    }
  });
});

describe('derived regression graphs still reach the path they are named after', () => {
  const paths: [string, 'augmentationsToSingle' | 'zeroDuals' | 'expansions'][] = [
    ['augmentation ending at a single vertex whose dual is 0', 'augmentationsToSingle'],
    ['an even vertex reaches dual 0, then a later augmentation ends at it', 'zeroDuals'],
    ['a vertex inside a blossom reaches dual 0 and becomes its single base', 'zeroDuals'],
    ['odd blossom expanded from the default (tight greedy) start', 'expansions'],
  ];
  it.each(paths)('%s', (name, counter) => {
    const g = REGRESSION_GRAPHS.find((r) => r.name === name);
    expect(g).toBeDefined();
    const { stats } = solveMatchingInstrumented(edgesToGraph(g?.edges ?? []), {});
    expect(stats[counter]).toBeGreaterThan(0);
    if (name.includes('blossom')) expect(stats.blossoms).toBeGreaterThan(0);
  });
});
