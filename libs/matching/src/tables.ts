import { topKCandidates, type CandidateLists } from './candidates';
import { pairingViolations } from './invariants';
import type { MustMeetReport, RoundConstraints, UnmetMustMeet } from './must-meet';
import { hashSeed, mixSeeds, type Seed } from './prng';
import { assembleSeating } from './round-assembly';
import { pairKey } from './round-seating';
import type { Bye, FairnessStats, OptimalityStats, RoundPlan } from './round-types';
import { edgeScore, hardRuleOf, SCORE_SCALE, type ScoringModel } from './score';
import { sitOutReason } from './sit-outs';
import { tableCounts } from './table-sizes';

/**
 * Score given to a forbidden pair inside the local search: finite, so gains stay comparable, and
 * far below any sum of real scores (each is below 10), so one conflict outweighs any table.
 */
const CONFLICT = -1e6;

/** Passes of the local search over every attendee, at most (it stops earlier once a pass gains nothing). */
const DEFAULT_PASSES = 12;

/** Rounds of at most this many people get {@link RESTARTS} seeded starts (each costs little there). */
const SMALL_ROUND = 300;
const RESTARTS = 8;

/** log₂ of the entries of the pair-score cache (16 MB). */
const SCORE_CACHE_BITS = 20;

/** Candidates of each attendee the local search looks at (their best partners first). */
const SEARCH_NEIGHBOURS = 8;

/**
 * The local search stops after a pass that raised the total by less than this share of it (and
 * left no forbidden pair at a table): later passes gain little and cost as much.
 */
const MIN_PASS_GAIN = 1e-3;

/** Subgradient steps of the Lagrangian bound. */
const BOUND_STEPS = 20;

/** How the table engine trades time for quality. */
export interface TableEngineSettings {
  /** Partners per attendee kept by the scoring pass (the local search's neighbourhood and the bound's lists). */
  readonly k: number;
  /** Local-search passes at most; default 12. */
  readonly passes?: number;
  /** Debug assertion: check every plan against the invariants and throw if one breaks. */
  readonly checkInvariants?: boolean;
}

/** One table round's request. */
export interface TableRequest {
  /** Table size k (3…8): every table seats k or k − 1 people. */
  readonly tableSize: number;
  /** Keys `pairKey(n, i, j)` of pairs seated in earlier rounds of this plan. */
  readonly used: ReadonlySet<number>;
  /** Rounds each attendee (by model index) already sat out: only the least-rested sit out for the count. */
  readonly sitOut: Int32Array;
  /** 1 for an attendee busy this round (seated with nobody), or null. */
  readonly busy: Uint8Array | null;
  readonly seed: Seed;
  /**
   * The round's feasible must-meet pairs (model indices, disjoint, resolved by `must-meet.ts`) and
   * the report of that resolution; absent when none. Each pair is seated at one table.
   */
  readonly mustMeet?: { readonly pairs: readonly (readonly [number, number])[]; readonly report: MustMeetReport };
}

/**
 * Plans rounds of tables on one scoring model: the top-k scoring pass runs once; each round seeds
 * tables greedily from the candidate lists and improves them by local search (moves and swaps
 * between tables and with the sit-out bench, first improvement, in a seeded order), repairs any
 * table a hard rule still breaks, and bounds the optimum with a Lagrangian relaxation (see
 * {@link TableEngine.upperBound}).
 */
export class TableEngine {
  readonly lists: CandidateLists;
  private readonly n: number;

  constructor(
    readonly model: ScoringModel,
    readonly settings: TableEngineSettings,
  ) {
    this.n = model.n;
    this.lists = topKCandidates(model, Math.max(1, Math.min(settings.k, Math.max(1, model.n - 1))));
  }

