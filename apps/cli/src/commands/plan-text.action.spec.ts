import { generateConference, withSyntheticTexts } from '@pairwise/matching';
import { CliUsageError } from '../cli-errors';
import { captureOutput, tempFiles } from './matching/test-files';
import { runPlan } from './plan.action';
import { runScore } from './score.action';

const files = tempFiles();
afterAll(() => files.cleanup());

/** Text only: no tag at all, as the offline contract allows. */
const textOnly = [
  { id: 'r1', text: 'I build retrieval evaluation pipelines: relevance judgements and evaluation metrics for search.' },
  { id: 'r2', text: 'Evaluation of retrieval for RAG: retrieval benchmarks and human relevance evaluation.' },
  { id: 's1', text: 'Fine-tuning small speech models for on-device transcription with quantization.' },
  { id: 's2', abstracts: ['Quantization of speech recognition models.', 'On-device transcription, offline.'] },
];

interface PlanJson {
  rules: { weights: { text: number | null } };
  rounds: { meetings: { members: string[]; score: number; sentence: string; edges: { explanation: { sharedTerms: string[] } }[] }[]; stats: { text: { rank: number; explainedVariance: number; share: number; people: number } | null } }[];
}

describe('pairwise plan and score with free text', () => {
  it('plans a profile set made only of texts, pairing by topic, with shared terms and the text statistics', () => {
    const out = captureOutput();
    runPlan({ profiles: files.write('text.json', textOnly), seed: '1' }, out);
    const result = JSON.parse(out.text()) as PlanJson;
    const round = result.rounds[0]!;
    expect(round.meetings.map((m) => m.members.join('+')).sort()).toEqual(['r1+r2', 's1+s2']);
    const retrieval = round.meetings.find((m) => m.members[0] === 'r1')!;
    expect(retrieval.edges[0]!.explanation.sharedTerms).toEqual(expect.arrayContaining(['retrieval', 'evaluation']));
    expect(retrieval.sentence).toMatch(/both work on/);
    expect(round.stats.text).toMatchObject({ people: 4, share: 0.5 });
    expect(round.stats.text!.rank).toBeGreaterThan(0);
    expect(round.stats.text!.explainedVariance).toBeGreaterThan(0);
  });

  it('--text-weight 0 scores exactly as the same profiles without texts; 1 scores text only', () => {
    const people = withSyntheticTexts(generateConference(12, 'cli-text'), 'cli-text', { length: 300 });
    const bare = people.map(({ text: _t, ...rest }) => rest);
    const score = (file: string, textWeight?: string) => {
      const out = captureOutput();
      runScore({ profiles: file, textWeight }, out);
      return out.text();
    };
    const withTexts = files.write('with.json', people);
    expect(score(withTexts, '0')).toBe(score(files.write('bare.json', bare)));
    expect(score(withTexts, '1')).not.toBe(score(withTexts, '0'));
    expect(score(withTexts)).toBe(score(withTexts, '0.5'));
    const csv = captureOutput();
    runPlan({ profiles: withTexts, textWeight: '0.7', format: 'csv' }, csv);
    expect(csv.text()).toMatch(/text_share=0.7 text_rank=\d+ text_explained=0\.\d+/);
  });

  it.each(['-0.1', '1.5', 'abc', '', 'NaN'])('rejects --text-weight %j with one clear line', (value) => {
    expect(() => runPlan({ profiles: files.write('t.json', textOnly), textWeight: value }, captureOutput())).toThrow(CliUsageError);
    expect(() => runPlan({ profiles: files.write('t.json', textOnly), textWeight: value }, captureOutput())).toThrow(/--text-weight must be a number between 0 and 1/);
  });

  it('rejects a text or abstracts of the wrong type, naming the field', () => {
    expect(() => runScore({ profiles: files.write('b1.json', [{ id: 'a', text: 3 }]) }, captureOutput())).toThrow(/profiles\[0\]\.text/);
    expect(() => runScore({ profiles: files.write('b2.json', [{ id: 'a', abstracts: 'x' }]) }, captureOutput())).toThrow(/profiles\[0\]\.abstracts/);
  });
});
