import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';

/** Where Debian's package puts it (not always on a non-root PATH). */
const NGINX = ['/usr/sbin/nginx', 'nginx'].find((candidate) => !spawnSync(candidate, ['-v']).error);

export interface NginxProxy {
  /** http://127.0.0.1:<port> */
  url: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

/**
 * nginx in front of API processes on 127.0.0.1 for a benchmark, configured as docs/deploy/nginx.conf
 * (round-robin, keep-alive upstream connections, WebSocket upgrade, X-Forwarded-For, a request that cannot
 * reach a process tried on the next), its files in `dir`. Logs off (as there): a benchmark measures the
 * proxy, not its disk. `workers` nginx worker processes (the deployment's `auto` is one per core).
 */
export async function startNginxProxy(options: { listen: number; upstreams: number[]; dir: string; workers: number }): Promise<NginxProxy> {
  if (!NGINX) throw new Error('nginx is not installed: `apt-get install -y nginx` (.ci/run installs it)');
  const { dir } = options;
  fs.writeFileSync(
    path.join(dir, 'nginx.conf'),
    `
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
      proxy_next_upstream error timeout;
    }
  }
}
`,
  );
  const child = spawn(NGINX, ['-p', dir, '-c', path.join(dir, 'nginx.conf'), '-e', path.join(dir, 'nginx-error.log')], { stdio: ['ignore', 'ignore', 'pipe'] });
  let output = '';
  child.stderr!.on('data', (chunk) => (output += chunk));
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  };
  const deadline = Date.now() + 30_000;
  while (!(await accepts(options.listen))) {
    if (child.exitCode !== null || Date.now() > deadline) {
      await stop();
      throw new Error(`nginx did not start: ${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return { url: `http://127.0.0.1:${options.listen}`, process: child, stop };
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
