import cluster, { type Worker } from 'node:cluster';
import type { Runtime } from '../database/database-runtime';
import { publicUrl, type LogLine } from './serve-http';
import { onStopSignal } from './stop-signals';

/** Tells a worker its place (0..N−1): a restarted worker keeps the place, and place 0 runs the scheduled jobs. */
export const WORKER_INDEX_VARIABLE = 'PAIRWISE_WORKER_INDEX';

/** A worker still running this long after SIGTERM is killed. */
const STOP_TIMEOUT_MS = 15_000;
/** Pause before replacing a worker that crashed, so a crash loop does not spin the CPU. */
const RESTART_DELAY_MS = 1_000;

/**
 * The primary of a Node cluster: the runtime (database, migrations, secret) is prepared once
 * here, then `workers` processes serve HTTP on the shared port, each with its own pool and
 * event loop. The primary serves nothing; it replaces a worker that dies after it started
 * listening, gives up (exit 1) when one cannot start at all, and on SIGINT/SIGTERM/SIGHUP stops
 * the workers before the database.
 */
export async function superviseWorkers(runtime: Runtime, log: LogLine): Promise<void> {
  const { config } = runtime;
  const env = { DATABASE_URL: config.databaseUrl!, PAIRWISE_JWT_SECRET: config.auth.jwtSecret! };
  const running = new Map<number, Worker>();
  const listening = new Set<Worker>();
  let stopping = false;
  let announced = false;

  const stopAll = async (reason: string, exitCode: number) => {
    if (stopping) return;
    stopping = true;
    log(`${reason}: stopping ${running.size} workers`);
    await Promise.all([...running.values()].map(stopWorker));
    await runtime.stop();
    process.exit(exitCode);
  };

  const start = (index: number) => {
    const worker = cluster.fork({ ...env, [WORKER_INDEX_VARIABLE]: String(index) });
    running.set(index, worker);
    worker.once('listening', () => {
      listening.add(worker);
      if (!announced && listening.size === config.workers) {
        announced = true;
        log(`Pairwise API ready at ${publicUrl(config.http.host, config.http.port)}/graphql (${config.workers} workers)`);
      }
    });
    worker.once('exit', (code, signal) => {
      if (running.get(index) === worker) running.delete(index);
      const served = listening.delete(worker);
      if (stopping) return;
      const how = signal ?? `code ${code}`;
      if (!served) {
        // It never listened: a configuration or database problem that a restart would repeat.
        void stopAll(`worker ${index} (pid ${worker.process.pid}) could not start (${how})`, 1);
        return;
      }
      log(`worker ${index} (pid ${worker.process.pid}) exited (${how}); starting a new one`);
      setTimeout(() => stopping || start(index), RESTART_DELAY_MS);
    });
  };

  onStopSignal((reason) => void stopAll(reason, 0));
  // Workers run the primary's own build, not whatever dist/ points at by the time one is (re)started.
  if (require.main) cluster.setupPrimary({ exec: require.main.filename });
  for (let index = 0; index < config.workers; index++) start(index);
}

function stopWorker(worker: Worker): Promise<void> {
  return new Promise((resolve) => {
    if (worker.isDead()) return resolve();
    const kill = setTimeout(() => worker.process.kill('SIGKILL'), STOP_TIMEOUT_MS);
    worker.once('exit', () => {
      clearTimeout(kill);
      resolve();
    });
    worker.process.kill('SIGTERM');
  });
}