  plan(request: TableRequest): RoundPlan {
    const { model, n } = this;
    const k = request.tableSize;
    const busy = request.busy;
    const used = request.used;
    const ids = model.profiles.map((p) => p.id);
    const isUsed = (i: number, j: number): boolean => used.has(pairKey(n, i, j));
    const unavailable = busy === null ? isUsed : (i: number, j: number) => busy[j] === 1 || isUsed(i, j);
    // The pair's score this round, CONFLICT when a hard rule or an earlier round forbids it,
    // through a direct-mapped cache: the search asks for the same pairs again and again.
    const cacheKey = new Float64Array(1 << SCORE_CACHE_BITS).fill(-1);
    const cacheValue = new Float64Array(1 << SCORE_CACHE_BITS);
    const s = (i: number, j: number): number => {
      const key = i < j ? i * n + j : j * n + i;
      const h = Math.imul(key | 0, 0x9e3779b1) >>> (32 - SCORE_CACHE_BITS);
      if (cacheKey[h] === key) return cacheValue[h] as number;
      const score = used.has(key) ? CONFLICT : edgeScore(model, i, j);
      const value = score === -Infinity ? CONFLICT : score;
      cacheKey[h] = key;
      cacheValue[h] = value;
      return value;
    };
    const rank = new Float64Array(n);
    const seedHash = hashSeed(request.seed);
    for (let v = 0; v < n; v++) rank[v] = mixSeeds(seedHash, hashSeed(ids[v] as string));
    const byRank = (a: number, b: number): number => (rank[a] as number) - (rank[b] as number) || a - b;

    const byes: Bye[] = [];
    const active: number[] = [];
    for (let v = 0; v < n; v++) {
      if (busy?.[v] === 1) byes.push({ id: ids[v] as string, reason: 'busy' });
      else active.push(v);
    }
    // Nobody may sit with them: they sit out before any table is counted.
    const seatable: number[] = [];
    for (const v of active) {
      if (sitOutReason(model, v, unavailable) === 'no-compatible-partner') byes.push({ id: ids[v] as string, reason: 'no-compatible-partner' });
      else seatable.push(v);
    }
    seatable.sort(byRank);
    const { tables: T, seated, full } = tableCounts(seatable.length, k);
    // Must-meet pairs (feasible, disjoint): each member's partner, -1 for everyone else.
    const pairs = request.mustMeet?.pairs ?? [];
    const partner = new Int32Array(n).fill(-1);
    for (const [i, j] of pairs) {
      partner[i] = j;
      partner[j] = i;
    }

    // The bench: who sits out for the count, only among the least-rested (fewest sit-outs so far),
    // and never a member of a must-meet pair while someone else can sit out instead.
    const benchSize = seatable.length - seated;
    const inPair = (v: number): number => (partner[v] === -1 ? 0 : 1);
    const byRest = [...seatable].sort((a, b) => inPair(a) - inPair(b) || (request.sitOut[a] as number) - (request.sitOut[b] as number) || byRank(a, b));
    let restLimit = -1;
    for (let x = 0; x < benchSize; x++) restLimit = Math.max(restLimit, request.sitOut[byRest[x] as number] as number);
    const pairsMayRest = benchSize > 0 && inPair(byRest[benchSize - 1] as number) === 1;
    const benchable = new Uint8Array(n);
    for (const v of seatable) if ((request.sitOut[v] as number) <= restLimit && (pairsMayRest || partner[v] === -1)) benchable[v] = 1;

    // Small rounds are cheap: several seeded starts, keeping the one that seats most, then scores most.
    const attempts = seatable.length <= SMALL_ROUND ? RESTARTS : 1;
    let best: { state: TableState; displaced: number[]; passes: number; total: number; apart: number } | null = null;
    for (let attempt = 0; attempt < attempts; attempt++) {
      const order = attempt === 0 ? seatable : [...seatable].sort((a, b) => mixSeeds(rank[a] as number, attempt) - mixSeeds(rank[b] as number, attempt) || a - b);
      const state = new TableState(n, T, k, s);
      // The busy and the partnerless are out of this round's seating altogether.
      for (let v = 0; v < n; v++) state.tableOf[v] = OUT;
      for (const v of seatable) state.tableOf[v] = FREE;
      for (let x = 0; x < benchSize; x++) state.bench(byRest[x] as number);
      // Members of a must-meet pair seated together first stay together: the search never moves them.
      const glued = this.seatPairs(state, pairs, full, attempt);
      this.seed(state, order, full);
      const passes = this.localSearch(state, order, benchable, glued);
      this.resolveConflicts(state, order, benchable, glued);
      const displaced = this.repair(state, s, glued, partner);
      const total = state.total();
      const apart = pairs.reduce((count, [i, j]) => count + (sameTable(state, i, j) ? 0 : 1), 0);
      const better =
        best === null ||
        apart < best.apart ||
        (apart === best.apart && (displaced.length < best.displaced.length || (displaced.length === best.displaced.length && total > best.total + 1e-9)));
      if (better) best = { state, displaced, passes, total, apart };
    }
    const { state, displaced, passes } = best as NonNullable<typeof best>;

    const groups: number[][] = [];
    for (let t = 0; t < T; t++) if (state.size[t] as number > 0) groups.push(state.membersOf(t).sort((a, b) => a - b));
    // On the bench: the count left no seat for them. Displaced by the repair: they had partners, but
    // no table of this seating could take them under the hard rules (or the pairs already used).
    for (const v of state.benched()) byes.push({ id: ids[v] as string, reason: sitOutReason(model, v, unavailable) });
    for (const v of displaced) {
      const reason = sitOutReason(model, v, unavailable);
      byes.push({ id: ids[v] as string, reason: reason === 'odd-count' ? 'no-compatible-table' : reason });
    }
    const mustMeet = this.mustMeetOutcome(state, request, ids);

    const total = groups.reduce((acc, g) => acc + groupScore(model, g), 0);
    const bound = this.upperBound(seatable, k, benchSize > 0 || displaced.length > 0, isUsed);
    const weight = Math.round(total * SCORE_SCALE);
    const upper = Math.max(weight, Math.ceil(bound * SCORE_SCALE));
    const optimality: Omit<OptimalityStats, 'k'> = {
      certified: upper === weight,
      matchingWeight: weight,
      upperBound: upper,
      gap: upper === 0 ? 0 : (upper - weight) / Math.abs(upper),
      candidateEdges: this.lists.neighbors.length,
      pricingRounds: 0,
      pricedEdges: 0,
      searchPasses: passes,
    };
    let min: number | null = null;
    for (const g of groups) for (const score of pairScores(model, g)) if (min === null || score < min) min = score;
    const fairness: FairnessStats = { mode: 'none', floor: null, minBefore: min, minAfter: min, totalBefore: total, totalAfter: total, cost: 0 };
    const plan = assembleSeating(model, this.lists.k, { groups, byes }, { used, policy: 'bye', seed: request.seed, constraints: mustMeet }, optimality, fairness, 'table');
    if (this.settings.checkInvariants) this.assertValid(plan, request);
    return plan;
  }

