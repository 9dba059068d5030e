import fc from 'fast-check';
import { MatchingInputError } from './errors';
import { pairingViolations } from './invariants';
import { planRound } from './plan-round';
import { planRounds } from './plan-rounds';
import { createRoundPlanner } from './planner';
import type { PairIds } from './profile';
import { randomRoundPeople } from '../test/random-round';
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
  const people = randomRoundPeople(rng, { n, seed, pastRate, otherLanguageRate: 0.15 });
  const busy = people.profiles.filter(() => rng.next() < busyRate).map((p) => p.id);
  return { ...people, seed, busy, tableSize: k, candidatesPerAttendee: 1 + rng.nextInt(12), checkInvariants: true };
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

  it('sit out someone no table can take as no-compatible-table, not odd-count (one possible partner, tables of 4)', () => {
    const profiles = generateConference(12, 3, { wishRate: 0, blockRate: 0 }).map((p) => ({ ...p, languages: ['en'] }));
    // Only one other person speaks their language: at a table of 3 or 4 they need two table-mates.
    const loner = { ...profiles[0]!, languages: ['tlh'] };
    const friend = { ...profiles[1]!, languages: ['en', 'tlh'] };
    const plan = planRound({ profiles: [loner, friend, ...profiles.slice(2)], seed: 1, tableSize: 4, checkInvariants: true });
    expect(plan.byes).toEqual([{ id: loner.id, reason: 'no-compatible-table' }]);
    expect(plan.meetings.map((m) => m.members.length).sort()).toEqual([3, 4, 4]);
  });

  it('give every sit-out a true reason: the count, nobody to meet, or no table that can take them', () => {
    const seen = { 'odd-count': 0, 'no-compatible-partner': 0, 'no-compatible-table': 0, busy: 0 };
    fc.assert(
      fc.property(instance, (params) => {
        const input = build({ ...params, pastRate: params.pastRate * 2 });
        const plan = planRound(input);
        const model = buildScoringModel(input.profiles, input);
        const busy = new Set(input.busy ?? []);
        const past = new Set((input.pastPairs ?? []).map(([a, b]) => (a < b ? `${a}|${b}` : `${b}|${a}`)));
        const mayMeet = (a: string, b: string): boolean =>
          a !== b && !busy.has(a) && !busy.has(b) && !past.has(a < b ? `${a}|${b}` : `${b}|${a}`) && hardRuleOf(model, model.index.get(a) as number, model.index.get(b) as number) === null;
        const ids = model.profiles.map((p) => p.id);
        const hasPartner = (id: string): boolean => ids.some((other) => mayMeet(id, other));
        const seatable = ids.filter((id) => !busy.has(id) && hasPartner(id)).length;
        let oddCount = 0;
        for (const bye of plan.byes) {
          seen[bye.reason]++;
          if (bye.reason === 'busy') expect(busy.has(bye.id)).toBe(true);
          if (bye.reason === 'no-compatible-partner') expect(hasPartner(bye.id)).toBe(false);
          if (bye.reason === 'odd-count') {
            expect(hasPartner(bye.id)).toBe(true);
            oddCount++;
          }
          if (bye.reason === 'no-compatible-table') {
            expect(hasPartner(bye.id)).toBe(true);
            // No table with a free seat (k − 1 people) whose members all may meet them.
            for (const m of plan.meetings) if (m.members.length < params.k) expect(m.members.every((w) => mayMeet(bye.id, w))).toBe(false);
          }
        }
        // Only the count's sit-outs are "odd-count".
        expect(oddCount).toBeLessThanOrEqual(seatable - tableCounts(seatable, params.k).seated);
      }),
      { numRuns: 150 },
    );
    expect(seen['no-compatible-table']).toBeGreaterThan(5);
    expect(seen['odd-count']).toBeGreaterThan(5);
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

  it('refuse a table size outside 3…8, and with maxmin fairness', () => {
    const profiles = generateConference(6, 1);
    for (const tableSize of [2, 9, 3.5, Number.NaN]) expect(() => planRound({ profiles, tableSize })).toThrow(MatchingInputError);
    expect(() => planRound({ profiles, tableSize: 4, fairness: 'maxmin' })).toThrow(/fairness/);
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

describe('table rounds with must-meet pairs (accepted meeting requests)', () => {
  /** A round with no hard rule but the must-meet requests' own: every feasible pair can and must be seated together. */
  const open = fc.record({
    n: fc.integer({ min: 0, max: 40 }),
    k: fc.integer({ min: 3, max: 8 }),
    seed: fc.integer(),
    requests: fc.integer({ min: 0, max: 10 }),
    busyRate: fc.double({ min: 0, max: 0.2, noNaN: true }),
  });

  function openRound({ n, k, seed, requests, busyRate }: { n: number; k: number; seed: number; requests: number; busyRate: number }): PlanRoundInput {
    const rng = createPrng(seed);
    const profiles = generateConference(n, seed, { wishRate: 0.2, blockRate: 0 }).map((p) => ({ ...p, languages: ['en'] }));
    const ids = profiles.map((p) => p.id);
    const busy = ids.filter(() => rng.next() < busyRate);
    const free = ids.filter((id) => !busy.includes(id));
    const tables = tableCounts(free.length, k).tables;
    // Requests between people who are free, as many disjoint ones as there are tables at most (each pair then has a table
    // of its own: with more pairs than tables, tables of 3 could not hold them all), plus a repeat and one sharing a person.
    const shuffled = [...free].sort(() => rng.next() - 0.5);
    const mustMeet: PairIds[] = [];
    for (let p = 0; p < Math.min(requests, tables) && 2 * p + 1 < shuffled.length; p++) mustMeet.push([shuffled[2 * p]!, shuffled[2 * p + 1]!]);
    if (mustMeet.length > 0) mustMeet.push([mustMeet[0]![1], mustMeet[0]![0]]);
    if (mustMeet.length > 0 && shuffled.length > 2 * mustMeet.length) mustMeet.push([mustMeet[0]![0], shuffled[shuffled.length - 1]!]);
    return { profiles, seed, busy, mustMeet, tableSize: k, candidatesPerAttendee: 1 + rng.nextInt(12), checkInvariants: true };
  }

  it('seat every feasible pair at one table, tables balanced, nobody twice, over two rounds no pair met twice', () => {
    let seatedPairs = 0;
    fc.assert(
      fc.property(open, (params) => {
        const input = openRound(params);
        const planner = createRoundPlanner(input);
        const first = planner.plan();
        expect(tableViolations(first, input)).toEqual([]);
        // Each feasible request (as the pairs engine resolves them) is seated; the others are the repeat's and the shared person's.
        const resolved = planRound({ ...input, tableSize: null, checkInvariants: false }).mustMeet;
        expect(first.mustMeet).toEqual(resolved);
        expect(resolved.unmet.every((u) => u.reason === 'conflict')).toBe(true);
        const tableOf = new Map(first.meetings.flatMap((m) => m.members.map((id) => [id, m] as const)));
        for (const [a, b] of first.mustMeet.seated) {
          expect(tableOf.get(a)?.members).toContain(b);
          expect(tableOf.get(a)?.mustMeet).toBe(true);
        }
        seatedPairs += first.mustMeet.seated.length;
        for (const m of first.meetings) expect(m.mustMeet).toBe(first.mustMeet.seated.some(([a]) => m.members.includes(a)));
        const free = input.profiles.length - (input.busy ?? []).length;
        const { tables, full } = tableCounts(free, params.k);
        expect(first.meetings).toHaveLength(tables);
        expect(first.meetings.filter((m) => m.members.length === params.k)).toHaveLength(full);
        // The next round, with the same requests: the pairs met are now already met, and no pair meets twice.
        const met = first.meetings.flatMap((m) => m.edges.map((e) => [e.a, e.b] as const));
        const second = planner.plan({ avoid: met, mustMeet: input.mustMeet });
        expect(tableViolations(second, { ...input, pastPairs: met })).toEqual([]);
        const unmetAgain = second.mustMeet.unmet.map((u) => `${[u.a, u.b].sort().join('|')} ${u.reason}`);
        for (const [a, b] of first.mustMeet.seated) expect(unmetAgain).toContain(`${a}|${b} already-met`);
        const seen = new Set(met.map(([a, b]) => (a < b ? `${a}|${b}` : `${b}|${a}`)));
        for (const m of second.meetings) for (const e of m.edges) expect(seen.has(e.a < e.b ? `${e.a}|${e.b}` : `${e.b}|${e.a}`)).toBe(false);
      }),
      { numRuns: 80 },
    );
    expect(seatedPairs).toBeGreaterThan(50);
  });

  it('under hard rules: keep every rule, report each feasible pair seated together or no-compatible-table, and say so truly', () => {
    let apart = 0;
    let together = 0;
    fc.assert(
      fc.property(instance, fc.integer({ min: 0, max: 8 }), (params, requests) => {
        const base = build(params);
        const rng = createPrng(params.seed ^ 0x5eed);
        const ids = base.profiles.map((p) => p.id);
        const mustMeet: PairIds[] = ids.length < 2 ? [] : Array.from({ length: requests }, () => [ids[rng.nextInt(ids.length)]!, ids[rng.nextInt(ids.length)]!] as const);
        const input = { ...base, mustMeet };
        const plan = planRound(input);
        expect(tableViolations(plan, input)).toEqual([]);
        // The pairs engine's resolution decides feasibility; a table round seats each feasible pair or says why not.
        const pairsRound = planRound({ ...input, tableSize: null, checkInvariants: false });
        const feasible = pairsRound.mustMeet.seated;
        const tableOf = new Map(plan.meetings.flatMap((m) => m.members.map((id) => [id, m] as const)));
        for (const [a, b] of feasible) {
          const seated = plan.mustMeet.seated.some(([x, y]) => x === a && y === b);
          expect(seated).toBe(tableOf.get(a) !== undefined && tableOf.get(a) === tableOf.get(b));
          if (seated) together++;
          else {
            apart++;
            expect(plan.mustMeet.unmet).toContainEqual({ a, b, reason: 'no-compatible-table' });
          }
        }
        expect(plan.stats.mustMeetSeated + plan.stats.mustMeetUnmet).toBe(pairsRound.stats.mustMeetSeated + pairsRound.stats.mustMeetUnmet);
        const { optimality } = plan.stats;
        expect(optimality.upperBound).toBeGreaterThanOrEqual(optimality.matchingWeight);
      }),
      { numRuns: 120 },
    );
    expect(together).toBeGreaterThan(20);
    // Pairs kept apart are rare (hard rules leaving no table for both); the property above checks them when they occur.
    expect(apart).toBeLessThan(together);
  });

  it('seat a requested pair together even when they would not choose each other, and mark their table', () => {
    const profiles = generateConference(24, 11, { wishRate: 0, blockRate: 0 }).map((p) => ({ ...p, languages: ['en'] }));
    const model = buildScoringModel(profiles, {});
    // The lowest-scoring pair of the round.
    let worst: [number, number] = [0, 1];
    for (let i = 0; i < model.n; i++) for (let j = i + 1; j < model.n; j++) if (edgeScore(model, i, j) < edgeScore(model, worst[0], worst[1])) worst = [i, j];
    const a = model.profiles[worst[0]]!.id;
    const b = model.profiles[worst[1]]!.id;
    const without = planRound({ profiles, seed: 4, tableSize: 6, checkInvariants: true });
    expect(without.meetings.some((m) => m.members.includes(a) && m.members.includes(b))).toBe(false);
    const plan = planRound({ profiles, seed: 4, tableSize: 6, mustMeet: [[a, b]], checkInvariants: true });
    const table = plan.meetings.find((m) => m.members.includes(a));
    expect(table?.members).toContain(b);
    expect(table?.mustMeet).toBe(true);
    expect(plan.meetings.filter((m) => m.mustMeet)).toHaveLength(1);
    expect(plan.mustMeet).toEqual({ seated: [[a, b].sort()], unmet: [] });
    expect(plan.stats).toMatchObject({ mustMeetSeated: 1, mustMeetUnmet: 0 });
    // The bound still bounds the round without the request, so it bounds this one: the gap stays an honest "at most".
    expect(plan.stats.optimality.upperBound).toBeGreaterThanOrEqual(without.stats.optimality.matchingWeight);
  });
});
