import fc from 'fast-check';
import { expectHardRules } from '../test/hard-rule-table';
import { createHardRuleChecker } from './hard-rules';
import { MatchingInputError } from './errors';
import type { Profile } from './profile';
import { createScorer } from './scorer';

const LANGUAGES = ['en', 'EN ', 'fr', 'de', 'ja'];

/** n people with random languages (some none), blocks among them and past pairs. */
const population = fc.integer({ min: 2, max: 14 }).chain((n) =>
  fc
    .record({
      languages: fc.array(fc.subarray(LANGUAGES), { minLength: n, maxLength: n }),
      blocks: fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1)), { maxLength: n }),
      pastPairs: fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1)), { maxLength: n }),
    })
    .map(({ languages, blocks, pastPairs }) => {
      const id = (i: number) => `p${i}`;
      const profiles: Profile[] = languages.map((langs, i) => ({
        id: id(i),
        stack: [],
        interests: ['rag'],
        lookingFor: [],
        canOffer: [],
        languages: langs,
        blocks: blocks.filter(([a, b]) => a === i && a !== b).map(([, b]) => id(b)),
      }));
      return { profiles, pastPairs: pastPairs.filter(([a, b]) => a !== b).map(([a, b]) => [id(a), id(b)] as [string, string]) };
    }),
);

describe('createHardRuleChecker', () => {
  it('answers every pair exactly as the scorer does', () => {
    fc.assert(
      fc.property(population, ({ profiles, pastPairs }) => {
        const scorer = createScorer(profiles, { pastPairs });
        const rules = createHardRuleChecker(profiles, { pastPairs });
        for (const a of profiles) for (const b of profiles) expect(rules.hardRule(a.id, b.id)).toBe(scorer.hardRule(a.id, b.id));
      }),
      { numRuns: 100 },
    );
  });

  it('names the rule: blocked either way, already met, no common language; unknown ids and self-pairs', () => {
    const person = (id: string, extra: Partial<Profile> = {}): Profile => ({ id, stack: [], interests: [], lookingFor: [], canOffer: [], languages: ['en'], ...extra });
    const rules = createHardRuleChecker([person('ada', { blocks: ['grace'] }), person('grace'), person('ken'), person('yuki', { languages: ['ja'] }), person('any', { languages: [] })], {
      pastPairs: [['ken', 'grace']],
    });
    expectHardRules(rules, [
      ['grace', 'ada', 'blocked'],
      ['grace', 'ken', 'already-met'],
      ['ada', 'yuki', 'no-common-language'],
      ['yuki', 'any', null],
      ['ada', 'ken', null],
      ['ada', 'ada', 'same-person'],
      ['ada', 'nobody', 'unknown-attendee'],
    ]);
  });

  it('refuses invalid profiles as the scorer does', () => {
    expect(() => createHardRuleChecker([{ id: '' } as Profile])).toThrow(MatchingInputError);
  });
});
