import { EigenvalueDecomposition, Matrix } from 'ml-matrix';
import { createPrng, type Seed } from '../prng';

/** A sparse matrix by compressed rows: row r holds `idx/val[ptr[r] .. ptr[r+1])`. */
export interface CsrMatrix {
  readonly rows: number;
  readonly cols: number;
  readonly ptr: Int32Array;
  readonly idx: Int32Array;
  readonly val: Float64Array;
}

/** Dense row-major matrix: entry (r, c) at `data[r * cols + c]`. */
export interface DenseMatrix {
  readonly rows: number;
  readonly cols: number;
  readonly data: Float64Array;
}

/** The leading singular triplets of a sparse matrix, as far as a document needs them. */
export interface TruncatedSvd {
  /** Singular values, largest first (length `computed`). */
  readonly singularValues: Float64Array;
  /** Row coordinates `U Σ` (rows × computed): the latent vectors of the rows. */
  readonly rowCoordinates: DenseMatrix;
  /** Squared Frobenius norm of the matrix (the total "variance" the singular values share). */
  readonly totalEnergy: number;
}

/** Options of {@link randomizedSvd}. */
export interface RandomizedSvdOptions {
  /** Singular triplets wanted. */
  readonly rank: number;
  /** Extra random directions (Halko et al. recommend 5–10); default 10. */
  readonly oversampling?: number;
  /** Power iterations (sharpen a slowly decaying spectrum, as text has); default 1. */
  readonly powerIterations?: number;
  /** Seed of the random test matrix: same seed, same result. */
  readonly seed?: Seed;
}

/** A · B for sparse A (rows × cols) and dense B (cols × l): rows × l. */
export function sparseTimesDense(a: CsrMatrix, b: DenseMatrix): DenseMatrix {
  return sparseProduct(a, b, false);
}

/** Aᵀ · B for sparse A (rows × cols) and dense B (rows × l): cols × l. */
export function sparseTransposeTimesDense(a: CsrMatrix, b: DenseMatrix): DenseMatrix {
  return sparseProduct(a, b, true);
}

/**
 * A · B, or Aᵀ · B when `transpose`: one pass over A's non-zeros, each adding x times a row of B to a
 * row of the output (the row of B and the output's row swap roles between the two). The choice is made
 * once per non-zero, outside the l-long inner loop, so both products run at the speed of their own loop.
 */
function sparseProduct(a: CsrMatrix, b: DenseMatrix, transpose: boolean): DenseMatrix {
  const l = b.cols;
  const out = new Float64Array((transpose ? a.cols : a.rows) * l);
  const bd = b.data;
  for (let r = 0; r < a.rows; r++) {
    const rowBase = r * l;
    for (let p = a.ptr[r] as number, end = a.ptr[r + 1] as number; p < end; p++) {
      const x = a.val[p] as number;
      const colBase = (a.idx[p] as number) * l;
      const to = transpose ? colBase : rowBase;
      const from = transpose ? rowBase : colBase;
      for (let c = 0; c < l; c++) out[to + c] = (out[to + c] as number) + x * (bd[from + c] as number);
    }
  }
  return { rows: transpose ? a.cols : a.rows, cols: l, data: out };
}

/** Yᵀ Y of a tall dense matrix, as an ml-matrix (l × l, symmetric). */
function gram(y: DenseMatrix): Matrix {
  const l = y.cols;
  const g = new Float64Array(l * l);
  const d = y.data;
  for (let r = 0; r < y.rows; r++) {
    const o = r * l;
    for (let a = 0; a < l; a++) {
      const ya = d[o + a] as number;
      if (ya === 0) continue;
      const ga = a * l;
      for (let b = a; b < l; b++) g[ga + b] = (g[ga + b] as number) + ya * (d[o + b] as number);
    }
  }
  const m = new Matrix(l, l);
  for (let a = 0; a < l; a++) for (let b = a; b < l; b++) {
    m.set(a, b, g[a * l + b] as number);
    m.set(b, a, g[a * l + b] as number);
  }
  return m;
}

/** Y · M for a tall dense Y (rows × l) and a small ml-matrix M (l × m). */
function timesSmall(y: DenseMatrix, m: Matrix): DenseMatrix {
  const l = y.cols;
  const k = m.columns;
  const md = new Float64Array(l * k);
  for (let a = 0; a < l; a++) for (let c = 0; c < k; c++) md[a * k + c] = m.get(a, c);
  const out = new Float64Array(y.rows * k);
  const d = y.data;
  for (let r = 0; r < y.rows; r++) {
    const o = r * l;
    const q = r * k;
    for (let a = 0; a < l; a++) {
      const ya = d[o + a] as number;
      if (ya === 0) continue;
      const base = a * k;
      for (let c = 0; c < k; c++) out[q + c] = (out[q + c] as number) + ya * (md[base + c] as number);
    }
  }
  return { rows: y.rows, cols: k, data: out };
}

/**
 * Eigenpairs of a symmetric ml-matrix, largest eigenvalue first (ties: by index),
 * negative round-off clamped to 0.
 */
