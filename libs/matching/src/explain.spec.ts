import { explainPair, pairReasons } from './explain';
import type { Profile } from './profile';
import { buildScoringModel } from './score';

const mk = (id: string, over: Partial<Profile> = {}): Profile => ({
  id, stack: [], interests: [], lookingFor: [], canOffer: [], languages: ['en'], ...over,
});

/** "llm" is everywhere, "kv-cache" rare, "speculative-decoding" rarest. */
const crowd = Array.from({ length: 30 }, (_, i) => mk(`c${i}`, { interests: ['llm', ...(i < 3 ? ['kv-cache'] : [])] }));
const ada = mk('ada', {
  name: 'Ada', role: 'founder', interests: ['llm', 'kv-cache', 'speculative-decoding'], stack: ['rust', 'python'],
  lookingFor: ['funding'], canOffer: ['code-review'], languages: ['en', 'fr'], wishes: ['grace'],
});
const grace = mk('grace', {
  name: 'Grace', role: 'investor', interests: ['speculative-decoding', 'llm', 'kv-cache'], stack: ['python'],
  canOffer: ['funding'], lookingFor: ['code-review'], languages: ['fr', 'de'], wishes: ['ada'],
});
const model = buildScoringModel([...crowd, ada, grace]);
const at = (id: string): number => model.index.get(id) as number;

describe('explanations', () => {
  it('lists shared interests rarest first, goals both ways, stack, languages, wish and role mix', () => {
    const r = pairReasons(model, at('grace'), at('ada'));
    expect(r.a).toBe('ada');
    expect(r.sharedInterests).toEqual(['speculative-decoding', 'kv-cache', 'llm']);
    expect(r.aSeeksBOffers).toEqual(['funding']);
    expect(r.bSeeksAOffers).toEqual(['code-review']);
    expect(r.sharedStack).toEqual(['python']);
    expect(r.commonLanguages).toEqual(['fr']);
    expect(r.wish).toBe('mutual');
    expect(r.roleMix).toEqual({ roles: ['founder', 'investor'], bonus: 0.6 });
    expect(r.sameCompany).toBe(false);
    expect(pairReasons(model, at('ada'), at('grace'), 's').variant).toBe(pairReasons(model, at('grace'), at('ada'), 's').variant);
  });

  it('builds one sentence and one question from the strongest reasons, deterministically', () => {
    const e = explainPair(model, at('ada'), at('grace'), 'seed');
    expect(e.sentence).toBe('Ada and Grace both asked to meet, and both care about speculative decoding and kv cache.');
    expect(e.openingQuestion).toMatch(/speculative decoding/);
    expect(e.openingQuestion).toMatch(/\?$/);
    expect(explainPair(model, at('grace'), at('ada'), 'seed')).toEqual(e);
    const questions = new Set(Array.from({ length: 20 }, (_, s) => explainPair(model, at('ada'), at('grace'), s).openingQuestion));
    expect(questions.size).toBeGreaterThan(1);
  });

  it('falls back to a neutral sentence when two people share nothing', () => {
    const m = buildScoringModel([mk('x'), mk('y')]);
    const e = explainPair(m, 0, 1, 1);
    expect(e.sentence).toBe('X and y have not met yet and may find common ground.'); // a sentence starts with a capital
    expect(e.openingQuestion).toMatch(/\?$/);
  });
});
