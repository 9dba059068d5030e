import cluster from 'node:cluster';
import { pinBuild } from './common/build-pin';
import { ConfigError, loadConfig } from './config/app-config';
import { prepareRuntime, type Runtime } from './database/database-runtime';
import { EmbeddedPostgresError } from './database/embedded-postgres';
import { superviseWorkers, WORKER_INDEX_VARIABLE } from './serve/cluster-primary';
import { serveHttp } from './serve/serve-http';
import { holdStopSignals } from './serve/stop-signals';

const log = (line: string) => process.stdout.write(`${JSON.stringify({ level: 30, time: Date.now(), pid: process.pid, msg: line })}\n`);

async function main(): Promise<void> {
  // `npm run build` beside this process leaves the build it runs from in place (libs/build/src/build.js).
  pinBuild(__filename);
  if (cluster.isWorker) return serveHttp(workerRuntime(), log, () => `worker ${process.env[WORKER_INDEX_VARIABLE]} serving`);
  // This process handles its signals and stops the embedded database last, so the database runs in a
  // process group of its own; a signal during start-up is held until it can be stopped too.
  const startup = holdStopSignals();
  const runtime = await prepareRuntime(loadConfig(), log, { ownProcessGroup: true });
  const held = startup.release();
  if (held) {
    log(`${held} received while starting: stopping`);
    await runtime.stop();
    process.exit(0);
  }
  if (runtime.config.workers > 1) return superviseWorkers(runtime, log);
  return serveHttp(runtime, log);
}

/** A cluster worker: the primary resolved the database and the secret and passed them on; it owns nothing to stop. */
function workerRuntime(): Runtime {
  const config = loadConfig();
  const first = process.env[WORKER_INDEX_VARIABLE] === '0';
  return {
    config: { ...config, scheduledJobs: first, schemaFile: first ? config.schemaFile : undefined },
    stop: async () => undefined,
  };
}

main().catch((error: unknown) => {
  process.stderr.write(`${startFailure(error)}\n`);
  process.exit(1);
});

/** A configuration mistake is one line naming what to change, not a stack trace. */
function startFailure(error: unknown): string {
  if (error instanceof ConfigError || error instanceof EmbeddedPostgresError) return error.message;
  const { code, port } = error as { code?: string; port?: number };
  if (code === 'EADDRINUSE') return `Pairwise failed to start: port ${port} is already in use; set PORT to a free one`;
  return `Pairwise failed to start: ${(error as Error)?.stack ?? error}`;
}
