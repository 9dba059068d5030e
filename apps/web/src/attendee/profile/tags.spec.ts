import { tagMatcher } from './tags';

describe('tags typed in the profile', () => {
  const matcher = tagMatcher([
    { slug: 'rag', label: 'RAG', synonyms: ['Retrieval-Augmented Generation'] },
    { slug: 'cpp', label: 'C++', synonyms: [] },
  ]);

  it('resolves any spelling the vocabulary knows to its slug, and keeps the rest as typed', () => {
    expect(matcher.resolve('rag')).toBe('rag');
    expect(matcher.resolve('  RAG ')).toBe('rag');
    expect(matcher.resolve('retrieval augmented generation')).toBe('rag');
    expect(matcher.resolve('C++')).toBe('cpp');
    expect(matcher.resolve(' Speculative decoding ')).toBe('Speculative decoding');
  });

  it('reads a slug as its label, and an unknown tag as itself', () => {
    expect(matcher.label('rag')).toBe('RAG');
    expect(matcher.label('speculative-decoding')).toBe('speculative-decoding');
    expect(matcher.known('rag')).toBe(true);
    expect(matcher.known('speculative-decoding')).toBe(false);
  });
});
