/* eslint-disable no-console -- a manual benchmark prints its timings; it is not part of the suite */
// Manual benchmark of the blossom solver: not a test, nothing here asserts a time.
// Run from the repository root:
//   npx jest --selectProjects unit --testMatch '**/perf.spec-manual.ts'
// Environment: PERF_SIZES=5k,10k,c500,c1000,c2000 (default all), PERF_REPEATS=3,
// PERF_PRICING=2000x20 (n x top-k, priced against the complete graph),
// PERF_PHASES=10k|c1000 (time the phases of one solve).
import { edgeSlack, solveWithPricing } from './pricing';
import { solveMatching, solveMatchingInstrumented } from './solve-matching';
import type { SparseGraph, WeightedEdge } from './types';
import { verifyOptimum } from './verify-optimum';

/** mulberry32: a tiny seeded generator, so runs are reproducible. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Conference-like scores: each attendee has skewed interests over `dims` topics and a
 * persona; the score is interest overlap plus a role-mix bonus, scaled to integers (×10⁶).
 */
function attendees(n: number, seed: number, dims = 24): Float64Array[] {
  const rand = prng(seed);
  const people: Float64Array[] = [];
  for (let i = 0; i < n; i++) {
    const x = new Float64Array(dims + 2);
    for (let d = 0; d < dims; d++) x[d] = rand() < 0.6 / (1 + d * 0.3) ? rand() : 0; // Zipf-like topic popularity
    x[dims] = Math.floor(rand() * 4); // persona
    x[dims + 1] = rand(); // seniority
    people.push(x);
  }
  return people;
}

function score(a: Float64Array, b: Float64Array, dims = 24): number {
  let s = 0;
  for (let d = 0; d < dims; d++) s += a[d] * b[d];
  const mix = a[dims] !== b[dims] ? 0.3 : 0;
  const senior = 0.2 * Math.abs(a[dims + 1] - b[dims + 1]);
  return Math.round((s + mix + senior) * 1e6);
}

function completeGraph(n: number, seed: number): SparseGraph {
  const p = attendees(n, seed);
  return completeGraphWeighted(n, (i, j) => score(p[i], p[j]));
}

/** The complete graph on n vertices, edge {i, j} (i < j, in order of i then j) weighing `weight(i, j)`. */
function completeGraphWeighted(n: number, weight: (i: number, j: number) => number): SparseGraph {
  const m = (n * (n - 1)) / 2;
  const u = new Int32Array(m);
  const v = new Int32Array(m);
  const w = new Float64Array(m);
  let e = 0;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++, e++) {
      u[e] = i;
      v[e] = j;
      w[e] = weight(i, j);
    }
  }
  return { n, u, v, w };
}

/** Each attendee's top-k partners plus the greedy pairing's edges, as the planner builds it. */
function candidateGraph(n: number, k: number, seed: number, p = attendees(n, seed)): SparseGraph {
  const us: number[] = [];
  const vs: number[] = [];
  const ws: number[] = [];
  const row = new Float64Array(n);
  const idx = new Int32Array(n);
  const seen = new Set<number>();
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) row[j] = i === j ? -Infinity : score(p[i], p[j]);
    for (let j = 0; j < n; j++) idx[j] = j;
    const top = Array.from(idx).sort((a, b) => row[b] - row[a]).slice(0, k);
    for (const j of top) {
      const key = Math.min(i, j) * n + Math.max(i, j);
      if (seen.has(key)) continue;
      seen.add(key);
      us.push(i);
      vs.push(j);
      ws.push(row[j]);
    }
  }
  // The greedy pairing of the complete graph guarantees everyone can be paired.
  const free = new Uint8Array(n).fill(1);
  const order = Array.from({ length: n }, (_, i) => i);
  for (const i of order) {
    if (!free[i]) continue;
    let best = -1;
    let bestW = -Infinity;
    for (let j = 0; j < n; j++) {
      if (j === i || !free[j]) continue;
      const s = score(p[i], p[j]);
      if (s > bestW) {
        best = j;
        bestW = s;
      }
    }
    if (best === -1) continue;
    free[i] = free[best] = 0;
    const key = Math.min(i, best) * n + Math.max(i, best);
    if (!seen.has(key)) {
      seen.add(key);
      us.push(i);
      vs.push(best);
      ws.push(bestW);
    }
  }
  return { n, u: Int32Array.from(us), v: Int32Array.from(vs), w: Float64Array.from(ws) };
}

