/**
 * The matching benchmark (`npm run bench:matching`): one round at n = 500,
 * 2,000, 5,000 and 10,000 seeded conference attendees (scoring and solving
 * timed apart, peak memory, optimality, the random-pairing baseline), the
 * scoring kernel three ways, six consecutive rounds at n = 2,000, the
 * cost of maxmin fairness, and table rounds (tables of 3, 6, 8 at n = 2,000,
 * of 6 at 10,000; `--tables-only` runs just those). Each case runs in its own process so peak memory
 * is per case. Prints Markdown for docs/benchmarks.md on stdout, progress on
 * stderr.
 *
 * The free-text cases (issue 15, bench/matching/text.ts) close the report; `--text` runs them alone.
 *
 *   node dist/bench/matching/run.js [--quick] [--text]
 */
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import { createRoundPlanner, generateConference } from '@pairwise/matching';
import { fairnessCase, kernelCase, roundCase, roundsCase, tablesCase, tablesExactCase, type FairnessCase, type KernelCase, type RoundCase, type RoundsCase, type TablesCase, type TablesExactCase } from './cases';
import { corpusCase, corpusCategories, corpusTitle, textCase, type CorpusCase, type TextCase } from './text';

const SIZES = [500, 2000, 5000, 10000];
/** Table rounds: [n, table size]. */
const TABLE_CASES: readonly (readonly [number, number])[] = [[2000, 3], [2000, 6], [2000, 8], [10000, 6]];
/** Table rounds small enough to solve exactly by brute force: [n, table size]. */
const EXACT_TABLE_CASES: readonly (readonly [number, number])[] = [[12, 3], [12, 4], [15, 5]];
const EXACT_LIMIT = 2000;
const ML_MATRIX_LIMIT = 2000;

function argument(name: string): string | undefined {
  const at = process.argv.indexOf(name);
  return at >= 0 ? process.argv[at + 1] : undefined;
}

