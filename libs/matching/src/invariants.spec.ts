import { isMatching, isValidPairing, pairingViolations } from './invariants';

describe('invariants', () => {
  it('recognises matchings', () => {
    expect(isMatching([1, 0, -1])).toBe(true);
    expect(isMatching([1, 2, 1])).toBe(false);
    expect(isMatching([0])).toBe(false);
    expect(isMatching([5, -1])).toBe(false);
  });

  it('reports every broken pairing rule', () => {
    const rules = { attendees: ['a', 'b', 'c', 'd'], maxGroupSize: 2, forbiddenPairs: [['a', 'b']] as const, hardRule: (x: string, y: string) => (x === 'c' && y === 'd' ? ('blocked' as const) : null) };
    expect(isValidPairing([{ members: ['a', 'c'] }, { members: ['b', 'd'] }], rules)).toBe(true);
    expect(pairingViolations([{ members: ['a', 'b'] }, { members: ['c', 'd'] }, { members: ['a', 'e', 'c'] }], rules)).toEqual([
      'a and b must not meet again',
      'c and d break hard rule blocked',
      'group 2 has 3 members',
      'a is in two groups',
      'group 2: e is not in the round',
      'c is in two groups',
    ]);
  });
});
