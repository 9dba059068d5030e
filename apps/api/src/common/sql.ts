import type { EntityManager } from 'typeorm';

/**
 * Runs an UPDATE/DELETE … RETURNING statement and counts the rows it touched
 * (wrapped in a CTE: a bare `… RETURNING` comes back from the driver as
 * `[rows, count]`, not as rows).
 */
export async function countAffected(manager: EntityManager, statement: string, parameters: unknown[]): Promise<number> {
  const rows: { affected: number }[] = await manager.query(`WITH changed AS (${statement}) SELECT count(*)::int AS affected FROM changed`, parameters);
  return rows[0]?.affected ?? 0;
}
