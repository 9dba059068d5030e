import { solveWithPricing } from './blossom/pricing';
import { solveMatching } from './blossom/solve-matching';
import type { SparseGraph } from './blossom/types';
import { topKCandidates, type CandidateLists } from './candidates';
import { greedyMatching } from './greedy';
import { findNegativeSlack, type PricedEdge } from './pricing';
import { hashSeed, mixSeeds, type Seed } from './prng';
import { assembleRound } from './round-assembly';
import { pairKey } from './round-seating';
import type { FairnessMode, FairnessStats, GroupPolicy, OptimalityStats, RoundPlan } from './round-types';
import { isMatching, pairingViolations } from './invariants';
import type { RoundConstraints } from './must-meet';
import { edgeScore, hardRuleOf, SCORE_SCALE, scoreBounds, toSolverWeight, type ScoringModel } from './score';

/** How the engine trades time for certainty. */
export interface EngineSettings {
  /** Partners per attendee kept by the scoring pass. */
  readonly k: number;
  /** Exact re-solves allowed after the first; the dual bound is reported when reached. */
  readonly maxPricingRounds: number;
  /** Stop pricing once the dual bound proves the matching within this relative gap (0 = certify). */
  readonly maxGap: number;
  /** Solver units of reduced cost under which left-out edges are added with the violations. */
  readonly pricingMargin?: number;
  /**
   * Debug assertion: check every plan against the invariants (`invariants.ts`), and every exact
   * solve's optimality certificate (`verify`, blossom/verify-optimum.ts), and throw if one fails.
   */
  readonly checkInvariants?: boolean;
}

/** One round's request to the engine. */
export interface RoundRequest {
  /** Keys `lo * n + hi` of pairs planned in earlier rounds of this plan. */
  readonly used: ReadonlySet<number>;
  /** Rounds each attendee (by model index) already sat out. */
  readonly sitOut: Int32Array;
  readonly policy: GroupPolicy;
  readonly fairness: FairnessMode;
  readonly seed: Seed;
  /** Busy attendees and the feasible must-meet pairs, resolved against this round (none when absent). */
  readonly constraints?: RoundConstraints;
}

/**
 * Who the solver may still pair this round: everyone but the busy and the
 * pre-seated must-meet pairs, as one predicate on edges.
 */
interface Availability {
  /** 1 for a vertex the solver must leave alone (busy or pre-seated); null when nobody is. */
  readonly inactive: Uint8Array | null;
  /** True when {i, j} may not be an edge of this round's graph. */
  readonly blocked: (i: number, j: number) => boolean;
  /** Vertices the solver pairs. */
  readonly active: number;
}

/**
 * Default k (partners kept per attendee): `clamp(⌈2·log₂ n⌉, 8, 24) + rounds − 1`,
 * at most n − 1. More partners keep the sparse graph closer to optimal as n
 * grows (pricing closes the rest, so k trades scoring memory and solve time
 * against pricing rounds); each extra planned round uses up about one
 * partner per attendee.
 *
 * Complexity: O(1).
 * @throws never.
 * @example adaptiveK(2000) // 22
 */
export function adaptiveK(n: number, rounds = 1): number {
  const base = Math.min(24, Math.max(8, Math.ceil(2 * Math.log2(Math.max(2, n)))));
  return Math.max(1, Math.min(n - 1, base + rounds - 1));
}

/**
 * Left-out edges within 0.01 score points of violating are added with the
 * violations: on the benchmark instances this saves about one pricing round.
 */
const DEFAULT_PRICING_MARGIN = 0.01 * SCORE_SCALE;

/** Partners per leftover in the greedy completion passes, and how many passes. */
const COMPLETION_K = 8;
const COMPLETION_PASSES = 3;

/** A growable edge list of the sparse graph (vertex ids < N; dummy = n), in typed arrays. */
class EdgeSet {
  private uArr = new Int32Array(1024);
  private vArr = new Int32Array(1024);
  private wArr = new Float64Array(1024);
  private count = 0;
  private readonly keys = new Set<number>();