  /**
   * Seats each must-meet pair (in request order) at a table with room for both whose members may
   * meet them, spreading the pairs over the tables (pair p looks from table p + attempt onwards).
   * Returns the glued marks (1 for a member of a pair seated here); a pair no table takes now is
   * left free, unglued, to the greedy seeding like anyone (and reported apart if it ends so).
   *
   * Complexity: O(pairs · tables · k) at worst.
   */
  private seatPairs(state: TableState, pairs: readonly (readonly [number, number])[], full: number, attempt: number): Uint8Array {
    const glued = new Uint8Array(this.n);
    const T = state.tables;
    pairs.forEach(([i, j], p) => {
      if (state.tableOf[i] !== FREE || state.tableOf[j] !== FREE) return;
      for (let x = 0; x < T; x++) {
        const t = (p + attempt + x) % T;
        const target = t < full ? state.k : state.k - 1;
        if ((state.size[t] as number) + 2 > target) continue;
        if (state.affinity(i, t) <= CONFLICT / 2 || state.affinity(j, t) <= CONFLICT / 2) continue;
        state.seat(i, t);
        state.seat(j, t);
        glued[i] = 1;
        glued[j] = 1;
        return;
      }
    });
    return glued;
  }

  /**
   * What the round did with its must-meet requests: the feasible pairs seated at one table are
   * seated; a feasible pair this seating could not keep together is unmet as `no-compatible-table`
   * (listed after the requests the resolution turned down). Null when the round has none.
   */
  private mustMeetOutcome(state: TableState, request: TableRequest, ids: readonly string[]): RoundConstraints | undefined {
    const asked = request.mustMeet;
    if (asked === undefined || (asked.pairs.length === 0 && asked.report.unmet.length === 0)) return undefined;
    const preSeated = new Uint8Array(this.n);
    const seatedPairs: [number, number][] = [];
    const seated: [string, string][] = [];
    const apart: UnmetMustMeet[] = [];
    for (const [i, j] of asked.pairs) {
      const a = ids[i] as string;
      const b = ids[j] as string;
      const named: [string, string] = a < b ? [a, b] : [b, a];
      if (sameTable(state, i, j)) {
        preSeated[i] = 1;
        preSeated[j] = 1;
        seatedPairs.push([i, j]);
        seated.push(named);
      } else apart.push({ a: named[0], b: named[1], reason: 'no-compatible-table' });
    }
    return {
      busy: request.busy ?? new Uint8Array(this.n),
      pairs: seatedPairs,
      preSeated,
      report: { seated, unmet: [...asked.report.unmet, ...apart] },
      none: false,
    };
  }

