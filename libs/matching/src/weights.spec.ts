import { DEFAULT_WEIGHTS, resolveWeights } from './weights';
import { inputErrorOf } from '../test/input-errors';

describe('resolveWeights', () => {
  it('returns the defaults when nothing is overridden', () => {
    expect(resolveWeights()).toEqual(DEFAULT_WEIGHTS);
  });

  it('merges overrides and normalises role names', () => {
    const w = resolveWeights({ stack: 0.8, roleMixTable: [{ roles: [' Founder', 'INVESTOR'], bonus: 0.5 }] });
    expect(w.stack).toBe(0.8);
    expect(w.interest).toBe(DEFAULT_WEIGHTS.interest);
    expect(w.roleMixTable).toEqual([{ roles: ['founder', 'investor'], bonus: 0.5 }]);
  });

  it.each([
    [{ interest: -1 }, 'weights.interest'],
    [{ stack: Number.NaN }, 'weights.stack'],
    [{ sameCompany: Infinity }, 'weights.sameCompany'],
    [{ mutualWish: 0.1, oneWayWish: 0.2 }, 'weights.oneWayWish'],
    [{ colour: 1 } as never, 'weights.colour'],
    [{ roleMixTable: [{ roles: ['a'], bonus: 1 }] } as never, 'weights.roleMixTable[0].roles'],
    [{ roleMixTable: [{ roles: ['a', 'b'], bonus: 'x' }] } as never, 'weights.roleMixTable[0].bonus'],
    [{ roleMixTable: [{ roles: ['a', 'b'], bonus: 1 }, { roles: ['B', 'a'], bonus: 2 }] }, 'weights.roleMixTable[1].roles'],
  ])('rejects %j naming %s', (overrides, field) => {
    const error = inputErrorOf(() => resolveWeights(overrides as never));
    expect(error.field).toBe(field);
    expect(error.message.startsWith(`${field}: `)).toBe(true);
  });
});
