import type { LoggerService } from '@nestjs/common';
import type { AppLogger } from './app-logger';

type Level = 'trace' | 'debug' | 'info' | 'warn' | 'error' | 'fatal';

/**
 * Nest's logger (`new Logger(Context).error({ err }, 'message')`, and Nest's own start-up and
 * error lines) written as pino JSON lines with a `context` field.
 *
 * Why not nestjs-pino: it gives logs a request context through AsyncLocalStorage, which on
 * Node 20 turns on promise hooks for every promise of every request (~5% of a `myMeetings`
 * request's CPU, docs/benchmarks.md). Code that logs for a request passes its id instead.
 */
export class NestPinoLogger implements LoggerService {
  constructor(private readonly logger: AppLogger) {}

  verbose(message: unknown, ...params: unknown[]): void {
    this.write('trace', message, params);
  }
  debug(message: unknown, ...params: unknown[]): void {
    this.write('debug', message, params);
  }
  log(message: unknown, ...params: unknown[]): void {
    this.write('info', message, params);
  }
  warn(message: unknown, ...params: unknown[]): void {
    this.write('warn', message, params);
  }
  error(message: unknown, ...params: unknown[]): void {
    this.write('error', message, params);
  }
  fatal(message: unknown, ...params: unknown[]): void {
    this.write('fatal', message, params);
  }

  private write(level: Level, message: unknown, params: unknown[]): void {
    if (!this.logger.isLevelEnabled(level)) return;
    const rest = [...params];
    // Nest appends the logger's context (a class name) as the last, one-line string.
    const last = rest.at(-1);
    const context = typeof last === 'string' && !last.includes('\n') ? (rest.pop() as string) : undefined;
    const fields: Record<string, unknown> = context ? { context } : {};
    let text: string | undefined;
    for (const part of [message, ...rest]) {
      if (part instanceof Error) fields.err = part;
      else if (typeof part === 'string' && part.includes('\n    at ')) fields.stack = part; // Nest's `error(message, stack)`
      else if (part !== null && typeof part === 'object') Object.assign(fields, part);
      else if (part !== undefined) text = text === undefined ? String(part) : `${text} ${String(part)}`;
    }
    this.logger[level](fields, text);
  }
}
