import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';

/*
 * The one nginx of the benches and the end-to-end tests (libs/testing's startNginx wraps it with a
 * temporary folder and the test file's cleanup). It lives with the benches because they are compiled
 * into dist/ and the tests' harness is not: the harness runs from sources and can import it from here.
 */

/** Where Debian's package puts it (not always on a non-root PATH). */
const NGINX = ['/usr/sbin/nginx', 'nginx'].find((candidate) => !spawnSync(candidate, ['-v']).error);

export interface NginxProxyOptions {
  /** The loopback port nginx listens on. */
  listen: number;
  /** Ports of the API processes on 127.0.0.1. */
  upstreams: number[];
  /** Where nginx keeps its configuration, pid, error log and temporary files. */
  dir: string;
  /** nginx worker processes (the deployment's `auto` is one per core). */
  workers: number;
  /** Adds `X-Upstream` to every response: which process answered (a test's question; not in the deployment). */
  tagUpstream?: boolean;
  /** Called with nginx's process as soon as it is spawned, so a caller that gives up still stops it. */
  track?: (child: ChildProcess) => void;
}

export interface NginxProxy {
  /** http://127.0.0.1:<port> */
  url: string;
  port: number;
  process: ChildProcess;
  /** nginx's output and error log so far (for a failure's message). */
  errors(): string;
  stop(): Promise<void>;
}

/**
 * docs/deploy/nginx.conf on loopback: round-robin over the API processes, keep-alive upstream
 * connections, WebSocket upgrade passed through (graphql-ws on /graphql), the client address in
 * X-Forwarded-For, a request that cannot reach a process (refused, reset before an answer) tried on the
 * next. Access log off, as there: a benchmark measures the proxy, not its disk.
 */
export function nginxConfig(options: Omit<NginxProxyOptions, 'track'>): string {
  const { dir } = options;
  return `
${process.getuid?.() === 0 ? 'user root;' : ''}
worker_processes ${options.workers};
daemon off;
pid ${dir}/nginx.pid;
error_log ${dir}/nginx-error.log warn;
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
      proxy_next_upstream error timeout;${options.tagUpstream ? '\n      add_header X-Upstream $upstream_addr always;' : ''}
    }
  }
}
`;
}

/**
 * nginx configured by `nginxConfig`, once it accepts connections on `listen`. Fails — never skips — when
 * nginx is not installed, exits, or does not listen within 60 s (then it is stopped first).
 */
export async function startNginxProxy(options: NginxProxyOptions): Promise<NginxProxy> {
  if (!NGINX) throw new Error('nginx is not installed: `apt-get install -y nginx` (.ci/run installs it)');
  const { dir, listen } = options;
  const errorLog = path.join(dir, 'nginx-error.log');
  fs.writeFileSync(path.join(dir, 'nginx.conf'), nginxConfig(options));
  const child = spawn(NGINX, ['-p', dir, '-c', path.join(dir, 'nginx.conf'), '-e', errorLog], { stdio: ['ignore', 'pipe', 'pipe'] });
  options.track?.(child);
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const errors = () => output + (fs.existsSync(errorLog) ? fs.readFileSync(errorLog, 'utf8') : '');
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM'); // fast shutdown: open WebSockets are cut
    await exited;
  };
  const deadline = Date.now() + 60_000;
  while (!(await accepts(listen))) {
    if (child.exitCode !== null) {
      throw new Error(`nginx exited (${child.exitCode}):\n${errors()}`);
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`nginx did not listen within 60 s:\n${errors()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return { url: `http://127.0.0.1:${listen}`, port: listen, process: child, errors, stop };
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
