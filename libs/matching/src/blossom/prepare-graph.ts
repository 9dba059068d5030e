import type { SparseGraph } from './types';

// A local alias: jest's vm sandbox makes each global lookup slow, and this runs per edge.
const isFinite = Number.isFinite;

/**
 * Largest supported vertex count: vertex and blossom ids (< 2n) are packed with a 2-bit
 * event tag into one int32 inside the solver.
 */
export const MAX_VERTICES = 1 << 26;

/**
 * The solver's view of a graph: duplicates merged, useless edges dropped, adjacency in CSR.
 * Edge `e` joins `endpoint[2e]` and `endpoint[2e + 1]`; endpoint ids let an adjacency slot
 * name both the neighbour and the edge (`p >> 1`), as in Galil's and van Rantwijk's notation.
 */
export interface PreparedGraph {
  readonly n: number;
  readonly m: number;
  /** Kept edge -> index of the input edge it came from. */
  readonly source: Int32Array;
  readonly endpoint: Int32Array;
  /** Input weight of each kept edge. */
  readonly weight: Float64Array;
  /** Slots of vertex v are `adjStart[v] .. adjStart[v + 1] - 1`, edges in ascending id. */
  readonly adjStart: Int32Array;
  /** Per slot: the remote endpoint id, so `endpoint[adjEnd[i]]` is the neighbour. */
  readonly adjEnd: Int32Array;
  /** Per slot: the neighbour itself, and the input weight, so that scans read memory in order. */
  readonly adjNbr: Int32Array;
  readonly adjWeight: Float64Array;
}

/**
 * Checks that `graph` is well formed: `n` a non-negative integer up to {@link MAX_VERTICES},
 * `u`/`v` Int32Arrays and `w` a Float64Array of one length, ids in `0 .. n - 1`, no self-loop,
 * finite weights.
 *
 * Complexity: O(m).
 * @throws TypeError when an array has the wrong type.
 * @throws RangeError on a bad `n`, mismatched lengths, an id out of range, a self-loop or a
 * non-finite weight.
 * @example
 * validateGraph({ n: 2, u: Int32Array.of(0), v: Int32Array.of(1), w: Float64Array.of(3) });
 */
export function validateGraph(graph: SparseGraph): void {
  const { n, u, v, w } = graph;
  if (!Number.isInteger(n) || n < 0 || n > MAX_VERTICES) {
    throw new RangeError(`graph.n must be an integer in 0..${MAX_VERTICES}, got ${String(n)}`);
  }
  if (!(u instanceof Int32Array) || !(v instanceof Int32Array)) {
    throw new TypeError('graph.u and graph.v must be Int32Arrays');
  }
  if (!(w instanceof Float64Array)) throw new TypeError('graph.w must be a Float64Array');
  if (u.length !== v.length || u.length !== w.length) {
    throw new RangeError(`graph.u, graph.v and graph.w differ in length (${u.length}, ${v.length}, ${w.length})`);
  }
  for (let i = 0; i < u.length; i++) {
    const a = u[i];
    const b = v[i];
    if (a < 0 || a >= n || b < 0 || b >= n) {
      throw new RangeError(`edge ${i}: vertex ids (${a}, ${b}) must lie in 0..${n - 1}`);
    }
    if (a === b) throw new RangeError(`edge ${i}: self-loop on vertex ${a}`);
    if (!isFinite(w[i])) throw new RangeError(`edge ${i}: weight must be finite, got ${w[i]}`);
  }
}

/**
 * Builds the solver's graph from a validated one. Parallel edges collapse to the heaviest
 * (the lowest index among equals). Unless `keepNonPositive`, edges of weight <= 0 are dropped:
 * a matching never gains from them, and a smaller graph is a faster one.
 *
 * Complexity: O(n + m).
 * @throws never on a graph that passed {@link validateGraph}.
 * @example
 * const g = prepareGraph({ n: 2, u: Int32Array.of(0, 1), v: Int32Array.of(1, 0), w: Float64Array.of(1, 5) }, false);
 * // g.m === 1, g.source[0] === 1
 */