  constructor(private readonly stride: number) {}

  has(i: number, j: number): boolean {
    return this.keys.has(i < j ? i * this.stride + j : j * this.stride + i);
  }

  add(i: number, j: number, w: number): boolean {
    const key = i < j ? i * this.stride + j : j * this.stride + i;
    if (this.keys.has(key)) return false;
    this.keys.add(key);
    if (this.count === this.uArr.length) {
      const grow = <T extends Int32Array | Float64Array>(a: T, make: (size: number) => T): T => {
        const b = make(a.length * 2);
        b.set(a);
        return b;
      };
      this.uArr = grow(this.uArr, (size) => new Int32Array(size));
      this.vArr = grow(this.vArr, (size) => new Int32Array(size));
      this.wArr = grow(this.wArr, (size) => new Float64Array(size));
    }
    this.uArr[this.count] = Math.min(i, j);
    this.vArr[this.count] = Math.max(i, j);
    this.wArr[this.count] = w;
    this.count++;
    return true;
  }

  get size(): number {
    return this.count;
  }

  get u(): Int32Array {
    return this.uArr.subarray(0, this.count);
  }

  get v(): Int32Array {
    return this.vArr.subarray(0, this.count);
  }

  get w(): Float64Array {
    return this.wArr.subarray(0, this.count);
  }

  /** The edges with weight ≥ minWeight (edges to vertices ≥ realLimit, the dummy, always kept). */
  graph(n: number, minWeight: number, realLimit: number): SparseGraph {
    if (minWeight === -Infinity) return { n, u: this.u.slice(), v: this.v.slice(), w: this.w.slice() };
    let kept = 0;
    for (let e = 0; e < this.count; e++) if ((this.vArr[e] as number) >= realLimit || (this.wArr[e] as number) >= minWeight) kept++;
    const u = new Int32Array(kept);
    const v = new Int32Array(kept);
    const w = new Float64Array(kept);
    for (let e = 0, k = 0; e < this.count; e++) {
      if ((this.vArr[e] as number) >= realLimit || (this.wArr[e] as number) >= minWeight) {
        u[k] = this.uArr[e] as number;
        v[k] = this.vArr[e] as number;
        w[k] = this.wArr[e] as number;
        k++;
      }
    }
    return { n, u, v, w };
  }
}

interface SolvedMatching {
  readonly mate: Int32Array;
  readonly optimality: Omit<OptimalityStats, 'k'>;
}

/**
 * Plans rounds on one scoring model: the top-k scoring pass runs once, then
 * each round builds its sparse graph (top-k partners minus pairs already
 * used, plus the greedy pairing's edges), solves it exactly warm-started
 * from greedy, and prices the complete graph with the duals until no edge
 * has negative reduced cost.
 */
export class RoundEngine {
  readonly lists: CandidateLists;
  private readonly n: number;
  /** Solver-weight bounds of every edge of the complete graph (dummy edges included). */
  private readonly weightBounds: { readonly min: number; readonly max: number };

  constructor(
    readonly model: ScoringModel,
    readonly settings: EngineSettings,
  ) {
    this.n = model.n;
    const bounds = scoreBounds(model);
    this.weightBounds = { min: Math.min(0, Math.floor(bounds.min * SCORE_SCALE) - 1), max: Math.max(1, Math.ceil(bounds.max * SCORE_SCALE) + 1) };
    this.lists = topKCandidates(model, Math.max(1, Math.min(settings.k, Math.max(1, model.n - 1))));
  }

  private key(i: number, j: number): number {
    return pairKey(this.n, i, j);
  }

