import fc from 'fast-check';
import { expectHardRules } from '../test/hard-rule-table';
import { inputErrorOf } from '../test/input-errors';
import { createHardRuleChecker } from './hard-rules';
import { pairingViolations } from './invariants';
import { planRound } from './plan-round';
import { planRounds } from './plan-rounds';
import type { Profile } from './profile';
import { DEFAULT_RULES, resolveRules, type MeetingRule, type PeopleSelector } from './rules';
import { createScorer, scoreAllPairs } from './scorer';
import { generateConference } from './synthetic';
import { DEFAULT_WEIGHTS } from './weights';

const fnv = (text: string): number => {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
};

/** Every allowed pair's solver weight folded into numbers, and the plan's meetings hashed. */
function fingerprint(profiles: readonly Profile[], seed: number, options: Parameters<typeof scoreAllPairs>[1]) {
  const { edges } = scoreAllPairs(profiles, options);
  let weightSum = 0;
  let weightMix = 0;
  for (const [u, v, w] of edges) {
    weightSum += w;
    weightMix = (weightMix * 31 + u * 7 + v * 13 + w) % 1_000_000_007;
  }
  const plan = planRound({ profiles, seed, ...options });
  const meetings = plan.meetings.map((m) => `${m.members.join('+')}:${m.score.toFixed(9)}`);
  return { seed, edges: edges.length, weightSum, weightMix, plan: fnv(meetings.join(',')), meetings: meetings.length };
}

describe('resolveRules', () => {
  it('fills in the defaults, which are the default weights, a penalty and no who-can-meet rule', () => {
    expect(resolveRules()).toEqual(DEFAULT_RULES);
    expect(resolveRules({ version: 1 })).toEqual(DEFAULT_RULES);
    const { text, ...weights } = DEFAULT_RULES.weights;
    expect(weights).toEqual(DEFAULT_WEIGHTS);
    expect(text).toBeNull();
    expect(DEFAULT_RULES.sameCompany).toBe('penalty');
  });

  it('normalises names and keeps the document it read (a resolved document reads back the same)', () => {
    const rules = resolveRules({
      weights: { interest: 2, text: 0.4 },
      sameCompany: 'forbid',
      whoCanMeet: [
        { who: { role: ' Investor' }, onlyWith: [{ role: 'FOUNDER' }] },
        { who: { ticketType: 'Student ' }, notWith: [{ role: 'investor' }] },
      ],
    });
    expect(rules.weights.interest).toBe(2);
    expect(rules.weights.text).toBe(0.4);
    expect(rules.whoCanMeet).toEqual([
      { who: { role: 'investor' }, onlyWith: [{ role: 'founder' }] },
      { who: { ticketType: 'student' }, notWith: [{ role: 'investor' }] },
    ]);
    expect(resolveRules(JSON.parse(JSON.stringify(rules)))).toEqual(rules);
  });

  it.each([
    [[], 'rules'],
    [{ version: 2 }, 'rules.version'],
    [{ colour: 'red' }, 'rules.colour'],
    [{ weights: { text: 1.5 } }, 'weights.text'],
    [{ weights: { interest: -1 } }, 'weights.interest'],
    [{ weights: { score: 1 } }, 'weights.score'],
    [{ weights: null }, 'weights'],
    [{ sameCompany: null }, 'rules.sameCompany'],
    [{ whoCanMeet: null }, 'rules.whoCanMeet'],
    [{ sameCompany: 'sometimes' }, 'rules.sameCompany'],
    [{ whoCanMeet: {} }, 'rules.whoCanMeet'],
    [{ whoCanMeet: [null] }, 'rules.whoCanMeet[0]'],
    [{ whoCanMeet: [{ who: { role: 'a' } }] }, 'rules.whoCanMeet[0]'],
    [{ whoCanMeet: [{ who: { role: 'a' }, onlyWith: [{ role: 'b' }], notWith: [{ role: 'c' }] }] }, 'rules.whoCanMeet[0]'],
    [{ whoCanMeet: [{ who: { role: '  ' }, onlyWith: [{ role: 'b' }] }] }, 'rules.whoCanMeet[0].who.role'],
    [{ whoCanMeet: [{ who: { role: 'a\u0000' }, onlyWith: [{ role: 'b' }] }] }, 'rules.whoCanMeet[0].who.role'],
    [{ whoCanMeet: [{ who: { role: 'a', ticketType: 'b' }, onlyWith: [{ role: 'b' }] }] }, 'rules.whoCanMeet[0].who'],
    [{ whoCanMeet: [{ who: { company: 'x' }, onlyWith: [{ role: 'b' }] }] }, 'rules.whoCanMeet[0].who.company'],
    [{ whoCanMeet: [{ who: { role: 'a' }, onlyWith: [] }] }, 'rules.whoCanMeet[0].onlyWith'],
    [{ whoCanMeet: [{ who: { role: 'a' }, notWith: [{ role: 1 }] }] }, 'rules.whoCanMeet[0].notWith[0].role'],
    [{ whoCanMeet: [{ who: { role: 'a' }, notWith: [{ role: 'b' }], why: 'x' }] }, 'rules.whoCanMeet[0].why'],
    [{ whoCanMeet: Array.from({ length: 51 }, () => ({ who: { role: 'a' }, notWith: [{ role: 'b' }] })) }, 'rules.whoCanMeet'],
  ])('refuses document %# naming %s', (doc, field) => {
    expect(inputErrorOf(() => resolveRules(doc as never)).field).toBe(field);
  });

  it('refuses weights given twice (options.weights and rules.weights)', () => {
    const profiles = generateConference(4, 1);
    expect(() => createScorer(profiles, { weights: { stack: 1 }, rules: { weights: { stack: 2 } } })).toThrow(/not both/);
  });
});

