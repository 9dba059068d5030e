import {
  createPrng,
  createRoundPlanner,
  createScorer,
  generateConference,
  planRounds,
  scoreAllPairs,
  solveMatching,
  type PairIds,
  type Profile,
  type RoundPlan,
} from '@pairwise/matching';
import { performance } from 'node:perf_hooks';
import { blockedDenseScores, denseEncoding, mlMatrixScores } from './kernels';

/** Seed of every generated conference: the benchmark is reproducible. */
export const BENCH_SEED = 'pairwise-bench-1';

/** Wall-clock and CPU time of `run` (CPU time is what the run would take alone on an idle core). */
export function timed<T>(run: () => T): { value: T; ms: number; cpuMs: number } {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const value = run();
  const used = process.cpuUsage(cpu);
  return { value, ms: performance.now() - start, cpuMs: (used.user + used.system) / 1000 };
}

/** Heap high-water mark, sampled at phase boundaries (a synchronous run cannot be sampled in between). */
let heapPeak = 0;
function sampleHeap(): void {
  heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed);
}

/** Peak resident set size of this process, from the OS (bytes). */
function peakRss(): number {
  return process.resourceUsage().maxRSS * 1024;
}

/** A seeded random pairing's total score (forbidden pairs count 0): the baseline of "gain over random". */
function randomPairingScore(profiles: readonly Profile[], seed: string): number {
  const scorer = createScorer(profiles);
  const ids = createPrng(seed).shuffle([...scorer.ids]);
  let total = 0;
  for (let p = 0; p + 1 < ids.length; p += 2) {
    const a = ids[p] as string;
    const b = ids[p + 1] as string;
    if (scorer.hardRule(a, b) === null) total += scorer.score(a, b);
  }
  return total;
}

/**
 * A generated conference of n scored and its round planned, timed apart, with the memory they took (the
 * peak resident set read right after planning, before anything else a case computes).
 */
function plannedConference(n: number, planner: { maxGap: number } | { tableSize: number }) {
  const profiles = generateConference(n, BENCH_SEED);
  sampleHeap();
  const scoring = timed(() => createRoundPlanner({ profiles, seed: 1, ...planner }));
  sampleHeap();
  const planning = timed(() => scoring.value.plan());
  sampleHeap();
  const rss = peakRss();
  return {
    profiles,
    plan: planning.value,
    planMs: planning.ms,
    measured: {
      k: scoring.value.k,
      scoringMs: scoring.ms,
      totalMs: scoring.ms + planning.ms,
      totalCpuMs: scoring.cpuMs + planning.cpuMs,
      peakRssMb: rss / 1e6,
      peakHeapMb: heapPeak / 1e6,
    },
  };
}

export interface RoundCase {
  n: number;
  k: number;
  scoringMs: number;
  solveMs: number;
  totalMs: number;
  totalCpuMs: number;
  peakRssMb: number;
  peakHeapMb: number;
  totalScore: number;
  pairs: number;
  trios: number;
  byes: number;
  certified: boolean;
  gapBound: number;
  pricingRounds: number;
  candidateEdges: number;
  randomScore: number;
  exactWeight: number | null;
  exactMs: number | null;
  matchingWeight: number;
  maxGap: number;
}

/** One round at size n: scoring and solving timed apart, optimality, memory, and the random baseline. */
export function roundCase(n: number, maxGap: number, exactLimit: number): RoundCase {
  const { profiles, plan, planMs, measured } = plannedConference(n, { maxGap });
  let exactWeight: number | null = null;
  let exactMs: number | null = null;
  if (n <= exactLimit) {
    const exact = timed(() => {
      const { edges } = scoreAllPairs(profiles);
      const graph = {
        n,
        u: Int32Array.from(edges, (e) => e[0]),
        v: Int32Array.from(edges, (e) => e[1]),
        w: Float64Array.from(edges, (e) => e[2]),
      };
      return solveMatching(graph, { maxCardinality: true, initialMate: 'greedy' }).weight;
    });
    exactWeight = exact.value;
    exactMs = exact.ms;
  }
  const o = plan.stats.optimality;
  return {
    n,
    ...measured,
    solveMs: planMs,
    totalScore: plan.stats.totalScore,
    pairs: plan.stats.pairs,
    trios: plan.stats.trios,
    byes: plan.stats.byes,
    certified: o.certified,
    gapBound: o.gap,
    pricingRounds: o.pricingRounds,
    candidateEdges: o.candidateEdges,
    randomScore: randomPairingScore(profiles, BENCH_SEED),
    exactWeight,
    exactMs,
    matchingWeight: o.matchingWeight,
    maxGap,
  };
}

