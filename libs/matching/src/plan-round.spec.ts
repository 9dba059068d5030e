import fc from 'fast-check';
import { bruteForceMatching } from '../test/brute-force';
import { inputErrorOf } from '../test/input-errors';
import { randomRoundPeople } from '../test/random-round';
import { solveMatching } from './blossom/solve-matching';
import { pairingViolations } from './invariants';
import { planRound } from './plan-round';
import { planRounds } from './plan-rounds';
import type { Profile } from './profile';
import { createPrng } from './prng';
import type { PlanRoundInput, RoundPlan } from './round-types';
import { buildScoringModel, edgeScore, hardRuleOf, toSolverWeight, type ScoringModel } from './score';
import { createScorer } from './scorer';
import { generateConference } from './synthetic';

/** Every allowed edge of the round with its solver weight (the complete graph). */
function completeGraph(model: ScoringModel): { n: number; u: Int32Array; v: Int32Array; w: Float64Array } {
  const u: number[] = [];
  const v: number[] = [];
  const w: number[] = [];
  for (let i = 0; i < model.n; i++) {
    for (let j = i + 1; j < model.n; j++) {
      const s = edgeScore(model, i, j);
      if (s === -Infinity) continue;
      u.push(i);
      v.push(j);
      w.push(toSolverWeight(s));
    }
  }
  return { n: model.n, u: Int32Array.from(u), v: Int32Array.from(v), w: Float64Array.from(w) };
}

function violations(plan: RoundPlan, input: PlanRoundInput): string[] {
  const model = buildScoringModel(input.profiles, input);
  const at = (id: string): number => model.index.get(id) as number;
  return pairingViolations(plan.meetings, {
    attendees: model.profiles.map((p) => p.id),
    forbiddenPairs: input.pastPairs,
    hardRule: (a, b) => hardRuleOf(model, at(a), at(b)),
  });
}

/** A small conference with some hard rules: few languages, blocks, past pairs, exclusions. */
const instance = fc.record({
  n: fc.integer({ min: 0, max: 14 }),
  seed: fc.integer(),
  policy: fc.constantFrom<'trio' | 'bye'>('trio', 'bye'),
  pastRate: fc.double({ min: 0, max: 0.3, noNaN: true }),
});

function build({ n, seed, policy, pastRate }: { n: number; seed: number; policy: 'trio' | 'bye'; pastRate: number }): PlanRoundInput {
  const rng = createPrng(seed);
  const people = randomRoundPeople(rng, { n, seed, pastRate, otherLanguageRate: 0.2 });
  return { ...people, seed, policy, candidatesPerAttendee: 1 + rng.nextInt(4), checkInvariants: true };
}

