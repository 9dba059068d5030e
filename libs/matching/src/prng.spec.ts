import { createPrng, hashSeed, mixSeeds } from './prng';

describe('prng', () => {
  it('repeats a sequence for the same seed and differs across seeds', () => {
    const a = Array.from({ length: 5 }, createPrng(7).next);
    const rngA = createPrng(7);
    const rngB = createPrng(8);
    expect(Array.from({ length: 5 }, () => rngA.next())).toEqual(a);
    expect(Array.from({ length: 5 }, () => rngB.next())).not.toEqual(a);
  });

  it('treats 42 and "42" as the same seed', () => {
    expect(hashSeed(42)).toBe(hashSeed('42'));
  });

  it('draws integers in range and shuffles into a permutation', () => {
    const rng = createPrng('x');
    for (let i = 0; i < 1000; i++) {
      const v = rng.nextInt(3);
      expect(v === 0 || v === 1 || v === 2).toBe(true);
    }
    expect(rng.shuffle([1, 2, 3, 4, 5]).sort()).toEqual([1, 2, 3, 4, 5]);
    expect(() => rng.nextInt(0)).toThrow(RangeError);
  });

  it('mixes seeds order-sensitively', () => {
    expect(mixSeeds(1, 2)).not.toBe(mixSeeds(2, 1));
    expect(mixSeeds(1, 2)).toBe(mixSeeds(1, 2));
  });
});
