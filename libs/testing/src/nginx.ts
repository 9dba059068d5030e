import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startNginxProxy } from '../../../bench/support/nginx-proxy';
import { freePort } from '../../../apps/api/src/common/free-port';
import { closeLater } from './cleanup';
import { trackProcess } from './processes';

export interface TestNginx {
  /** http://127.0.0.1:<port> */
  url: string;
  port: number;
  /** nginx's error log so far (for a failing test's message). */
  errors(): string;
  close(): Promise<void>;
}

/**
 * nginx in front of `upstreams` (ports of API processes on 127.0.0.1), configured as the deployment's
 * (bench/support/nginx-proxy.ts, one worker) and telling which process answered in `X-Upstream`, on a
 * free port, with its files in a temporary folder; stopped (and the folder removed) by `close` or the
 * test file's cleanup, even when it failed to start. Fails — never skips — when nginx is not installed.
 */
export async function startNginx(upstreams: number[]): Promise<TestNginx> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pairwise-nginx-'));
  const removeDir = closeLater(async () => fs.rmSync(dir, { recursive: true, force: true }));
  try {
    const nginx = await startNginxProxy({ listen: await freePort(), upstreams, dir, workers: 1, tagUpstream: true, track: (child) => trackProcess(child) });
    const close = async () => {
      await nginx.stop();
      await removeDir();
    };
    return { url: nginx.url, port: nginx.port, errors: nginx.errors, close };
  } catch (error) {
    await removeDir();
    throw error;
  }
}