  /**
   * Must-meet pairs are pre-seated, not weighted. Exactness: every plan that
   * seats the feasible pairs F (disjoint) is F ∪ M' with M' a matching of the
   * attendees outside F, and weight(F ∪ M') = weight(F) + weight(M'), pairs
   * |F| + |M'|; so the most pairs, then the heaviest, among such plans is F
   * plus the solver's optimum on the rest — what this computes. A dominating
   * weight on F's edges would not do: the solver maximises cardinality first,
   * so on a path a–b–c–d with must-meet {b, c} it would still choose
   * {a–b, c–d} (two pairs beat one). Busy attendees are simply left out of
   * the graph. The trio step never joins a must-meet pair (the request was for
   * a 1:1), and the fairness floor applies to the freely matched pairs.
   */
  private availability(request: RoundRequest): Availability {
    const c = request.constraints;
    const used = request.used;
    if (c === undefined || c.none) return { inactive: null, blocked: (i, j) => used.has(this.key(i, j)), active: this.n };
    const inactive = Uint8Array.from(c.busy, (b, v) => b | (c.preSeated[v] as number));
    return {
      inactive,
      blocked: (i, j) => inactive[i] === 1 || inactive[j] === 1 || used.has(this.key(i, j)),
      active: inactive.reduce((count, x) => count + (x === 1 ? 0 : 1), 0),
    };
  }

  plan(request: RoundRequest): RoundPlan {
    const n = this.n;
    const avail = this.availability(request);
    const { inactive, blocked } = avail;
    // An odd count gets a dummy vertex, so the solver can look for a perfect matching: the one it pairs
    // with the dummy is the one left over. Without it, the maximum-cardinality search leaves a vertex
    // exposed, and the shifted weights (pricing.ts) make it lower that vertex's dual from about
    // n/2 × the weight range down to 0 in small steps — 10–25 times the whole solve at n = 2,000.
    const hasDummy = avail.active % 2 === 1;
    const N = hasDummy ? n + 1 : n;
    const edges = new EdgeSet(N);
    const { lists } = this;
    for (let i = 0; i < n; i++) {
      for (let p = lists.ptr[i] as number; p < (lists.ptr[i + 1] as number); p++) {
        const j = lists.neighbors[p] as number;
        if (!blocked(i, j)) edges.add(i, j, toSolverWeight(lists.scores[p] as number));
      }
    }
    const warm = this.greedyWithCompletion(edges, avail);

    // The dummy vertex takes the odd one out; it only reaches the least-rested tier.
    const tiers = [...new Set(Array.from(request.sitOut))].sort((a, b) => a - b);
    let tierCount = 0;
    const addTier = (): void => {
      const tier = tiers[tierCount++] as number;
      for (let v = 0; v < n; v++) {
        if (request.sitOut[v] !== tier || inactive?.[v] === 1) continue;
        // Jitter < ½ unit: breaks ties between equally good byes by seed, never changes the optimum.
        edges.add(v, n, (mixSeeds(hashSeed(request.seed), hashSeed(this.model.profiles[v]!.id)) % 32) / 64);
      }
    };
    let mate: Int32Array;
    let solved: SolvedMatching;
    if (hasDummy && request.policy === 'trio') {
      // Anyone may be the one left over (they join a pair afterwards): every perfect matching of the graph
      // with the dummy is a largest matching of the attendees plus one dummy edge of weight 0, so the
      // heaviest of them is the heaviest largest matching — the plan without the dummy, found faster.
      for (let v = 0; v < n; v++) if (inactive?.[v] !== 1) edges.add(v, n, 0);
      const start = Int32Array.from({ length: N }, (_, v) => (v < n ? (warm[v] as number) : -1));
      const loner = start.findIndex((m, v) => m === -1 && v < n && inactive?.[v] !== 1);
      if (loner !== -1) {
        start[loner] = n;
        start[n] = loner;
      }
      solved = this.solveExact(N, edges, start, avail, -Infinity);
      mate = solved.mate;
    } else if (hasDummy) {
      addTier();
      for (;;) {
        const start = Int32Array.from({ length: N }, (_, v) => (v < n ? (warm[v] as number) : -1));
        for (let v = 0; v < n && start[n] === -1; v++) {
          if (start[v] === -1 && edges.has(v, n)) {
            start[v] = n;
            start[n] = v;
          }
        }
        solved = this.solveExact(N, edges, start, avail, -Infinity);
        mate = solved.mate;
        const unmatched = Array.from(mate.subarray(0, n)).filter((m, v) => m === -1 && inactive?.[v] !== 1).length;
        if (mate[n] !== -1 || unmatched === 0 || tierCount >= tiers.length) break;
        // Nobody in the least-rested tiers can be spared: open the next tier to the bye.
        addTier();
      }
    } else {
      solved = this.solveExact(N, edges, warm, avail, -Infinity);
      mate = solved.mate;
    }

    // Fairness: the highest floor that keeps everyone paired, then the best total above it.
    const plainTotal = this.pairTotal(mate);
    const plainMin = this.pairMin(mate);
    let fairness: FairnessStats = { mode: request.fairness, floor: null, minBefore: plainMin, minAfter: plainMin, totalBefore: plainTotal, totalAfter: plainTotal, cost: 0 };
    if (request.fairness === 'maxmin' && plainMin !== null) {
      const floor = this.bottleneckFloor(N, edges, mate);
      const fair = this.solveExact(N, edges, mate, avail, floor);
      const fairTotal = this.pairTotal(fair.mate);
      const fairMin = this.pairMin(fair.mate);
      if (fair.mate.filter((m) => m !== -1).length === mate.filter((m) => m !== -1).length) {
        mate = fair.mate;
        solved = fair;
        fairness = { mode: 'maxmin', floor: floor / SCORE_SCALE, minBefore: plainMin, minAfter: fairMin, totalBefore: plainTotal, totalAfter: fairTotal, cost: plainTotal - fairTotal };
      }
    }
    const pairs = request.constraints?.pairs ?? [];
    if (pairs.length > 0) {
      // Seat the must-meet pairs beside the solver's optimum on everyone else; the figures then describe the whole round.
      mate = Int32Array.from(mate);
      let weight = 0;
      let total = 0;
      let min: number | null = null;
      for (const [i, j] of pairs) {
        mate[i] = j;
        mate[j] = i;
        const s = edgeScore(this.model, i, j);
        weight += toSolverWeight(s);
        total += s;
        min = min === null ? s : Math.min(min, s);
      }
      const lower = (x: number | null): number | null => (x === null ? min : Math.min(x, min as number));
      const o = solved.optimality;
      solved = { mate, optimality: { ...o, matchingWeight: o.matchingWeight + weight, upperBound: o.upperBound + weight } };
      fairness = { ...fairness, minBefore: lower(fairness.minBefore), minAfter: lower(fairness.minAfter), totalBefore: fairness.totalBefore + total, totalAfter: fairness.totalAfter + total };
    }
    // Under the trio policy the dummy's partner is the one left over, who joins a pair when seated.
    if (hasDummy && request.policy === 'trio') mate = Int32Array.from(mate.subarray(0, n), (m) => (m === n ? -1 : m));
    const plan = assembleRound(this.model, this.lists.k, mate, request, solved.optimality, fairness);
    if (this.settings.checkInvariants === true) this.assertValid(mate, plan, request);
    return plan;
  }

