import fc from 'fast-check';
import { EigenvalueDecomposition, Matrix } from 'ml-matrix';
import { topKCandidates } from '../candidates';
import { planRound } from '../plan-round';
import type { Profile } from '../profile';
import { buildScoringModel, edgeScore, scoreBounds, scoreBreakdown } from '../score';
import { createScorer, scoreAllPairs } from '../scorer';
import { generateConference } from '../synthetic';
import { randomizedSvd, type CsrMatrix } from './svd';
import { withSyntheticTexts } from './synthetic-text';
import { buildTextModel, sharedTerms, textAffinity } from './text-model';
import { detectLanguage, TextAnalyser } from './tokenize';

const mk = (id: string, over: Partial<Profile> = {}): Profile => ({
  id, stack: [], interests: [], lookingFor: [], canOffer: [], languages: [], ...over,
});

/** Texts on three topics, two people per topic, plus a few bystanders so idf means something. */
const TOPIC_TEXTS: Record<string, string> = {
  ret1: 'I build retrieval evaluation pipelines: we measure how well retrieval feeds generation, with relevance judgements and evaluation metrics for search.',
  ret2: 'Working on evaluation of retrieval for RAG systems; our retrieval benchmarks compare rankers with human relevance evaluation.',
  spe1: 'Fine-tuning small speech models for on-device transcription; quantization keeps the speech recogniser fast on phones.',
  spe2: 'We compress speech recognition models with quantization so that transcription runs on-device, offline.',
  rob1: 'Robot grasping with reinforcement learning in simulation, then transfer of the grasping policy to real robot arms.',
  rob2: 'Sim-to-real transfer for robot arms: reinforcement learning policies for grasping and manipulation.',
  by1: 'Growing developer communities and organising meetups about open source.',
  by2: 'Payments infrastructure, ledgers and fraud detection for online shops.',
};
const topicPeople = (): Profile[] => Object.entries(TOPIC_TEXTS).map(([id, text]) => mk(id, { text }));

describe('text analysis', () => {
  it('drops stop words, stems English words and keeps technical terms', () => {
    const a = new TextAnalyser().analyse('We are Evaluating the retrieval of RAG systems, and evaluations of retrievers.');
    expect(a.language).toBe('en');
    expect(a.words).not.toContain('the');
    expect(a.words).not.toContain('we');
    const stemOf = (w: string) => a.stems[a.words.indexOf(w)];
    expect(stemOf('evaluating')).toBe(stemOf('evaluations'));
    expect(stemOf('retrieval')).toBeDefined();
    expect(a.words).toContain('rag');
  });

  it('reads French: elisions removed, French stop words dropped, French stems', () => {
    const a = new TextAnalyser().analyse("J'évalue la recherche d'information et l'évaluation des modèles de langue pour les entreprises.");
    expect(a.language).toBe('fr');
    expect(a.words).toEqual(expect.arrayContaining(['évalue', 'recherche', 'information', 'évaluation', 'modèles', 'langue']));
    for (const stop of ['la', 'et', 'des', 'de', 'les', 'pour', 'l', 'j', 'd']) expect(a.words).not.toContain(stop);
    expect(a.stems[a.words.indexOf('modèles')]).toBe(new TextAnalyser().analyse('le modèle').stems[0]);
  });

  it('detects the language by its stop words, English by default', () => {
    expect(detectLanguage(['le', 'modèle', 'de', 'la', 'langue'])).toBe('fr');
    expect(detectLanguage(['the', 'model', 'of', 'language'])).toBe('en');
    expect(detectLanguage(['llm', 'rag'])).toBe('en');
  });

  it('ignores numbers, single characters and punctuation, and survives odd input', () => {
    const a = new TextAnalyser().analyse('2024 — a b c ... ### \u0000 GPT-4o, x86!');
    expect(a.words).toEqual(['gpt', '4o', 'x86']);
    expect(new TextAnalyser().analyse('').words).toEqual([]);
  });
});

