import fc from 'fast-check';
import { bruteForceMatching } from '../test/brute-force';
import { inputErrorOf } from '../test/input-errors';
import { MatchingInputError } from './errors';
import type { MustMeetUnmetReason } from './must-meet';
import { planRound } from './plan-round';
import type { PlanRoundInput } from './round-types';
import { planRounds } from './plan-rounds';
import { createRoundPlanner } from './planner';
import type { PairIds, Profile } from './profile';
import { createPrng } from './prng';
import { buildScoringModel, edgeScore, toSolverWeight } from './score';
import { createScorer } from './scorer';
import { generateConference } from './synthetic';

/** A small conference with hard rules, random must-meet requests (some impossible, some sharing a person) and busy people. */
const instance = fc.record({
  n: fc.integer({ min: 0, max: 14 }),
  seed: fc.integer(),
  policy: fc.constantFrom<'trio' | 'bye'>('trio', 'bye'),
  requests: fc.integer({ min: 0, max: 6 }),
  busyRate: fc.double({ min: 0, max: 0.4, noNaN: true }),
});

function build({ n, seed, policy, requests, busyRate }: { n: number; seed: number; policy: 'trio' | 'bye'; requests: number; busyRate: number }): PlanRoundInput {
  const rng = createPrng(seed);
  const profiles: Profile[] = generateConference(n, seed, { wishRate: 0.3, blockRate: 0.15 }).map((p) => ({
    ...p,
    languages: rng.next() < 0.15 ? [['fr', 'de', 'en'][rng.nextInt(3)] as string] : p.languages,
  }));
  const ids = profiles.map((p) => p.id);
  const pastPairs: PairIds[] = [];
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) if (rng.next() < 0.1) pastPairs.push([ids[i]!, ids[j]!]);
  // Requests may name someone absent ('ghost'), the same person twice, or a person already asked.
  const pick = (): string => (n === 0 || rng.next() < 0.08 ? 'ghost' : (ids[rng.nextInt(n)] as string));
  const mustMeet: PairIds[] = Array.from({ length: requests }, () => [pick(), pick()] as const);
  const busy = ids.filter(() => rng.next() < busyRate);
  return { profiles, seed, policy, pastPairs, mustMeet, busy, candidatesPerAttendee: 1 + rng.nextInt(4), checkInvariants: true };
}

/** The oracle, written apart from the library: which requests are feasible, in order, and why the others are not. */
function expectedRequests(input: PlanRoundInput): { seated: [string, string][]; unmet: { a: string; b: string; reason: MustMeetUnmetReason }[] } {
  const scorer = createScorer(input.profiles, input);
  const present = new Set(scorer.ids);
  const busy = new Set(input.busy);
  const taken = new Set<string>();
  const done = new Set<string>();
  const seated: [string, string][] = [];
  const unmet: { a: string; b: string; reason: MustMeetUnmetReason }[] = [];
  for (const [a, b] of input.mustMeet ?? []) {
    const key = [a, b].sort().join('+');
    if (done.has(key)) continue;
    done.add(key);
    let reason: MustMeetUnmetReason | null = null;
    if (!present.has(a) || !present.has(b)) reason = 'not-in-round';
    else if (busy.has(a) || busy.has(b)) reason = 'busy';
    else if (a === b) reason = 'same-person';
    else {
      const rule = scorer.hardRule(a, b);
      if (rule === 'blocked' || rule === 'already-met' || rule === 'no-common-language') reason = rule;
      else if (taken.has(a) || taken.has(b)) reason = 'conflict';
    }
    if (reason !== null) unmet.push({ a, b, reason });
    else {
      taken.add(a).add(b);
      seated.push(a < b ? [a, b] : [b, a]);
    }
  }
  return { seated, unmet };
}

/**
 * The best plan that honours the rules, by brute force: the complete graph of allowed pairs where a
 * busy person has no edge and a member of a feasible must-meet pair has only that pair's edge.
 * (Any maximum-cardinality matching of this graph seats every such pair: their members have no other edge.)
 */