  /**
   * Greedy on the candidate edges, then, while it leaves people unmatched
   * who could still pair, greedy again among them on their own top-k lists
   * (adding those edges to the graph, so the graph pairs at least as many).
   */
  private greedyWithCompletion(edges: EdgeSet, { inactive, blocked }: Availability): Int32Array {
    const n = this.n;
    const mate = greedyMatching(n, edges.u, edges.v, edges.w);
    for (let pass = 0; pass < COMPLETION_PASSES; pass++) {
      const left: number[] = [];
      for (let v = 0; v < n; v++) if (mate[v] === -1 && inactive?.[v] !== 1) left.push(v);
      if (left.length < 2) break;
      const sub = topKCandidates(this.model, Math.min(left.length - 1, COMPLETION_K + pass * COMPLETION_K), { vertices: Int32Array.from(left) });
      const extra: [number, number, number][] = [];
      for (const i of left) {
        for (let p = sub.ptr[i] as number; p < (sub.ptr[i + 1] as number); p++) {
          const j = sub.neighbors[p] as number;
          const w = toSolverWeight(sub.scores[p] as number);
          if (!blocked(i, j) && edges.add(i, j, w)) extra.push([i, j, w]);
        }
      }
      if (extra.length === 0) break;
      const subMate = greedyMatching(n, extra.map((e) => e[0]), extra.map((e) => e[1]), extra.map((e) => e[2]));
      let progress = false;
      for (const v of left) {
        const m = subMate[v] as number;
        if (m !== -1 && mate[v] === -1 && mate[m] === -1) {
          mate[v] = m;
          mate[m] = v;
          progress = true;
        }
      }
      if (!progress) break;
    }
    return mate;
  }

