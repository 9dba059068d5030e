import type { DenseDims, SparseRows, TagEncoding } from '../encode';
import { MatchingInputError } from '../errors';
import { hashSeed, type Seed } from '../prng';
import type { Profile } from '../profile';
import { randomizedSvd, type CsrMatrix } from './svd';
import { TextAnalyser, type TextLanguage } from './tokenize';

/** How free text becomes vectors (see {@link buildTextModel}). */
export interface TextOptions {
  /** Largest rank of the latent space; default {@link DEFAULT_MAX_RANK}. Bounds the scoring cost (one dimension per rank). */
  readonly maxRank?: number;
  /** Share of the TF-IDF matrix's energy the rank must explain, in (0, 1]; default {@link DEFAULT_VARIANCE_TARGET}. */
  readonly varianceTarget?: number;
  /** Seed of the randomized SVD; default 0. Same texts and seed, same vectors. */
  readonly seed?: Seed;
}

/** What the text analysis found, for a round's statistics. */
export interface TextStats {
  /** Attendees whose text (or abstracts) kept at least one term. */
  readonly people: number;
  /** Per detected language, the attendees whose text reads as it. */
  readonly languages: Readonly<Record<TextLanguage, number>>;
  /** Distinct terms (stems) used by at least two attendees: the columns of the TF-IDF matrix. */
  readonly vocabulary: number;
  /** Rank of the latent space: the smallest that explains `varianceTarget`, at most `maxRank`. */
  readonly rank: number;
  /** Share of the TF-IDF matrix's energy (squared Frobenius norm) that the rank explains, in [0, 1]. */
  readonly explainedVariance: number;
  readonly varianceTarget: number;
  readonly maxRank: number;
  /** The text's share s of the similarity part of the score (set by the scorer; 0 here). */
  readonly share: number;
}

/**
 * Free text as the scorer sees it: one unit vector of dimension `rank` per
 * attendee (zero when they wrote nothing usable), so the text affinity of two
 * attendees is the cosine of their texts in the latent semantic space, in
 * [−1, 1] (in practice ≥ 0 for texts on related topics, near 0 for unrelated
 * ones). Internal to the library.
 */
export interface TextModel {
  readonly stats: TextStats;
  readonly rank: number;
  /** n × rank, row-major, rows in the scoring model's order (sorted by id). */
  readonly vectors: Float64Array;
  /** The TF-IDF rows (unit length; columns ascending) that shared terms are read from. */
  readonly tfidf: CsrMatrix;
  /** Stem of each TF-IDF column. */
  readonly terms: readonly string[];
  /** Per entry of `tfidf`, the word that attendee's own text used most for that term (never another person's word). */
  readonly surfaceOf: readonly string[];
}

/**
 * The text's share of the similarity part of the score when texts are present and the rules leave
 * `weights.text` null: half tags, half text. (`pairwise plan --text-weight`, the event's text weight.)
 */
export const DEFAULT_TEXT_SHARE = 0.5;

/** Default cap on the rank: 64 dimensions — LSA spaces are usually 50–300; each dimension costs one multiply-add per pair scored, and 64 keeps n = 10,000 within the scoring budget (docs/benchmarks.md). */
export const DEFAULT_MAX_RANK = 64;
/** Default share of the energy the rank should explain: high, so that a small event keeps every topic its texts cover (a large one stops at the rank cap first). */
export const DEFAULT_VARIANCE_TARGET = 0.8;

/** The texts of a profile: `text` then every abstract. */
function textsOf(p: Profile): string[] {
  return [p.text ?? '', ...(p.abstracts ?? [])].filter((t) => t.trim().length > 0);
}

/** True when at least one profile has a non-blank `text` or abstract. */
export function hasTexts(profiles: readonly Profile[]): boolean {
  return profiles.some((p) => textsOf(p).length > 0);
}

