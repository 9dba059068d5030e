/**
 * The free-text cases of `npm run bench:matching` (issue 15):
 * - `textCase(n)`: one round at n attendees whose texts are ~1,500 characters (seeded synthetic
 *   texts: `withSyntheticTexts`), scoring and solving timed apart, peak memory, the SVD's rank and
 *   explained variance;
 * - `corpusCase()`: 966 real arXiv abstracts (bench/data/arxiv-0704, CC0), matched on text only,
 *   on tags only (each paper's arXiv categories as its interests) and at random: the mean text
 *   affinity of the pairs each gives, how often a pair shares its primary category or archive, and
 *   10 sample pairs of the text matching with their shared terms.
 */
import { createPrng, createRoundPlanner, createScorer, generateConference, planRound, withSyntheticTexts, type Profile, type RoundPlan } from '@pairwise/matching';
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { BENCH_SEED, timed } from './cases';

export interface TextCase {
  n: number;
  meanChars: number;
  scoringMs: number;
  scoringCpuMs: number;
  tagsOnlyScoringMs: number;
  solveMs: number;
  peakRssMb: number;
  heapMb: number;
  rank: number;
  explainedVariance: number;
  vocabulary: number;
  certified: boolean;
}

/** One round at n with ~1,500-character texts (share 0.5), against the same round scored on tags only. */
export function textCase(n: number): TextCase {
  const profiles = withSyntheticTexts(generateConference(n, BENCH_SEED), BENCH_SEED, { length: 1500 });
  const tagsOnly = timed(() => createRoundPlanner({ profiles, seed: 1, rules: { weights: { text: 0 } } }));
  const scoring = timed(() => createRoundPlanner({ profiles, seed: 1 }));
  const heap = process.memoryUsage().heapUsed;
  const solve = timed(() => scoring.value.plan());
  const plan: RoundPlan = solve.value;
  const text = plan.stats.text;
  if (text === null) throw new Error('the round scored no text');
  return {
    n,
    meanChars: profiles.reduce((s, p) => s + (p.text?.length ?? 0), 0) / n,
    scoringMs: scoring.ms,
    scoringCpuMs: scoring.cpuMs,
    tagsOnlyScoringMs: tagsOnly.ms,
    solveMs: solve.ms,
    peakRssMb: (process.resourceUsage().maxRSS * 1024) / 1e6,
    heapMb: heap / 1e6,
    rank: text.rank,
    explainedVariance: text.explainedVariance,
    vocabulary: text.vocabulary,
    certified: plan.stats.optimality.certified,
  };
}

interface Paper {
  id: string;
  title: string;
  categories: string[];
  abstract: string;
}

export interface CorpusMatching {
  label: string;
  pairs: number;
  meanAffinity: number;
  samePrimary: number;
  sameArchive: number;
}

export interface CorpusCase {
  papers: number;
  rank: number;
  explainedVariance: number;
  vocabulary: number;
  matchings: CorpusMatching[];
  samples: { a: string; b: string; affinity: number; terms: string[] }[];
  ms: number;
}

function readCorpus(): Paper[] {
  // Resolved from the sources (dist/bench/matching → bench/data), so the built bench reads the committed file.
  const candidates = [path.join(__dirname, '../data/arxiv-0704/abstracts.json'), path.join(__dirname, '../../../bench/data/arxiv-0704/abstracts.json')];
  const file = candidates.find((f) => fs.existsSync(f));
  if (file === undefined) throw new Error('bench/data/arxiv-0704/abstracts.json not found');
  return JSON.parse(fs.readFileSync(file, 'utf8')) as Paper[];
}

const archive = (category: string): string => category.split('.')[0] as string;

/** Text-only, tag-only (categories as interests) and random matchings of the arXiv papers, judged by text affinity and categories. */
export function corpusCase(): CorpusCase {
  const start = performance.now();
  const papers = readCorpus();
  const byId = new Map(papers.map((p) => [p.id, p]));
  const profiles: Profile[] = papers.map((p) => ({
    id: p.id,
    name: p.title,
    text: `${p.title}. ${p.abstract}`,
    interests: p.categories,
    stack: [],
    lookingFor: [],
    canOffer: [],
    languages: [],
  }));
  // The judge: text affinity alone (share 1), the same model for every matching.
  const judge = createScorer(profiles, { rules: { weights: { text: 1 } } });
  const textPlan = planRound({ profiles, seed: 1, policy: 'bye', rules: { weights: { text: 1 } } });
  const tagPlan = planRound({ profiles, seed: 1, policy: 'bye', rules: { weights: { text: 0 } } });
  const ids = createPrng(BENCH_SEED).shuffle(papers.map((p) => p.id));
  const randomPairs: [string, string][] = [];
  for (let i = 0; i + 1 < ids.length; i += 2) randomPairs.push([ids[i] as string, ids[i + 1] as string]);
  const pairsOf = (plan: RoundPlan): [string, string][] => plan.meetings.map((m) => [m.members[0] as string, m.members[1] as string]);
  const judgeMatching = (label: string, pairs: [string, string][]): CorpusMatching => {
    let affinity = 0;
    let primary = 0;
    let archives = 0;
    for (const [a, b] of pairs) {
      affinity += judge.breakdown(a, b).text;
      const pa = byId.get(a)!.categories;
      const pb = byId.get(b)!.categories;
      if (pa[0] === pb[0]) primary++;
      if (archive(pa[0] as string) === archive(pb[0] as string)) archives++;
    }
    return { label, pairs: pairs.length, meanAffinity: affinity / pairs.length, samePrimary: primary / pairs.length, sameArchive: archives / pairs.length };
  };
  const textPairs = pairsOf(textPlan);
  const sampler = createPrng(`${BENCH_SEED}-samples`);
  const samples = sampler.shuffle([...textPairs]).slice(0, 10).map(([a, b]) => ({
    a,
    b,
    affinity: judge.breakdown(a, b).text,
    terms: [...(judge.explain(a, b).sharedTerms ?? [])],
  }));
  const stats = textPlan.stats.text!;
  return {
    papers: papers.length,
    rank: stats.rank,
    explainedVariance: stats.explainedVariance,
    vocabulary: stats.vocabulary,
    matchings: [judgeMatching('text only (share 1)', textPairs), judgeMatching('tags only (categories as interests)', pairsOf(tagPlan)), judgeMatching('random pairing', randomPairs)],
    samples,
    ms: performance.now() - start,
  };
}

/** The paper a corpus id names, for the sample table. */
export function corpusTitle(id: string): string {
  return readCorpus().find((p) => p.id === id)?.title ?? id;
}

export function corpusCategories(id: string): string {
  return readCorpus().find((p) => p.id === id)?.categories.join(' ') ?? '';
}