  /**
   * Exact solve on the sparse graph, then pricing (the blossom module's
   * `solveWithPricing`, one round per call so the gap can be checked): add
   * every edge of the complete graph with a negative reduced cost and
   * re-solve, warm-started from the previous matching, until none is left,
   * the dual bound proves the gap ≤ `maxGap`, or the round cap is reached.
   * Edges below `minWeight` (a fairness floor) are left out everywhere.
   */
  private solveExact(N: number, edges: EdgeSet, start: Int32Array, { blocked, inactive }: Availability, minWeight: number): SolvedMatching {
    const n = this.n;
    let initial = start;
    let pricedEdges = 0;
    for (let round = 0; ; round++) {
      const graph = edges.graph(N, minWeight, n);
      let priced: PricedEdge[] = [];
      let violations: PricedEdge[] = [];
      const result = solveWithPricing(
        graph,
        (duals) => {
          priced = findNegativeSlack(this.model, this.lists, duals, {
            skip: (i, j) => blocked(i, j) || edges.has(i, j),
            inactive,
            minWeight,
            margin: this.settings.pricingMargin ?? DEFAULT_PRICING_MARGIN,
          });
          violations = priced.filter((e) => e.slack < -duals.tolerance);
          return violations.map((e) => [e.i, e.j, e.weight] as const);
        },
        { maxCardinality: true, weightBounds: this.weightBounds, maxRounds: 1, initialMate: keepGraphPairs(initial, graph), verify: this.settings.checkInvariants === true },
      );
      const weight = this.pairWeight(result.mate);
      const upper = result.certified ? weight : result.weight + coverDeficits(violations);
      const gap = upper <= weight ? 0 : (upper - weight) / Math.max(1, Math.abs(upper));
      if (result.certified || round >= this.settings.maxPricingRounds || gap <= this.settings.maxGap) {
        return {
          mate: result.mate,
          optimality: {
            certified: result.certified,
            matchingWeight: weight,
            upperBound: Math.max(upper, weight),
            gap,
            candidateEdges: graph.u.length,
            pricingRounds: round,
            pricedEdges,
          },
        };
      }
      // Near-violations too: they would likely be the next round's violations.
      for (const e of priced) if (edges.add(e.i, e.j, e.weight)) pricedEdges++;
      initial = result.mate;
    }
  }

