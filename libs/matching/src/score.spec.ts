import fc from 'fast-check';
import { createPrng } from './prng';
import type { Profile } from './profile';
import { buildScoringModel, edgeScore, hardRuleOf, scoreBreakdown, toSolverWeight } from './score';
import { generateConference } from './synthetic';

const mk = (id: string, over: Partial<Profile> = {}): Profile => ({
  id, stack: [], interests: [], lookingFor: [], canOffer: [], languages: ['en'], ...over,
});

/** Score of two ids within a population. */
function scoreOf(profiles: readonly Profile[], a: string, b: string, options = {}): number {
  const model = buildScoringModel(profiles, options);
  return edgeScore(model, model.index.get(a) as number, model.index.get(b) as number);
}

/** A crowd in which "llm" is ubiquitous and "speculative-decoding" rare. */
function crowd(): Profile[] {
  return Array.from({ length: 40 }, (_, i) => mk(`crowd${i}`, { interests: ['llm', `other${i % 7}`] }));
}

describe('pair score', () => {
  it('ranks a shared rare interest above a shared ubiquitous one', () => {
    const people = [
      ...crowd(),
      mk('a', { interests: ['llm', 'x1'] }), mk('b', { interests: ['llm', 'x2'] }),
      mk('c', { interests: ['speculative-decoding', 'x3'] }), mk('d', { interests: ['speculative-decoding', 'x4'] }),
    ];
    expect(scoreOf(people, 'c', 'd')).toBeGreaterThan(scoreOf(people, 'a', 'b'));
  });

  it('rewards complementary goals in either direction, both directions most', () => {
    const people = [
      ...crowd(),
      mk('seeker', { lookingFor: ['funding'], canOffer: ['code-review'] }),
      mk('funder', { canOffer: ['funding'] }),
      mk('both', { canOffer: ['funding'], lookingFor: ['code-review'] }),
      mk('none', { canOffer: ['design'] }),
    ];
    const one = scoreOf(people, 'seeker', 'funder');
    expect(one).toBeGreaterThan(scoreOf(people, 'seeker', 'none'));
    expect(scoreOf(people, 'seeker', 'both')).toBeGreaterThan(one);
  });

  it('applies the role-mix table, wishes and the same-company penalty', () => {
    const people = [
      mk('f', { role: 'Founder', company: 'Acme' }), mk('i', { role: 'investor' }), mk('f2', { role: 'founder' }),
      mk('w1', { wishes: ['w2'] }), mk('w2', { wishes: ['w1'] }), mk('w3', { wishes: ['w1'] }), mk('c', { company: 'acme ' }),
    ];
    expect(scoreOf(people, 'f', 'i')).toBeCloseTo(0.6);
    expect(scoreOf(people, 'f', 'f2')).toBeCloseTo(0);
    expect(scoreOf(people, 'w1', 'w2')).toBeCloseTo(1);
    expect(scoreOf(people, 'w1', 'w3')).toBeCloseTo(0.3);
    expect(scoreOf(people, 'f', 'c')).toBeCloseTo(-0.5);
    expect(scoreOf(people, 'f', 'i', { weights: { roleMix: 2 } })).toBeCloseTo(1.2);
  });

  it('breaks the score into terms that add up to it', () => {
    const model = buildScoringModel(generateConference(60, 3));
    for (let i = 0; i < 60; i += 7) {
      for (let j = i + 1; j < 60; j += 5) {
        const s = edgeScore(model, i, j);
        if (s !== -Infinity) expect(scoreBreakdown(model, i, j).total).toBeCloseTo(s, 9);
      }
    }
  });

  it('is symmetric, bounded and independent of input order', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 30 }), fc.integer(), (n, seed) => {
        const profiles = generateConference(n, seed);
        const shuffled = createPrng(seed).shuffle([...profiles]);
        const a = buildScoringModel(profiles);
        const b = buildScoringModel(shuffled);
        for (let i = 0; i < n; i++) {
          for (let j = 0; j < n; j++) {
            if (i === j) continue;
            const s = edgeScore(a, i, j);
            expect(s).toBe(edgeScore(a, j, i));
            expect(s).toBe(edgeScore(b, b.index.get(a.profiles[i]!.id)!, b.index.get(a.profiles[j]!.id)!));
            if (s !== -Infinity) expect(Math.abs(s)).toBeLessThan(6);
          }
        }
      }),
      { numRuns: 25 },
    );
  });

  it('scales to integer solver weights consistently', () => {
    expect(toSolverWeight(0.7312345678)).toBe(731235);
    expect(toSolverWeight(-0.5)).toBe(-500000);
  });
});

describe('hard rules', () => {
  const people = [
    mk('en', { languages: ['en'] }), mk('fr', { languages: ['FR'] }), mk('enfr', { languages: ['fr', 'en'] }),
    mk('none', { languages: [] }), mk('blocker', { blocks: ['en'] }), mk('met'),
  ];
  const model = buildScoringModel(people, { pastPairs: [['met', 'en'], ['ghost', 'en']], excluded: ['enfr'] });
  const at = (id: string): number => model.index.get(id) as number;

  it('forbids pairs without a common language, when both list languages', () => {
    expect(hardRuleOf(model, at('en'), at('fr'))).toBe('no-common-language');
    expect(edgeScore(model, at('en'), at('fr'))).toBe(-Infinity);
    expect(hardRuleOf(model, at('none'), at('fr'))).toBeNull();
  });

  it('forbids blocks either way and past pairs, ignoring unknown ids', () => {
    expect(hardRuleOf(model, at('en'), at('blocker'))).toBe('blocked');
    expect(hardRuleOf(model, at('blocker'), at('en'))).toBe('blocked');
    expect(hardRuleOf(model, at('en'), at('met'))).toBe('already-met');
    expect(edgeScore(model, at('met'), at('en'))).toBe(-Infinity);
  });

  it('drops excluded attendees from the round', () => {
    expect(model.index.has('enfr')).toBe(false);
    expect(model.n).toBe(5);
  });
});
