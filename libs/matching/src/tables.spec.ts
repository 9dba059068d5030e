import fc from 'fast-check';
import { MatchingInputError } from './errors';
import { pairingViolations } from './invariants';
import { planRound } from './plan-round';
import { planRounds } from './plan-rounds';
import { createRoundPlanner } from './planner';
import type { PairIds, Profile } from './profile';
import { createPrng } from './prng';
import type { PlanRoundInput, RoundPlan } from './round-types';
import { buildScoringModel, edgeScore, hardRuleOf, SCORE_SCALE } from './score';
import { generateConference } from './synthetic';
import { tableCounts } from './table-sizes';

/** A small conference with hard rules: few languages, blocks, past pairs, exclusions, busy people. */
const instance = fc.record({
  n: fc.integer({ min: 0, max: 30 }),
  k: fc.integer({ min: 3, max: 8 }),
  seed: fc.integer(),
  pastRate: fc.double({ min: 0, max: 0.3, noNaN: true }),
  busyRate: fc.double({ min: 0, max: 0.2, noNaN: true }),
});

function build({ n, k, seed, pastRate, busyRate }: { n: number; k: number; seed: number; pastRate: number; busyRate: number }): PlanRoundInput {
  const rng = createPrng(seed);
  const profiles: Profile[] = generateConference(n, seed, { wishRate: 0.3, blockRate: 0.15 }).map((p) => ({
    ...p,
    languages: rng.next() < 0.15 ? [['fr', 'de', 'en'][rng.nextInt(3)] as string] : p.languages,
  }));
  const pastPairs: PairIds[] = [];
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) if (rng.next() < pastRate) pastPairs.push([profiles[i]!.id, profiles[j]!.id]);
  const excluded = n > 3 && rng.next() < 0.3 ? [profiles[rng.nextInt(n)]!.id] : [];
  const busy = profiles.filter(() => rng.next() < busyRate).map((p) => p.id);
  return { profiles, seed, pastPairs, excluded, busy, tableSize: k, candidatesPerAttendee: 1 + rng.nextInt(12), checkInvariants: true };
}

/** Every way the plan breaks a table round's rules (empty when valid). */
function tableViolations(plan: RoundPlan, input: PlanRoundInput): string[] {
  const model = buildScoringModel(input.profiles, input);
  const at = (id: string): number => model.index.get(id) as number;
  const k = input.tableSize as number;
  const problems = pairingViolations(plan.meetings, {
    attendees: model.profiles.map((p) => p.id),
    maxGroupSize: k,
    forbiddenPairs: input.pastPairs,
    hardRule: (a, b) => hardRuleOf(model, at(a), at(b)),
  });
  for (const m of plan.meetings) {
    if (m.kind !== 'table') problems.push(`table ${m.table} is a ${m.kind}`);
    if (m.members.length < k - 1) problems.push(`table ${m.table} seats ${m.members.length}`);
    if (m.edges.length !== (m.members.length * (m.members.length - 1)) / 2) problems.push(`table ${m.table} explains ${m.edges.length} pairs`);
  }
  const placed = [...plan.meetings.flatMap((m) => m.members), ...plan.byes.map((b) => b.id)];
  if (placed.length !== model.n || new Set(placed).size !== model.n) problems.push(`${placed.length} placed for ${model.n} attendees`);
  const busy = new Set(input.busy ?? []);
  for (const bye of plan.byes) if ((bye.reason === 'busy') !== busy.has(bye.id)) problems.push(`${bye.id} sits out as ${bye.reason}`);
  return problems;
}

