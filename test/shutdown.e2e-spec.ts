import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { built, trackProcess } from '@pairwise/testing';
import { freePort } from '../apps/api/src/common/free-port';

// Starts the built server on its own embedded PostgreSQL (initdb included): seconds on a busy machine.
jest.setTimeout(240_000);

const main = built('apps/api/src/main.js');

describe('Ctrl-C in a terminal (zero setup, two workers)', () => {
  let dataDir: string;
  beforeAll(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pairwise-shutdown-'));
    // As root the embedded server runs as the `postgres` account, which must enter the folder.
    fs.chmodSync(dataDir, 0o755);
  });
  afterAll(() => {
    // A failed case may leave the embedded PostgreSQL running: it has a process group of its own.
    const postmaster = dataDir && path.join(dataDir, 'pg', 'postmaster.pid');
    if (postmaster && fs.existsSync(postmaster)) {
      try {
        process.kill(Number(fs.readFileSync(postmaster, 'utf8').split('\n')[0]), 'SIGQUIT');
      } catch {
        // already gone
      }
    }
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('closes the workers first, then stops the embedded PostgreSQL, and leaves nothing running', async () => {
    const env: NodeJS.ProcessEnv = { ...process.env, PAIRWISE_DATA_DIR: dataDir, PAIRWISE_WORKERS: '2', PORT: String(await freePort()), HOST: '127.0.0.1', NODE_ENV: 'test' };
    delete env.DATABASE_URL;
    // A terminal runs the command as a process group and Ctrl-C signals the whole group.
    const server = trackProcess(spawn('node', [main], { env, detached: true }), { group: true });
    let output = '';
    server.stdout.on('data', (chunk) => (output += chunk));
    server.stderr.on('data', (chunk) => (output += chunk));
    const exited = new Promise<number | null>((resolve) => server.once('exit', (code) => resolve(code)));
    try {
      const deadline = Date.now() + 180_000;
      while (!output.includes('(2 workers)')) {
        if (server.exitCode !== null || Date.now() > deadline) throw new Error(`the server did not start:\n${output}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      const postmaster = path.join(dataDir, 'pg', 'postmaster.pid');
      const postgresPid = Number(fs.readFileSync(postmaster, 'utf8').split('\n')[0]);

      process.kill(-server.pid!, 'SIGINT');
      expect(await exited).toBe(0);

      const at = (text: string) => {
        const index = output.indexOf(text);
        if (index < 0) throw new Error(`"${text}" is not in the output:\n${output}`);
        return index;
      };
      expect(at('SIGINT received: closing the API')).toBeLessThan(at('received fast shutdown request'));
      expect(at('SIGINT received: stopping 2 workers')).toBeLessThan(at('received fast shutdown request'));
      expect(output).not.toContain('terminating connection due to administrator command');
      expect(output).toContain('database system is shut down');
      expect(fs.existsSync(postmaster)).toBe(false);
      expect(() => process.kill(postgresPid, 0)).toThrow();
    } finally {
      if (server.exitCode === null) process.kill(-server.pid!, 'SIGKILL');
    }
  });
});
