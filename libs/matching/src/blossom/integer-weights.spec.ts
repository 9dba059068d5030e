import { timesPow2, toIntegerWeights } from './integer-weights';

describe('toIntegerWeights', () => {
  it('keeps integers as they are, doubled', () => {
    const r = toIntegerWeights(Float64Array.of(3, 5, -2), 3, false);
    expect(Array.from(r.internal)).toEqual([6, 10, -4]);
    expect(r).toMatchObject({ exponent: 0, shift: 0, exact: true });
  });

  it('scales short binary fractions exactly and rounds other floats', () => {
    const half = toIntegerWeights(Float64Array.of(0.5, 0.25), 2, false);
    expect(half.exact).toBe(true);
    expect(timesPow2(half.internal[0], -half.exponent - 1)).toBe(0.5);
    const tenth = toIntegerWeights(Float64Array.of(0.1, 0.7), 2, false);
    expect(tenth.exact).toBe(false);
    expect(Math.abs(timesPow2(tenth.internal[1], -tenth.exponent - 1) - 0.7)).toBeLessThan(1e-14);
    expect(Math.max(...tenth.internal)).toBeLessThanOrEqual(2 ** 48);
  });

  it('scales huge weights down under the limit', () => {
    const r = toIntegerWeights(Float64Array.of(2 ** 60 + 2 ** 20, 1), 2, false);
    expect(r.exponent).toBeLessThan(0);
    expect(Math.max(...r.internal)).toBeLessThanOrEqual(2 ** 48);
  });

  it('survives subnormal weights', () => {
    const r = toIntegerWeights(Float64Array.of(5e-324, 1e-320), 2, false);
    expect(Number.isFinite(r.exponent)).toBe(true);
    expect(r.internal.every((x) => Number.isInteger(x) && x >= 0)).toBe(true);
  });

  it('stops refining at 2^-1072 so duals (quarter units) stay representable', () => {
    const r = toIntegerWeights(Float64Array.of(5e-324, 1e-320), 2, false);
    expect(r.exponent).toBe(1072);
    expect(r.exact).toBe(false);
    expect(Array.from(r.internal)).toEqual([0, 2 * Math.round(1e-320 * 2 ** 1000 * 2 ** 72)]);
  });

  it('shifts for maximum cardinality: (⌊n/2⌋ + 1)·range + 2|min|, from all input weights', () => {
    const r = toIntegerWeights(Float64Array.of(5, 11), 4, true, Float64Array.of(5, 11, -1));
    expect(r.shift).toBe(3 * 12 + 2);
    expect(Array.from(r.internal)).toEqual([2 * (5 + 38), 2 * (11 + 38)]);
    expect(toIntegerWeights(Float64Array.of(0, 0), 4, true).shift).toBe(1);
  });

  it('timesPow2 is exact across the whole exponent range', () => {
    expect(timesPow2(3, 1100 - 1100)).toBe(3);
    expect(timesPow2(timesPow2(1.5, -1040), 1040)).toBe(1.5);
    expect(timesPow2(2 ** 1000, 20)).toBe(2 ** 1020);
    expect(timesPow2(5e-324, 1074)).toBe(1);
  });
});
