import type { RoundConstraints } from './must-meet';
import type { Seed } from './prng';
import type { Bye, GroupPolicy } from './round-types';
import { edgeScore, type ScoringModel } from './score';
import { sitOutReason } from './sit-outs';

/** What seating a round reads of the engine's request. */
export interface SeatingRequest {
  /** Keys `pairKey(n, i, j)` of pairs planned in earlier rounds of this plan. */
  readonly used: ReadonlySet<number>;
  readonly policy: GroupPolicy;
  readonly seed: Seed;
  /** Busy attendees and the feasible must-meet pairs (none when absent). */
  readonly constraints?: RoundConstraints;
}

/** A round's tables as model indices (pairs `[a, b]`, trios `[a, b, joiner]`), and who sits out. */
export interface Seating {
  readonly groups: number[][];
  readonly byes: Bye[];
}

/**
 * Key of the unordered pair {i, j} of distinct attendees among `n`: `lo · n + hi`.
 *
 * Complexity: O(1).
 * @throws never.
 * @example pairKey(10, 7, 2) // 27
 */
export function pairKey(n: number, i: number, j: number): number {
  return i < j ? i * n + j : j * n + i;
}

/**
 * Seats a round from the solver's matching (`mate[v]`: v's partner, `n` the bye vertex, −1
 * nobody): matched pairs become tables; busy attendees sit out as `busy`; the one left over by
 * an odd count joins, under the `trio` policy, the pair it scores best with (the sum of its two
 * scores, never a must-meet table, which was asked for as a 1:1), and otherwise sits out with the
 * reason `sitOutReason` gives.
 *
 * Complexity: O(n + leftovers · tables).
 * @throws never.
 * @example seatRound(model, Int32Array.of(1, 0, -1), { used: new Set(), policy: 'trio', seed: 1 }).groups // [[0, 1, 2]] when 2 may meet both
 */
export function seatRound(model: ScoringModel, mate: Int32Array, request: SeatingRequest): Seating {
  const n = model.n;
  const ids = model.profiles.map((p) => p.id);
  const c = request.constraints;
  const used = (i: number, j: number) => request.used.has(pairKey(n, i, j));
  // A busy partner is no partner this round; a pre-seated one is taken (odd-count).
  const unavailable = c === undefined || c.none ? used : (i: number, j: number) => c.busy[j] === 1 || used(i, j);
  const groups: number[][] = [];
  const byes: Bye[] = [];
  const loners: number[] = [];
  // The must-meet tables: nobody joins them as a third.
  const joined = new Set<number>();
  for (let v = 0; v < n; v++) {
    const m = mate[v] as number;
    if (c?.busy[v] === 1) byes.push({ id: ids[v] as string, reason: 'busy' });
    else if (m === -1) loners.push(v);
    else if (m === n) byes.push({ id: ids[v] as string, reason: sitOutReason(model, v, unavailable) });
    else if (m > v) {
      if (c?.preSeated[v] === 1) joined.add(groups.length);
      groups.push([v, m]);
    }
  }
  // Score of {i, j} this round, or −Infinity when a hard rule or an earlier round forbids it.
  const score = (i: number, j: number): number => (used(i, j) ? -Infinity : edgeScore(model, i, j));
  for (const v of loners) {
    let best = -1;
    let bestGain = -Infinity;
    if (request.policy === 'trio') {
      groups.forEach((g, index) => {
        if (g.length !== 2 || joined.has(index)) return;
        const sa = score(v, g[0] as number);
        const sb = score(v, g[1] as number);
        if (sa === -Infinity || sb === -Infinity) return;
        if (sa + sb > bestGain) {
          bestGain = sa + sb;
          best = index;
        }
      });
    }
    if (best >= 0) {
      (groups[best] as number[]).push(v);
      joined.add(best);
    } else {
      byes.push({ id: ids[v] as string, reason: sitOutReason(model, v, unavailable) });
    }
  }
  return { groups, byes };
}