/** Child mode: run one case, print its JSON. */
function runCase(kind: string): void {
  const n = Number(argument('--n'));
  // Warm the JIT as a long-running API process would be: one small round first.
  createRoundPlanner({ profiles: generateConference(300, 'warm-up') }).plan();
  let result: unknown;
  if (kind === 'round') result = roundCase(n, Number(argument('--gap') ?? '0'), EXACT_LIMIT);
  else if (kind === 'kernel') result = kernelCase(n, ML_MATRIX_LIMIT);
  else if (kind === 'rounds') result = roundsCase(n, 6);
  else if (kind === 'fairness') result = fairnessCase(n);
  else if (kind === 'tables') result = tablesCase(n, Number(argument('--table-size')));
  else if (kind === 'tables-exact') result = tablesExactCase(n, Number(argument('--table-size')), 10);
  else if (kind === 'text') result = textCase(n);
  else if (kind === 'corpus') result = corpusCase();
  else throw new Error(`unknown case ${kind}`);
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

function child<T>(args: string[]): T {
  process.stderr.write(`bench:matching ${args.join(' ')}\n`);
  const out = execFileSync(process.execPath, [__filename, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 26 });
  return JSON.parse(out) as T;
}

/** Runs a case `repeat` times (fresh processes) and keeps the fastest run by `time`: the least disturbed by other load. */
function fastest<T>(args: string[], repeat: number, time: (result: T) => number): T {
  const runs = Array.from({ length: repeat }, () => child<T>(args));
  return runs.reduce((best, run) => (time(run) < time(best) ? run : best));
}

const s = (ms: number): string => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${Math.round(ms)} ms`);
const pct = (x: number, digits = 2): string => `${(100 * x).toFixed(digits)}%`;
const num = (x: number, digits = 1): string => x.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

function roundRow(r: RoundCase): string {
  const optimum = r.exactWeight ?? (r.certified ? r.matchingWeight : null);
  let check: string;
  if (r.exactWeight !== null) {
    check = r.exactWeight === r.matchingWeight ? `= complete-graph exact (${s(r.exactMs as number)})` : `${pct((r.exactWeight - r.matchingWeight) / r.exactWeight, 5)} below complete-graph exact`;
  } else check = r.certified ? 'certified optimal (pricing)' : `within ${pct(r.gapBound, 4)} (dual bound)`;
  const ours = r.matchingWeight / 1e6;
  const share = optimum === null ? `≥ ${pct((ours - r.randomScore) / (ours / (1 - r.gapBound) - r.randomScore), 3)}` : pct((ours - r.randomScore) / (optimum / 1e6 - r.randomScore));
  const groups = `${r.pairs}${r.trios ? ` + ${r.trios} trio` : ''}`;
  return `| ${num(r.n, 0)} | ${r.maxGap === 0 ? 'exact' : `≤ ${pct(r.maxGap)}`} | ${r.k} | ${s(r.scoringMs)} | ${s(r.solveMs)} (${r.pricingRounds} pricing) | **${s(r.totalMs)}** (CPU ${s(r.totalCpuMs)}) | ${Math.round(r.peakRssMb)} MB / ${Math.round(r.peakHeapMb)} MB | ${groups} | ${num(r.totalScore)} | ${num(r.randomScore)} | ${check} | ${share} |`;
}

function kernelRow(k: KernelCase): string {
  const flops = k.n * k.n * k.d; // 2 · d · n²/2 for the upper triangle
  const gflops = (ms: number, full = false): string => `${((full ? 2 * flops : flops) / (ms * 1e6)).toFixed(2)} GFLOP/s`;
  const ml = k.mlMatrixMs === null ? '—' : `${s(k.mlMatrixMs)} (${gflops(k.mlMatrixMs, true)})`;
  return `| ${num(k.n, 0)} | ${k.d} | ${ml} | ${s(k.blockedDenseMs)} (${gflops(k.blockedDenseMs)}) | ${s(k.sparseMs)} |`;
}

function tablesRow(t: TablesCase): string {
  const sizes = Object.entries(t.sizes).sort((a, b) => Number(b[0]) - Number(a[0])).map(([size, count]) => `${count} × ${size}`).join(' + ');
  const share = (t.totalScore - t.randomScore) / (t.upperBound - t.randomScore);
  return `| ${num(t.n, 0)} | ${t.tableSize} | ${t.k} | ${s(t.scoringMs)} | ${s(t.planMs)} (${t.searchPasses} passes) | **${s(t.totalMs)}** (CPU ${s(t.totalCpuMs)}) | ${Math.round(t.peakRssMb)} MB / ${Math.round(t.peakHeapMb)} MB | ${sizes}${t.byes ? `, ${t.byes} sit out` : ''} | ${num(t.totalScore)} | ${num(t.upperBound)} | ${pct(t.gap, 1)} | ${num(t.randomScore)} | ≥ ${pct(share, 1)} |`;
}

function exactRow(e: TablesExactCase): string {
  const mean = (f: (r: TablesExactCase['results'][number]) => number): number => e.results.reduce((acc, r) => acc + f(r), 0) / e.results.length;
  const worst = Math.min(...e.results.map((r) => r.plan / r.optimum));
  const optimal = e.results.filter((r) => Math.abs(r.plan - r.optimum) < 1e-6).length;
  return `| ${e.n} | ${e.tableSize} | ${e.instances} | ${pct(mean((r) => r.plan / r.optimum), 2)} (worst ${pct(worst, 2)}) | ${optimal} of ${e.instances} | ${pct(mean((r) => (r.bound - r.plan) / r.bound), 1)} | ${pct(mean((r) => (r.bound - r.optimum) / r.bound), 1)} |`;
}

function tablesSection(tables: readonly TablesCase[], exact: readonly TablesExactCase[] = []): string[] {
  return [
    '### Topic tables (one round, `tableSize`)',
    '',
    'Total = the sum of the pair scores inside every table. Bound = the Lagrangian bound (`libs/matching/src/tables.ts`): no seating of these people at tables of k or k − 1 can total more, so the plan is at most `gap` below the optimum. Random = a seeded random seating at the same table sizes; "share of gain over random" = (total − random) / (bound − random), a lower bound on the share of the possible gain the plan reaches.',
    '',
    '| n | table size | k | scoring | plan (search) | total | peak RSS / heap | tables | total score | bound | gap ≤ | random seating | share of gain over random |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|---|',
    ...tables.map(tablesRow),
    '',
    ...(exact.length === 0
      ? []
      : [
          'Where the optimum can be computed (every split of n people into tables, brute force, 10 seeded conferences each), the plan against it: most of the reported gap is the bound, not the plan.',
          '',
          '| n | table size | instances | plan / optimum (mean) | plan optimal | reported gap (mean) | bound above the optimum (mean) |',
          '|---|---|---|---|---|---|---|',
          ...exact.map(exactRow),
          '',
        ]),
  ];
}

/** The free-text sections (issue 15): synthetic texts at scale, and the arXiv corpus. */
function textSections(repeat: number): string[] {
  const texts = [2000, 10000].map((n) => fastest<TextCase>(['--case', 'text', '--n', String(n)], repeat, (t) => t.scoringMs));
  const corpus = child<CorpusCase>(['--case', 'corpus', '--n', '0']);
  return [
    '### Free text: scoring with texts of ~1,500 characters',
    '',
    `Instances: \`withSyntheticTexts(generateConference(n, '${'pairwise-bench-1'}'), …, { length: 1500 })\` — each attendee's text speaks of their interests with a vocabulary of thousands of words; default share 0.5, SVD rank cap 64. "Scoring" is \`createRoundPlanner\`: text analysis, TF-IDF, randomized SVD, the block kernel and top-k; the tags-only column scores the same people with \`weights.text = 0\`.`,
    '',
    '| n | mean text | scoring with text | (CPU) | scoring, tags only | solve | rank | explained variance | vocabulary | peak RSS / heap | certified |',
    '|---|---|---|---|---|---|---|---|---|---|---|',
    ...texts.map((t) => `| ${num(t.n, 0)} | ${Math.round(t.meanChars)} chars | **${s(t.scoringMs)}** | ${s(t.scoringCpuMs)} | ${s(t.tagsOnlyScoringMs)} | ${s(t.solveMs)} | ${t.rank} | ${pct(t.explainedVariance, 1)} | ${num(t.vocabulary, 0)} | ${Math.round(t.peakRssMb)} MB / ${Math.round(t.heapMb)} MB | ${t.certified} |`),
    '',
    `### Free text on real abstracts: ${corpus.papers} arXiv papers (bench/data/arxiv-0704, CC0)`,
    '',
    `Each paper is an attendee whose text is its title and abstract, and whose interests are its arXiv categories. One round each way (policy bye), judged by the same text model (rank ${corpus.rank}, ${pct(corpus.explainedVariance, 1)} of the variance, ${num(corpus.vocabulary, 0)} terms): the mean text affinity (cosine in the LSA space) of the pairs, and how often a pair shares its primary category (e.g. hep-ph) or its archive (e.g. astro-ph, math). ${s(corpus.ms)} for the whole case.`,
    '',
    '| matching | pairs | mean text affinity | same primary category | same archive |',
    '|---|---|---|---|---|',
    ...corpus.matchings.map((m) => `| ${m.label} | ${m.pairs} | ${m.meanAffinity.toFixed(3)} | ${pct(m.samePrimary, 1)} | ${pct(m.sameArchive, 1)} |`),
    '',
    'Ten pairs of the text matching, drawn at random, with the terms "why you two" shows:',
    '',
    '| paper A | paper B | affinity | shared terms |',
    '|---|---|---|---|',
    ...corpus.samples.map((x) => `| ${x.a} ${corpusTitle(x.a).replace(/\|/g, '/')} (${corpusCategories(x.a)}) | ${x.b} ${corpusTitle(x.b).replace(/\|/g, '/')} (${corpusCategories(x.b)}) | ${x.affinity.toFixed(2)} | ${x.terms.join(', ')} |`),
    '',
  ];
}

