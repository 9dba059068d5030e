import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../../../apps/api/src/common/free-port';
import { trackProcess } from './processes';

/** Where Debian's package puts it (not always on a non-root PATH). */
const NGINX = ['/usr/sbin/nginx', 'nginx'].find((candidate) => !spawnSync(candidate, ['-v']).error);

export interface TestNginx {
  /** http://127.0.0.1:<port> */
  url: string;
  port: number;
  /** nginx's error log so far (for a failing test's message). */
  errors(): string;
  close(): Promise<void>;
}

/**
 * The reverse-proxy configuration README.md recommends, on loopback: round-robin over the API
 * processes, WebSocket upgrade passed through (graphql-ws on /graphql), the client address in
 * X-Forwarded-For, a request that cannot reach a process (refused, reset before an answer) tried on
 * the next. `X-Upstream` tells a test which process answered (not in the README's snippet).
 */
export function nginxConfig(options: { listen: number; upstreams: number[]; dir: string }): string {
  const { dir } = options;
  return `
${process.getuid?.() === 0 ? 'user root;' : ''}
worker_processes 1;
daemon off;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;

  map $http_upgrade $connection_upgrade {
    default upgrade;
    ''      '';
  }
  upstream pairwise_api {
${options.upstreams.map((port) => `    server 127.0.0.1:${port} max_fails=1 fail_timeout=2s;`).join('\n')}
    keepalive 32;
  }
  server {
    listen 127.0.0.1:${options.listen};
    location / {
      proxy_pass http://pairwise_api;
      proxy_http_version 1.1;
      proxy_set_header Upgrade $http_upgrade;
      proxy_set_header Connection $connection_upgrade;
      proxy_set_header Host $host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto $scheme;
      proxy_read_timeout 1h;
      proxy_next_upstream error timeout;
      add_header X-Upstream $upstream_addr always;
    }
  }
}
`;
}

/**
 * nginx in front of `upstreams` (ports of API processes on 127.0.0.1), on a free port, with its files in
 * a temporary folder; stopped (and the folder removed) by `close` or the test file's cleanup. Fails —
 * never skips — when nginx is not installed.
 */
export async function startNginx(upstreams: number[]): Promise<TestNginx> {
  if (!NGINX) throw new Error('nginx is not installed: `apt-get install -y nginx` (.ci/run installs it)');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pairwise-nginx-'));
  const port = await freePort();
  fs.writeFileSync(path.join(dir, 'nginx.conf'), nginxConfig({ listen: port, upstreams, dir }));
  const child = trackProcess(spawn(NGINX, ['-p', dir, '-c', path.join(dir, 'nginx.conf'), '-e', path.join(dir, 'error.log')], { stdio: ['ignore', 'pipe', 'pipe'] }));
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const errors = () => output + (fs.existsSync(path.join(dir, 'error.log')) ? fs.readFileSync(path.join(dir, 'error.log'), 'utf8') : '');
  const close = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM'); // fast shutdown: open WebSockets are cut, as a test wants
      await exited;
    }
    fs.rmSync(dir, { recursive: true, force: true });
  };
  const deadline = Date.now() + 60_000;
  while (!(await accepts(port))) {
    if (child.exitCode !== null) {
      await close();
      throw new Error(`nginx exited (${child.exitCode}):\n${errors()}`);
    }
    if (Date.now() > deadline) {
      await close();
      throw new Error(`nginx did not listen within 60 s:\n${errors()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return { url: `http://127.0.0.1:${port}`, port, errors, close };
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}