  /**
   * Greedy seeding: each table starts from the first unseated attendee in seeded order and takes,
   * one at a time, the unseated candidate of its members who adds most to it without breaking a
   * rule; when no candidate is left, the next compatible attendee in order (or, after a few
   * tries, simply the next one: the local search and the repair deal with it).
   */
  private seed(state: TableState, order: readonly number[], full: number): void {
    const { lists } = this;
    let cursor = 0;
    const nextFree = (fits: (v: number) => boolean): number => {
      while (cursor < order.length && state.tableOf[order[cursor] as number] !== FREE) cursor++;
      let fallback = -1;
      for (let x = cursor, tries = 0; x < order.length && tries < 64; x++) {
        const v = order[x] as number;
        if (state.tableOf[v] !== FREE) continue;
        if (fallback === -1) fallback = v;
        if (fits(v)) return v;
        tries++;
      }
      return fallback;
    };
    for (let t = 0; t < state.tables; t++) {
      const target = t < full ? state.k : state.k - 1;
      // A table that holds a must-meet pair already grows around it.
      if ((state.size[t] as number) === 0) {
        const first = nextFree(() => true);
        if (first === -1) return;
        state.seat(first, t);
      }
      while ((state.size[t] as number) < target) {
        let best = -1;
        let bestGain = -Infinity;
        for (const m of state.membersOf(t)) {
          for (let p = lists.ptr[m] as number; p < (lists.ptr[m + 1] as number); p++) {
            const c = lists.neighbors[p] as number;
            if (state.tableOf[c] !== FREE) continue;
            const gain = state.affinity(c, t);
            if (gain > bestGain || (gain === bestGain && c < best)) {
              bestGain = gain;
              best = c;
            }
          }
        }
        if (best === -1 || bestGain <= CONFLICT / 2) best = nextFree((v) => state.affinity(v, t) > CONFLICT / 2);
        if (best === -1) return;
        state.seat(best, t);
      }
    }
  }

  /**
   * First-improvement local search. For each attendee v (seeded order) and each candidate u seated
   * at another table B: move v to B (from a table of k to one of k − 1, so sizes stay balanced),
   * or swap v with a member of B; v on the bench swaps with a member of B who may sit out, and a
   * seated v who may sit out swaps with a benched candidate. Every change raises the total by
   * more than 10⁻⁹, so the search ends; it stops after `passes` passes or a pass without gain.
   * Returns the passes made.
   */
  private localSearch(state: TableState, order: readonly number[], benchable: Uint8Array, glued: Uint8Array): number {
    const { lists } = this;
    const maxPasses = this.settings.passes ?? DEFAULT_PASSES;
    const EPS = 1e-9;
    const T = state.tables;
    const slot = (t: number): number => (t === BENCH ? T : t);
    // Don't-look bits, exact: v is looked at again only once its table, or a table where one of
    // its candidates sits, changed since v was last looked at (nothing else changes its gains).
    const version = new Float64Array(T + 1).fill(1);
    const lookedAt = new Float64Array(this.n);
    let clock = 1;
    const touch = (a: number, b: number): void => {
      clock++;
      version[slot(a)] = clock;
      version[slot(b)] = clock;
    };
    // Each attendee's neighbourhood: their best candidates they may sit with this round.
    const nbrPtr = new Int32Array(this.n + 1);
    const nbrList: number[] = [];
    for (let v = 0; v < this.n; v++) {
      if (state.tableOf[v] !== OUT) {
        for (let p = lists.ptr[v] as number; p < (lists.ptr[v + 1] as number) && nbrList.length - (nbrPtr[v] as number) < SEARCH_NEIGHBOURS; p++) {
          const u = lists.neighbors[p] as number;
          if (state.tableOf[u] !== OUT && state.s(v, u) > CONFLICT / 2) nbrList.push(u);
        }
      }
      nbrPtr[v + 1] = nbrList.length;
    }
    const nbr = Int32Array.from(nbrList);
    const seen = new Int32Array(T + 1).fill(-1);
    const scratch = new Float64Array(state.k);
    let before = state.total();
    let pass = 0;
    while (pass < maxPasses) {
      pass++;
      let improved = 0;
      for (const v of order) {
        const start = nbrPtr[v] as number;
        const end = nbrPtr[v + 1] as number;
        // A must-meet pair's members stay where they were seated together; others move around them.
        if (state.tableOf[v] === FREE || glued[v] === 1) continue;
        let stale = (version[slot(state.tableOf[v] as number)] as number) >= (lookedAt[v] as number);
        for (let p = start; p < end && !stale; p++) {
          const t = state.tableOf[nbr[p] as number] as number;
          if (t !== FREE && t !== OUT && (version[slot(t)] as number) >= (lookedAt[v] as number)) stale = true;
        }
        if (!stale) continue;
        // v's own table unchanged: only the tables that changed since can offer something new.
        const since = (version[slot(state.tableOf[v] as number)] as number) >= (lookedAt[v] as number) ? -1 : (lookedAt[v] as number);
        lookedAt[v] = clock + 1;
        for (let p = start; p < end; p++) {
          const u = nbr[p] as number;
          const A = state.tableOf[v] as number;
          const B = state.tableOf[u] as number;
          if (B === A || B === FREE || B === OUT) continue;
          if ((version[slot(B)] as number) < since && (version[slot(A)] as number) < since) continue;
          if (B === BENCH) {
            // v (seated) gives its seat to u (benched).
            if (benchable[v] !== 1) continue;
            const gain = state.affinity(u, A) - state.s(u, v) - (state.contribution[v] as number);
            if (gain > EPS) {
              state.swap(v, u);
              touch(A, B);
              improved++;
            }
            continue;
          }
          // One look per table in a pass (v's later candidates at B add nothing new).
          if (seen[B] === v) continue;
          seen[B] = v;
          // v's scores with B's members (toB their sum), then the two members w whose leaving B
          // costs least (their contribution plus their score with v): only those two get the
          // exact swap gain, which needs their affinity with A.
          const size = state.size[B] as number;
          let toB = 0;
          for (let x = 0; x < size; x++) {
            const score = state.s(v, state.member(B, x));
            scratch[x] = score;
            toB += score;
          }
          let bestGain = EPS;
          let bestW = -1;
          if (A !== BENCH && (state.size[A] as number) === state.k && (state.size[B] as number) === state.k - 1) {
            const gain = toB - (state.contribution[v] as number);
            if (gain > bestGain) {
              bestGain = gain;
              bestW = v;
            }
          }
          let first = -1;
          let second = -1;
          let firstCost = Infinity;
          let secondCost = Infinity;
          for (let x = 0; x < size; x++) {
            const w = state.member(B, x);
            if (glued[w] === 1 || (A === BENCH && benchable[w] !== 1)) continue;
            const cost = (state.contribution[w] as number) + 2 * (scratch[x] as number);
            if (cost < firstCost) {
              second = first;
              secondCost = firstCost;
              first = x;
              firstCost = cost;
            } else if (cost < secondCost) {
              second = x;
              secondCost = cost;
            }
          }
          for (const x of [first, second]) {
            if (x === -1) continue;
            const w = state.member(B, x);
            const svw = scratch[x] as number;
            const gain =
              A === BENCH
                ? toB - svw - (state.contribution[w] as number)
                : toB - svw - (state.contribution[v] as number) + state.affinity(w, A) - svw - (state.contribution[w] as number);
            if (gain > bestGain) {
              bestGain = gain;
              bestW = w;
            }
          }
          if (bestW === v) state.move(v, B);
          else if (bestW !== -1) state.swap(v, bestW);
          if (bestW !== -1) {
            touch(A, B);
            improved++;
          }
        }
      }
      seen.fill(-1);
      const total = state.total();
      if (improved === 0 || (total - before < MIN_PASS_GAIN * Math.abs(total) && total > CONFLICT / 2)) break;
      before = total;
    }
    return pass;
  }