function readOptions(options: TextOptions): { maxRank: number; varianceTarget: number; seed: Seed } {
  const maxRank = options.maxRank ?? DEFAULT_MAX_RANK;
  if (!Number.isInteger(maxRank) || maxRank < 1 || maxRank > 1000) throw new MatchingInputError('text.maxRank', `must be an integer between 1 and 1000, got ${maxRank}`);
  const varianceTarget = options.varianceTarget ?? DEFAULT_VARIANCE_TARGET;
  if (typeof varianceTarget !== 'number' || !(varianceTarget > 0 && varianceTarget <= 1)) {
    throw new MatchingInputError('text.varianceTarget', `must be a number in (0, 1], got ${String(varianceTarget)}`);
  }
  const seed = options.seed ?? 0;
  if (typeof seed !== 'number' && typeof seed !== 'string') throw new MatchingInputError('text.seed', 'must be a number or a string');
  return { maxRank, varianceTarget, seed };
}

/**
 * Builds the {@link TextModel} of `profiles` (already sorted by id):
 *
 * 1. each attendee's document is their `text` and `abstracts` together,
 *    analysed by {@link TextAnalyser} (English/French stop words, Snowball
 *    stems);
 * 2. TF-IDF over the terms that at least two attendees use (a term only one
 *    person uses cannot make two people similar): sublinear term frequency
 *    `1 + ln tf`, smoothed `idf = ln((1 + N) / (1 + df)) + 1` over the N
 *    attendees with a text, rows scaled to unit length — a sparse matrix,
 *    never densified;
 * 3. latent semantic analysis: a randomized truncated SVD
 *    ({@link randomizedSvd}) of that matrix at `maxRank`, then the rank is the
 *    smallest whose singular values explain `varianceTarget` of the energy
 *    (at most `maxRank`: large events stop at the cap, and the statistics
 *    say how much it explains);
 * 4. each attendee's vector is their row of `U Σ` at that rank, scaled to
 *    unit length.
 *
 * Complexity: O(text length + nnz · l · (2q + 2) + (n + vocabulary) · l²)
 * for l = maxRank + 10, q = 1; memory O(nnz + (n + vocabulary) · l).
 * @throws {MatchingInputError} for bad options (`text.maxRank`, `text.varianceTarget`, `text.seed`).
 * @example const text = buildTextModel(sortedProfiles, { maxRank: 50 }); text.stats.rank
 */
