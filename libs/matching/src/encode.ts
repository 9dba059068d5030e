import { Matrix } from 'ml-matrix';
import type { Profile } from './profile';
import { normalizeTag } from './profile';
import type { MatchingWeights } from './weights';

/** A tag vocabulary and how rare each tag is in the round's population. */
export interface TagSection {
  /** Normalised tags, sorted; a tag's position is its index. */
  readonly tags: readonly string[];
  /** Number of people listing each tag. */
  readonly documentFrequency: Int32Array;
  /** idf / max idf, in (0, 1]: 1 for the rarest tags, small for ubiquitous ones. */
  readonly rarity: Float64Array;
  readonly indexOf: ReadonlyMap<string, number>;
}

/** Compressed sparse rows: row r holds `idx/val[ptr[r] .. ptr[r+1])`, `idx` ascending. */
export interface SparseRows {
  readonly ptr: Int32Array;
  readonly idx: Int32Array;
  readonly val: Float64Array;
}

/** One person's tags as indices into the section vocabularies, ascending. */
export interface PersonTags {
  readonly interests: Int32Array;
  readonly lookingFor: Int32Array;
  readonly canOffer: Int32Array;
  readonly stack: Int32Array;
}

/**
 * Dense dimensions appended after the sparse ones (the free-text vectors):
 * dimensions `from … from + k − 1` of `left`/`right` hold, for every person
 * with `has[v] = 1`, the values `left[v·k + d]` / `right[v·k + d]` — the same
 * numbers as the sparse rows, kept dense so the block kernel can run them as
 * a plain dense product.
 */
export interface DenseDims {
  readonly from: number;
  readonly k: number;
  readonly left: Float64Array;
  readonly right: Float64Array;
  readonly has: Uint8Array;
}

/**
 * The tag part of the pair score as a product of two sparse matrices:
 * `score_tags(i, j) = left_i · right_j` for i < j, over four sections of
 * dimensions — interests, "i looks for / j offers", "i offers / j looks for",
 * stack — with the weights folded into `left`.
 */
export interface TagEncoding {
  readonly dims: number;
  readonly left: SparseRows;
  readonly right: SparseRows;
  readonly interests: TagSection;
  readonly goals: TagSection;
  readonly stack: TagSection;
  readonly people: readonly PersonTags[];
  /** The free-text dimensions, when the round has texts (see `text/text-model.ts`). */
  readonly dense?: DenseDims;
}

const CHUNK_ROWS = 512;

function buildVocabulary(lists: readonly (readonly string[])[]): Map<string, number> {
  const all = new Set<string>();
  for (const list of lists) for (const tag of list) all.add(tag);
  const sorted = [...all].sort();
  return new Map(sorted.map((tag, i) => [tag, i]));
}

function toIndices(tags: readonly string[], vocab: ReadonlyMap<string, number>): Int32Array {
  const set = new Set<number>();
  for (const tag of tags) {
    const t = normalizeTag(tag);
    if (t.length > 0) set.add(vocab.get(t) as number);
  }
  return Int32Array.from([...set].sort((a, b) => a - b));
}

/** Incidence matrix (rows = people start..end−1, columns = tags) of index lists. */
function incidence(lists: readonly Int32Array[], start: number, end: number, columns: number): Matrix {
  const m = Matrix.zeros(end - start, columns);
  for (let r = start; r < end; r++) for (const t of lists[r] as Int32Array) m.set(r - start, t, 1);
  return m;
}

/**
 * Document frequency and idf-based rarity of each tag, from the incidence
 * matrix built chunk by chunk (memory O(CHUNK_ROWS × vocabulary)).
 * `lists` may hold several lists per person (goals: lookingFor ∪ canOffer).
 */
function rarityOf(people: readonly (readonly Int32Array[])[], vocabSize: number): { df: Int32Array; rarity: Float64Array } {
  const n = people.length;
  const df = new Float64Array(vocabSize);
  const union = people.map((lists) => Int32Array.from(new Set(lists.flatMap((l) => [...l]))));
  for (let start = 0; start < n; start += CHUNK_ROWS) {
    const end = Math.min(n, start + CHUNK_ROWS);
    const sums = incidence(union, start, end, vocabSize).sum('column');
    for (let t = 0; t < vocabSize; t++) df[t] = (df[t] as number) + (sums[t] as number);
  }
  // Smoothed idf, as in information retrieval: ln((1 + n) / (1 + df)) + 1.
  const idf = Matrix.rowVector(Array.from(df, (d) => Math.log((1 + n) / (1 + d)) + 1));
  const rarity = vocabSize > 0 ? idf.div(idf.max()) : idf;
  return { df: Int32Array.from(df), rarity: Float64Array.from(rarity.getRow(0)) };
}

/**
 * Rarity-weighted unit-free vectors of one list per person:
 * `v_t = sqrt(rarity_t) / sqrt(|list|)`, so that `v_i · v_j` is the
 * rarity-weighted Ochiai coefficient Σ_shared rarity_t / sqrt(|A|·|B|) ∈ [0, 1].
 * Returned as sparse rows; built with ml-matrix chunk by chunk.
 */