describe('randomized SVD', () => {
  it('finds the leading singular values of a sparse matrix as an exact eigen-decomposition does', () => {
    // A 60 × 40 sparse matrix with a clear spectrum.
    const rows = 60;
    const cols = 40;
    const dense = Matrix.zeros(rows, cols);
    let state = 7;
    const rand = () => ((state = (state * 1103515245 + 12345) % 2147483648) / 2147483648);
    // Three blocks of distinct strength (a well-separated top of the spectrum) plus sparse noise.
    for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) {
      if (r % 3 === c % 3) dense.set(r, c, 1 + (r % 3) * 0.7);
      else if (rand() < 0.2) dense.set(r, c, 0.3 * rand());
    }
    const ptr = [0];
    const idx: number[] = [];
    const val: number[] = [];
    for (let r = 0; r < rows; r++) {
      for (let c = 0; c < cols; c++) if (dense.get(r, c) !== 0) { idx.push(c); val.push(dense.get(r, c)); }
      ptr.push(idx.length);
    }
    const csr: CsrMatrix = { rows, cols, ptr: Int32Array.from(ptr), idx: Int32Array.from(idx), val: Float64Array.from(val) };
    const exact = new EigenvalueDecomposition(dense.transpose().mmul(dense), { assumeSymmetric: true }).realEigenvalues.sort((a, b) => b - a).map(Math.sqrt);
    const svd = randomizedSvd(csr, { rank: 5, seed: 3, powerIterations: 2 });
    const error = (i: number) => Math.abs((svd.singularValues[i] as number) - (exact[i] as number)) / (exact[i] as number);
    // The three structured directions converge fast; the 4th and 5th sit in the noise bulk, where a
    // randomized range finder is only as good as the gap (Halko et al., §10).
    for (let i = 0; i < 3; i++) expect(error(i)).toBeLessThan(1e-8);
    for (let i = 3; i < 5; i++) expect(error(i)).toBeLessThan(1e-2);
    // Row coordinates U Σ: their squared norms add up to Σσ².
    let energy = 0;
    for (const x of svd.rowCoordinates.data) energy += x * x;
    expect(energy).toBeCloseTo(svd.singularValues.reduce((s, x) => s + x * x, 0), 6);
    expect(svd.totalEnergy).toBeCloseTo(dense.to1DArray().reduce((s, x) => s + x * x, 0), 9);
  });
});

describe('text model', () => {
  it('brings together people who write about the same thing', () => {
    const people = topicPeople();
    const model = buildScoringModel(people);
    const at = (id: string) => model.index.get(id) as number;
    const text = model.text!;
    expect(text).not.toBeNull();
    for (const [x, y] of [['ret1', 'ret2'], ['spe1', 'spe2'], ['rob1', 'rob2']] as const) {
      const same = textAffinity(text, at(x), at(y));
      for (const other of ['ret1', 'spe1', 'rob1', 'by1', 'by2'].filter((o) => o !== x)) {
        expect(same).toBeGreaterThan(textAffinity(text, at(x), at(other)));
      }
    }
    expect(sharedTerms(text, at('ret1'), at('ret2'))).toEqual(expect.arrayContaining(['retrieval', 'evaluation']));
    // A text-only event pairs the topics.
    const plan = planRound({ profiles: people, seed: 1 });
    const tables = plan.meetings.map((m) => m.members.join('+'));
    expect(tables).toEqual(expect.arrayContaining(['ret1+ret2', 'spe1+spe2', 'rob1+rob2']));
    const ret = plan.meetings.find((m) => m.members[0] === 'ret1')!;
    expect(ret.edges[0]!.explanation.sharedTerms).toEqual(expect.arrayContaining(['retrieval']));
    expect(ret.sentence).toMatch(/both work on .*retrieval/);
    expect(plan.stats.text).toEqual(text.stats);
    expect(plan.stats.text!.rank).toBeGreaterThan(0);
    // The two bystanders use no term anybody else uses: their texts keep nothing.
    expect(plan.stats.text!.people).toBe(6);
  });

  it('states the rank it chose, how much it explains, and honours the cap and the target', () => {
    const people = withSyntheticTexts(generateConference(150, 'rank'), 'rank', { length: 400 });
    const capped = buildTextModel(people, { maxRank: 5 }).stats;
    expect(capped.rank).toBe(5);
    expect(capped.explainedVariance).toBeGreaterThan(0);
    expect(capped.explainedVariance).toBeLessThan(0.8);
    const loose = buildTextModel(people, { maxRank: 100, varianceTarget: 0.1 }).stats;
    expect(loose.explainedVariance).toBeGreaterThanOrEqual(0.1);
    expect(loose.rank).toBeLessThan(100);
    // One fewer dimension would not reach the target.
    const fewer = buildTextModel(people, { maxRank: loose.rank - 1 }).stats;
    expect(fewer.explainedVariance).toBeLessThan(0.1);
    expect(loose.people).toBe(150);
    expect(loose.vocabulary).toBeGreaterThan(100);
  });

  it('gives people without a text zero affinity and keeps their tag scores', () => {
    const people = [...topicPeople(), mk('silent', { interests: ['rag'] }), mk('tagged', { interests: ['rag'] })];
    const model = buildScoringModel(people);
    const at = (id: string) => model.index.get(id) as number;
    expect(textAffinity(model.text!, at('silent'), at('ret1'))).toBe(0);
    // Texts in the round: the tag terms keep 1 − s of their weight (s = 0.5 by default).
    const tagsOnly = buildScoringModel(people, { rules: { weights: { text: 0 } } });
    expect(tagsOnly.text).toBeNull();
    expect(edgeScore(model, at('silent'), at('tagged'))).toBeCloseTo(0.5 * edgeScore(tagsOnly, at('silent'), at('tagged')), 12);
    const allText = buildScoringModel(people, { rules: { weights: { text: 1 } } });
    expect(edgeScore(allText, at('silent'), at('tagged'))).toBe(0);
  });

  it('rejects bad options and bad text fields by name', () => {
    expect(() => buildTextModel(topicPeople(), { maxRank: 0 })).toThrow(/text.maxRank/);
    expect(() => buildTextModel(topicPeople(), { varianceTarget: 1.5 })).toThrow(/text.varianceTarget/);
    expect(() => buildScoringModel([mk('a', { text: 3 as unknown as string })])).toThrow(/profiles\[0\].text/);
    expect(() => buildScoringModel([mk('a', { abstracts: ['ok', 4 as unknown as string] })])).toThrow(/profiles\[0\].abstracts\[1\]/);
    expect(() => buildScoringModel(topicPeople(), { rules: { weights: { text: -1 } } })).toThrow(/weights.text/);
    expect(() => buildScoringModel(topicPeople(), { rules: { weights: { text: 1.5 } } })).toThrow(/weights.text/);
  });

  it('reads abstracts with the text', () => {
    const people = [...topicPeople(), mk('abs', { abstracts: ['Benchmarks for retrieval evaluation.', 'Relevance judgements for search evaluation.'] })];
    const model = buildScoringModel(people);
    const at = (id: string) => model.index.get(id) as number;
    expect(textAffinity(model.text!, at('abs'), at('ret2'))).toBeGreaterThan(textAffinity(model.text!, at('abs'), at('spe2')));
  });
});

