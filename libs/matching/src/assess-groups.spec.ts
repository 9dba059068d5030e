import fc from 'fast-check';
import { assessGroups } from './assess-groups';
import { MatchingInputError } from './errors';
import { planRound } from './plan-round';
import type { Profile } from './profile';
import { generateConference } from './synthetic';

const person = (id: string, extra: Partial<Profile> = {}): Profile => ({
  id,
  name: id,
  stack: [],
  interests: ['rag'],
  lookingFor: [],
  canOffer: [],
  languages: ['en'],
  ...extra,
});

describe('assessGroups', () => {
  it('scores a planned meeting exactly as the planner did', () => {
    fc.assert(
      fc.property(fc.integer({ min: 4, max: 40 }), fc.integer(), (n, seed) => {
        const profiles = generateConference(n, seed);
        const plan = planRound({ profiles, seed });
        const assessed = assessGroups({ profiles, seed }, plan.meetings.map((m) => m.members));
        assessed.forEach((group, g) => {
          expect(group.score).toBeCloseTo(plan.meetings[g]!.score, 9);
          expect(group.violations).toEqual([]);
          expect(group.sentence).toBe(plan.meetings[g]!.sentence);
        });
      }),
      { numRuns: 25 },
    );
  });

  it('names every hard rule a hand-made group breaks', () => {
    const profiles = [
      person('ada', { blocks: ['grace'] }),
      person('grace'),
      person('linus', { languages: ['fi'] }),
      person('ken'),
    ];
    const [blocked, trio, met] = assessGroups({ profiles, pastPairs: [['ken', 'grace']] }, [
      ['ada', 'grace'],
      ['ada', 'ken', 'linus'],
      ['grace', 'ken'],
    ]);
    expect(blocked!.violations).toEqual([{ a: 'ada', b: 'grace', rule: 'blocked' }]);
    expect(trio!.violations.map((v) => v.rule).sort()).toEqual(['no-common-language', 'no-common-language']);
    expect(trio!.edges).toHaveLength(3);
    expect(met!.violations).toEqual([{ a: 'grace', b: 'ken', rule: 'already-met' }]);
  });

  it('judges a table of four or more on every pair', () => {
    const profiles = [person('a'), person('b'), person('c'), person('d')];
    const [table] = assessGroups({ profiles, pastPairs: [['b', 'd']] }, [['a', 'b', 'c', 'd']]);
    expect(table!.edges).toHaveLength(6);
    expect(table!.score).toBeCloseTo(table!.edges.reduce((sum, e) => sum + e.score, 0));
    expect(table!.violations).toEqual([{ a: 'b', b: 'd', rule: 'already-met' }]);
  });

  it('refuses groups that are not 2 to 8 different known people', () => {
    const profiles = 'abcdefghi'.split('').map((id) => person(id));
    expect(() => assessGroups({ profiles }, [['a']])).toThrow(MatchingInputError);
    expect(() => assessGroups({ profiles }, [['a', 'a']])).toThrow(MatchingInputError);
    expect(() => assessGroups({ profiles }, ['abcdefghi'.split('')])).toThrow(MatchingInputError);
    expect(() => assessGroups({ profiles }, [['a', 'zed']])).toThrow(/unknown attendee "zed"/);
  });
});