  /**
   * For each attendee still at a table with someone they may not meet (their candidates could not
   * help): the best move or swap with anyone at any other table (or the bench), if it lowers the
   * conflicts. Two sweeps at most; O(conflicted · n · k).
   */
  private resolveConflicts(state: TableState, order: readonly number[], benchable: Uint8Array, glued: Uint8Array): void {
    for (let sweep = 0; sweep < 2; sweep++) {
      let changed = false;
      for (const v of order) {
        const A = state.tableOf[v] as number;
        if (A < 0 || glued[v] === 1 || (state.contribution[v] as number) > CONFLICT / 2) continue;
        let bestGain = 1e-9;
        let best = -1;
        let moveTo = -1;
        for (let B = 0; B < state.tables; B++) {
          if (B === A) continue;
          const toB = state.affinity(v, B);
          if ((state.size[A] as number) === state.k && (state.size[B] as number) === state.k - 1 && toB - (state.contribution[v] as number) > bestGain) {
            bestGain = toB - (state.contribution[v] as number);
            best = -1;
            moveTo = B;
          }
          for (let x = 0; x < (state.size[B] as number); x++) {
            const w = state.member(B, x);
            if (glued[w] === 1) continue;
            const svw = state.s(v, w);
            const gain = toB - svw - (state.contribution[v] as number) + state.affinity(w, A) - svw - (state.contribution[w] as number);
            if (gain > bestGain) {
              bestGain = gain;
              best = w;
              moveTo = -1;
            }
          }
        }
        if (benchable[v] === 1) {
          for (const w of state.benched()) {
            const gain = state.affinity(w, A) - state.s(w, v) - (state.contribution[v] as number);
            if (gain > bestGain) {
              bestGain = gain;
              best = w;
              moveTo = -1;
            }
          }
        }
        if (moveTo >= 0) state.move(v, moveTo);
        else if (best >= 0) state.swap(v, best);
        changed ||= moveTo >= 0 || best >= 0;
      }
      if (!changed) return;
    }
  }

