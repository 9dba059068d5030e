import { TagVocabulary } from './tag-vocabulary';

describe('TagVocabulary', () => {
  const vocabulary = new TagVocabulary([
    { slug: 'rag', label: 'RAG', synonyms: ['Retrieval-Augmented Generation', 'retrieval augmented gen'] },
    { slug: 'inference', label: 'Inference', synonyms: ['serving'] },
  ]);

  it('maps labels and synonyms to the canonical slug, whatever the spelling', () => {
    expect(vocabulary.normalise(['Retrieval Augmented Generation', 'retrieval-augmented gen', 'SERVING']).tags).toEqual(['rag', 'inference']);
  });

  it('keeps unknown tags as slugs and reports them', () => {
    expect(vocabulary.normalise(['rag', 'Speculative Decoding'])).toEqual({ tags: ['rag', 'speculative-decoding'], unknown: ['speculative-decoding'] });
  });

  it('reports nothing as unknown when the event has no vocabulary yet', () => {
    expect(new TagVocabulary([]).normalise(['Agents'])).toEqual({ tags: ['agents'], unknown: [] });
  });
});
