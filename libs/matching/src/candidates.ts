import { roleCeilings, type ScoringModel } from './score';

/** Columns per block: the block's inverted lists and accumulator stay in L1/L2 cache. */
export const DEFAULT_BLOCK_SIZE = 256;

/**
 * The cache-blocked scoring kernel. For a sorted set of vertices `cols`, it
 * computes the scores of every pair {i, j} of that set with i < j, one block
 * of columns at a time, without ever storing more than one block row:
 *
 * - `load(b)` builds, for the b-th block of `cols`, inverted lists of the
 *   right-hand tag vectors (dimension → [(column, value)]), a counting sort;
 * - `row(i, out)` accumulates `left_i · right_j` for every column j of the
 *   block by walking i's few non-zero dimensions and their inverted lists
 *   (a sparse × sparse product on Float64Arrays), then applies role mix,
 *   same company, wishes and the hard rules exactly as `edgeScore` does, so
 *   the results are bit-identical to it.
 *
 * - dense dimensions (the free-text vectors, `tags.dense`) are kept out of the
 *   inverted lists: `load` copies the block's columns into a dense k × width
 *   array and `row` adds them with a plain dense loop (`denseRow`).
 *
 * Work per block row: O(width + Σ over i's tags of the tag's postings in the
 * block + k · width with texts); memory O(n + block postings + k · block). Why sparse rather than a dense
 * register-blocked GEMM: people list ~15 tags out of hundreds, so the dense
 * product wastes >90% of its multiply-adds; `bench/matching` measures both
 * against ml-matrix's `mmul`.
 */
export class ScoreKernel {
  readonly blockSize: number;
  readonly blocks: number;
  private readonly model: ScoringModel;
  private readonly cols: Int32Array;
  /** Position of vertex v in `cols`, or −1. */
  private readonly position: Int32Array;
  private readonly ceilings: Float64Array;
  private readonly postingsPtr: Int32Array;
  private postingsCol: Int32Array;
  private postingsVal: Float64Array;
  /** Dense dimensions (free text) of the loaded block: value of dimension d for column c at `d · blockSize + c`. */
  private readonly denseBlock: Float64Array;
  /** Sparse dimensions end here; the dense ones (if any) follow. */
  private readonly sparseDims: number;
  private start = 0;
  private width = 0;

  /**
   * @param cols the vertices to pair, no duplicates; strictly ascending in
   *   `upper` mode.
   * @param mode `upper` (default): `row(i)` scores the columns above i, in
   *   the canonical orientation, bit-identical to `edgeScore`. `all`: `row(i)`
   *   scores every column but i, in any column order — used by pricing,
   *   which only needs scores up to rounding (it confirms with `edgeScore`).
   * @throws {RangeError} when `cols` repeats a vertex or, in `upper` mode, is not ascending.
   */
  constructor(model: ScoringModel, cols: Int32Array, blockSize = DEFAULT_BLOCK_SIZE, readonly mode: 'upper' | 'all' = 'upper') {
    for (let c = 1; c < cols.length && mode === 'upper'; c++) {
      if ((cols[c] as number) <= (cols[c - 1] as number)) throw new RangeError('cols must be strictly ascending');
    }
    this.model = model;
    this.cols = cols;
    this.blockSize = blockSize;
    this.blocks = Math.ceil(cols.length / blockSize);
    this.position = new Int32Array(model.n).fill(-1);
    cols.forEach((v, c) => {
      if (this.position[v] !== -1) throw new RangeError(`cols repeats vertex ${v}`);
      this.position[v] = c;
    });
    this.ceilings = roleCeilings(model);
    const dense = model.tags.dense;
    this.sparseDims = dense === undefined ? model.tags.dims : dense.from;
    this.denseBlock = new Float64Array(dense === undefined ? 0 : dense.k * blockSize);
    this.postingsPtr = new Int32Array(this.sparseDims + 1);
    this.postingsCol = new Int32Array(0);
    this.postingsVal = new Float64Array(0);
  }

  /** First column position of the loaded block. */
  get blockStart(): number {
    return this.start;
  }

  /** Number of columns in the loaded block. */
  get blockWidth(): number {
    return this.width;
  }

  /** Vertex at column position c of the loaded block. */
  column(c: number): number {
    return this.cols[this.start + c] as number;
  }

  /** Largest vertex of the loaded block (`upper` mode: rows below it have work in this block). */
  get lastVertex(): number {
    return this.cols[this.start + this.width - 1] as number;
  }

