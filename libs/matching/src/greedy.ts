/**
 * Greedy matching: take edges best first (weight descending; ties by the
 * smaller endpoint, then the larger), keep an edge when both ends are free.
 * A ½-approximation of the maximum weight matching and a maximal matching;
 * the planners use it as the solver's warm start and add its edges to the
 * sparse candidate graph so the graph can always pair as many as greedy does.
 *
 * Edges with `w` of −Infinity or NaN are ignored; self-loops are ignored.
 *
 * Complexity: O(m log m) time, O(n + m) memory.
 * @throws {RangeError} when the arrays differ in length or an endpoint is outside 0..n−1.
 * @example
 * const mate = greedyMatching(3, [0, 1], [1, 2], [5, 7]); // Int32Array [-1, 2, 1]
 */
export function greedyMatching(n: number, u: ArrayLike<number>, v: ArrayLike<number>, w: ArrayLike<number>): Int32Array {
  const m = u.length;
  if (v.length !== m || w.length !== m) throw new RangeError('u, v and w must have the same length');
  const order: number[] = [];
  for (let e = 0; e < m; e++) {
    const a = u[e] as number;
    const b = v[e] as number;
    if (!Number.isInteger(a) || !Number.isInteger(b) || a < 0 || b < 0 || a >= n || b >= n) {
      throw new RangeError(`edge ${e} has an endpoint outside 0..${n - 1}`);
    }
    const weight = w[e] as number;
    if (a !== b && weight > -Infinity) order.push(e);
  }
  const lo = (e: number): number => Math.min(u[e] as number, v[e] as number);
  const hi = (e: number): number => Math.max(u[e] as number, v[e] as number);
  order.sort((x, y) => (w[y] as number) - (w[x] as number) || lo(x) - lo(y) || hi(x) - hi(y));
  const mate = new Int32Array(n).fill(-1);
  for (const e of order) {
    const a = u[e] as number;
    const b = v[e] as number;
    if (mate[a] === -1 && mate[b] === -1) {
      mate[a] = b;
      mate[b] = a;
    }
  }
  return mate;
}
