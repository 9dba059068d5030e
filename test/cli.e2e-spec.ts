import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { built, runFile } from '@pairwise/testing';

const cli = path.resolve(__dirname, '../apps/cli/bin/pairwise.js');
built('apps/cli/src/main.js'); // the bin runs it

/** Runs the built CLI; resolves with its exit code and output whatever the code. */
async function pairwise(args: string[], env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await runFile(process.execPath, [cli, ...args], { env: { ...process.env, LOG_LEVEL: 'silent', ...env } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const { code, stdout, stderr } = error as { code: number; stdout: string; stderr: string };
    return { code, stdout, stderr };
  }
}

describe('the built pairwise binary', () => {
  let dir: string;
  const write = (name: string, content: unknown) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, JSON.stringify(content));
    return file;
  };
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pairwise-cli-'));
  });
  afterAll(() => dir && fs.rmSync(dir, { recursive: true, force: true }));

  it('prints only the JSON result on stdout, and usage errors as one stderr line with exit code 2', async () => {
    const ok = await pairwise(['match', '--edges', write('g.json', { n: 4, edges: [[0, 1, 5], [1, 2, 11], [2, 3, 5]] }), '--max-cardinality']);
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout)).toEqual({ mate: [1, 0, 3, 2], weight: 10 });
    expect(ok.stderr).toBe('');

    const failed = await pairwise(['match', '--edges', write('b.json', { n: 2, edges: [[0, 5, 1]] })]);
    expect(failed.code).toBe(2);
    expect(failed.stdout).toBe('');
    expect(failed.stderr.trim().split('\n')).toHaveLength(1);
    expect(failed.stderr).toContain('edges[0][1]: vertex 5 is out of range 0..1');
  });
});
