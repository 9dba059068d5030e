/**
 * Every failure a client can cause or should know about. The category is the
 * stable `extensions.code` clients switch on; `reason` is a finer,
 * feature-specific code; `fields` carries per-field validation messages.
 */
export const ERROR_CATEGORIES = [
  'BAD_USER_INPUT',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'TOO_MANY_REQUESTS',
] as const;
export type ErrorCategory = (typeof ERROR_CATEGORIES)[number];

export interface FieldError {
  field: string;
  message: string;
}

/** What a client sees of an unexpected failure (the full error is logged with the request's id). */
export const INTERNAL_ERROR_MESSAGE = 'Internal server error; it has been logged';

export class DomainError extends Error {
  constructor(
    readonly category: ErrorCategory,
    readonly reason: string,
    message: string,
    readonly fields?: FieldError[],
    /** Facts a client needs to say what went wrong in its own words (e.g. the rules a change breaks); never overrides code, reason or fields. */
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const badInput = (reason: string, message: string, fields?: FieldError[]) =>
  new DomainError('BAD_USER_INPUT', reason, message, fields);
export const notFound = (what: string, reason = 'NOT_FOUND') => new DomainError('NOT_FOUND', reason, `${what} not found`);
export const forbidden = (message = 'You are not allowed to do this', reason = 'FORBIDDEN') =>
  new DomainError('FORBIDDEN', reason, message);
export const unauthenticated = (message = 'Sign in first: send a valid token in the Authorization header') =>
  new DomainError('UNAUTHENTICATED', 'UNAUTHENTICATED', message);
export const conflict = (reason: string, message: string, details?: Record<string, unknown>) =>
  new DomainError('CONFLICT', reason, message, undefined, details);
