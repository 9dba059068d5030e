import type { Runtime } from '../database/database-runtime';
import { createApp } from '../create-app';
import { onStopSignal } from './stop-signals';

export type LogLine = (line: string) => void;

/**
 * Serves the API from this process until SIGINT, SIGTERM or SIGHUP (or, in a cluster worker, until
 * the primary goes away), then closes the app before stopping what the runtime started:
 * the other order logs connection errors.
 */
export async function serveHttp(runtime: Runtime, log: LogLine, readyLine = (url: string) => `Pairwise API ready at ${url}/graphql`): Promise<void> {
  let app: Awaited<ReturnType<typeof createApp>> | undefined;
  let stopping = false;
  const shutdown = async (reason: string) => {
    if (stopping) return;
    stopping = true;
    log(`${reason}: closing the API`);
    await app?.close().catch((error) => log(`error while closing the app: ${error}`));
    await runtime.stop();
    process.exit(0);
  };
  // Without handlers Node would exit at once (on SIGHUP too: the terminal closed) and leave the database running.
  onStopSignal((reason) => void shutdown(reason));
  // A cluster worker whose primary died would otherwise serve on with nobody to stop it.
  process.once('disconnect', () => void shutdown('the primary process is gone'));
  try {
    app = await createApp(runtime.config);
    const { host, port } = runtime.config.http;
    await app.listen(port, host);
    log(readyLine(publicUrl(host, port)));
  } catch (error) {
    await app?.close().catch(() => undefined);
    await runtime.stop();
    throw error;
  }
}

export function publicUrl(host: string, port: number): string {
  return `http://${host === '0.0.0.0' ? 'localhost' : host}:${port}`;
}
