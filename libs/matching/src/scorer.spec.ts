import { expectHardRules } from '../test/hard-rule-table';
import { MatchingInputError } from './errors';
import type { Profile } from './profile';
import { createScorer, scoreAllPairs } from './scorer';
import { toSolverWeight } from './score';
import { generateConference } from './synthetic';

const mk = (id: string, over: Partial<Profile> = {}): Profile => ({
  id, stack: [], interests: ['rag'], lookingFor: [], canOffer: [], languages: ['en'], ...over,
});

describe('createScorer', () => {
  const scorer = createScorer([mk('b'), mk('a', { blocks: ['c'] }), mk('c'), mk('d', { languages: ['ja'] })], { pastPairs: [['a', 'b']], excluded: ['x'] });

  it('sorts ids and reports hard rules by name', () => {
    expect(scorer.ids).toEqual(['a', 'b', 'c', 'd']);
    expectHardRules(scorer, [
      ['a', 'b', 'already-met'],
      ['c', 'a', 'blocked'],
      ['a', 'd', 'no-common-language'],
      ['b', 'c', null],
      ['a', 'zz', 'unknown-attendee'],
      ['a', 'a', 'same-person'],
    ]);
  });

  it('scores even forbidden pairs (the hard rule is reported apart) and explains', () => {
    expect(scorer.score('a', 'b')).toBeCloseTo(scorer.breakdown('a', 'b').total, 12);
    expect(scorer.score('b', 'c')).toBeGreaterThan(0);
    expect(scorer.explain('b', 'c').sharedInterests).toEqual(['rag']);
    expect(() => scorer.score('a', 'nobody')).toThrow(MatchingInputError);
  });
});

describe('scoreAllPairs', () => {
  it('lists every allowed pair once, by input position, in solver units', () => {
    const profiles = generateConference(25, 4, { blockRate: 0.2 });
    const reversed = [...profiles].reverse();
    const { n, edges } = scoreAllPairs(reversed);
    const scorer = createScorer(profiles);
    expect(n).toBe(25);
    let allowed = 0;
    for (let i = 0; i < 25; i++) for (let j = i + 1; j < 25; j++) if (scorer.hardRule(reversed[i]!.id, reversed[j]!.id) === null) allowed++;
    expect(edges).toHaveLength(allowed);
    for (const [u, v, w] of edges) {
      expect(u).toBeLessThan(v);
      expect(w).toBe(toSolverWeight(scorer.score(reversed[u]!.id, reversed[v]!.id)));
    }
  });
});
