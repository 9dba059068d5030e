import { slugify } from './index';

describe('slugify', () => {
  it.each([
    ['Speculative Décoding!', 'speculative-decoding'],
    ['  RAG  ', 'rag'],
    ['C++', 'c-plus-plus'],
    ['C#', 'c-sharp'],
    ['LLM/Inference', 'llm-inference'],
    ['Retrieval-Augmented Generation', 'retrieval-augmented-generation'],
    ['ﬁne-tuning', 'fine-tuning'],
    ['日本語', ''],
    ['  ', ''],
    [' - ', ''],
    ['a\u0000b', 'a-b'],
  ])('%j → %j', (input, slug) => expect(slugify(input)).toBe(slug));
});
