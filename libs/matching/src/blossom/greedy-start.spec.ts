import { greedyPartners } from './greedy-start';
import { edgesToGraph } from './max-weight-matching';
import { prepareGraph } from './prepare-graph';

describe('greedyPartners', () => {
  it('takes edges heaviest first, the lowest index among equals', () => {
    const graph = prepareGraph(
      edgesToGraph([
        [0, 1, 4],
        [1, 2, 6],
        [2, 3, 6],
        [3, 0, 5],
        [4, 5, 1],
      ]),
      false,
    );
    // 1-2 wins the tie with 2-3 by index; then 3-0 (5); 0-1 is blocked; 4-5 last.
    expect(Array.from(greedyPartners(graph, graph.weight))).toEqual([3, 2, 1, 0, 5, 4]);
  });

  it('sorts wide integer ranges correctly (several radix passes)', () => {
    const graph = prepareGraph(
      edgesToGraph([
        [0, 1, 2 ** 40],
        [1, 2, 2 ** 40 + 1],
        [2, 3, 2 ** 17],
        [3, 4, 3],
      ]),
      false,
    );
    expect(Array.from(greedyPartners(graph, graph.weight))).toEqual([-1, 2, 1, 4, 3]);
  });
});
