/**
 * The solver compares dual sums for equality, so it runs on integers held exactly in doubles.
 * Internal weights stay at or below 2^48; duals and event times then stay below 8 · 2^48,
 * well inside the 2^53 of exact integer arithmetic.
 */
const SCALED_LIMIT = 2 ** 47;
/** The finest grid whose quarter units are still doubles (2^-1074 is the smallest). */
const MAX_EXPONENT = 1072;

// Module-level aliases: inside jest's vm sandbox every global lookup (Math, Number) is an
// interceptor call, ~20x slower than a local read; hot loops here run once per edge.
const { abs, min, max, round, floor, log2, trunc } = Math;
const isInteger = Number.isInteger;

/** Weights of the kept edges converted to the solver's exact integer units. */
export interface IntegerWeights {
  /** Per edge `2 · (round(w · 2^exponent) + shift)`: even, so all duals stay integral. */
  readonly internal: Float64Array;
  readonly exponent: number;
  /** The max-cardinality shift, in units of `2^-exponent` (0 in plain mode). */
  readonly shift: number;
  /** True when no weight was rounded. */
  readonly exact: boolean;
}

/**
 * Converts the weights of the kept edges to even integers: `internal = 2 · (round(w · 2^k) + shift)`.
 *
 * `allWeights` (default `weight`) are all input weights, dropped parallel edges included.
 *
 * `k = 0` when all weights are integers small enough; otherwise the largest `k` keeping the
 * result under the limit, which is exact for short binary fractions and otherwise rounds to
 * about 2^-47 of the largest magnitude (2^-47 / (n + 3) with `maxCardinality`).
 *
 * With `maxCardinality` every weight is raised by `shift = (K + 1)·R + 2|min|` (+1 if that is
 * 0), `K = ⌊n/2⌋`, `R = max - min`: then a matching with one more pair always outweighs one
 * with fewer (it needs `shift > (K - 1)·R - min`), so the plain problem on shifted weights
 * solves the max-cardinality problem, and all shifted weights are positive.
 *
 * Complexity: O(m).
 * @throws never for finite weights.
 * @example
 * toIntegerWeights(Float64Array.of(3, 5), 2, false); // { internal: [6, 10], exponent: 0, shift: 0, exact: true }
 */
export function toIntegerWeights(
  weight: Float64Array,
  n: number,
  maxCardinality: boolean,
  allWeights: Float64Array = weight,
): IntegerWeights {
  const m = weight.length;
  // The shift must beat every matching of the input graph, including ones through parallel
  // edges the solver dropped, so range and magnitude come from all input weights.
  let maxAbs = 0;
  let rawMin = Infinity;
  let rawMax = -Infinity;
  for (let e = 0; e < allWeights.length; e++) {
    const x = allWeights[e];
    maxAbs = max(maxAbs, abs(x));
    rawMin = min(rawMin, x);
    rawMax = max(rawMax, x);
  }
  // Room the shift needs: shifted weights reach about (2K + 5) · max|w|.
  const growth = maxCardinality ? 2 * floor(n / 2) + 6 : 1;
  const limit = SCALED_LIMIT / growth;

  let exponent = 0;
  let exact = maxAbs <= limit && allIntegers(weight, 0);
  if (!exact && maxAbs > 0) {
    // Duals come back in units of 2^-(exponent + 2); past 2^-1074 they would underflow into
    // rounded subnormals and the certificate could not be stated exactly.
    exponent = min(largestExponent(maxAbs, limit), MAX_EXPONENT);
    exact = allIntegers(weight, exponent);
  }

  let shift = 0;
  if (maxCardinality && m > 0) {
    const low = round(timesPow2(rawMin, exponent));
    const range = round(timesPow2(rawMax, exponent)) - low;
    shift = (floor(n / 2) + 1) * range + 2 * abs(low);
    if (shift === 0) shift = 1;
  }
  return { internal: scaleWeights(weight, exponent, shift), exponent, shift, exact };
}

/**
 * Applies a conversion found by {@link toIntegerWeights} to another array of the same
 * weights (the solver keeps one copy per edge and one per adjacency slot).
 *
 * Complexity: O(length).
 * @throws never.
 * @example
 * const perSlot = scaleWeights(prepared.adjWeight, ints.exponent, ints.shift);
 */
export function scaleWeights(raw: Float64Array, exponent: number, shift: number): Float64Array {
  const [f1, f2] = pow2Factors(exponent);
  const out = new Float64Array(raw.length);
  for (let i = 0; i < raw.length; i++) out[i] = 2 * (round(raw[i] * f1 * f2) + shift);
  return out;
}

/**
 * `x · 2^k` for any `k` in the double range: the power is applied in two halves so that
 * neither factor overflows, and a power-of-two product is exact (barring overflow or
 * underflow of the result itself).
 *
 * Complexity: O(1).
 * @throws never.
 * @example
 * timesPow2(3, -1100 + 1100); // 3
 * timesPow2(2 ** -1000, 1040); // 2^40, although 2^1040 alone is not a double
 */
export function timesPow2(x: number, k: number): number {
  const [f1, f2] = pow2Factors(k);
  return x * f1 * f2;
}

function pow2Factors(k: number): [number, number] {
  const half = trunc(k / 2);
  return [2 ** half, 2 ** (k - half)];
}

function largestExponent(maxAbs: number, limit: number): number {
  // Differences of logarithms, not log2(limit / maxAbs): the quotient overflows for subnormal weights.
  let k = floor(log2(limit)) - floor(log2(maxAbs));
  // log2 may be off by one near powers of two; settle on the exact largest k.
  while (timesPow2(maxAbs, k) > limit) k--;
  while (timesPow2(maxAbs, k + 1) <= limit) k++;
  return k;
}

function allIntegers(weight: Float64Array, exponent: number): boolean {
  const [f1, f2] = pow2Factors(exponent);
  for (let e = 0; e < weight.length; e++) if (!isInteger(weight[e] * f1 * f2)) return false;
  return true;
}