function sectionVectors(lists: readonly Int32Array[], rarity: Float64Array): SparseRows {
  const n = lists.length;
  const vocabSize = rarity.length;
  const sqrtRarity = Array.from(rarity, Math.sqrt);
  const ptr = new Int32Array(n + 1);
  let nnz = 0;
  for (let r = 0; r < n; r++) {
    nnz += (lists[r] as Int32Array).length;
    ptr[r + 1] = nnz;
  }
  const idx = new Int32Array(nnz);
  const val = new Float64Array(nnz);
  for (let start = 0; start < n; start += CHUNK_ROWS) {
    const end = Math.min(n, start + CHUNK_ROWS);
    const chunk = incidence(lists, start, end, vocabSize);
    if (vocabSize > 0) {
      chunk.mulRowVector(sqrtRarity);
      chunk.mulColumnVector(Array.from({ length: end - start }, (_, k) => {
        const size = (lists[start + k] as Int32Array).length;
        return size > 0 ? 1 / Math.sqrt(size) : 0;
      }));
    }
    for (let r = start; r < end; r++) {
      let p = ptr[r] as number;
      for (const t of lists[r] as Int32Array) {
        idx[p] = t;
        val[p] = chunk.get(r - start, t);
        p++;
      }
    }
  }
  return { ptr, idx, val };
}

function section(vocab: Map<string, number>, people: readonly (readonly Int32Array[])[]): TagSection {
  const { df, rarity } = rarityOf(people, vocab.size);
  return { tags: [...vocab.keys()], documentFrequency: df, rarity, indexOf: vocab };
}

/** Concatenates per-section sparse rows (section s shifted by offsets[s], scaled by scales[s]). */
function concatRows(parts: readonly SparseRows[], offsets: readonly number[], scales: readonly number[], n: number): SparseRows {
  const ptr = new Int32Array(n + 1);
  for (let r = 0; r < n; r++) {
    let size = 0;
    parts.forEach((part, s) => {
      if (scales[s] !== 0) size += (part.ptr[r + 1] as number) - (part.ptr[r] as number);
    });
    ptr[r + 1] = (ptr[r] as number) + size;
  }
  const total = ptr[n] as number;
  const idx = new Int32Array(total);
  const val = new Float64Array(total);
  for (let r = 0; r < n; r++) {
    let p = ptr[r] as number;
    parts.forEach((part, s) => {
      const scale = scales[s] as number;
      if (scale === 0) return;
      for (let q = part.ptr[r] as number; q < (part.ptr[r + 1] as number); q++) {
        idx[p] = (offsets[s] as number) + (part.idx[q] as number);
        val[p] = scale * (part.val[q] as number);
        p++;
      }
    });
  }
  return { ptr, idx, val };
}

/**
 * Encodes the tag lists of `profiles` (already sorted by id) as the sparse
 * `left`/`right` matrices of {@link TagEncoding}. Rarity is computed over
 * these profiles (the round's population): a tag everybody lists weighs
 * little, a tag two people share and nobody else lists weighs most.
 * Goals (`lookingFor`, `canOffer`) share one vocabulary.
 *
 * Complexity: O(total tags + n × vocabulary / chunk) time, O(total tags +
 * 512 × vocabulary) memory — the n × vocabulary matrix is never built whole.
 * @throws never for validated profiles.
 * @example const enc = encodeTags(sortedProfiles, resolveWeights());
 */
export function encodeTags(profiles: readonly Profile[], weights: MatchingWeights): TagEncoding {
  const norm = (tags: readonly string[]): string[] => tags.map(normalizeTag).filter((t) => t.length > 0);
  const interestsVocab = buildVocabulary(profiles.map((p) => norm(p.interests)));
  const goalsVocab = buildVocabulary(profiles.flatMap((p) => [norm(p.lookingFor), norm(p.canOffer)]));
  const stackVocab = buildVocabulary(profiles.map((p) => norm(p.stack)));
  const people: PersonTags[] = profiles.map((p) => ({
    interests: toIndices(p.interests, interestsVocab),
    lookingFor: toIndices(p.lookingFor, goalsVocab),
    canOffer: toIndices(p.canOffer, goalsVocab),
    stack: toIndices(p.stack, stackVocab),
  }));
  const interests = section(interestsVocab, people.map((p) => [p.interests]));
  const goals = section(goalsVocab, people.map((p) => [p.lookingFor, p.canOffer]));
  const stack = section(stackVocab, people.map((p) => [p.stack]));

  const vInterests = sectionVectors(people.map((p) => p.interests), interests.rarity);
  const vLooking = sectionVectors(people.map((p) => p.lookingFor), goals.rarity);
  const vOffer = sectionVectors(people.map((p) => p.canOffer), goals.rarity);
  const vStack = sectionVectors(people.map((p) => p.stack), stack.rarity);

  const vi = interests.tags.length;
  const vg = goals.tags.length;
  const offsets = [0, vi, vi + vg, vi + 2 * vg];
  const half = weights.complementarity / 2;
  const n = profiles.length;
  const left = concatRows([vInterests, vLooking, vOffer, vStack], offsets, [weights.interest, half, half, weights.stack], n);
  const right = concatRows([vInterests, vOffer, vLooking, vStack], offsets, [weights.interest === 0 ? 0 : 1, half === 0 ? 0 : 1, half === 0 ? 0 : 1, weights.stack === 0 ? 0 : 1], n);
  return { dims: vi + 2 * vg + stack.tags.length, left, right, interests, goals, stack, people };
}
