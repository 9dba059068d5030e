import pino, { type DestinationStream, type Logger } from 'pino';
import { serializeError } from './log-redaction';

export type AppLogger = Logger;

/** Injection token of the process's root pino logger (for code that logs with a request's id). */
export const APP_LOGGER = Symbol('APP_LOGGER');

/**
 * The process's one pino logger: JSON lines on stdout (or `destination`, which tests use to read
 * them). Every log line of the API goes through it: Nest's own, our services', one per request.
 * Lines carry no secrets and no personal data (log-redaction.ts).
 *
 * Stdout is written in batches of up to 4 KB, and at least every 200 ms: one write per request
 * line cost ~3% of a `myMeetings` request (bench/rounds). Lines still buffered are written when
 * the process exits, an uncaught error included; only a SIGKILL can lose the last 200 ms.
 */
export function createAppLogger(level: string, destination?: DestinationStream): AppLogger {
  // Errors are logged without the values they carry (SQL parameters, emails): see log-redaction.ts.
  return pino({ level, serializers: { err: serializeError } }, destination ?? pino.destination({ dest: 1, sync: false, minLength: 4096, periodicFlush: 200 }));
}
