/**
 * Seeded pseudo-random numbers. The library never calls `Math.random`: every
 * random choice (tie-breaks, template variants, benchmark instances) goes
 * through a {@link Prng} created from a caller-supplied seed.
 */

/** A seed as callers give it: any integer or any string. */
export type Seed = number | string;

/** A deterministic generator: the same seed always yields the same sequence. */
export interface Prng {
  /** Uniform float in [0, 1). */
  next(): number;
  /** Uniform integer in [0, bound); `bound` must be a positive integer. */
  nextInt(bound: number): number;
  /** Shuffles `items` in place (Fisher–Yates) and returns it. */
  shuffle<T>(items: T[]): T[];
}

/**
 * Hashes a seed (number or string) to an unsigned 32-bit integer with FNV-1a
 * over its canonical string form, so `42` and `"42"` are the same seed.
 *
 * Complexity: O(length of the seed's string form).
 * @throws never.
 * @example hashSeed('round-3') === hashSeed('round-3') // true
 */
export function hashSeed(seed: Seed): number {
  const text = typeof seed === 'number' ? String(Math.trunc(seed)) : seed;
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * Mixes several 32-bit values into one (used to derive per-pair sub-seeds,
 * e.g. `mixSeeds(seed, i, j)`), with the murmur3 finaliser.
 *
 * Complexity: O(number of values).
 * @throws never.
 * @example mixSeeds(1, 2) !== mixSeeds(2, 1) // true: order matters
 */
export function mixSeeds(...values: readonly number[]): number {
  let h = 0x9e3779b9;
  for (const value of values) {
    h = Math.imul(h ^ (value >>> 0), 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 16;
  }
  return h >>> 0;
}

/**
 * Creates a mulberry32 generator (period 2³², ample for tie-breaks and test
 * instances; not cryptographic).
 *
 * Complexity: O(1) per draw.
 * @throws {RangeError} from `nextInt` when `bound` is not a positive integer.
 * @example
 * const rng = createPrng('event-7');
 * const dice = rng.nextInt(6) + 1;
 */
export function createPrng(seed: Seed): Prng {
  let state = hashSeed(seed);
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const nextInt = (bound: number): number => {
    if (!Number.isInteger(bound) || bound <= 0) throw new RangeError(`bound must be a positive integer, got ${bound}`);
    return Math.floor(next() * bound);
  };
  return {
    next,
    nextInt,
    shuffle<T>(items: T[]): T[] {
      for (let i = items.length - 1; i > 0; i--) {
        const j = nextInt(i + 1);
        const tmp = items[i] as T;
        items[i] = items[j] as T;
        items[j] = tmp;
      }
      return items;
    },
  };
}