function run(name: string, graph: SparseGraph, start: 'cold' | 'greedy', verify = true): void {
  const repeats = Number(process.env.PERF_REPEATS ?? 3);
  const times: number[] = [];
  let last: ReturnType<typeof solveMatchingInstrumented> | null = null;
  for (let r = 0; r < repeats; r++) {
    const t0 = performance.now();
    last = solveMatchingInstrumented(graph, { initialMate: start === 'greedy' ? 'greedy' : undefined });
    times.push(performance.now() - t0);
  }
  if (last === null) return;
  const { solution, stats } = last;
  times.sort((a, b) => a - b);
  const report = verify ? verifyOptimum(graph, solution, { tolerance: 0 }) : { ok: 'skipped' };
  console.log(
    `${name.padEnd(20)} n=${graph.n} m=${graph.u.length} start=${start.padEnd(6)} min ${times[0].toFixed(0).padStart(5)} ms` +
      ` median ${times[times.length >> 1].toFixed(0).padStart(5)} ms  weight=${solution.weight} pairs=${solution.cardinality}` +
      ` verify=${JSON.stringify(report)} ${JSON.stringify(stats)}`,
  );
}

describe('blossom performance (manual)', () => {
  jest.setTimeout(600_000);
  const sizes = (process.env.PERF_SIZES ?? 'all').split(',');
  const want = (s: string) => sizes.includes('all') || sizes.includes(s);

  it('sparse conference graphs', () => {
    if (want('5k')) {
      const g = candidateGraph(5000, 40, 11);
      run('top-40 candidates', g, 'greedy');
      run('top-40 candidates', g, 'cold');
    }
    if (want('10k')) {
      const g = candidateGraph(10000, 30, 12);
      run('top-30 candidates', g, 'greedy');
      run('top-30 candidates', g, 'cold');
    }
  });

  it('complete graphs', () => {
    for (const n of [500, 1000, 2000]) {
      if (!want(`c${n}`)) continue;
      const g = completeGraph(n, n);
      run('complete', g, 'greedy', n <= 1000);
      run('complete', g, 'cold', n <= 1000);
    }
  });
});

/** Complete graphs with other weight laws, to look for slow corner cases. */
function completeGraphOf(n: number, seed: number, law: 'uniform' | 'equal' | 'binary' | 'geometric'): SparseGraph {
  const rand = prng(seed);
  const xs = Float64Array.from({ length: n }, rand);
  const ys = Float64Array.from({ length: n }, rand);
  return completeGraphWeighted(n, (i, j) => {
    if (law === 'uniform') return Math.floor(rand() * 1e6);
    if (law === 'equal') return 1;
    if (law === 'binary') return rand() < 0.5 ? 0 : 1;
    return Math.round(1e6 * (2 - Math.hypot(xs[i] - xs[j], ys[i] - ys[j])));
  });
}

describe('weight laws (manual)', () => {
  it('complete graphs with other weight laws', () => {
    const n = Number(process.env.PERF_LAWS ?? 0);
    if (!n) return;
    for (const law of ['uniform', 'equal', 'binary', 'geometric'] as const) run(`complete ${law}`, completeGraphOf(n, 3, law), 'cold', n <= 1000);
  });
});

