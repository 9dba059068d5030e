import { Matrix } from 'ml-matrix';
import type { Profile } from '@pairwise/matching';

/**
 * Dense tag vectors for the kernel comparison: the same four sections as
 * the library's encoding (interests, looking-for, can-offer, stack), one
 * column per tag, rows scaled to unit length. Only the shape matters here:
 * n × d with d the vocabulary size (≈ 200 for the generated conferences).
 */
export function denseEncoding(profiles: readonly Profile[]): { n: number; d: number; data: Float64Array } {
  const sections = [(p: Profile) => p.interests, (p: Profile) => p.lookingFor, (p: Profile) => p.canOffer, (p: Profile) => p.stack];
  const columns = new Map<string, number>();
  sections.forEach((get, s) => profiles.forEach((p) => get(p).forEach((t) => columns.has(`${s}:${t}`) || columns.set(`${s}:${t}`, columns.size))));
  const n = profiles.length;
  const d = columns.size;
  const data = new Float64Array(n * d);
  profiles.forEach((p, i) => {
    const cols = sections.flatMap((get, s) => get(p).map((t) => columns.get(`${s}:${t}`) as number));
    for (const c of cols) data[i * d + c] = 1 / Math.sqrt(cols.length);
  });
  return { n, d, data };
}

/** ml-matrix's `mmul`: the whole n × n score matrix A·Aᵀ. Returns a checksum. */
export function mlMatrixScores(enc: { n: number; d: number; data: Float64Array }): number {
  const rows = Array.from({ length: enc.n }, (_, i) => enc.data.subarray(i * enc.d, (i + 1) * enc.d));
  const a = new Matrix(rows as unknown as number[][]);
  const scores = a.mmul(a.transpose());
  return scores.get(0, enc.n - 1);
}

/**
 * A dense, cache-blocked, 4×4 register-blocked product over the upper
 * triangle (i < j) — the fastest dense JavaScript kernel of the spike in
 * MATCHING-NOTES. Each 4×4 tile is reduced to a per-row maximum (as a top-k
 * selection would consume it), so nothing n × n is stored.
 */
export function blockedDenseScores(enc: { n: number; d: number; data: Float64Array }): number {
  const { n, d, data } = enc;
  const best = new Float64Array(n).fill(-Infinity);
  const tile = 64;
  for (let i0 = 0; i0 < n; i0 += tile) {
    for (let j0 = i0; j0 < n; j0 += tile) {
      for (let i = i0; i < Math.min(i0 + tile, n) - 3; i += 4) {
        for (let j = Math.max(j0, i); j < Math.min(j0 + tile, n) - 3; j += 4) {
          let c00 = 0, c01 = 0, c02 = 0, c03 = 0, c10 = 0, c11 = 0, c12 = 0, c13 = 0;
          let c20 = 0, c21 = 0, c22 = 0, c23 = 0, c30 = 0, c31 = 0, c32 = 0, c33 = 0;
          const a0 = i * d, a1 = a0 + d, a2 = a1 + d, a3 = a2 + d;
          const b0 = j * d, b1 = b0 + d, b2 = b1 + d, b3 = b2 + d;
          for (let t = 0; t < d; t++) {
            const x0 = data[a0 + t] as number, x1 = data[a1 + t] as number, x2 = data[a2 + t] as number, x3 = data[a3 + t] as number;
            const y0 = data[b0 + t] as number, y1 = data[b1 + t] as number, y2 = data[b2 + t] as number, y3 = data[b3 + t] as number;
            c00 += x0 * y0; c01 += x0 * y1; c02 += x0 * y2; c03 += x0 * y3;
            c10 += x1 * y0; c11 += x1 * y1; c12 += x1 * y2; c13 += x1 * y3;
            c20 += x2 * y0; c21 += x2 * y1; c22 += x2 * y2; c23 += x2 * y3;
            c30 += x3 * y0; c31 += x3 * y1; c32 += x3 * y2; c33 += x3 * y3;
          }
          best[i] = Math.max(best[i] as number, c00, c01, c02, c03);
          best[i + 1] = Math.max(best[i + 1] as number, c10, c11, c12, c13);
          best[i + 2] = Math.max(best[i + 2] as number, c20, c21, c22, c23);
          best[i + 3] = Math.max(best[i + 3] as number, c30, c31, c32, c33);
        }
      }
    }
  }
  let sum = 0;
  for (let i = 0; i < n; i++) if (best[i] !== -Infinity) sum += best[i] as number;
  return sum;
}
