import { ConfigError, loadConfig } from './config/app-config';
import { createApp } from './create-app';
import { prepareRuntime } from './database/database-runtime';
import { EmbeddedPostgresError } from './database/embedded-postgres';

const log = (line: string) => process.stdout.write(`${JSON.stringify({ level: 30, time: Date.now(), msg: line })}\n`);

async function main(): Promise<void> {
  const runtime = await prepareRuntime(loadConfig(), log);
  let app: Awaited<ReturnType<typeof createApp>> | undefined;
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log(`${signal} received: closing the API, then the database`);
    // The app first (finish requests, close pools), then PostgreSQL: the other order logs connection errors.
    await app?.close().catch((error) => log(`error while closing the app: ${error}`));
    await runtime.stop();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  try {
    app = await createApp(runtime.config);
    const { host, port } = runtime.config.http;
    await app.listen(port, host);
    log(`Pairwise API ready at http://${host === '0.0.0.0' ? 'localhost' : host}:${port}/graphql`);
  } catch (error) {
    await app?.close().catch(() => undefined);
    await runtime.stop();
    throw error;
  }
}

main().catch((error: unknown) => {
  // A configuration mistake is one line naming the variable, not a stack trace.
  const oneLine = error instanceof ConfigError || error instanceof EmbeddedPostgresError;
  process.stderr.write(`${oneLine ? error.message : `Pairwise failed to start: ${(error as Error)?.stack ?? error}`}\n`);
  process.exit(1);
});
