import type { EntityManager } from 'typeorm';

/**
 * Runs an UPDATE/DELETE … RETURNING statement and counts the rows it touched
 * (wrapped in a CTE: a bare `… RETURNING` comes back from the driver as
 * `[rows, count]`, not as rows).
 */
export async function countAffected(manager: Pick<EntityManager, 'query'>, statement: string, parameters: unknown[]): Promise<number> {
  const rows: { affected: number }[] = await manager.query(`WITH changed AS (${statement}) SELECT count(*)::int AS affected FROM changed`, parameters);
  return rows[0]?.affected ?? 0;
}

/** Whether a string is a UUID as PostgreSQL's `uuid` type reads it (a value that is not would fail a whole statement). */
export const isUuid = (value: string): boolean => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