function bruteForceOptimum(input: PlanRoundInput, seated: readonly [string, string][]): { weight: number; cardinality: number } {
  const model = buildScoringModel(input.profiles, input);
  const busy = new Set(input.busy);
  const partnerOf = new Map(seated.flatMap(([a, b]) => [[a, b], [b, a]] as const));
  const u: number[] = [];
  const v: number[] = [];
  const w: number[] = [];
  for (let i = 0; i < model.n; i++) {
    for (let j = i + 1; j < model.n; j++) {
      const a = model.profiles[i]!.id;
      const b = model.profiles[j]!.id;
      if (busy.has(a) || busy.has(b)) continue;
      if ((partnerOf.has(a) || partnerOf.has(b)) && partnerOf.get(a) !== b) continue;
      const s = edgeScore(model, i, j);
      if (s === -Infinity) continue;
      u.push(i);
      v.push(j);
      w.push(toSolverWeight(s));
    }
  }
  return bruteForceMatching({ n: model.n, u: Int32Array.from(u), v: Int32Array.from(v), w: Float64Array.from(w) }, { maxCardinality: true });
}

describe('planRound with must-meet pairs and busy attendees', () => {
  it('seats every feasible must-meet pair together, nobody busy, and is the heaviest plan that does', () => {
    let seatedSeen = 0;
    let unmetSeen = 0;
    let busySeen = 0;
    fc.assert(
      fc.property(instance, (params) => {
        const input = build(params);
        const plan = planRound(input);
        const expected = expectedRequests(input);
        expect(plan.mustMeet).toEqual(expected);
        expect(plan.stats.mustMeetSeated).toBe(expected.seated.length);
        expect(plan.stats.mustMeetUnmet).toBe(expected.unmet.length);

        const tableOf = new Map(plan.meetings.flatMap((m) => m.members.map((id) => [id, m] as const)));
        for (const [a, b] of expected.seated) {
          const table = tableOf.get(a);
          expect(table?.members).toEqual([a, b]);
          expect(table?.mustMeet).toBe(true);
        }
        expect(plan.meetings.filter((m) => m.mustMeet)).toHaveLength(expected.seated.length);

        const busy = new Set(input.busy);
        for (const id of busy) expect(tableOf.has(id)).toBe(false);
        const present = new Set(input.profiles.map((p) => p.id));
        expect(plan.byes.filter((b) => b.reason === 'busy').map((b) => b.id)).toEqual([...busy].filter((id) => present.has(id)).sort());
        expect(plan.stats.busy).toBe(busy.size);

        const best = bruteForceOptimum(input, expected.seated);
        expect(plan.stats.optimality.certified).toBe(true);
        expect(plan.stats.optimality.matchingWeight).toBe(best.weight);
        if (params.policy === 'bye') {
          // The weight reported is the weight of the meetings on the plan (no trio adds to it).
          expect(plan.meetings.reduce((acc, m) => acc + toSolverWeight(m.score), 0)).toBe(best.weight);
          expect(plan.meetings).toHaveLength(best.cardinality);
        }
        seatedSeen += expected.seated.length;
        unmetSeen += expected.unmet.length;
        busySeen += plan.stats.busy;
      }),
      { numRuns: 150 },
    );
    // The property was not vacuous. Floors far below what a run sees (ten runs saw 86–111 seated, 204–263
    // unmet, 17–69 busy: fast-check favours small rates), so that only a generator that stopped making
    // such cases fails here, never the luck of one run.
    expect(seatedSeen).toBeGreaterThan(30);
    expect(unmetSeen).toBeGreaterThan(50);
    expect(busySeen).toBeGreaterThan(5);
  });

  it('seats a must-meet pair even when pairing everyone else would need to split it', () => {
    // a–b–c–d in a line (a language chain): the plan without requests is {a,b} {c,d}; asking for {b,c} costs two seats.
    const mk = (id: string, languages: string[]): Profile => ({ id, stack: [], interests: ['x'], lookingFor: [], canOffer: [], languages });
    const profiles = [mk('a', ['fr']), mk('b', ['fr', 'en']), mk('c', ['en', 'de']), mk('d', ['de'])];
    expect(planRound({ profiles }).meetings.map((m) => m.members)).toEqual([['a', 'b'], ['c', 'd']]);
    const plan = planRound({ profiles, mustMeet: [['c', 'b']], checkInvariants: true });
    expect(plan.meetings.map((m) => [m.members, m.mustMeet])).toEqual([[['b', 'c'], true]]);
    expect(plan.byes).toEqual([
      { id: 'a', reason: 'odd-count' },
      { id: 'd', reason: 'odd-count' },
    ]);
  });

  it('serves the first accepted request when someone has two, and says why the second waits', () => {
    const profiles = generateConference(8, 'two-requests', { blockRate: 0 });
    const [a, b, c] = profiles.map((p) => p.id);
    const plan = planRound({ profiles, mustMeet: [[a!, b!], [c!, a!], [b!, a!]], checkInvariants: true });
    expect(plan.mustMeet).toEqual({ seated: [[a, b]], unmet: [{ a: c, b: a, reason: 'conflict' }] });
  });

  it('never seats a third person with a must-meet pair, and busy people sit out as BUSY', () => {
    const profiles = generateConference(7, 'trio', { blockRate: 0 });
    const ids = profiles.map((p) => p.id);
    const plan = planRound({ profiles, policy: 'trio', mustMeet: [[ids[0]!, ids[1]!]], busy: [ids[6]!, 'not-here'], checkInvariants: true });
    // 7 people, 1 busy, 2 pre-seated: 4 left pair into two tables, nobody joins the requested pair.
    expect(plan.meetings.find((m) => m.mustMeet)?.members).toEqual([ids[0], ids[1]]);
    expect(plan.meetings.filter((m) => m.mustMeet)[0]?.kind).toBe('pair');
    expect(plan.byes).toEqual([{ id: ids[6], reason: 'busy' }]);
    expect(plan.stats).toMatchObject({ busy: 1, byes: 1, mustMeetSeated: 1, mustMeetUnmet: 0, pairs: 3, trios: 0 });

    // With 8 people and 1 busy, the odd one out joins a free pair, never the requested one.
    const eight = generateConference(8, 'trio', { blockRate: 0 });
    const e = eight.map((p) => p.id);
    const odd = planRound({ profiles: eight, policy: 'trio', mustMeet: [[e[0]!, e[1]!]], busy: [e[7]!], checkInvariants: true });
    expect(odd.stats.trios).toBe(1);
    expect(odd.meetings.find((m) => m.kind === 'trio')?.members).not.toContain(e[0]);
  });

  it('reports requests blocked, already met, busy or absent instead of seating them', () => {
    const profiles = generateConference(6, 'rules', { blockRate: 0 }).map((p, i) => (i === 0 ? { ...p, blocks: ['p00002'] } : p));
    const plan = planRound({
      profiles,
      pastPairs: [['p00003', 'p00004']],
      busy: ['p00005'],
      mustMeet: [['p00001', 'p00002'], ['p00003', 'p00004'], ['p00005', 'p00006'], ['p00006', 'nobody'], ['p00006', 'p00006']],
      checkInvariants: true,
    });
    expect(plan.mustMeet.seated).toEqual([]);
    expect(plan.mustMeet.unmet.map((u) => u.reason)).toEqual(['blocked', 'already-met', 'busy', 'not-in-round', 'same-person']);
  });

  it('counts a pair planned in an earlier round of the planner as already met', () => {
    const planner = createRoundPlanner({ profiles: generateConference(6, 'later', { blockRate: 0 }), checkInvariants: true });
    const first = planner.plan();
    const [a, b] = first.meetings[0]!.members as [string, string];
    const second = planner.plan({ avoid: first.meetings.map((m) => [m.members[0]!, m.members[1]!] as const), mustMeet: [[a, b]] });
    expect(second.mustMeet.unmet).toEqual([{ a, b, reason: 'already-met' }]);
  });

  it('plans exactly as before when neither input is given', () => {
    for (const seed of [1, 2, 3]) {
      const profiles = generateConference(41, seed);
      const plain = planRound({ profiles, seed, policy: 'bye', fairness: 'maxmin' });
      expect(planRound({ profiles, seed, policy: 'bye', fairness: 'maxmin', mustMeet: [], busy: [] })).toEqual(plain);
      expect(plain.mustMeet).toEqual({ seated: [], unmet: [] });
      expect(plain.meetings.some((m) => m.mustMeet)).toBe(false);
    }
  });

  it.each([
    [{ busy: 'p00001' }, 'busy'],
    [{ busy: [1] }, 'busy[0]'],
    [{ mustMeet: [['p00001']] }, 'mustMeet[0]'],
    [{ mustMeet: {} }, 'mustMeet'],
  ])('rejects %j naming %s', (over, field) => {
    expect(inputErrorOf(() => planRound({ profiles: generateConference(4, 1), ...(over as object) })).field).toBe(field);
  });

  it('refuses must-meet pairs and busy sets for several rounds at once (they belong to one round)', () => {
    const profiles = generateConference(4, 1);
    expect(() => planRounds({ profiles, rounds: 2, busy: ['p00001'] } as never)).toThrow(MatchingInputError);
  });
});