/** The best total of any seating with `tableCounts`' shape (no forbidden pair at a table), by brute force; null if none. */
function bruteForceOptimum(input: PlanRoundInput): number | null {
  const model = buildScoringModel(input.profiles, input);
  const k = input.tableSize as number;
  const people = Array.from({ length: model.n }, (_, v) => v);
  const { tables, full, seated } = tableCounts(people.length, k);
  let bench = people.length - seated;
  const groups: number[][] = [];
  let best: number | null = null;
  const go = (x: number, total: number): void => {
    if (x === people.length) {
      if (groups.length === tables && groups.filter((g) => g.length === k).length === full && groups.every((g) => g.length >= k - 1)) {
        if (best === null || total > best) best = total;
      }
      return;
    }
    const v = people[x] as number;
    if (bench > 0) {
      bench--;
      go(x + 1, total);
      bench++;
    }
    for (const g of groups) {
      if (g.length >= k) continue;
      let add = 0;
      for (const w of g) add += edgeScore(model, v, w);
      if (add === -Infinity) continue;
      g.push(v);
      go(x + 1, total + add);
      g.pop();
    }
    if (groups.length < tables) {
      groups.push([v]);
      go(x + 1, total);
      groups.pop();
    }
  };
  go(0, 0);
  return best;
}