  /**
   * Makes every table valid: while a table holds a forbidden pair, the member in most such pairs
   * leaves it (someone outside a must-meet pair first; a pair that must go leaves whole); a table
   * left below k − 1 takes compatible people from the bench, or else is dissolved; then everyone
   * displaced joins, if they can, a compatible table of k − 1. Returns the displaced who found no
   * seat (they sit out as `no-compatible-table`, or `no-compatible-partner` when nobody may meet them).
   */
  private repair(state: TableState, s: (i: number, j: number) => number, glued: Uint8Array, partner: Int32Array): number[] {
    const displaced: number[] = [];
    const conflicts = (v: number, t: number): number => state.membersOf(t).reduce((c, w) => c + (w !== v && s(v, w) <= CONFLICT / 2 ? 1 : 0), 0);
    for (let t = 0; t < state.tables; t++) {
      for (;;) {
        const members = state.membersOf(t);
        let worst = -1;
        let worstCount = 0;
        for (const v of members) {
          const c = conflicts(v, t);
          const better = worst === -1 || (glued[worst] === 1 && glued[v] !== 1) || (glued[worst] === glued[v] && c > worstCount);
          if (c > 0 && better) {
            worstCount = c;
            worst = v;
          }
        }
        if (worst === -1) break;
        // Only must-meet pairs are in conflict here: one pair leaves whole, each of its two then on their own.
        const leaving = glued[worst] === 1 ? [worst, partner[worst] as number] : [worst];
        for (const v of leaving) {
          glued[v] = 0;
          state.unseat(v);
          displaced.push(v);
        }
      }
    }
    for (let t = 0; t < state.tables; t++) {
      while ((state.size[t] as number) > 0 && (state.size[t] as number) < state.k - 1) {
        const pool = [...state.benched(), ...new Set(displaced.filter((v) => state.tableOf[v] === FREE))];
        const join = pool.find((v) => state.affinity(v, t) > CONFLICT / 2);
        if (join === undefined) break;
        state.seat(join, t);
      }
      if ((state.size[t] as number) > 0 && (state.size[t] as number) < state.k - 1) {
        for (const v of state.membersOf(t)) {
          state.unseat(v);
          displaced.push(v);
        }
      }
    }
    const left: number[] = [];
    for (const v of new Set(displaced)) {
      if (state.tableOf[v] !== FREE) continue;
      let best = -1;
      let bestGain = CONFLICT / 2;
      for (let t = 0; t < state.tables; t++) {
        if ((state.size[t] as number) !== state.k - 1) continue;
        const gain = state.affinity(v, t);
        if (gain > bestGain) {
          bestGain = gain;
          best = t;
        }
      }
      if (best >= 0) state.seat(v, best);
      else left.push(v);
    }
    return left;
  }