export function buildTextModel(profiles: readonly Profile[], options: TextOptions = {}): TextModel {
  const { maxRank, varianceTarget, seed } = readOptions(options);
  const n = profiles.length;
  const analyser = new TextAnalyser();
  const languages: Record<TextLanguage, number> = { en: 0, fr: 0 };
  const stemId = new Map<string, number>();
  const stemNames: string[] = [];
  const df: number[] = [];
  const personStems: number[][] = [];
  const personTf: number[][] = [];
  const personWord: string[][] = [];
  for (const p of profiles) {
    const local = new Map<number, number>();
    const ids: number[] = [];
    const tf: number[] = [];
    const word: string[] = [];
    const wordCount: number[] = [];
    const perLanguage: Record<TextLanguage, number> = { en: 0, fr: 0 };
    for (const text of textsOf(p)) {
      const analysed = analyser.analyse(text);
      analysed.words.forEach((w, x) => {
        const stem = analysed.stems[x] as string;
        const count = analysed.counts[x] as number;
        perLanguage[analysed.language] += count;
        let id = stemId.get(stem);
        if (id === undefined) {
          id = stemNames.length;
          stemId.set(stem, id);
          stemNames.push(stem);
          df.push(0);
        }
        let at = local.get(id);
        if (at === undefined) {
          at = ids.length;
          local.set(id, at);
          ids.push(id);
          tf.push(0);
          word.push(w);
          wordCount.push(0);
        }
        tf[at] = (tf[at] as number) + count;
        if (count > (wordCount[at] as number)) {
          word[at] = w;
          wordCount[at] = count;
        }
      });
    }
    if (ids.length > 0) languages[perLanguage.fr > perLanguage.en ? 'fr' : 'en']++;
    for (const id of ids) df[id] = (df[id] as number) + 1;
    personStems.push(ids);
    personTf.push(tf);
    personWord.push(word);
  }
  const kept = stemNames.map((_, id) => id).filter((id) => (df[id] as number) >= 2);
  kept.sort((a, b) => ((stemNames[a] as string) < (stemNames[b] as string) ? -1 : 1));
  const column = new Int32Array(stemNames.length).fill(-1);
  kept.forEach((id, c) => {
    column[id] = c;
  });
  const terms = kept.map((id) => stemNames[id] as string);
  const documents = personStems.filter((ids) => ids.length > 0).length;
  const idf = Float64Array.from(kept, (id) => Math.log((1 + documents) / (1 + (df[id] as number))) + 1);

  const ptr = new Int32Array(n + 1);
  for (let r = 0; r < n; r++) {
    let size = 0;
    for (const id of personStems[r] as number[]) if ((column[id] as number) >= 0) size++;
    ptr[r + 1] = (ptr[r] as number) + size;
  }
  const idx = new Int32Array(ptr[n] as number);
  const val = new Float64Array(ptr[n] as number);
  const surfaceOf: string[] = new Array<string>(ptr[n] as number);
  for (let r = 0; r < n; r++) {
    const ids = personStems[r] as number[];
    const order = ids.map((_, x) => x).filter((x) => (column[ids[x] as number] as number) >= 0);
    order.sort((x, y) => (column[ids[x] as number] as number) - (column[ids[y] as number] as number));
    const start = ptr[r] as number;
    let norm = 0;
    order.forEach((x, o) => {
      const c = column[ids[x] as number] as number;
      const v = (1 + Math.log(personTf[r]![x] as number)) * (idf[c] as number);
      idx[start + o] = c;
      val[start + o] = v;
      surfaceOf[start + o] = personWord[r]![x] as string;
      norm += v * v;
    });
    norm = Math.sqrt(norm);
    for (let p = start; p < (ptr[r + 1] as number); p++) val[p] = (val[p] as number) / norm;
  }
  const tfidf: CsrMatrix = { rows: n, cols: terms.length, ptr, idx, val };

  const svd = randomizedSvd(tfidf, { rank: maxRank, seed: hashSeed(seed) });
  const sigma = svd.singularValues;
  let rank = 0;
  let explained = 0;
  while (rank < sigma.length && (rank === 0 || explained < varianceTarget * svd.totalEnergy)) {
    explained += (sigma[rank] as number) ** 2;
    rank++;
  }
  const vectors = new Float64Array(n * rank);
  const coords = svd.rowCoordinates;
  for (let r = 0; r < n; r++) {
    let norm = 0;
    for (let c = 0; c < rank; c++) norm += (coords.data[r * coords.cols + c] as number) ** 2;
    if (norm <= 1e-24) continue;
    const inv = 1 / Math.sqrt(norm);
    for (let c = 0; c < rank; c++) vectors[r * rank + c] = (coords.data[r * coords.cols + c] as number) * inv;
  }
  let people = 0;
  for (let r = 0; r < n; r++) if ((ptr[r + 1] as number) > (ptr[r] as number)) people++;
  return {
    stats: {
      people,
      languages,
      vocabulary: terms.length,
      rank,
      explainedVariance: svd.totalEnergy > 0 ? Math.min(1, explained / svd.totalEnergy) : 0,
      varianceTarget,
      maxRank,
      share: 0,
    },
    rank,
    vectors,
    tfidf,
    terms,
    surfaceOf,
  };
}

/**
 * The text affinity of attendees i and j: the cosine of their latent vectors,
 * in [−1, 1]; 0 when either wrote nothing usable.
 *
 * Complexity: O(rank).
 * @throws never.
 * @example textAffinity(model, 0, 1) // 0.62
 */
