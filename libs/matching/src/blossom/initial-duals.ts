import type { PreparedGraph } from './prepare-graph';

// A local alias: jest's vm sandbox makes each global lookup slow, and this runs per edge.
const { max, min } = Math;

/** A feasible starting point for the primal-dual search. */
export interface DualStart {
  /** `mate[v]` is the remote endpoint id of v's matched edge, or -1. */
  readonly mate: Int32Array;
  /** Vertex duals in internal units (`slack = y[a] + y[b] - 2w`); all even. */
  readonly dual: Float64Array;
}

/**
 * Builds duals that are feasible (no negative slack) and make a starting matching tight.
 *
 * Every vertex starts at its heaviest incident weight, which is feasible. Each given pair,
 * heaviest first, is then made tight by lowering its two duals as far as their other edges
 * allow; a pair that cannot be made tight is dropped. Finally every free vertex is lowered
 * until an edge turns tight or its dual reaches 0, and tight edges between free vertices are
 * matched. A free vertex that reaches 0 needs no search at all, which is where warm starts
 * save most of their time.
 *
 * All weights are even, so every dual and every slack stays even, which keeps the search's
 * event times integral.
 *
 * Complexity: O(m + p log p) for p given pairs.
 * @throws never; pairs that are not edges of `graph` are ignored.
 * @example
 * const start = initialDuals(prepared, ints.internal, perSlot, null); // cold start
 */
export function initialDuals(graph: PreparedGraph, weight: Float64Array, slotWeight: Float64Array, partner: Int32Array | null): DualStart {
  const { n, endpoint, adjStart, adjEnd, adjNbr } = graph;
  const dual = new Float64Array(n);
  const mate = new Int32Array(n).fill(-1);
  for (let v = 0; v < n; v++) {
    let best = 0;
    for (let i = adjStart[v]; i < adjStart[v + 1]; i++) best = max(best, slotWeight[i]);
    dual[v] = best;
  }

  // Lowest value dual[v] can take without any edge other than `except` going negative.
  const room = (v: number, except: number): number => {
    let r = dual[v];
    const yv = dual[v];
    for (let i = adjStart[v]; i < adjStart[v + 1]; i++) {
      if (adjEnd[i] >> 1 === except) continue;
      const slack = yv + dual[adjNbr[i]] - 2 * slotWeight[i];
      if (slack < r) r = slack;
    }
    return r;
  };

  if (partner !== null) {
    const pairs: number[] = [];
    for (let v = 0; v < n; v++) {
      const x = partner[v];
      if (x <= v) continue;
      for (let i = adjStart[v]; i < adjStart[v + 1]; i++) {
        if (adjNbr[i] === x) {
          pairs.push(adjEnd[i] >> 1);
          break;
        }
      }
    }
    pairs.sort((e, f) => weight[f] - weight[e] || e - f);
    for (const e of pairs) {
      const a = endpoint[2 * e];
      const b = endpoint[2 * e + 1];
      const slack = dual[a] + dual[b] - 2 * weight[e];
      if (slack > 0) {
        const roomA = room(a, e);
        const roomB = room(b, e);
        if (roomA + roomB < slack) continue;
        const lowerA = min(roomA, slack);
        dual[a] -= lowerA;
        dual[b] -= slack - lowerA;
      }
      mate[a] = 2 * e + 1;
      mate[b] = 2 * e;
    }
  }

  for (let v = 0; v < n; v++) {
    if (mate[v] !== -1) continue;
    dual[v] -= room(v, -1);
    for (let i = adjStart[v]; i < adjStart[v + 1]; i++) {
      const x = adjNbr[i];
      if (mate[x] === -1 && dual[v] + dual[x] === 2 * slotWeight[i]) {
        mate[v] = adjEnd[i];
        mate[x] = adjEnd[i] ^ 1;
        break;
      }
    }
  }
  return { mate, dual };
}