function symmetricEigen(m: Matrix): { values: number[]; vectors: Matrix } {
  const eig = new EigenvalueDecomposition(m, { assumeSymmetric: true });
  const values = eig.realEigenvalues;
  const order = values.map((_, i) => i).sort((a, b) => (values[b] as number) - (values[a] as number) || a - b);
  const vectors = new Matrix(m.rows, order.length);
  order.forEach((src, dst) => {
    for (let r = 0; r < m.rows; r++) vectors.set(r, dst, eig.eigenvectorMatrix.get(r, src));
  });
  return { values: order.map((i) => Math.max(0, values[i] as number)), vectors };
}

/**
 * An orthonormal basis of the columns of Y (rows × l), through the
 * eigen-decomposition of the small Gram matrix YᵀY = W Λ Wᵀ: Q = Y W Λ^−½,
 * dropping directions whose eigenvalue is below 1e-12 of the largest (so a
 * rank-deficient Y gives fewer columns); `passes` = 2 gives orthogonality to
 * machine precision ("Cholesky QR2" with an eigen-solver in place of Cholesky).
 */
function orthonormalise(y: DenseMatrix, passes = 2): DenseMatrix {
  let q = y;
  for (let pass = 0; pass < passes; pass++) {
    const { values, vectors } = symmetricEigen(gram(q));
    const top = values[0] ?? 0;
    const keep = values.filter((v) => v > top * 1e-12 && v > 0).length;
    const scale = new Matrix(q.cols, keep);
    for (let r = 0; r < q.cols; r++) for (let c = 0; c < keep; c++) scale.set(r, c, vectors.get(r, c) / Math.sqrt(values[c] as number));
    q = timesSmall(q, scale);
  }
  return q;
}

/** Standard normal numbers (Box–Muller) from the library's seeded generator. */
function gaussianMatrix(rows: number, cols: number, seed: Seed): DenseMatrix {
  const prng = createPrng(seed);
  const data = new Float64Array(rows * cols);
  for (let i = 0; i < data.length; i += 2) {
    const u = 1 - prng.next();
    const v = prng.next();
    const radius = Math.sqrt(-2 * Math.log(u));
    data[i] = radius * Math.cos(2 * Math.PI * v);
    if (i + 1 < data.length) data[i + 1] = radius * Math.sin(2 * Math.PI * v);
  }
  return { rows, cols, data };
}

/**
 * The leading `rank` singular values of a sparse matrix A and the row
 * coordinates `U Σ`, by the randomized range finder of Halko, Martinsson and
 * Tropp (2011): Y = (A Aᵀ)^q A Ω for a Gaussian Ω with `rank + oversampling`
 * columns, re-orthonormalised at each power iteration; Q = orth(Y); then the exact
 * SVD of the small B = Qᵀ A through the eigen-decomposition of B Bᵀ
 * (ml-matrix). A is only ever multiplied, never densified: memory is
 * O(nnz + (rows + cols) × (rank + oversampling)).
 *
 * Complexity: O((2q + 2) · nnz · l + (rows + cols) · l²) for l = rank + oversampling.
 * @throws never (a zero matrix gives zero singular values).
 * @example randomizedSvd(tfidf, { rank: 50, seed: 1 }).singularValues[0]
 */
export function randomizedSvd(a: CsrMatrix, options: RandomizedSvdOptions): TruncatedSvd {
  let totalEnergy = 0;
  for (const x of a.val) totalEnergy += x * x;
  const l = Math.max(1, Math.min(options.rank + (options.oversampling ?? 10), a.rows, a.cols));
  const empty = (): TruncatedSvd => ({ singularValues: new Float64Array(0), rowCoordinates: { rows: a.rows, cols: 0, data: new Float64Array(0) }, totalEnergy });
  if (a.rows === 0 || a.cols === 0 || totalEnergy === 0) return empty();
  let y = sparseTimesDense(a, gaussianMatrix(a.cols, l, options.seed ?? 0));
  // Subspace iteration: Y ← A Aᵀ orth(Y). Orthonormalising the short side only (rows × l, not
  // cols × l) is enough to keep the columns from collapsing onto the top singular vector.
  for (let it = 0; it < (options.powerIterations ?? 1); it++) {
    const q = orthonormalise(y, 1);
    if (q.cols === 0) return empty();
    y = sparseTimesDense(a, sparseTransposeTimesDense(a, q));
  }
  const q = orthonormalise(y);
  if (q.cols === 0) return empty();
  // Bᵀ = Aᵀ Q (cols × l'); B Bᵀ = (Bᵀ)ᵀ Bᵀ = U_B Σ² U_Bᵀ.
  const bt = sparseTransposeTimesDense(a, q);
  const { values, vectors } = symmetricEigen(gram(bt));
  const k = Math.min(options.rank, values.filter((v) => v > 0).length);
  const singularValues = Float64Array.from(values.slice(0, k), Math.sqrt);
  // U Σ = Q U_B Σ (rows × k).
  const uSigma = new Matrix(q.cols, k);
  for (let r = 0; r < q.cols; r++) for (let c = 0; c < k; c++) uSigma.set(r, c, vectors.get(r, c) * (singularValues[c] as number));
  return { singularValues, rowCoordinates: timesSmall(q, uSigma), totalEnergy };
}