export function textAffinity(model: TextModel, i: number, j: number): number {
  const k = model.rank;
  let s = 0;
  for (let d = 0; d < k; d++) s += (model.vectors[i * k + d] as number) * (model.vectors[j * k + d] as number);
  return s;
}

/**
 * The key terms two attendees' texts share: the columns both TF-IDF rows
 * use, strongest first by the product of their two weights (ties: term
 * order), at most `max`, each written with the word the first attendee
 * (lower index) used for it — a word of one of the two texts, never a word
 * from anybody else's text.
 *
 * Complexity: O(terms of i + terms of j + shared · log shared).
 * @throws never.
 * @example sharedTerms(model, 0, 1) // ['retrieval', 'evaluation']
 */
export function sharedTerms(model: TextModel, i: number, j: number, max = 3): string[] {
  const { ptr, idx, val } = model.tfidf;
  const lo = Math.min(i, j);
  const hi = Math.max(i, j);
  const found: { at: number; column: number; weight: number }[] = [];
  let p = ptr[lo] as number;
  let q = ptr[hi] as number;
  const pEnd = ptr[lo + 1] as number;
  const qEnd = ptr[hi + 1] as number;
  while (p < pEnd && q < qEnd) {
    const a = idx[p] as number;
    const b = idx[q] as number;
    if (a === b) {
      found.push({ at: p, column: a, weight: (val[p] as number) * (val[q] as number) });
      p++;
      q++;
    } else if (a < b) p++;
    else q++;
  }
  found.sort((x, y) => y.weight - x.weight || x.column - y.column);
  const words: string[] = [];
  for (const { at } of found) {
    if (words.length >= max) break;
    const word = model.surfaceOf[at] as string;
    if (!words.includes(word)) words.push(word);
  }
  return words;
}

/**
 * The tag encoding with the text's `rank` dense dimensions appended after the
 * tag dimensions: `left_i` gains `weight · v_i`, `right_j` gains `v_j`, so
 * `left_i · right_j = tags(i, j) + weight · cos(text_i, text_j)`, summed in
 * dimension order by both the block kernel and `edgeScore` (bit-identical
 * results). Attendees without a text get no extra entries.
 *
 * Complexity: O(nnz of the encoding + n · rank).
 * @throws never.
 * @example const tags = withTextDimensions(encodeTags(profiles, weights), text, 1.2);
 */
export function withTextDimensions(tags: TagEncoding, text: TextModel, weight: number): TagEncoding {
  const n = tags.left.ptr.length - 1;
  const k = text.rank;
  const hasVector = (r: number): boolean => {
    for (let d = 0; d < k; d++) if ((text.vectors[r * k + d] as number) !== 0) return true;
    return false;
  };
  const extend = (rows: SparseRows, scale: number): SparseRows => {
    const ptr = new Int32Array(n + 1);
    for (let r = 0; r < n; r++) ptr[r + 1] = (ptr[r] as number) + ((rows.ptr[r + 1] as number) - (rows.ptr[r] as number)) + (hasVector(r) ? k : 0);
    const idx = new Int32Array(ptr[n] as number);
    const val = new Float64Array(ptr[n] as number);
    for (let r = 0; r < n; r++) {
      let p = ptr[r] as number;
      for (let q = rows.ptr[r] as number; q < (rows.ptr[r + 1] as number); q++, p++) {
        idx[p] = rows.idx[q] as number;
        val[p] = rows.val[q] as number;
      }
      if (!hasVector(r)) continue;
      for (let d = 0; d < k; d++, p++) {
        idx[p] = tags.dims + d;
        val[p] = scale * (text.vectors[r * k + d] as number);
      }
    }
    return { ptr, idx, val };
  };
  const has = Uint8Array.from({ length: n }, (_, r) => (hasVector(r) ? 1 : 0));
  const dense: DenseDims = { from: tags.dims, k, left: text.vectors.map((v) => weight * v), right: text.vectors, has };
  return { ...tags, dims: tags.dims + k, left: extend(tags.left, weight), right: extend(tags.right, 1), dense };
}