describe('planRound', () => {
  it('always returns a valid pairing that breaks no hard rule and pairs as many as possible, optimally', () => {
    fc.assert(
      fc.property(instance, (params) => {
        const input = build(params);
        const plan = planRound(input);
        expect(violations(plan, input)).toEqual([]);
        const model = buildScoringModel(input.profiles, input);
        const best = bruteForceMatching(completeGraph(model), { maxCardinality: true });
        expect(plan.stats.optimality.certified).toBe(true);
        expect(plan.stats.optimality.matchingWeight).toBe(best.weight);
        const pairs = plan.meetings.length;
        const matched = plan.meetings.reduce((a, m) => a + m.members.length, 0);
        expect(pairs).toBe(best.cardinality);
        expect(matched + plan.byes.length).toBe(model.n);
        expect(plan.attendeeScores.map((a) => a.id).sort()).toEqual(model.profiles.map((p) => p.id));
        if (params.policy === 'bye') expect(plan.stats.trios).toBe(0);
      }),
      { numRuns: 120 },
    );
  });

  it('gives the same plan whatever the input order, and for the same seed', () => {
    fc.assert(
      fc.property(instance, (params) => {
        const input = build(params);
        const shuffled = { ...input, profiles: createPrng(params.seed + 1).shuffle([...input.profiles]) };
        expect(planRound(shuffled)).toEqual(planRound(input));
        expect(planRound(input)).toEqual(planRound(input));
      }),
      { numRuns: 30 },
    );
  });

  it('reaches the complete-graph optimum from a sparse graph through pricing (k = 1)', () => {
    for (const seed of [1, 2, 3]) {
      const profiles = generateConference(60, seed);
      const plan = planRound({ profiles, seed, candidatesPerAttendee: 1 });
      const exact = solveMatching(completeGraph(buildScoringModel(profiles)), { maxCardinality: true });
      expect(plan.stats.optimality.certified).toBe(true);
      expect(plan.stats.optimality.pricingRounds).toBeGreaterThan(0);
      expect(plan.stats.optimality.matchingWeight).toBe(exact.weight);
    }
  });

  it('reports a valid dual bound when pricing is capped', () => {
    for (const seed of [4, 5]) {
      const profiles = generateConference(80, seed);
      const plan = planRound({ profiles, seed, candidatesPerAttendee: 2, maxPricingRounds: 0 });
      const exact = solveMatching(completeGraph(buildScoringModel(profiles)), { maxCardinality: true });
      const { upperBound, matchingWeight, gap } = plan.stats.optimality;
      expect(upperBound).toBeGreaterThanOrEqual(exact.weight);
      expect(matchingWeight).toBeLessThanOrEqual(exact.weight);
      expect(gap).toBeGreaterThanOrEqual(0);
      const loose = planRound({ profiles, seed, candidatesPerAttendee: 2, maxGap: 0.5 });
      expect(loose.stats.optimality.gap).toBeLessThanOrEqual(0.5);
    }
  });

  it('seats the odd one out in a trio with allowed edges, or gives a bye to the least-rested', () => {
    const profiles = generateConference(11, 'odd', { blockRate: 0 });
    const trio = planRound({ profiles, seed: 1, policy: 'trio' });
    expect(trio.stats.trios).toBe(1);
    expect(trio.byes).toEqual([]);
    const t = trio.meetings.find((m) => m.kind === 'trio')!;
    expect(t.edges).toHaveLength(3);
    expect(t.score).toBeCloseTo(t.edges.reduce((a, e) => a + e.score, 0), 12);

    const sitOutCounts = Object.fromEntries(profiles.map((p, i) => [p.id, i === 4 ? 0 : 1]));
    const bye = planRound({ profiles, seed: 1, policy: 'bye', sitOutCounts });
    expect(bye.byes).toEqual([{ id: profiles[4]!.id, reason: 'odd-count' }]);
    expect(bye.attendeeScores[0]).toEqual({ id: profiles[4]!.id, score: null });
  });

  it('lifts the minimum with maxmin fairness at a reported cost', () => {
    const profiles = generateConference(40, 'fair');
    const plain = planRound({ profiles, seed: 1 });
    const fair = planRound({ profiles, seed: 1, fairness: 'maxmin' });
    expect(fair.stats.minScore!).toBeGreaterThanOrEqual(plain.stats.minScore! - 1e-9);
    expect(fair.stats.totalScore).toBeLessThanOrEqual(plain.stats.totalScore + 1e-9);
    expect(fair.stats.fairness.cost).toBeCloseTo(plain.stats.totalScore - fair.stats.totalScore, 6);
    expect(fair.stats.fairness.floor).not.toBeNull();
    expect(fair.meetings.length).toBe(plain.meetings.length);
  });

  it('explains every meeting deterministically', () => {
    const plan = planRound({ profiles: generateConference(20, 9), seed: 3 });
    for (const m of plan.meetings) {
      expect(m.sentence).toMatch(/\.$/);
      expect(m.openingQuestion).toMatch(/\?$/);
      expect(m.edges[0]!.explanation.a < m.edges[0]!.explanation.b).toBe(true);
    }
  });

  it('checks its own invariants on request (the debug assertion)', () => {
    expect(() => planRound({ profiles: generateConference(31, 'dbg'), policy: 'bye', fairness: 'maxmin', checkInvariants: true })).not.toThrow();
  });

  it('handles empty and single-person rounds', () => {
    expect(planRound({ profiles: [] }).meetings).toEqual([]);
    const one = planRound({ profiles: generateConference(1, 1) });
    expect(one.byes).toEqual([{ id: 'p00001', reason: 'no-compatible-partner' }]);
  });

  it.each([
    [{ policy: 'pairs' }, 'policy'],
    [{ fairness: 'max' }, 'fairness'],
    [{ seed: Number.NaN }, 'seed'],
    [{ maxGap: 2 }, 'maxGap'],
    [{ candidatesPerAttendee: 0 }, 'candidatesPerAttendee'],
    [{ sitOutCounts: { p00001: -1 } }, 'sitOutCounts.p00001'],
    [{ weights: { stack: -1 } }, 'weights.stack'],
  ])('rejects %j naming %s', (over, field) => {
    expect(inputErrorOf(() => planRound({ profiles: generateConference(4, 1), ...(over as object) })).field).toBe(field);
  });
});

/** Whether `id` may meet anyone of the round: some other attendee with no hard rule between them (an oracle apart from the engine). */
function hasAdmissiblePartner(input: PlanRoundInput, id: string, alsoForbidden: ReadonlySet<string> = new Set()): boolean {
  const scorer = createScorer(input.profiles, input);
  return scorer.ids.some((other) => other !== id && scorer.hardRule(id, other) === null && !alsoForbidden.has([id, other].sort().join('+')));
}