describe('table rounds (tableSize)', () => {
  it('seat everyone once at tables of k or k − 1, never with a forbidden or busy partner', () => {
    fc.assert(
      fc.property(instance, (params) => {
        const input = build(params);
        const plan = planRound(input);
        expect(tableViolations(plan, input)).toEqual([]);
        expect(plan.stats.tables).toBe(plan.meetings.length);
        expect(plan.stats.pairs + plan.stats.trios).toBe(0);
        const { optimality } = plan.stats;
        expect(optimality.upperBound).toBeGreaterThanOrEqual(optimality.matchingWeight);
        expect(optimality.gap).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 80 },
    );
  });

  it('seat as many as the count allows when no rule stands in the way (the rest sit out for the count)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 3, max: 8 }), fc.integer(), (n, k, seed) => {
        const profiles = generateConference(n, seed, { wishRate: 0, blockRate: 0 }).map((p) => ({ ...p, languages: ['en'] }));
        const plan = planRound({ profiles, seed, tableSize: k, checkInvariants: true });
        const { tables, seated, full } = tableCounts(n, k);
        expect(plan.meetings).toHaveLength(tables);
        expect(plan.meetings.filter((m) => m.members.length === k)).toHaveLength(full);
        expect(plan.byes).toHaveLength(n - seated);
        // Alone in the round, there is nobody to meet.
        for (const bye of plan.byes) expect(bye.reason).toBe(n === 1 ? 'no-compatible-partner' : 'odd-count');
      }),
      { numRuns: 60 },
    );
  });

  it('never seat a pair twice across rounds, nor a past pair', () => {
    fc.assert(
      fc.property(instance, fc.integer({ min: 2, max: 4 }), (params, rounds) => {
        const { busy: _busy, ...input } = build(params);
        const plan = planRounds({ ...input, rounds });
        const seen = new Set((input.pastPairs ?? []).map(([a, b]) => (a < b ? `${a}|${b}` : `${b}|${a}`)));
        for (const round of plan.rounds) {
          expect(tableViolations(round, input)).toEqual([]);
          for (const m of round.meetings) {
            for (const e of m.edges) {
              const key = e.a < e.b ? `${e.a}|${e.b}` : `${e.b}|${e.a}`;
              expect(seen.has(key)).toBe(false);
              seen.add(key);
            }
          }
        }
      }),
      { numRuns: 40 },
    );
  });

  it('stay within the bound, which is never below the true optimum (brute force, n ≤ 9)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 9 }), fc.integer({ min: 3, max: 5 }), fc.integer(), (n, k, seed) => {
        const input: PlanRoundInput = { profiles: generateConference(n, seed, { wishRate: 0.3, blockRate: 0.1 }), seed, tableSize: k, checkInvariants: true };
        const plan = planRound(input);
        const optimum = bruteForceOptimum(input);
        if (optimum === null) return;
        const { matchingWeight, upperBound } = plan.stats.optimality;
        const sitOutsForRules = plan.byes.length > n - tableCounts(n, k).seated;
        if (!sitOutsForRules) expect(matchingWeight).toBeLessThanOrEqual(Math.round(optimum * SCORE_SCALE) + 2 * n * n);
        expect(upperBound).toBeGreaterThanOrEqual(Math.round(optimum * SCORE_SCALE) - n * n);
      }),
      { numRuns: 120 },
    );
  });

  it('are deterministic and ignore input order', () => {
    fc.assert(
      fc.property(instance, fc.integer(), (params, shuffleSeed) => {
        const input = build(params);
        const rng = createPrng(shuffleSeed);
        const shuffled = [...input.profiles].sort(() => rng.next() - 0.5);
        const a = planRound(input);
        const b = planRound({ ...input, profiles: shuffled });
        expect(b.meetings.map((m) => m.members)).toEqual(a.meetings.map((m) => m.members));
        expect(b.byes).toEqual(a.byes);
      }),
      { numRuns: 30 },
    );
  });

  it('sit out someone nobody may meet as no-compatible-partner, and seat the rest', () => {
    const profiles = generateConference(12, 3, { wishRate: 0, blockRate: 0 }).map((p) => ({ ...p, languages: ['en'] }));
    const loner = { ...profiles[0]!, languages: ['tlh'] };
    const plan = planRound({ profiles: [loner, ...profiles.slice(1)], seed: 1, tableSize: 4, checkInvariants: true });
    expect(plan.byes).toEqual([{ id: loner.id, reason: 'no-compatible-partner' }]);
    expect(plan.meetings.map((m) => m.members.length).sort()).toEqual([3, 4, 4]);
  });

  it('tell every table who sits there', () => {
    const profiles = generateConference(10, 5);
    const plan = planRound({ profiles, seed: 2, tableSize: 5 });
    expect(plan.meetings).toHaveLength(2);
    for (const m of plan.meetings) expect(m.sentence).toMatch(/share this table\./);
  });

  it('plan later rounds with a planner and avoid the pairs of earlier ones', () => {
    // All speak English: with their own languages, four of them share one with too few for a table.
    const profiles = generateConference(40, 8).map((p) => ({ ...p, languages: ['en'] }));
    const planner = createRoundPlanner({ profiles, seed: 'day', tableSize: 6, checkInvariants: true });
    const first = planner.plan();
    const avoid = first.meetings.flatMap((m) => m.edges.map((e) => [e.a, e.b] as const));
    const second = planner.plan({ avoid });
    expect(second.byes).toEqual([]);
    const met = new Set(avoid.map(([a, b]) => `${a}|${b}`));
    for (const m of second.meetings) for (const e of m.edges) expect(met.has(`${e.a}|${e.b}`)).toBe(false);
    expect(second.meetings.map((m) => m.members.length).sort()).toEqual([6, 6, 6, 6, 6, 5, 5].sort());
  });

  it('refuse a table size outside 3…8, and with maxmin fairness or must-meet pairs', () => {
    const profiles = generateConference(6, 1);
    for (const tableSize of [2, 9, 3.5, Number.NaN]) expect(() => planRound({ profiles, tableSize })).toThrow(MatchingInputError);
    expect(() => planRound({ profiles, tableSize: 4, fairness: 'maxmin' })).toThrow(/fairness/);
    expect(() => planRound({ profiles, tableSize: 4, mustMeet: [[profiles[0]!.id, profiles[1]!.id]] })).toThrow(/mustMeet/);
    expect(planRound({ profiles, tableSize: null }).stats.pairs).toBe(3);
  });

  it('count tables: as few as possible, all of k or k − 1, seating the most people', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 500 }), fc.integer({ min: 3, max: 8 }), (m, k) => {
        const { tables, seated, full } = tableCounts(m, k);
        expect(seated).toBeLessThanOrEqual(m);
        expect(full).toBeGreaterThanOrEqual(0);
        expect(full).toBeLessThanOrEqual(tables);
        expect(tables * (k - 1) + full).toBe(seated);
        // No split into tables of k or k − 1 seats more.
        for (let t = 0; t <= m; t++) if (t * (k - 1) <= m) expect(Math.min(m, t * k)).toBeLessThanOrEqual(seated);
        if (m >= (k - 1) * (k - 2)) expect(seated).toBe(m);
      }),
    );
  });
});
