import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { isAlive, openedCount, startAdminEventApp, startEventApp, trackProcess } from '@pairwise/testing';

const root = path.resolve(__dirname, '..');

interface JestReport {
  testResults: { name: string; status: string; message: string; assertionResults: { status: string }[] }[];
}

/** The e2e project of package.json, exactly, pointed at the fixtures in test/fixtures/. */
function fixtureConfig(): Record<string, unknown> {
  const { projects, ...global } = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).jest;
  const e2e = projects.find((project: { displayName: string }) => project.displayName === 'e2e');
  return { ...global, rootDir: root, projects: [{ ...e2e, rootDir: root, testMatch: ['<rootDir>/test/fixtures/*.fixture.ts'] }] };
}

/** Runs jest on the fixtures in a process of its own; resolves when it exits by itself, fails if it does not. */
async function runFixtures(dir: string): Promise<{ code: number | null; output: string; report: JestReport }> {
  const outputFile = path.join(dir, 'results.json');
  const jest = trackProcess(
    spawn(process.execPath, [require.resolve('jest/bin/jest'), '--config', JSON.stringify(fixtureConfig()), '--runInBand', '--ci', '--json', '--outputFile', outputFile], {
      cwd: root,
      env: { ...process.env, PAIRWISE_FIXTURE_REPORT: path.join(dir, 'fixture.json') },
    }),
  );
  let output = '';
  jest.stdout.on('data', (chunk) => (output += chunk));
  jest.stderr.on('data', (chunk) => (output += chunk));
  const code = await new Promise<number | null>((resolve, reject) => {
    const stuck = setTimeout(() => reject(new Error(`jest did not exit within 400 s:\n${output}`)), 400_000);
    jest.once('exit', (exitCode) => {
      clearTimeout(stuck);
      resolve(exitCode);
    });
  });
  return { code, output, report: JSON.parse(fs.readFileSync(outputFile, 'utf8')) as JestReport };
}

describe('the test harness on a slow machine', () => {
  it('gives hooks the configured timeout, and closes what an abandoned setup opened so jest exits by itself', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pairwise-harness-'));
    try {
      const { code, output, report } = await runFixtures(dir);
      const result = (name: string) => report.testResults.find((file) => file.name.endsWith(name))!;

      // jest 30 reads testTimeout only at the top level of its configuration: 5.5 s passes only when it does.
      expect(result('slow-hook.fixture.ts')).toMatchObject({ status: 'passed', assertionResults: [{ status: 'passed' }] });

      // The abandoned setup fails as it should, and nothing it opened outlives the run.
      expect(result('abandoned-setup.fixture.ts').status).toBe('failed');
      expect(result('abandoned-setup.fixture.ts').message).toContain('Exceeded timeout of 1 ms for a hook');
      expect(code).toBe(1);
      expect(output).not.toContain('did not exit');
      const { child } = JSON.parse(fs.readFileSync(path.join(dir, 'fixture.json'), 'utf8')) as { child: number };
      expect(isAlive(child)).toBe(false);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 450_000);
});

describe('startEventApp and startAdminEventApp, the preambles of most e2e files', () => {
  it.each([
    ['startEventApp', startEventApp],
    ['startAdminEventApp', startAdminEventApp],
  ])('%s closes the app it started when the event cannot be created, since its caller never gets it', async (_, start) => {
    const before = openedCount();
    await expect(start({ event: { timeZone: 'Nowhere/Atlantis' } })).rejects.toThrow(/BAD_USER_INPUT|time zone/i);
    expect(openedCount()).toBe(before);
  });
});