describe('text scoring properties', () => {
  const population = fc.record({ n: fc.integer({ min: 4, max: 40 }), seed: fc.string({ maxLength: 6 }), share: fc.double({ min: 0.3, max: 1, noNaN: true }), weight: fc.double({ min: 0.05, max: 1, noNaN: true }) });
  const build = ({ n, seed, share }: { n: number; seed: string; share: number }) => withSyntheticTexts(generateConference(n, seed), seed, { length: 300, share });

  it('is symmetric and bounded, and the kernel equals edgeScore bit for bit', () => {
    fc.assert(fc.property(population, (p) => {
      const people = build(p);
      const model = buildScoringModel(people, { rules: { weights: { text: p.weight } } });
      const bounds = scoreBounds(model);
      const { edges } = scoreAllPairs(people, { rules: { weights: { text: p.weight } } });
      const inputIndex = new Map(people.map((x, i) => [x.id, i]));
      for (const [u, v, w] of edges) {
        const i = model.index.get(people[u]!.id) as number;
        const j = model.index.get(people[v]!.id) as number;
        const s = edgeScore(model, i, j);
        expect(edgeScore(model, j, i)).toBe(s);
        expect(Math.round(s * 1e6)).toBe(w);
        expect(s).toBeGreaterThanOrEqual(bounds.min - 1e-9);
        expect(s).toBeLessThanOrEqual(bounds.max + 1e-9);
        expect(scoreBreakdown(model, i, j).total).toBeCloseTo(s, 9);
        expect(inputIndex.size).toBe(people.length);
      }
      const lists = topKCandidates(model, 3);
      for (let v = 0; v < model.n; v++) {
        for (let q = lists.ptr[v] as number; q < (lists.ptr[v + 1] as number); q++) {
          expect(lists.scores[q]).toBe(edgeScore(model, v, lists.neighbors[q] as number));
        }
      }
    }), { numRuns: 25 });
  });

  it('does not depend on the order of the profiles, and is deterministic', () => {
    fc.assert(fc.property(population, fc.integer(), (p, salt) => {
      const people = build(p);
      const shuffled = [...people].sort((x, y) => ((x.id.charCodeAt(x.id.length - 1) * (salt | 1)) % 7) - ((y.id.charCodeAt(y.id.length - 1) * (salt | 1)) % 7)).reverse();
      const a = createScorer(people);
      const b = createScorer(shuffled);
      const c = createScorer(people);
      for (const x of a.ids) for (const y of a.ids) {
        if (x === y) continue;
        expect(b.score(x, y)).toBe(a.score(x, y));
        expect(c.score(x, y)).toBe(a.score(x, y));
        expect(b.explain(x, y).sharedTerms).toEqual(a.explain(x, y).sharedTerms);
      }
    }), { numRuns: 15 });
  });

  it('text share 0 gives exactly the scores and plans of the same people without texts', () => {
    fc.assert(fc.property(population, (p) => {
      const people = build(p);
      const bare = people.map(({ text: _text, abstracts: _abstracts, ...rest }) => rest);
      expect(scoreAllPairs(people, { rules: { weights: { text: 0 } } })).toEqual(scoreAllPairs(bare));
      const withTexts = planRound({ profiles: people, rules: { weights: { text: 0 } }, seed: p.seed });
      const without = planRound({ profiles: bare, seed: p.seed });
      expect(withTexts.meetings.map((m) => [m.members, m.score])).toEqual(without.meetings.map((m) => [m.members, m.score]));
      expect(withTexts.stats.totalScore).toBe(without.stats.totalScore);
      expect(withTexts.stats.text).toBeNull();
    }), { numRuns: 15 });
  });
});
