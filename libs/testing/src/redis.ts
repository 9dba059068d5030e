import { spawn, spawnSync } from 'node:child_process';
import net from 'node:net';
import { freePort } from '../../../apps/api/src/common/free-port';
import { trackProcess } from './processes';

export interface TestRedis {
  url: string;
  port: number;
  /** Sends one command (inline protocol) and returns Redis's raw answer. */
  command(line: string): Promise<string>;
  close(): Promise<void>;
}

/**
 * A Redis server of the test's own (Debian's redis-server) on a free port of 127.0.0.1, keeping nothing on
 * disk; stopped with the test file's cleanup even when the test fails. Fails — never skips — when the
 * binary is missing, saying how to install it.
 */
export async function startRedisServer(): Promise<TestRedis> {
  if (spawnSync('redis-server', ['--version']).error) {
    throw new Error('redis-server is not installed: `apt-get install -y redis-server` (.ci/run installs it)');
  }
  const port = await freePort();
  const child = trackProcess(spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: ['ignore', 'pipe', 'pipe'] }));
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const deadline = Date.now() + 60_000;
  while (!/Ready to accept connections/.test(output)) {
    if (child.exitCode !== null) throw new Error(`redis-server exited (${child.exitCode}):\n${output}`);
    if (Date.now() > deadline) throw new Error(`redis-server did not start within 60 s:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const command = (line: string) =>
    new Promise<string>((resolve, reject) => {
      const socket = net.connect(port, '127.0.0.1', () => socket.write(`${line}\r\nQUIT\r\n`));
      let answer = '';
      socket.on('data', (chunk) => (answer += chunk));
      socket.on('error', reject);
      socket.on('close', () => resolve(answer.replace(/\+OK\r\n$/, '')));
    });
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    command,
    close: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}
