import { CliUsageError } from '../cli-errors';
import { runMatch } from './match.action';
import { captureOutput, tempFiles } from './matching/test-files';

const files = tempFiles();
afterAll(() => files.cleanup());

function match(content: unknown, maxCardinality = false): unknown {
  const out = captureOutput();
  runMatch({ edges: files.write('edges.json', content), maxCardinality }, out);
  expect(out.text().endsWith('\n')).toBe(true);
  return JSON.parse(out.text());
}

function usageError(content: unknown): string {
  const file = files.write('bad.json', content);
  try {
    runMatch({ edges: file }, captureOutput());
  } catch (error) {
    expect(error).toBeInstanceOf(CliUsageError);
    const message = (error as Error).message;
    expect(message).not.toContain('\n');
    return message.replace(file, 'FILE');
  }
  throw new Error('expected a usage error');
}

describe('pairwise match', () => {
  it('prints the maximum-weight matching and its weight', () => {
    const graph = { n: 4, edges: [[0, 1, 5], [1, 2, 11], [2, 3, 5]] };
    expect(match(graph)).toEqual({ mate: [-1, 2, 1, -1], weight: 11 });
    expect(match(graph, true)).toEqual({ mate: [1, 0, 3, 2], weight: 10 });
  });

  it('lists isolated vertices as unmatched and accepts float weights', () => {
    expect(match({ n: 3, edges: [[0, 1, 0.5]] })).toEqual({ mate: [1, 0, -1], weight: 0.5 });
    expect(match({ n: 0, edges: [] })).toEqual({ mate: [], weight: 0 });
  });

  it.each([
    ['{"n": 2, "edges": [[0, 1, 1]]', 'FILE: malformed JSON'],
    [{ n: 2, edges: [[0, 2, 1]] }, 'FILE: edges[0][1]: vertex 2 is out of range 0..1'],
    [{ n: 2, edges: [[0, 1, 'NaN']] }, 'FILE: edges[0][2]: weight must be a finite number'],
    [{ n: 2, edges: [[0, 1, null]] }, 'FILE: edges[0][2]: weight must be a finite number'],
    [{ n: 2, edges: [[1, 1, 3]] }, 'FILE: edges[0]: self-loop on vertex 1'],
    [{ n: 3, edges: [[0, 1, 3], [1, 0, 4]] }, 'FILE: edges[1]: repeats the pair (0, 1) of edges[0]'],
    [{ n: 2, edges: [[0, 1]] }, 'FILE: edges[0]: must be [u, v, w]'],
    [{ n: 2.5, edges: [] }, 'FILE: n: must be an integer'],
    [{ n: 2, edges: [], weights: [] }, 'FILE: weights: unknown field'],
    [[1, 2], 'FILE: (root): must be an object'],
  ])('rejects %j with one clear line', (content, expected) => {
    expect(usageError(content)).toContain(expected);
  });

  it('reports a missing file', () => {
    expect(() => runMatch({ edges: '/no/such/edges.json' }, captureOutput())).toThrow('no such file: /no/such/edges.json');
  });
});