  /** Highest floor (solver units) at which a max-cardinality matching keeps the same cardinality, on the candidate graph. */
  private bottleneckFloor(N: number, edges: EdgeSet, mate: Int32Array): number {
    const n = this.n;
    const target = mate.filter((m) => m !== -1).length / 2;
    const ends = edges.v;
    const values = [...new Set(edges.w.filter((_, e) => (ends[e] as number) < n))].sort((a, b) => a - b);
    const feasible = (floor: number): boolean => {
      const graph = edges.graph(N, floor, n);
      const unit = { ...graph, w: new Float64Array(graph.w.length).fill(1) };
      return solveMatching(unit, { maxCardinality: true, initialMate: keepGraphPairs(mate, graph), verify: this.settings.checkInvariants === true }).cardinality >= target;
    };
    // The current matching's own minimum is feasible; search above it.
    let lo = Math.max(0, values.indexOf(this.pairMinWeight(mate)));
    let hi = values.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (feasible(values[mid] as number)) lo = mid;
      else hi = mid - 1;
    }
    return values[Math.max(0, lo)] as number;
  }

  private pairWeight(mate: Int32Array): number {
    let total = 0;
    for (let v = 0; v < this.n; v++) {
      const m = mate[v] as number;
      if (m > v && m < this.n) total += toSolverWeight(edgeScore(this.model, v, m));
    }
    return total;
  }

  private pairTotal(mate: Int32Array): number {
    let total = 0;
    for (let v = 0; v < this.n; v++) {
      const m = mate[v] as number;
      if (m > v && m < this.n) total += edgeScore(this.model, v, m);
    }
    return total;
  }

  private pairMin(mate: Int32Array): number | null {
    let min: number | null = null;
    for (let v = 0; v < this.n; v++) {
      const m = mate[v] as number;
      if (m > v && m < this.n) {
        const s = edgeScore(this.model, v, m);
        if (min === null || s < min) min = s;
      }
    }
    return min;
  }

  private pairMinWeight(mate: Int32Array): number {
    const min = this.pairMin(mate);
    return min === null ? -Infinity : toSolverWeight(min);
  }

  /** The debug assertion: the matching is a matching and the plan breaks no pairing invariant. */
  private assertValid(mate: Int32Array, plan: RoundPlan, request: RoundRequest): void {
    const model = this.model;
    const at = (id: string): number => model.index.get(id) as number;
    const problems = isMatching(mate) ? [] : ['the solver returned a non-matching'];
    problems.push(
      ...pairingViolations(plan.meetings, {
        attendees: model.profiles.map((p) => p.id),
        hardRule: (a, b) => (request.used.has(this.key(at(a), at(b))) ? 'already-met' : hardRuleOf(model, at(a), at(b))),
      }),
    );
    const seated = plan.meetings.reduce((acc, m) => acc + m.members.length, 0) + plan.byes.length;
    if (seated !== model.n) problems.push(`${seated} people seated or on a bye, ${model.n} attendees`);
    const c = request.constraints;
    if (c !== undefined) {
      const tableOf = new Map(plan.meetings.flatMap((m) => m.members.map((id) => [id, m] as const)));
      model.profiles.forEach((p, v) => {
        if (c.busy[v] === 1 && tableOf.has(p.id)) problems.push(`${p.id} is busy but seated`);
      });
      for (const [a, b] of c.report.seated) {
        const table = tableOf.get(a);
        if (table === undefined || table.kind !== 'pair' || !table.members.includes(b)) problems.push(`must-meet ${a} and ${b} are not seated together`);
      }
    }
    if (problems.length > 0) throw new Error(`planRound broke an invariant: ${problems.join('; ')}`);
  }
}

/** The pairs of `mate` that are edges of `graph` (a warm start must be a matching of the graph). */
function keepGraphPairs(mate: Int32Array, graph: SparseGraph): Int32Array {
  const kept = new Int32Array(mate.length).fill(-1);
  for (let e = 0; e < graph.u.length; e++) {
    const a = graph.u[e] as number;
    const b = graph.v[e] as number;
    if (mate[a] === b) {
      kept[a] = b;
      kept[b] = a;
    }
  }
  return kept;
}

/**
 * Weak duality: raising vertex duals until every violated edge is covered
 * makes the duals feasible for the complete graph, so the matching's weight
 * plus the total raise bounds the optimum (the candidate optimum's duals
 * already equal its weight). Largest deficits first, each on the endpoint
 * with more violated edges: a greedy fractional vertex cover.
 */
function coverDeficits(violations: readonly PricedEdge[]): number {
  const degree = new Map<number, number>();
  for (const e of violations) {
    degree.set(e.i, (degree.get(e.i) ?? 0) + 1);
    degree.set(e.j, (degree.get(e.j) ?? 0) + 1);
  }
  const raise = new Map<number, number>();
  let total = 0;
  for (const e of violations) {
    const missing = -e.slack - (raise.get(e.i) ?? 0) - (raise.get(e.j) ?? 0);
    if (missing <= 0) continue;
    const v = (degree.get(e.i) as number) >= (degree.get(e.j) as number) ? e.i : e.j;
    raise.set(v, (raise.get(v) ?? 0) + missing);
    total += missing;
  }
  return total;
}