  /**
   * An upper bound on the best total of any valid seating of `people` (Lagrangian relaxation of
   * "u sits with v exactly when v sits with u"). Relaxed, each person independently picks the
   * partners that are best for them: their total is at most the best sum over a prefix of their
   * partner values sorted downwards, of length k − 1 or k − 2 (their table's size minus them),
   * or 0 when someone may sit out. A partner's value is half the pair score plus λ_vu, with
   * λ_vu = −λ_uv, non-zero only on pairs in both candidate lists; partners outside v's list are
   * worth at most v's k-th best score (`lists.bound`) and are counted as that many times as
   * needed. For every λ the sum over people bounds the optimum (the λ terms cancel on any
   * symmetric seating); a few projected subgradient steps (step halving when the bound stops
   * falling) lower it, and the lowest is kept.
   *
   * Complexity: O(steps · Σ list length · log k).
   */
  private upperBound(people: readonly number[], k: number, someoneSitsOut: boolean, isUsed: (i: number, j: number) => boolean): number {
    const { lists, n } = this;
    const inRound = new Uint8Array(n);
    for (const v of people) inRound[v] = 1;
    // Per entry p of v's list: the mirrored entry in u's list (mutual pairs), else −1; usable: in the round, not used.
    const mirror = new Int32Array(lists.neighbors.length).fill(-1);
    const usable = new Uint8Array(lists.neighbors.length);
    const position = new Map<number, number>();
    for (const v of people) {
      for (let p = lists.ptr[v] as number; p < (lists.ptr[v + 1] as number); p++) {
        const u = lists.neighbors[p] as number;
        if (inRound[u] !== 1 || isUsed(v, u)) continue;
        usable[p] = 1;
        position.set(v * n + u, p);
      }
    }
    for (const [key, p] of position) {
      const v = Math.floor(key / n);
      const u = key - v * n;
      const q = position.get(u * n + v);
      if (q !== undefined) mirror[p] = q;
    }
    const lambda = new Float64Array(lists.neighbors.length);
    const chosen = new Uint8Array(lists.neighbors.length);
    // A table seats k or k − 1: k − 1 or k − 2 partners (k ≥ 3, so both ≥ 1).
    const maxLength = k - 1;
    // The person's best `maxLength` usable entries, best first (a partial insertion sort).
    const top = new Int32Array(maxLength);
    const topValue = new Float64Array(maxLength);
    const evaluate = (): number => {
      let total = 0;
      for (const v of people) {
        let size = 0;
        const start = lists.ptr[v] as number;
        const end = lists.ptr[v + 1] as number;
        for (let p = start; p < end; p++) {
          chosen[p] = 0;
          if (usable[p] !== 1) continue;
          const value = (lists.scores[p] as number) / 2 + (lambda[p] as number);
          if (size === maxLength && value <= (topValue[size - 1] as number)) continue;
          let x = size < maxLength ? size++ : size - 1;
          while (x > 0 && (topValue[x - 1] as number) < value) {
            topValue[x] = topValue[x - 1] as number;
            top[x] = top[x - 1] as number;
            x--;
          }
          topValue[x] = value;
          top[x] = p;
        }
        // Partners beyond the list are worth at most the list's k-th best score (when the list is full).
        const outside = (lists.bound[v] as number) === -Infinity ? -Infinity : (lists.bound[v] as number) / 2;
        let best = someoneSitsOut ? 0 : -Infinity;
        let bestLength = 0;
        let sum = 0;
        let x = 0;
        for (let l = 1; l <= maxLength; l++) {
          const inside = x < size ? (topValue[x] as number) : -Infinity;
          if (inside >= outside) {
            sum += inside;
            x++;
          } else sum += outside;
          if ((l === maxLength || l === maxLength - 1) && sum > best) {
            best = sum;
            bestLength = x;
          }
        }
        // No way to fill a table from the list and beyond: this person cannot be seated at all.
        if (best === -Infinity) best = 0;
        total += best;
        for (let y = 0; y < bestLength; y++) chosen[top[y] as number] = 1;
      }
      return total;
    };
    let bound = evaluate();
    let step = Math.max(1e-3, Math.abs(bound) / Math.max(1, people.length * k));
    let last = bound;
    for (let it = 0; it < BOUND_STEPS; it++) {
      // Subgradient of L(λ) w.r.t. λ_vu (= −λ_uv): x_vu − x_uv; descend.
      let moved = false;
      for (let p = 0; p < mirror.length; p++) {
        const q = mirror[p] as number;
        if (q < p) continue;
        const g = (chosen[p] as number) - (chosen[q] as number);
        if (g === 0) continue;
        lambda[p] = (lambda[p] as number) - step * g;
        lambda[q] = -(lambda[p] as number);
        moved = true;
      }
      if (!moved) break;
      const value = evaluate();
      if (value < bound) bound = value;
      if (value >= last) step /= 2;
      last = value;
    }
    return bound;
  }

  /** The debug assertion: tables valid, balanced, nobody twice, everyone seated or sitting out. */
  private assertValid(plan: RoundPlan, request: TableRequest): void {
    const model = this.model;
    const at = (id: string): number => model.index.get(id) as number;
    const k = request.tableSize;
    const problems = pairingViolations(plan.meetings, {
      attendees: model.profiles.map((p) => p.id),
      maxGroupSize: k,
      hardRule: (a, b) => (request.used.has(pairKey(this.n, at(a), at(b))) ? 'already-met' : hardRuleOf(model, at(a), at(b))),
    });
    for (const m of plan.meetings) if (m.members.length < k - 1) problems.push(`table ${m.table} has ${m.members.length} members`);
    const seated = plan.meetings.reduce((acc, m) => acc + m.members.length, 0) + plan.byes.length;
    if (seated !== model.n) problems.push(`${seated} people seated or sitting out, ${model.n} attendees`);
    for (const bye of plan.byes) if (bye.reason !== 'busy' && request.busy?.[at(bye.id)] === 1) problems.push(`${bye.id} is busy but not said so`);
    for (const m of plan.meetings) for (const id of m.members) if (request.busy?.[at(id)] === 1) problems.push(`${id} is busy but seated`);
    const tableOf = new Map(plan.meetings.flatMap((m) => m.members.map((id) => [id, m] as const)));
    for (const [a, b] of plan.mustMeet.seated) {
      const table = tableOf.get(a);
      if (table === undefined || !table.members.includes(b) || !table.mustMeet) problems.push(`must-meet ${a} and ${b} are reported seated but not together`);
    }
    const reported = plan.mustMeet.seated.length + plan.mustMeet.unmet.filter((u) => u.reason === 'no-compatible-table').length;
    if (reported !== (request.mustMeet?.pairs.length ?? 0)) problems.push(`${reported} feasible must-meet pairs reported, ${request.mustMeet?.pairs.length ?? 0} given`);
    if (problems.length > 0) throw new Error(`planRound (tables) broke an invariant: ${problems.join('; ')}`);
  }
}