  /** Loads the inverted lists of block b (columns b·blockSize …), and its dense (free-text) columns. */
  load(b: number): void {
    const { right } = this.model.tags;
    const sparseDims = this.sparseDims;
    this.start = b * this.blockSize;
    this.width = Math.min(this.blockSize, this.cols.length - this.start);
    const ptr = this.postingsPtr;
    ptr.fill(0);
    let total = 0;
    for (let c = 0; c < this.width; c++) {
      const j = this.cols[this.start + c] as number;
      for (let q = right.ptr[j] as number; q < (right.ptr[j + 1] as number); q++) {
        const d = right.idx[q] as number;
        if (d >= sparseDims) break;
        ptr[d + 1] = (ptr[d + 1] as number) + 1;
        total++;
      }
    }
    for (let d = 0; d < sparseDims; d++) ptr[d + 1] = (ptr[d + 1] as number) + (ptr[d] as number);
    if (this.postingsCol.length < total) {
      this.postingsCol = new Int32Array(total);
      this.postingsVal = new Float64Array(total);
    }
    const fill = ptr.slice(0, sparseDims);
    for (let c = 0; c < this.width; c++) {
      const j = this.cols[this.start + c] as number;
      for (let q = right.ptr[j] as number; q < (right.ptr[j + 1] as number); q++) {
        const d = right.idx[q] as number;
        if (d >= sparseDims) break;
        const at = fill[d] as number;
        this.postingsCol[at] = c;
        this.postingsVal[at] = right.val[q] as number;
        fill[d] = at + 1;
      }
    }
    const dense = this.model.tags.dense;
    if (dense !== undefined) {
      const k = dense.k;
      const size = this.blockSize;
      const block = this.denseBlock;
      for (let c = 0; c < this.width; c++) {
        const j = this.cols[this.start + c] as number;
        const has = dense.has[j] === 1;
        for (let d = 0; d < k; d++) block[d * size + c] = has ? (dense.right[j * k + d] as number) : 0;
      }
    }
  }

  /**
   * The first, sparse half of the scores of vertex i against the columns of
   * the loaded block that are above i (`all` mode: every column): returns
   * c0, the first column position with column(c0) > i (0 in `all` mode),
   * and sets `out[c]` for c0 ≤ c < blockWidth to `tags(i, j) + wish(i, j)`,
   * or −Infinity when a block or past pair forbids {i, j} (or j is i).
   * {@link finish} turns such a value into the score; since the rest only
   * adds the role-mix term and subtracts penalties,
   * `out[c] + roleCeiling(i)` bounds the score, which lets callers skip
   * {@link finish} for pairs that cannot matter. `out[c < c0]` is untouched.
   */
  row(i: number, out: Float64Array): number {
    const model = this.model;
    const width = this.width;
    const start = this.start;
    const cols = this.cols;
    // First column above i (cols ascending).
    let c0 = 0;
    let hi = this.mode === 'upper' ? width : 0;
    while (c0 < hi) {
      const mid = (c0 + hi) >>> 1;
      if ((cols[start + mid] as number) <= i) c0 = mid + 1;
      else hi = mid;
    }
    if (c0 >= width) return width;
    const { left } = model.tags;
    const pCol = this.postingsCol;
    const pVal = this.postingsVal;
    const ptr = this.postingsPtr;
    out.fill(0, c0, width);
    const sparseDims = this.sparseDims;
    for (let p = left.ptr[i] as number, end = left.ptr[i + 1] as number; p < end; p++) {
      const d = left.idx[p] as number;
      if (d >= sparseDims) break;
      const a = left.val[p] as number;
      for (let q = ptr[d] as number, qEnd = ptr[d + 1] as number; q < qEnd; q++) {
        const c = pCol[q] as number;
        out[c] = (out[c] as number) + a * (pVal[q] as number);
      }
    }
    const dense = model.tags.dense;
    if (dense !== undefined && dense.has[i] === 1) this.denseRow(i, dense.left, dense.k, c0, out);
    const position = this.position;
    for (let p = model.adjustPtr[i] as number, end = model.adjustPtr[i + 1] as number; p < end; p++) {
      const c = (position[model.adjustNbr[p] as number] as number) - start;
      if (c < c0 || c >= width) continue;
      const value = model.adjustValue[p] as number;
      out[c] = value === -Infinity ? -Infinity : (out[c] as number) + value;
    }
    if (this.mode === 'all') {
      const self = (position[i] as number) - start;
      if (self >= 0 && self < width) out[self] = -Infinity;
    }
    return c0;
  }

