import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { freePort } from '../../../apps/api/src/common/free-port';
import { closeLater } from './cleanup';
import { trackProcess } from './processes';

/** The built server, as `npm start` runs it. */
export const BUILT_MAIN = path.resolve(__dirname, '../../../dist/apps/api/src/main.js');

/** Fails loudly (never skips) when the server was not built: `npm test` builds first. */
export function assertBuilt(): void {
  if (!fs.existsSync(BUILT_MAIN)) throw new Error(`${BUILT_MAIN} is missing: run \`npm run build\` first (npm test does)`);
}

/** The API as a real child process (`node dist/apps/api/src/main.js`), its output kept for assertions. */
export class ApiProcess {
  readonly process: ChildProcess;
  output = '';
  readonly exited: Promise<number | null>;

  constructor(env: Record<string, string>) {
    assertBuilt();
    // Tracked: killed with the test file's cleanup even when the test fails half-way.
    this.process = trackProcess(spawn('node', [BUILT_MAIN], { env: { ...process.env, NODE_ENV: 'test', LOG_LEVEL: 'warn', ...env } }));
    this.process.stdout!.on('data', (chunk) => (this.output += chunk));
    this.process.stderr!.on('data', (chunk) => (this.output += chunk));
    this.exited = new Promise((resolve) => this.process.once('exit', (code) => resolve(code)));
  }

  /** Resolves with the match once the output shows it; fails if the process exits first. */
  async waitFor(pattern: RegExp, timeoutMs = 60_000): Promise<RegExpMatchArray> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const match = this.output.match(pattern);
      if (match) return match;
      if (this.process.exitCode !== null || this.process.signalCode !== null) throw new Error(`the API exited before printing ${pattern}:\n${this.output}`);
      if (Date.now() > deadline) throw new Error(`no ${pattern} within ${timeoutMs} ms:\n${this.output}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  /** Stops it at once, as a crash would (idempotent). */
  async kill(): Promise<void> {
    if (this.process.exitCode === null && this.process.signalCode === null) this.process.kill('SIGKILL');
    await this.exited;
  }
}

/** An API process the test started, and the port it serves on. */
export interface RunningApi {
  process: ApiProcess;
  port: number;
  /** Its base URL, `http://127.0.0.1:<port>` (remoteApi's `baseUrl`). */
  url: string;
}

/**
 * Starts the built API on a free port of 127.0.0.1 — on `databaseUrl`, signing with `secret` (processes of
 * one deployment share it), `admin` its admin — plus `env`; killed with the test file's cleanup even when the
 * test fails; resolves once it serves (generous: minutes on a busy machine).
 */
export async function startApiProcess(options: { databaseUrl: string; secret: string; admin: { email: string; password: string }; env?: Record<string, string> }): Promise<RunningApi> {
  const port = await freePort();
  const api = new ApiProcess(apiProcessEnv({ ...options, port }));
  closeLater(() => api.kill());
  await api.waitFor(/Pairwise API ready at/, 300_000);
  return { process: api, port, url: `http://127.0.0.1:${port}` };
}

/**
 * What makes a built API serve on 127.0.0.1:`port` from `databaseUrl`, `admin` its admin, signing with
 * `secret` (processes of one deployment share it; a fresh one when not given), plus `env`.
 */
export function apiProcessEnv(options: { databaseUrl: string; port: number; admin: { email: string; password: string }; secret?: string; env?: Record<string, string> }): Record<string, string> {
  return {
    DATABASE_URL: options.databaseUrl,
    HOST: '127.0.0.1',
    PORT: String(options.port),
    PAIRWISE_JWT_SECRET: options.secret ?? randomBytes(32).toString('hex'),
    PAIRWISE_ADMIN_EMAIL: options.admin.email,
    PAIRWISE_ADMIN_PASSWORD: options.admin.password,
    ...options.env,
  };
}