/** Marks in `TableState.tableOf`: not placed yet, on the bench, or not in this round's seating (busy, partnerless). */
const FREE = -1;
const BENCH = -2;
const OUT = -3;

/**
 * The seating under construction: each attendee's table (or FREE/BENCH), each table's members,
 * and each seated attendee's contribution (the sum of their scores with their table-mates).
 */
class TableState {
  readonly tableOf: Int32Array;
  readonly contribution: Float64Array;
  readonly size: Int32Array;
  private readonly slots: Int32Array;
  private readonly slotOf: Int32Array;
  private readonly benchSet = new Set<number>();

  constructor(
    n: number,
    readonly tables: number,
    readonly k: number,
    readonly s: (i: number, j: number) => number,
  ) {
    this.tableOf = new Int32Array(n).fill(FREE);
    this.contribution = new Float64Array(n);
    this.size = new Int32Array(tables);
    this.slots = new Int32Array(tables * k);
    this.slotOf = new Int32Array(n).fill(-1);
  }

  /** The x-th member of table t (x < size[t]). */
  member(t: number, x: number): number {
    return this.slots[t * this.k + x] as number;
  }

  membersOf(t: number): number[] {
    return Array.from(this.slots.subarray(t * this.k, t * this.k + (this.size[t] as number)));
  }

  benched(): number[] {
    return [...this.benchSet].sort((a, b) => a - b);
  }

  /** The seating's total: half the sum of the contributions (conflicts count CONFLICT each). */
  total(): number {
    let sum = 0;
    for (let v = 0; v < this.contribution.length; v++) sum += this.contribution[v] as number;
    return sum / 2;
  }

  /** Sum of v's scores with the members of table t other than v. */
  affinity(v: number, t: number): number {
    let sum = 0;
    const base = t * this.k;
    const end = base + (this.size[t] as number);
    for (let x = base; x < end; x++) {
      const w = this.slots[x] as number;
      if (w !== v) sum += this.s(v, w);
    }
    return sum;
  }

  bench(v: number): void {
    this.tableOf[v] = BENCH;
    this.contribution[v] = 0;
    this.benchSet.add(v);
  }

  seat(v: number, t: number): void {
    if (this.tableOf[v] === BENCH) this.benchSet.delete(v);
    let c = 0;
    const base = t * this.k;
    for (let x = base; x < base + (this.size[t] as number); x++) {
      const w = this.slots[x] as number;
      const score = this.s(v, w);
      this.contribution[w] = (this.contribution[w] as number) + score;
      c += score;
    }
    const at = base + (this.size[t] as number);
    this.slots[at] = v;
    this.slotOf[v] = at;
    this.size[t] = (this.size[t] as number) + 1;
    this.tableOf[v] = t;
    this.contribution[v] = c;
  }

  /** Takes v off its table (or the bench); v is FREE afterwards. */
  unseat(v: number): void {
    const t = this.tableOf[v] as number;
    if (t === BENCH) this.benchSet.delete(v);
    if (t >= 0) {
      const base = t * this.k;
      const last = base + (this.size[t] as number) - 1;
      const at = this.slotOf[v] as number;
      const moved = this.slots[last] as number;
      this.slots[at] = moved;
      this.slotOf[moved] = at;
      this.size[t] = (this.size[t] as number) - 1;
      for (let x = base; x < last; x++) {
        const w = this.slots[x] as number;
        this.contribution[w] = (this.contribution[w] as number) - this.s(v, w);
      }
    }
    this.slotOf[v] = -1;
    this.tableOf[v] = FREE;
    this.contribution[v] = 0;
  }

  move(v: number, t: number): void {
    this.unseat(v);
    this.seat(v, t);
  }

  /** v and w trade places (tables or the bench). */
  swap(v: number, w: number): void {
    const a = this.tableOf[v] as number;
    const b = this.tableOf[w] as number;
    this.unseat(v);
    this.unseat(w);
    if (b === BENCH) this.bench(v);
    else this.seat(v, b);
    if (a === BENCH) this.bench(w);
    else this.seat(w, a);
  }
}

/** True when i and j sit at one table of `state`. */
function sameTable(state: TableState, i: number, j: number): boolean {
  return (state.tableOf[i] as number) >= 0 && state.tableOf[i] === state.tableOf[j];
}

/** Every pair score of a table. */
function pairScores(model: ScoringModel, group: readonly number[]): number[] {
  const scores: number[] = [];
  for (let x = 0; x < group.length; x++) for (let y = x + 1; y < group.length; y++) scores.push(edgeScore(model, group[x] as number, group[y] as number));
  return scores;
}

function groupScore(model: ScoringModel, group: readonly number[]): number {
  return pairScores(model, group).reduce((a, b) => a + b, 0);
}
