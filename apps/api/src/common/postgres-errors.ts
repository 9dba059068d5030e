import { QueryFailedError } from 'typeorm';

/** SQLSTATE 23505: a unique constraint said no. Optionally only for one named constraint or index. */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  if (!(error instanceof QueryFailedError)) return false;
  const driverError = error.driverError as { code?: string; constraint?: string };
  return driverError.code === '23505' && (!constraint || driverError.constraint === constraint);
}

/**
 * SQLSTATE 55P03: a row asked for with NOWAIT is locked by another transaction. From TypeORM (wrapped in a
 * QueryFailedError) or from a pg client directly.
 */
export function isLockNotAvailable(error: unknown): boolean {
  const driverError = (error instanceof QueryFailedError ? error.driverError : error) as { code?: string } | null | undefined;
  return driverError?.code === '55P03';
}