export interface KernelCase {
  n: number;
  d: number;
  mlMatrixMs: number | null;
  blockedDenseMs: number;
  sparseMs: number;
}

/** The n × n × d scoring product three ways: ml-matrix mmul, a dense blocked kernel, the library's sparse block kernel. */
export function kernelCase(n: number, mlMatrixLimit: number): KernelCase {
  const profiles = generateConference(n, BENCH_SEED);
  const enc = denseEncoding(profiles);
  const ml = n <= mlMatrixLimit ? timed(() => mlMatrixScores(enc)).ms : null;
  const dense = timed(() => blockedDenseScores(enc)).ms;
  const sparse = timed(() => createRoundPlanner({ profiles })).ms;
  return { n, d: enc.d, mlMatrixMs: ml, blockedDenseMs: dense, sparseMs: sparse };
}

export interface RoundsCase {
  n: number;
  rounds: { ms: number; cpuMs: number; totalScore: number; minScore: number | null; certified: boolean; pricingRounds: number }[];
  scoringMs: number;
  totalMs: number;
  totalCpuMs: number;
  planRoundsMs: number;
  repeatedPairs: number;
}

/** Six consecutive rounds at n: scoring once, then one timed solve per round avoiding all earlier pairs. */
export function roundsCase(n: number, count: number): RoundsCase {
  const profiles = generateConference(n, BENCH_SEED);
  const scoring = timed(() => createRoundPlanner({ profiles, seed: 1, policy: 'bye' }));
  const avoid: PairIds[] = [];
  const seen = new Set<string>();
  let repeatedPairs = 0;
  let sitOutCounts: Record<string, number> = {};
  const rounds: RoundsCase['rounds'] = [];
  for (let r = 0; r < count; r++) {
    const step = timed(() => scoring.value.plan({ seed: r, avoid, sitOutCounts }));
    const plan = step.value;
    for (const m of plan.meetings) {
      for (const e of m.edges) {
        const key = e.a < e.b ? `${e.a}|${e.b}` : `${e.b}|${e.a}`;
        if (seen.has(key)) repeatedPairs++;
        seen.add(key);
        avoid.push([e.a, e.b]);
      }
    }
    sitOutCounts = { ...sitOutCounts };
    for (const bye of plan.byes) sitOutCounts[bye.id] = (sitOutCounts[bye.id] ?? 0) + 1;
    const o = plan.stats.optimality;
    rounds.push({ ms: step.ms, cpuMs: step.cpuMs, totalScore: plan.stats.totalScore, minScore: plan.stats.minScore, certified: o.certified, pricingRounds: o.pricingRounds });
  }
  const together = timed(() => planRounds({ profiles, rounds: count, seed: 1, policy: 'bye' }));
  return {
    n,
    rounds,
    scoringMs: scoring.ms,
    totalMs: scoring.ms + rounds.reduce((a, r) => a + r.ms, 0),
    totalCpuMs: scoring.cpuMs + rounds.reduce((a, r) => a + r.cpuMs, 0),
    planRoundsMs: together.ms,
    repeatedPairs,
  };
}

export interface FairnessCase {
  n: number;
  plainMs: number;
  fairMs: number;
  floor: number | null;
  minBefore: number | null;
  minAfter: number | null;
  p10Before: number;
  p10After: number;
  totalBefore: number;
  totalAfter: number;
  cost: number;
}

function percentile(plan: RoundPlan, q: number): number {
  const scores = plan.attendeeScores.filter((a) => a.score !== null).map((a) => a.score as number);
  return scores[Math.floor(q * (scores.length - 1))] as number;
}

/** The price of lifting the worst-served attendee (maxmin fairness) at size n. */
export function fairnessCase(n: number): FairnessCase {
  const profiles = generateConference(n, BENCH_SEED);
  const plain = timed(() => createRoundPlanner({ profiles, seed: 1 }).plan());
  const fair = timed(() => createRoundPlanner({ profiles, seed: 1, fairness: 'maxmin' }).plan());
  const f = fair.value.stats.fairness;
  return {
    n,
    plainMs: plain.ms,
    fairMs: fair.ms,
    floor: f.floor,
    minBefore: f.minBefore,
    minAfter: f.minAfter,
    p10Before: percentile(plain.value, 0.1),
    p10After: percentile(fair.value, 0.1),
    totalBefore: plain.value.stats.totalScore,
    totalAfter: fair.value.stats.totalScore,
    cost: f.cost,
  };
}