function main(): void {
  const kind = argument('--case');
  if (kind !== undefined) {
    runCase(kind);
    return;
  }
  if (process.argv.includes('--tables-only')) {
    // Only the table cases (e.g. while tuning the table planner): `node dist/bench/matching/run.js --tables-only`.
    const repeat = Number(argument('--repeat') ?? '1');
    const loadBefore = os.loadavg()[0] as number;
    const tables = TABLE_CASES.map(([n, size]) => fastest<TablesCase>(['--case', 'tables', '--n', String(n), '--table-size', String(size)], repeat, (t) => t.totalMs));
    const exact = EXACT_TABLE_CASES.map(([n, size]) => child<TablesExactCase>(['--case', 'tables-exact', '--n', String(n), '--table-size', String(size)]));
    process.stdout.write([`Load average (1 min) ${loadBefore.toFixed(1)} before, ${(os.loadavg()[0] as number).toFixed(1)} after; fastest of ${repeat}.`, '', ...tablesSection(tables, exact)].join('\n'));
    return;
  }
  if (process.argv.includes('--text')) {
    const repeat = Number(argument('--repeat') ?? '1');
    const loadBefore = os.loadavg()[0] as number;
    const lines = textSections(repeat);
    process.stdout.write([`Command: \`npm run bench:matching -- --text\` (the free-text sections only; the fastest of ${repeat} run${repeat > 1 ? 's' : ''} per case). Load average (1 min) ${loadBefore.toFixed(1)} before, ${(os.loadavg()[0] as number).toFixed(1)} after.`, '', ...lines].join('\n'));
    return;
  }
  const quick = process.argv.includes('--quick');
  const repeat = Number(argument('--repeat') ?? (quick ? '1' : '3'));
  const loadBefore = os.loadavg()[0] as number;
  const sizes = quick ? [500, 2000] : SIZES;
  const roundTime = (r: RoundCase): number => r.totalMs;
  const rounds: RoundCase[] = sizes.map((n) => fastest<RoundCase>(['--case', 'round', '--n', String(n)], repeat, roundTime));
  if (!quick) rounds.push(fastest<RoundCase>(['--case', 'round', '--n', '10000', '--gap', '0.0001'], repeat, roundTime));
  const kernels = (quick ? [500, 2000] : [500, 2000, 10000]).map((n) => fastest<KernelCase>(['--case', 'kernel', '--n', String(n)], repeat, (k) => k.sparseMs));
  const six = fastest<RoundsCase>(['--case', 'rounds', '--n', '2000'], repeat, (r) => r.totalMs);
  const fair = fastest<FairnessCase>(['--case', 'fairness', '--n', '2000'], repeat, (f) => f.fairMs);
  const tables = (quick ? TABLE_CASES.filter(([n]) => n <= 2000) : TABLE_CASES).map(([n, size]) =>
    fastest<TablesCase>(['--case', 'tables', '--n', String(n), '--table-size', String(size)], repeat, (t) => t.totalMs),
  );
  const loadAfter = os.loadavg()[0] as number;

  const cpu = os.cpus();
  const lines = [
    '## Matching (`npm run bench:matching`)',
    '',
    `Machine: ${cpu.length} × ${cpu[0]?.model ?? 'unknown CPU'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB RAM, Node ${process.version}, ${os.platform()} — ${new Date().toISOString().slice(0, 10)}.`,
    `Command: \`npm run bench:matching\` (build, then \`node dist/bench/matching/run.js\`). Instances: \`generateConference(n, '${'pairwise-bench-1'}')\`; each case in its own process, after one warm-up round at n = 300; the fastest of ${repeat} run${repeat > 1 ? 's' : ''} per case. Load average (1 min) ${loadBefore.toFixed(1)} before, ${loadAfter.toFixed(1)} after (other sessions share the 2 cores).`,
    '',
    '### One round',
    '',
    '| n | target | k | scoring | solve | total | peak RSS / heap | pairs | total score | random pairing | optimum check | share of gain over random |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|',
    ...rounds.map(roundRow),
    '',
    '### Scoring kernel: the n × n × d product',
    '',
    '| n | d | ml-matrix `mmul` (full n × n) | dense 4×4 register-blocked, upper triangle | library: sparse block kernel + top-k (encoding included) |',
    '|---|---|---|---|---|',
    ...kernels.map(kernelRow),
    '',
    `### ${six.rounds.length} consecutive rounds at n = ${num(six.n, 0)} (policy bye, no pair twice)`,
    '',
    '| round | time | total score | vs round 1 | worst pair | exact |',
    '|---|---|---|---|---|---|',
    `| scoring (once) | ${s(six.scoringMs)} | | | | |`,
    ...six.rounds.map((r, i) => `| ${i + 1} | ${s(r.ms)} (CPU ${s(r.cpuMs)}) | ${num(r.totalScore)} | ${pct(r.totalScore / (six.rounds[0]?.totalScore ?? 1), 1)} | ${r.minScore === null ? '—' : r.minScore.toFixed(3)} | ${r.certified ? `certified (${r.pricingRounds} pricing)` : 'bound'} |`),
    `| **all ${six.rounds.length}** | **${s(six.totalMs)}** (CPU ${s(six.totalCpuMs)}) | | | | repeated pairs: ${six.repeatedPairs} |`,
    '',
    `\`planRounds\` for the same ${six.rounds.length} rounds in one call: ${s(six.planRoundsMs)}.`,
    '',
    `### Fairness (maxmin) at n = ${num(fair.n, 0)}`,
    '',
    '| | worst pair | 10th percentile attendee | total score | time |',
    '|---|---|---|---|---|',
    `| plain (max total) | ${fair.minBefore?.toFixed(3)} | ${fair.p10Before.toFixed(3)} | ${num(fair.totalBefore, 2)} | ${s(fair.plainMs)} |`,
    `| maxmin (floor ${fair.floor?.toFixed(3)}) | ${fair.minAfter?.toFixed(3)} | ${fair.p10After.toFixed(3)} | ${num(fair.totalAfter, 2)} (−${pct(fair.cost / fair.totalBefore, 3)}) | ${s(fair.fairMs)} |`,
    '',
    ...tablesSection(tables, EXACT_TABLE_CASES.map(([n, size]) => child<TablesExactCase>(['--case', 'tables-exact', '--n', String(n), '--table-size', String(size)]))),
    ...textSections(repeat),
  ];
  process.stdout.write(lines.join('\n'));
}

main();
