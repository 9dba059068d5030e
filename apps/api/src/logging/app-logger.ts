import pino, { type DestinationStream, type Logger } from 'pino';

export type AppLogger = Logger;

/** Injection token of the process's root pino logger (for code that logs with a request's id). */
export const APP_LOGGER = Symbol('APP_LOGGER');

/**
 * The process's one pino logger: JSON lines on stdout (or `destination`, which tests use to read
 * them). Every log line of the API goes through it: Nest's own, our services', one per request.
 */
export function createAppLogger(level: string, destination?: DestinationStream): AppLogger {
  return destination ? pino({ level }, destination) : pino({ level });
}