describe('default rules', () => {
  // Fingerprints of scoreAllPairs and planRound for three synthetic conferences of 60, computed by the
  // matcher as it was before rules existed (main at 276d880): the default rules must not move a single score.
  const BEFORE_RULES = [
    { seed: 1, edges: 1691, weightSum: 512522046, weightMix: 736200025, plan: 742696049, meetings: 30 },
    { seed: 2, edges: 1632, weightSum: 519001195, weightMix: -874150522, plan: 1342062490, meetings: 30 },
    { seed: 3, edges: 1525, weightSum: 414026869, weightMix: 509850068, plan: 853879819, meetings: 30 },
  ];

  it.each(BEFORE_RULES)('reproduce the scores and plan of the matcher before rules (seed $seed)', (expected) => {
    const profiles = generateConference(60, expected.seed, { wishRate: 0.3, blockRate: 0.1 });
    expect(fingerprint(profiles, expected.seed, {})).toEqual(expected);
    expect(fingerprint(profiles, expected.seed, { rules: DEFAULT_RULES })).toEqual(expected);
    expect(fingerprint(profiles, expected.seed, { rules: {} })).toEqual(expected);
  });

  it('score every pair exactly as no rules, and as the default weights alone (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 30 }), fc.integer(), (n, seed) => {
        const profiles = generateConference(n, seed, { wishRate: 0.3, blockRate: 0.1 });
        const bare = scoreAllPairs(profiles);
        expect(scoreAllPairs(profiles, { rules: DEFAULT_RULES })).toEqual(bare);
        expect(scoreAllPairs(profiles, { weights: DEFAULT_WEIGHTS })).toEqual(bare);
        expect(scoreAllPairs(profiles, { rules: JSON.parse(JSON.stringify(DEFAULT_RULES)) })).toEqual(bare);
      }),
      { numRuns: 60 },
    );
  });
});

const ROLES = ['founder', 'investor', 'student', 'engineer', undefined] as const;
const TICKETS = ['student', 'vip', 'standard', undefined] as const;
const COMPANIES = ['Acme', 'acme ', 'Globex', undefined] as const;