  /**
   * Adds `left_i[d] · right_j[d]` over the dense dimensions, for the columns c0… of the block:
   * four dimensions per pass over the columns (one load and store of `out[c]` per four products),
   * each added in dimension order, so the sum rounds exactly as `edgeScore`'s sequential one.
   */
  private denseRow(i: number, left: Float64Array, k: number, c0: number, out: Float64Array): void {
    const block = this.denseBlock;
    const size = this.blockSize;
    const width = this.width;
    const base = i * k;
    let d = 0;
    for (; d + 4 <= k; d += 4) {
      const a0 = left[base + d] as number;
      const a1 = left[base + d + 1] as number;
      const a2 = left[base + d + 2] as number;
      const a3 = left[base + d + 3] as number;
      const r0 = d * size;
      const r1 = r0 + size;
      const r2 = r1 + size;
      const r3 = r2 + size;
      for (let c = c0; c < width; c++) {
        let o = out[c] as number;
        o = o + a0 * (block[r0 + c] as number);
        o = o + a1 * (block[r1 + c] as number);
        o = o + a2 * (block[r2 + c] as number);
        o = o + a3 * (block[r3 + c] as number);
        out[c] = o;
      }
    }
    for (; d < k; d++) {
      const a = left[base + d] as number;
      const r = d * size;
      for (let c = c0; c < width; c++) out[c] = (out[c] as number) + a * (block[r + c] as number);
    }
  }

  /** Upper bound on the role-mix term of any pair of i: `row` value + this bounds the score. */
  roleCeiling(i: number): number {
    return this.ceilings[this.model.roleOf[i] as number] as number;
  }

  /**
   * The score of {i, j} from its `row` value: −Infinity when forbidden, when
   * both list languages and share none, when a who-can-meet rule keeps them
   * apart or when the rules forbid same-company pairs and theirs is one, else `raw + roleMix − sameCompany`
   * — the same operations in the same order as `edgeScore`.
   */
  finish(i: number, j: number, raw: number): number {
    if (raw === -Infinity) return -Infinity;
    const model = this.model;
    const { words, bits, count } = model.languages;
    if ((count[i] as number) > 0 && (count[j] as number) > 0) {
      let common = false;
      for (let w = 0; w < words && !common; w++) common = ((bits[i * words + w] as number) & (bits[j * words + w] as number)) !== 0;
      if (!common) return -Infinity;
    }
    const { meeting, forbidSameCompany } = model.groups;
    if (meeting.allowed[(meeting.classOf[i] as number) * meeting.classes + (meeting.classOf[j] as number)] === 0) return -Infinity;
    let s = raw;
    s += model.roleTable[(model.roleOf[i] as number) * model.roleCount + (model.roleOf[j] as number)] as number;
    const company = model.companyOf[i] as number;
    if (company >= 0 && company === model.companyOf[j]) {
      if (forbidSameCompany) return -Infinity;
      s -= model.weights.sameCompany;
    }
    return s;
  }

  /** `row` then `finish` for every column: final scores (−Infinity when forbidden). */
  scores(i: number, out: Float64Array): number {
    const c0 = this.row(i, out);
    for (let c = c0; c < this.width; c++) out[c] = this.finish(i, this.cols[this.start + c] as number, out[c] as number);
    return c0;
  }
}

/**
 * Each attendee's best k partners: `neighbors/scores[ptr[v] .. ptr[v+1])`,
 * best first (ties: lower index first). `bound[v]` is the k-th best score
 * when v has more than k allowed partners — every partner outside the list
 * scores at most that — and −Infinity when the list holds all of them.
 */
export interface CandidateLists {
  readonly k: number;
  readonly ptr: Int32Array;
  readonly neighbors: Int32Array;
  readonly scores: Float64Array;
  readonly bound: Float64Array;
  /** Number of pairs the kernel scored (n(n−1)/2 for the full pass). */
  readonly pairsScored: number;
}

/** Options of {@link topKCandidates}. */
export interface TopKOptions {
  /** Restrict both ends of every pair to these vertices (strictly ascending); default all. */
  readonly vertices?: Int32Array;
  /** Columns per kernel block; default {@link DEFAULT_BLOCK_SIZE}. */
  readonly blockSize?: number;
}

/**
 * Scores every pair of the round (or of `options.vertices`) with the
 * {@link ScoreKernel} and keeps each attendee's best `k` partners in a
 * size-k min-heap (ties broken by index), so memory stays O(n·k) however
 * large n is. Vertices outside `options.vertices` get empty lists.
 *
 * Complexity: O(v² / 2 × (1 + shared tags per pair) + v·k·log k) time for
 * v vertices, O(n·k + block) memory.
 * @throws {RangeError} when k < 1 or the vertices are not strictly ascending.
 * @example const lists = topKCandidates(model, 20);
 */