export interface TablesCase {
  n: number;
  tableSize: number;
  k: number;
  scoringMs: number;
  planMs: number;
  totalMs: number;
  totalCpuMs: number;
  peakRssMb: number;
  peakHeapMb: number;
  tables: number;
  sizes: Record<number, number>;
  byes: number;
  totalScore: number;
  upperBound: number;
  gap: number;
  searchPasses: number;
  randomScore: number;
}

/** A seeded random seating at the same table sizes (forbidden pairs count 0): the baseline of "gain over random". */
function randomTablesScore(profiles: readonly Profile[], sizes: readonly number[], seed: string): number {
  const scorer = createScorer(profiles);
  const ids = createPrng(seed).shuffle([...scorer.ids]);
  let total = 0;
  let at = 0;
  for (const size of sizes) {
    const table = ids.slice(at, at + size);
    at += size;
    for (let x = 0; x < table.length; x++) {
      for (let y = x + 1; y < table.length; y++) if (scorer.hardRule(table[x] as string, table[y] as string) === null) total += scorer.score(table[x] as string, table[y] as string);
    }
  }
  return total;
}

/** One table round at size n: scoring and planning timed apart, memory, the bound, and the random baseline. */
export function tablesCase(n: number, tableSize: number): TablesCase {
  const { profiles, plan, planMs, measured } = plannedConference(n, { tableSize });
  const sizes: Record<number, number> = {};
  for (const m of plan.meetings) sizes[m.members.length] = (sizes[m.members.length] ?? 0) + 1;
  const o = plan.stats.optimality;
  return {
    n,
    tableSize,
    ...measured,
    planMs,
    tables: plan.stats.tables,
    sizes,
    byes: plan.stats.byes,
    totalScore: plan.stats.totalScore,
    upperBound: o.upperBound / 1e6,
    gap: o.gap,
    searchPasses: o.searchPasses ?? 0,
    randomScore: randomTablesScore(profiles, plan.meetings.map((m) => m.members.length), 'random-tables'),
  };
}

export interface TablesExactCase {
  n: number;
  tableSize: number;
  instances: number;
  /** Per instance: the plan's total, the true optimum (brute force) and the bound, in score units. */
  results: { plan: number; optimum: number; bound: number }[];
}

/**
 * How far the table planner really is from the optimum, where the optimum can be found: n people
 * (a multiple of the table size) split every possible way into tables (brute force), on seeded
 * conferences where everyone speaks English. Shows how much of the reported gap is the bound's looseness.
 */
export function tablesExactCase(n: number, tableSize: number, instances: number): TablesExactCase {
  const results: { plan: number; optimum: number; bound: number }[] = [];
  for (let x = 0; x < instances; x++) {
    // One shared language: with their own, a few would have no valid table at all and sit out.
    const profiles = generateConference(n, `${BENCH_SEED}-exact-${x}`).map((p) => ({ ...p, languages: ['en'] }));
    const plan = createRoundPlanner({ profiles, seed: 1, tableSize }).plan();
    const scorer = createScorer(profiles);
    const ids = scorer.ids;
    const s = ids.map((a) => ids.map((b) => (a === b || scorer.hardRule(a, b) !== null ? -Infinity : scorer.score(a, b))));
    const free = ids.map(() => true);
    let best = -Infinity;
    const fill = (total: number): void => {
      const first = free.indexOf(true);
      if (first === -1) {
        if (total > best) best = total;
        return;
      }
      // The table of the first person not seated yet, grown with every choice of its other members.
      const table: number[] = [first];
      free[first] = false;
      const grow = (from: number, sum: number): void => {
        if (table.length === tableSize) {
          fill(sum);
          return;
        }
        for (let v = from; v < ids.length; v++) {
          if (!free[v]) continue;
          let add = 0;
          for (const w of table) add += s[v]![w]!;
          if (add === -Infinity) continue;
          free[v] = false;
          table.push(v);
          grow(v + 1, sum + add);
          table.pop();
          free[v] = true;
        }
      };
      grow(first + 1, total);
      free[first] = true;
    };
    fill(0);
    results.push({ plan: plan.stats.totalScore, optimum: best, bound: plan.stats.optimality.upperBound / 1e6 });
  }
  return { n, tableSize, instances, results };
}