describe('pricing (manual)', () => {
  it('top-k candidates priced against the complete graph', () => {
    const spec = process.env.PERF_PRICING ?? '';
    if (!spec) return;
    const [n, k] = spec.split('x').map(Number);
    const people = attendees(n, 5);
    const candidates = candidateGraph(n, k, 5, people);
    let oracleMs = 0;
    const marks: number[] = [performance.now()];
    const result = solveWithPricing(candidates, (duals) => {
      const t0 = performance.now();
      marks.push(t0);
      const { vertexDual, tolerance } = duals;
      const out: WeightedEdge[] = [];
      // Most negative few per vertex, as a blockwise oracle would keep them.
      for (let a = 0; a < n; a++) {
        let found = 0;
        for (let b = a + 1; b < n && found < 8; b++) {
          const w = score(people[a], people[b]);
          if (edgeSlack(vertexDual[a], vertexDual[b], w) < -tolerance && duals.reducedCost(a, b, w) < -tolerance) {
            out.push([a, b, w]);
            found++;
          }
        }
      }
      const t1 = performance.now();
      oracleMs += t1 - t0;
      marks.push(t1);
      return out;
    });
    const solveMs: number[] = [];
    for (let i = 0; i + 1 < marks.length; i += 2) solveMs.push(Math.round(marks[i + 1] - marks[i]));
    console.log(
      `pricing n=${n} top-${k}: m0=${candidates.u.length} rounds=${result.rounds} added=${result.edgesAdded} certified=${result.certified}` +
        ` weight=${result.weight} solve ms per round=${JSON.stringify(solveMs)} oracle total=${oracleMs.toFixed(0)} ms`,
    );
    const t0 = performance.now();
    const cold = solveMatching(result.graph);
    const t1 = performance.now();
    const warm = solveMatching(result.graph, { initialMate: result.mate });
    const t2 = performance.now();
    console.log(`final graph m=${result.graph.u.length}: cold ${(t1 - t0).toFixed(0)} ms, warm from the optimum ${(t2 - t1).toFixed(0)} ms, weights ${cold.weight} ${warm.weight}`);
  });
});

describe('phases (manual)', () => {
  it('phases of one solve', () => {
    const which = process.env.PERF_PHASES ?? '';
    if (!which) return;
    const g = which === 'c1000' ? completeGraph(1000, 1000) : which === 'c2000' ? completeGraph(2000, 2000) : candidateGraph(10000, 30, 12);
    /* eslint-disable @typescript-eslint/no-require-imports -- loaded lazily: only this manual run needs the internals */
    const { prepareGraph, validateGraph } = require('./prepare-graph') as typeof import('./prepare-graph');
    const { scaleWeights, toIntegerWeights } = require('./integer-weights') as typeof import('./integer-weights');
    const { initialDuals } = require('./initial-duals') as typeof import('./initial-duals');
    const { greedyPartners } = require('./greedy-start') as typeof import('./greedy-start');
    const { BlossomEngine } = require('./blossom-engine') as typeof import('./blossom-engine');
    /* eslint-enable @typescript-eslint/no-require-imports */
    for (const greedy of [false, true]) {
      let t = performance.now();
      const lap = (label: string) => {
        const now = performance.now();
        console.log(greedy ? 'greedy' : 'cold', label, (now - t).toFixed(0), 'ms');
        t = now;
      };
      validateGraph(g);
      lap('validate');
      const p = prepareGraph(g, false);
      lap('prepare');
      const ints = toIntegerWeights(p.weight, g.n, false, g.w);
      lap('integers');
      const partner = greedy ? greedyPartners(p, ints.internal) : null;
      lap('greedy');
      const perSlot = scaleWeights(p.adjWeight, ints.exponent, ints.shift);
      const start = initialDuals(p, ints.internal, perSlot, partner);
      let free = 0;
      let roots = 0;
      for (let v = 0; v < g.n; v++) {
        if (start.mate[v] !== -1) continue;
        free++;
        if (start.dual[v] > 0) roots++;
      }
      lap(`duals (free ${free}, roots ${roots})`);
      const engine = new BlossomEngine(p, ints.internal, perSlot, start);
      lap('engine init');
      const out = engine.run();
      lap(`engine run ${JSON.stringify(out.stats)}`);
    }
  });
});