/** `build`, with a few people cut off from everyone (a language nobody else speaks, or blocking all). */
const isolating = fc.record({ base: instance, isolated: fc.array(fc.nat(), { maxLength: 3 }), how: fc.constantFrom<'language' | 'blocks'>('language', 'blocks') });

function buildIsolating({ base, isolated, how }: { base: Parameters<typeof build>[0]; isolated: number[]; how: 'language' | 'blocks' }): PlanRoundInput {
  const input = build(base);
  if (input.profiles.length === 0) return input;
  const cut = new Set(isolated.map((i) => i % input.profiles.length));
  const ids = input.profiles.map((p) => p.id);
  const profiles = input.profiles.map((p, i) =>
    !cut.has(i) ? p : how === 'language' ? { ...p, languages: [`x-only-${i}`] } : { ...p, blocks: ids.filter((id) => id !== p.id) },
  );
  return { ...input, profiles };
}

describe('sit-out reasons are true', () => {
  it('NO_COMPATIBLE_PARTNER only for someone nobody may meet; ODD_COUNT only when a partner existed', () => {
    const seen = { 'odd-count': 0, 'no-compatible-partner': 0, 'no-compatible-table': 0, busy: 0 };
    fc.assert(
      fc.property(isolating, (params) => {
        const input = buildIsolating(params);
        for (const bye of planRound(input).byes) {
          seen[bye.reason]++;
          expect({ id: bye.id, reason: bye.reason, partner: hasAdmissiblePartner(input, bye.id) }).toEqual({
            id: bye.id,
            reason: bye.reason,
            partner: bye.reason === 'odd-count',
          });
        }
      }),
      { numRuns: 200 },
    );
    // Both reasons were exercised: the property was not vacuous.
    expect(seen['odd-count']).toBeGreaterThan(10);
    expect(seen['no-compatible-partner']).toBeGreaterThan(10);
  });

  it('over several rounds, a partner used up in an earlier round counts as gone', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 9 }), fc.integer(), fc.constantFrom<'trio' | 'bye'>('trio', 'bye'), (n, seed, policy) => {
        const input: PlanRoundInput = { profiles: generateConference(n, seed, { blockRate: 0.2 }), seed, policy };
        const used = new Set<string>();
        for (const round of planRounds({ ...input, rounds: 6, checkInvariants: true }).rounds) {
          for (const bye of round.byes) expect(bye.reason === 'odd-count').toBe(hasAdmissiblePartner(input, bye.id, used));
          for (const m of round.meetings) for (const e of m.edges) used.add([e.a, e.b].sort().join('+'));
        }
      }),
      { numRuns: 60 },
    );
  });

  it('says NO_COMPATIBLE_PARTNER for someone alone with a language nobody else speaks (trio and bye)', () => {
    const mk = (id: string, languages: string[]): Profile => ({ id, stack: [], interests: ['x'], lookingFor: [], canOffer: [], languages });
    const profiles = [mk('a', ['en']), mk('b', ['en']), mk('c', ['en']), mk('d', ['en']), mk('e', ['ja'])];
    for (const policy of ['trio', 'bye'] as const) {
      expect(planRound({ profiles, policy, checkInvariants: true }).byes).toEqual([{ id: 'e', reason: 'no-compatible-partner' }]);
    }
    expect(planRound({ profiles: profiles.slice(0, 1) }).byes).toEqual([{ id: 'a', reason: 'no-compatible-partner' }]);
  });
});

describe('planRound byes when the least-rested cannot be spared', () => {
  it('opens the next sit-out tier instead of looping', () => {
    // e is the only one with no bye yet, but e is the only partner d may have: sparing e would
    // leave d out too, so the bye goes to the next tier (a, b or c), not to d (two byes already).
    const mk = (id: string, languages: string[]): Profile => ({ id, stack: [], interests: ['x'], lookingFor: [], canOffer: [], languages });
    const profiles = [mk('a', ['en']), mk('b', ['en']), mk('c', ['en']), mk('d', ['ja']), mk('e', ['ja', 'en'])];
    const plan = planRound({ profiles, policy: 'bye', sitOutCounts: { a: 1, b: 1, c: 1, d: 2, e: 0 }, checkInvariants: true });
    expect(plan.meetings.map((m) => m.members)).toContainEqual(['d', 'e']);
    expect(plan.byes).toHaveLength(1);
    expect(['a', 'b', 'c']).toContain(plan.byes[0]!.id);
  });
});
