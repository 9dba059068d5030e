import { generateConference } from '@pairwise/matching';
import { CliUsageError } from '../cli-errors';
import { runMatch } from './match.action';
import { captureOutput, tempFiles } from './matching/test-files';
import { runScore } from './score.action';

const files = tempFiles();
afterAll(() => files.cleanup());

const people = [
  { id: 'ada', role: 'founder', interests: ['speculative-decoding', 'llm'], lookingFor: ['funding'], languages: ['en'] },
  { id: 'bob', role: 'investor', interests: ['llm'], canOffer: ['funding'], languages: ['en', 'fr'] },
  { id: 'cy', interests: ['speculative-decoding'], languages: ['fr'] },
  { id: 'dee', interests: ['llm'], languages: ['en'], blocks: ['ada'] },
];

describe('pairwise score', () => {
  it('prints every allowed pair as {"n", "edges"}, vertex i = i-th profile, hard rules dropping edges', () => {
    const out = captureOutput();
    runScore({ profiles: files.write('p.json', people) }, out);
    const result = JSON.parse(out.text()) as { n: number; edges: [number, number, number][] };
    expect(result.n).toBe(4);
    const pairs = result.edges.map(([u, v]) => `${u}-${v}`);
    expect(pairs).toEqual(['0-1', '1-2', '1-3']); // ada–cy: no common language; ada–dee: blocked; cy–dee: no language
    for (const [, , w] of result.edges) expect(Number.isInteger(w)).toBe(true);
  });

  it('feeds pairwise match directly', () => {
    const scored = captureOutput();
    runScore({ profiles: files.write('c.json', generateConference(12, 3)) }, scored);
    const matched = captureOutput();
    runMatch({ edges: files.write('e.json', scored.text()), maxCardinality: true }, matched);
    const { mate } = JSON.parse(matched.text()) as { mate: number[] };
    expect(mate).toHaveLength(12);
  });

  it.each([
    [[{ id: 'a', colour: 'red' }], 'profiles[0].colour: unknown field'],
    [[{ id: 'a', interests: 'rag' }], 'profiles[0].interests:'],
    [[{ id: 'a' }, { id: 'a' }], 'profiles[1].id: duplicate id "a" (also profiles[0])'],
    [[{ id: '' }], 'profiles[0].id:'],
    [{ id: 'a' }, 'profiles:'],
    ['[{"id": "a",}]', 'malformed JSON'],
  ])('rejects %j with one clear line', (content, expected) => {
    const file = files.write('bad.json', content);
    expect.assertions(3);
    try {
      runScore({ profiles: file }, captureOutput());
    } catch (error) {
      expect(error).toBeInstanceOf(CliUsageError);
      expect((error as Error).message).toContain(expected);
      expect((error as Error).message).not.toContain('\n');
    }
  });
});