const selector: fc.Arbitrary<PeopleSelector> = fc.oneof(
  fc.constantFrom('founder', 'investor', 'student', 'engineer').map((role) => ({ role })),
  fc.constantFrom('student', 'vip', 'standard').map((ticketType) => ({ ticketType })),
);
const meetingRule: fc.Arbitrary<MeetingRule> = fc.oneof(
  fc.record({ who: selector, onlyWith: fc.array(selector, { minLength: 1, maxLength: 3 }) }),
  fc.record({ who: selector, notWith: fc.array(selector, { minLength: 1, maxLength: 3 }) }),
);

/** People with random roles, ticket types and companies, some conflicts, and random organiser rules. */
const ruled = fc.integer({ min: 2, max: 16 }).chain((n) =>
  fc.record({
    n: fc.constant(n),
    seed: fc.integer(),
    people: fc.array(fc.tuple(fc.constantFrom(...ROLES), fc.constantFrom(...TICKETS), fc.constantFrom(...COMPANIES)), { minLength: n, maxLength: n }),
    conflicts: fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1)), { maxLength: n }),
    whoCanMeet: fc.array(meetingRule, { maxLength: 3 }),
    sameCompany: fc.constantFrom<'penalty' | 'forbid'>('penalty', 'forbid'),
    policy: fc.constantFrom<'trio' | 'bye'>('trio', 'bye'),
  }),
);

function buildRuled({ n, seed, people, conflicts }: { n: number; seed: number; people: readonly (readonly [string | undefined, string | undefined, string | undefined])[]; conflicts: readonly [number, number][] }): Profile[] {
  return generateConference(n, seed, { wishRate: 0.3 }).map((p, i) => {
    const [role, ticketType, company] = people[i]!;
    const { role: _role, company: _company, ...rest } = p;
    return {
      ...rest,
      ...(role === undefined ? {} : { role }),
      ...(ticketType === undefined ? {} : { ticketType }),
      ...(company === undefined ? {} : { company }),
      conflicts: conflicts.filter(([a, b]) => a === i && a !== b).map(([, b]) => `p${String(b + 1).padStart(5, '0')}`),
    };
  });
}

/** The rules read literally, independently of the library's compiled classes: may a and b meet? */
function allowedByHand(a: Profile, b: Profile, rules: readonly MeetingRule[], sameCompany: 'penalty' | 'forbid'): boolean {
  const norm = (s: string | undefined) => (s ?? '').trim().toLowerCase();
  const inGroup = (p: Profile, s: PeopleSelector) => (s.role !== undefined ? norm(p.role) === s.role : norm(p.ticketType) === s.ticketType);
  const oneWay = (p: Profile, q: Profile) =>
    rules.every((r) => !inGroup(p, r.who) || (r.onlyWith ? r.onlyWith.some((s) => inGroup(q, s)) : !r.notWith!.some((s) => inGroup(q, s))));
  if (!oneWay(a, b) || !oneWay(b, a)) return false;
  if (sameCompany === 'forbid' && norm(a.company) !== '' && norm(a.company) === norm(b.company)) return false;
  const conflict = (p: Profile, q: Profile) => (p.conflicts ?? []).includes(q.id);
  return !conflict(a, b) && !conflict(b, a);
}

