import { inputErrorOf } from '../test/input-errors';
import { pairKey, tagSet, validateProfiles, type Profile } from './profile';

const base: Profile = { id: 'a', stack: [], interests: [], lookingFor: [], canOffer: [], languages: [] };

describe('validateProfiles', () => {
  it('accepts well-formed profiles', () => {
    expect(() => validateProfiles([base, { ...base, id: 'b', blocks: ['a'], wishes: [], role: 'founder' }])).not.toThrow();
  });

  it.each([
    [[base, base], 'profiles[1].id'],
    [[{ ...base, id: '' }], 'profiles[0].id'],
    [[{ ...base, interests: 'rag' }], 'profiles[0].interests'],
    [[{ ...base, languages: ['en', 3] }], 'profiles[0].languages[1]'],
    [[{ ...base, colour: 'red' }], 'profiles[0].colour'],
    [[{ ...base, role: 7 }], 'profiles[0].role'],
    [[null], 'profiles[0]'],
  ])('rejects %j naming %s', (profiles, field) => {
    expect(inputErrorOf(() => validateProfiles(profiles as never)).field).toBe(field);
  });
});

describe('tags and pairs', () => {
  it('normalises, de-duplicates and sorts tags', () => {
    expect(tagSet([' RAG', 'rag', 'Agents', ''])).toEqual(['agents', 'rag']);
  });

  it('keys a pair the same way in both orders', () => {
    expect(pairKey('b', 'a')).toBe(pairKey('a', 'b'));
  });
});