export function prepareGraph(graph: SparseGraph, keepNonPositive: boolean): PreparedGraph {
  const { n, u, v, w } = graph;
  const total = u.length;
  // Dropping non-positive edges first changes nothing: a parallel edge that survives is the
  // heaviest of its pair, so it is positive whenever any of them is.
  const keep = new Uint8Array(total);
  for (let i = 0; i < total; i++) keep[i] = keepNonPositive || w[i] > 0 ? 1 : 0;

  // Adjacency of those edges, in ascending input index per vertex: reads in input order,
  // writes scattered, the cheap direction for large graphs. A slot holds the remote
  // endpoint id `2i + 1` (for u[i]) or `2i` (for v[i]) in input numbering.
  const start = new Int32Array(n + 1);
  for (let i = 0; i < total; i++) {
    if (!keep[i]) continue;
    start[u[i] + 1]++;
    start[v[i] + 1]++;
  }
  for (let x = 0; x < n; x++) start[x + 1] += start[x];
  const fill = start.slice(0, n);
  const slots = start[n];
  const slotEnd = new Int32Array(slots);
  const slotNbr = new Int32Array(slots);
  const slotWeight = new Float64Array(slots);
  for (let i = 0; i < total; i++) {
    if (!keep[i]) continue;
    const a = u[i];
    const b = v[i];
    let at = fill[a]++;
    slotEnd[at] = 2 * i + 1;
    slotNbr[at] = b;
    slotWeight[at] = w[i];
    at = fill[b]++;
    slotEnd[at] = 2 * i;
    slotNbr[at] = a;
    slotWeight[at] = w[i];
  }
  dropParallelLosers(n, w, start, slotEnd, slotNbr, keep);

  const id = new Int32Array(total);
  let m = 0;
  for (let i = 0; i < total; i++) id[i] = keep[i] ? m++ : -1;
  const source = new Int32Array(m);
  const endpoint = new Int32Array(2 * m);
  const weight = new Float64Array(m);
  for (let i = 0; i < total; i++) {
    const e = id[i];
    if (e === -1) continue;
    source[e] = i;
    endpoint[2 * e] = u[i];
    endpoint[2 * e + 1] = v[i];
    weight[e] = w[i];
  }
  // The common case (no edge dropped): input numbering is the kept numbering, done.
  if (m === total) return { n, m, source, endpoint, weight, adjStart: start, adjEnd: slotEnd, adjNbr: slotNbr, adjWeight: slotWeight };

  const adjStart = new Int32Array(n + 1);
  const adjEnd = new Int32Array(2 * m);
  const adjNbr = new Int32Array(2 * m);
  const adjWeight = new Float64Array(2 * m);
  let at = 0;
  for (let x = 0; x < n; x++) {
    adjStart[x] = at;
    for (let s = start[x]; s < start[x + 1]; s++) {
      const e = id[slotEnd[s] >> 1];
      if (e === -1) continue;
      adjEnd[at] = 2 * e + (slotEnd[s] & 1);
      adjNbr[at] = slotNbr[s];
      adjWeight[at] = slotWeight[s];
      at++;
    }
  }
  adjStart[n] = at;
  return { n, m, source, endpoint, weight, adjStart, adjEnd, adjNbr, adjWeight };
}

/** Clears `keep` for every parallel edge that is not the heaviest of its pair (lowest index among equals). */
function dropParallelLosers(n: number, w: Float64Array, start: Int32Array, slotEnd: Int32Array, slotNbr: Int32Array, keep: Uint8Array): void {
  const seenAt = new Int32Array(n).fill(-1);
  const winner = new Int32Array(n);
  for (let x = 0; x < n; x++) {
    for (let s = start[x]; s < start[x + 1]; s++) {
      const i = slotEnd[s] >> 1;
      const y = slotNbr[s];
      if (seenAt[y] !== x) {
        seenAt[y] = x;
        winner[y] = i;
        continue;
      }
      const j = winner[y];
      // Heaviest wins, then the lowest index: a total order, so both endpoints agree.
      if (w[i] > w[j] || (w[i] === w[j] && i < j)) {
        keep[j] = 0;
        winner[y] = i;
      } else {
        keep[i] = 0;
      }
    }
  }
}