describe('organiser rules in plans', () => {
  it('no plan ever seats a pair a who-can-meet rule, a same-company ban or a conflict keeps apart (property)', () => {
    fc.assert(
      fc.property(ruled, (params) => {
        const profiles = buildRuled(params);
        const rules = { whoCanMeet: params.whoCanMeet, sameCompany: params.sameCompany };
        const byId = new Map(profiles.map((p) => [p.id, p]));
        const resolved = resolveRules(rules);
        const plans = planRounds({ profiles, rules, rounds: 2, seed: params.seed, policy: params.policy, checkInvariants: true });
        const scorer = createScorer(profiles, { rules });
        for (const plan of plans.rounds) {
          for (const meeting of plan.meetings) {
            for (let x = 0; x < meeting.members.length; x++) {
              for (let y = x + 1; y < meeting.members.length; y++) {
                const [a, b] = [byId.get(meeting.members[x]!)!, byId.get(meeting.members[y]!)!];
                expect(allowedByHand(a, b, resolved.whoCanMeet, params.sameCompany)).toBe(true);
              }
            }
          }
          expect(pairingViolations(plan.meetings, { attendees: profiles.map((p) => p.id), hardRule: scorer.hardRule })).toEqual([]);
        }
        // The rules only remove pairs: every allowed pair keeps its default score (bar the same-company penalty).
        const bare = createScorer(profiles);
        for (const a of profiles) {
          for (const b of profiles) {
            if (a.id === b.id || scorer.hardRule(a.id, b.id) !== null) continue;
            expect(scorer.score(a.id, b.id)).toBe(bare.score(a.id, b.id));
          }
        }
      }),
      { numRuns: 120 },
    );
  });

  it('the hard-rule checker answers every pair as the scorer does, rules included (property)', () => {
    fc.assert(
      fc.property(ruled, (params) => {
        const profiles = buildRuled(params);
        const rules = { whoCanMeet: params.whoCanMeet, sameCompany: params.sameCompany };
        const scorer = createScorer(profiles, { rules });
        const checker = createHardRuleChecker(profiles, { rules });
        for (const a of profiles) {
          for (const b of profiles) {
            expect(checker.hardRule(a.id, b.id)).toBe(scorer.hardRule(a.id, b.id));
            if (a.id !== b.id && scorer.hardRule(a.id, b.id) === null) {
              expect(allowedByHand(a, b, resolveRules(rules).whoCanMeet, params.sameCompany)).toBe(true);
            }
          }
        }
      }),
      { numRuns: 120 },
    );
  });

  it('names the rule: meeting-rule both ways, same-company only when forbidden, conflicts as blocked', () => {
    const person = (id: string, extra: Partial<Profile> = {}): Profile => ({ id, stack: [], interests: ['rag'], lookingFor: [], canOffer: [], languages: ['en'], ...extra });
    const profiles = [
      person('vc', { role: 'Investor' }),
      person('vc2', { role: 'investor' }),
      person('ceo', { role: 'founder', company: 'Acme' }),
      person('cto', { role: 'founder', company: ' ACME' }),
      person('kid', { ticketType: 'Student' }),
      person('eng', { role: 'engineer', conflicts: ['kid'] }),
    ];
    const rules = {
      sameCompany: 'forbid' as const,
      whoCanMeet: [
        { who: { role: 'investor' }, onlyWith: [{ role: 'founder' }] },
        { who: { ticketType: 'student' }, notWith: [{ role: 'investor' }] },
      ],
    };
    const checker = createHardRuleChecker(profiles, { rules });
    expectHardRules(checker, [
      ['vc', 'ceo', null],
      ['vc', 'vc2', 'meeting-rule'],
      ['eng', 'vc', 'meeting-rule'],
      ['kid', 'vc', 'meeting-rule'],
      ['kid', 'ceo', null],
      ['ceo', 'cto', 'same-company'],
      ['kid', 'eng', 'blocked'],
    ]);
    const penalty = createScorer(profiles, { rules: { ...rules, sameCompany: 'penalty' } });
    expect(penalty.hardRule('ceo', 'cto')).toBeNull();
    expect(penalty.breakdown('ceo', 'cto').sameCompany).toBe(DEFAULT_WEIGHTS.sameCompany);
    const plan = planRound({ profiles, rules, policy: 'bye' });
    expect(plan.meetings.map((m) => [...m.members].sort())).toEqual(expect.arrayContaining([expect.arrayContaining(['vc'])]));
    for (const m of plan.meetings) expect(checker.hardRule(m.members[0]!, m.members[1]!)).toBeNull();
  });
});
