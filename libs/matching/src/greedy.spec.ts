import fc from 'fast-check';
import { greedyMatching } from './greedy';

describe('greedyMatching', () => {
  it('takes the best edge first', () => {
    expect(Array.from(greedyMatching(4, [0, 1, 2], [1, 2, 3], [5, 7, 5]))).toEqual([-1, 2, 1, -1]);
  });

  it('ignores forbidden (−Infinity) edges and self-loops', () => {
    expect(Array.from(greedyMatching(2, [0, 1], [1, 1], [-Infinity, 3]))).toEqual([-1, -1]);
  });

  it('rejects endpoints out of range', () => {
    expect(() => greedyMatching(2, [0], [2], [1])).toThrow(RangeError);
  });

  it('always returns a maximal matching', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 12 }).chain((n) => fc.tuple(fc.constant(n), fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1), fc.integer({ min: -5, max: 20 })), { maxLength: 40 }))), ([n, edges]) => {
        const mate = greedyMatching(n, edges.map((e) => e[0]), edges.map((e) => e[1]), edges.map((e) => e[2]));
        for (let v = 0; v < n; v++) if (mate[v] !== -1) expect(mate[mate[v] as number]).toBe(v);
        for (const [a, b] of edges) if (a !== b) expect(mate[a] !== -1 || mate[b] !== -1).toBe(true);
      }),
    );
  });
});
