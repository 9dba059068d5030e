import fc from 'fast-check';
import { MatchingInputError } from './errors';
import { pairingViolations } from './invariants';
import { planRounds } from './plan-rounds';
import { pairKey } from './profile';
import { generateConference } from './synthetic';

describe('planRounds', () => {
  it('never repeats a pair across rounds or with past pairs, trios included', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 24 }), fc.integer(), fc.constantFrom<'trio' | 'bye'>('trio', 'bye'), (n, seed, policy) => {
        const profiles = generateConference(n, seed);
        const pastPairs = [[profiles[0]!.id, profiles[1]!.id] as const];
        const { rounds } = planRounds({ profiles, rounds: 4, seed, policy, pastPairs, candidatesPerAttendee: 3, checkInvariants: true });
        const met = new Set(pastPairs.map(([a, b]) => pairKey(a, b)));
        for (const round of rounds) {
          expect(pairingViolations(round.meetings, { attendees: profiles.map((p) => p.id) })).toEqual([]);
          for (const m of round.meetings) {
            for (const e of m.edges) {
              expect(met.has(pairKey(e.a, e.b))).toBe(false);
              met.add(pairKey(e.a, e.b));
            }
          }
          expect(round.stats.optimality.certified).toBe(true);
        }
      }),
      { numRuns: 40 },
    );
  });

  it('passes byes around: nobody sits out twice while someone has not sat out', () => {
    fc.assert(
      fc.property(fc.integer({ min: 3, max: 10 }).map((h) => 2 * h + 1), fc.integer(), (n, seed) => {
        const profiles = generateConference(n, seed, { blockRate: 0 }).map((p) => ({ ...p, languages: ['en'] }));
        const plan = planRounds({ profiles, rounds: 5, seed, policy: 'bye' });
        const counts = new Map(profiles.map((p) => [p.id, 0]));
        for (const round of plan.rounds) {
          const odd = round.byes.filter((b) => b.reason === 'odd-count');
          expect(odd).toHaveLength(1);
          expect(counts.get(odd[0]!.id)).toBe(Math.min(...counts.values()));
          for (const bye of round.byes) counts.set(bye.id, (counts.get(bye.id) as number) + 1);
        }
        expect(plan.sitOutCounts).toEqual(Object.fromEntries(counts));
      }),
      { numRuns: 30 },
    );
  });

  it('is deterministic for a seed and order-independent', () => {
    const profiles = generateConference(30, 'det');
    const a = planRounds({ profiles, rounds: 3, seed: 'x' });
    const b = planRounds({ profiles: [...profiles].reverse(), rounds: 3, seed: 'x' });
    expect(b).toEqual(a);
  });

  it('rejects a bad round count', () => {
    expect(() => planRounds({ profiles: [], rounds: 0 })).toThrow(MatchingInputError);
  });
});