export function topKCandidates(model: ScoringModel, k: number, options: TopKOptions = {}): CandidateLists {
  if (!Number.isInteger(k) || k < 1) throw new RangeError(`k must be a positive integer, got ${k}`);
  const n = model.n;
  const blockSize = options.blockSize ?? DEFAULT_BLOCK_SIZE;
  const vertices = options.vertices ?? Int32Array.from({ length: n }, (_, v) => v);
  const heapScore = new Float64Array(n * k);
  const heapNbr = new Int32Array(n * k);
  const size = new Int32Array(n);
  /** Score of the worst kept partner once the heap is full, else −Infinity. */
  const threshold = new Float64Array(n).fill(-Infinity);
  const kernel = new ScoreKernel(model, vertices, blockSize);
  const out = new Float64Array(blockSize);
  let pairsScored = 0;

  // Min-heap on (score, −index): the root is the worst kept partner.
  const worse = (s1: number, j1: number, s2: number, j2: number): boolean => s1 < s2 || (s1 === s2 && j1 > j2);
  const offer = (v: number, j: number, s: number): void => {
    const base = v * k;
    let m = size[v] as number;
    if (m < k) {
      let x = m;
      size[v] = m + 1;
      while (x > 0) {
        const parent = (x - 1) >> 1;
        if (!worse(s, j, heapScore[base + parent] as number, heapNbr[base + parent] as number)) break;
        heapScore[base + x] = heapScore[base + parent] as number;
        heapNbr[base + x] = heapNbr[base + parent] as number;
        x = parent;
      }
      heapScore[base + x] = s;
      heapNbr[base + x] = j;
      if (m + 1 === k) threshold[v] = heapScore[base] as number;
      return;
    }
    if (!worse(heapScore[base] as number, heapNbr[base] as number, s, j)) return;
    let x = 0;
    m = k;
    for (;;) {
      let child = 2 * x + 1;
      if (child >= m) break;
      const right = child + 1;
      if (right < m && worse(heapScore[base + right] as number, heapNbr[base + right] as number, heapScore[base + child] as number, heapNbr[base + child] as number)) child = right;
      if (!worse(heapScore[base + child] as number, heapNbr[base + child] as number, s, j)) break;
      heapScore[base + x] = heapScore[base + child] as number;
      heapNbr[base + x] = heapNbr[base + child] as number;
      x = child;
    }
    heapScore[base + x] = s;
    heapNbr[base + x] = j;
    threshold[v] = heapScore[base] as number;
  };

  // Partners reach each vertex in increasing index order, so the strict test
  // `s > threshold` keeps the lower index among equal scores.
  for (let b = 0; b < kernel.blocks; b++) {
    kernel.load(b);
    const width = kernel.blockWidth;
    const last = kernel.lastVertex;
    for (let r = 0; r < vertices.length && (vertices[r] as number) < last; r++) {
      const i = vertices[r] as number;
      const c0 = kernel.row(i, out);
      const ceiling = kernel.roleCeiling(i);
      pairsScored += width - c0;
      let thresholdI = threshold[i] as number;
      for (let c = c0; c < width; c++) {
        const upper = (out[c] as number) + ceiling;
        const j = kernel.column(c);
        // Most pairs cannot enter either list: skip their exact epilogue.
        if (!(upper > thresholdI) && !(upper > (threshold[j] as number))) continue;
        const s = kernel.finish(i, j, out[c] as number);
        if (s > thresholdI) {
          offer(i, j, s);
          thresholdI = threshold[i] as number;
        }
        if (s > (threshold[j] as number)) offer(j, i, s);
      }
    }
  }

  const ptr = new Int32Array(n + 1);
  for (let v = 0; v < n; v++) ptr[v + 1] = (ptr[v] as number) + (size[v] as number);
  const neighbors = new Int32Array(ptr[n] as number);
  const scores = new Float64Array(ptr[n] as number);
  const bound = new Float64Array(n).fill(-Infinity);
  for (let v = 0; v < n; v++) {
    const m = size[v] as number;
    const order = Array.from({ length: m }, (_, x) => x).sort((x, y) => {
      const sx = heapScore[v * k + x] as number;
      const sy = heapScore[v * k + y] as number;
      return sy - sx || (heapNbr[v * k + x] as number) - (heapNbr[v * k + y] as number);
    });
    order.forEach((x, r) => {
      neighbors[(ptr[v] as number) + r] = heapNbr[v * k + x] as number;
      scores[(ptr[v] as number) + r] = heapScore[v * k + x] as number;
    });
    if (m === k) bound[v] = heapScore[v * k] as number;
  }
  return { k, ptr, neighbors, scores, bound, pairsScored };
}
