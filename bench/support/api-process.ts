import type { ChildProcess } from 'node:child_process';

/**
 * The environment of an API process a bench starts as a deployment would (NODE_ENV=production) on
 * 127.0.0.1:`port`, over the bench's own environment; `settings` adds or overrides variables.
 */
export function productionApiEnv(databaseUrl: string, port: number, settings: Record<string, string>): NodeJS.ProcessEnv {
  return { ...process.env, DATABASE_URL: databaseUrl, PORT: String(port), HOST: '127.0.0.1', NODE_ENV: 'production', ...settings };
}

/** Node's own arguments for the API processes, from BENCH_API_ARGS (e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof"). */
export const benchApiNodeArgs = (): string[] => process.env.BENCH_API_ARGS?.split(' ').filter(Boolean) ?? [];

/** Stops a process the bench started (SIGTERM, then SIGKILL after 30 s) and waits for it to exit. */
export async function stopProcess(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
  await exited;
  clearTimeout(timer);
}
