import { createHash } from 'node:crypto';
import type { Pool } from 'pg';
import type { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';

/**
 * Runs a statement as a named prepared statement: PostgreSQL parses and
 * plans it once per pooled connection, then only binds and executes it.
 * For the statements every request runs (the token's attendee, myMeetings),
 * where planning cost more than executing (bench/rounds). The name comes
 * from the text, so one text is one statement; it is logged like any query.
 */
export async function preparedQuery<T>(dataSource: DataSource, text: string, values: unknown[]): Promise<T[]> {
  // Straight to TypeORM's pg pool: a QueryRunner per call (created, connected, released) cost more than the statement.
  const pool = (dataSource.driver as PostgresDriver).master as Pool;
  dataSource.logger.logQuery(text, values);
  const result = await pool.query<T & Record<string, unknown>>({ name: statementName(text), text, values });
  return result.rows;
}

const names = new Map<string, string>();

function statementName(text: string): string {
  let name = names.get(text);
  if (!name) {
    name = `pw_${createHash('sha256').update(text).digest('hex').slice(0, 24)}`;
    names.set(text, name);
  }
  return name;
}
