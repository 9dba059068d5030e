import { validateGraph } from '../src/blossom/prepare-graph';
import type { MatchingOptions, SparseGraph } from '../src/blossom/types';

// A local alias: jest's vm sandbox makes each global lookup slow, and this runs 2^n times.
const clz32 = Math.clz32;

/** Largest graph {@link bruteForceMatching} accepts: it takes O(2^n · n) time and memory. */
export const BRUTE_FORCE_MAX_VERTICES = 20;

/** Result of {@link bruteForceMatching}. */
export interface BruteForceResult {
  readonly mate: Int32Array;
  readonly weight: number;
  readonly cardinality: number;
}

/**
 * The optimum by exhaustive dynamic programming over vertex subsets: the reference the
 * blossom solver is tested against.
 *
 * Definition: as {@link solveMatching} (plain: heaviest matching; `maxCardinality`: most
 * pairs, then heaviest). `best(S)` over vertex sets S either leaves the lowest vertex of S
 * single or pairs it with a neighbour in S; parallel edges count with their heaviest weight.
 *
 * Complexity: O(2^n · n) time, O(2^n + n²) memory.
 * @throws RangeError when `graph.n > BRUTE_FORCE_MAX_VERTICES`, plus the errors of
 * `validateGraph`.
 * @example
 * bruteForceMatching({ n: 3, u: Int32Array.of(0, 1), v: Int32Array.of(1, 2), w: Float64Array.of(2, 3) }).weight; // 3
 */
export function bruteForceMatching(graph: SparseGraph, options: MatchingOptions = {}): BruteForceResult {
  validateGraph(graph);
  const { n, u, v, w } = graph;
  if (n > BRUTE_FORCE_MAX_VERTICES) throw new RangeError(`brute force is limited to ${BRUTE_FORCE_MAX_VERTICES} vertices, got ${n}`);
  const maxCardinality = options.maxCardinality ?? false;
  const adjacent = new Uint8Array(n * n);
  const weight = new Float64Array(n * n);
  for (let i = 0; i < u.length; i++) {
    const a = u[i];
    const b = v[i];
    if (!adjacent[a * n + b] || w[i] > weight[a * n + b]) {
      adjacent[a * n + b] = adjacent[b * n + a] = 1;
      weight[a * n + b] = weight[b * n + a] = w[i];
    }
  }
  const size = 1 << n;
  const bestWeight = new Float64Array(size);
  const bestCount = new Int32Array(size);
  const choice = new Int32Array(size).fill(-1);
  for (let set = 1; set < size; set++) {
    const low = 31 - clz32(set & -set);
    const rest = set & ~(1 << low);
    let wBest = bestWeight[rest];
    let cBest = bestCount[rest];
    let pick = -1;
    for (let j = low + 1; j < n; j++) {
      if (!(rest & (1 << j)) || !adjacent[low * n + j]) continue;
      const sub = rest & ~(1 << j);
      const wj = bestWeight[sub] + weight[low * n + j];
      const cj = bestCount[sub] + 1;
      const better = maxCardinality ? cj > cBest || (cj === cBest && wj > wBest) : wj > wBest;
      if (better) {
        wBest = wj;
        cBest = cj;
        pick = j;
      }
    }
    bestWeight[set] = wBest;
    bestCount[set] = cBest;
    choice[set] = pick;
  }
  const mate = new Int32Array(n).fill(-1);
  for (let set = size - 1; set > 0; ) {
    const low = 31 - clz32(set & -set);
    const j = choice[set];
    set &= ~(1 << low);
    if (j !== -1) {
      mate[low] = j;
      mate[j] = low;
      set &= ~(1 << j);
    }
  }
  return { mate, weight: bestWeight[size - 1], cardinality: bestCount[size - 1] };
}
