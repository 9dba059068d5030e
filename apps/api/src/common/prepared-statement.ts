import { createHash } from 'node:crypto';
import type { PoolClient } from 'pg';
import type { DataSource } from 'typeorm';

/**
 * Runs a statement as a named prepared statement: PostgreSQL parses and
 * plans it once per pooled connection, then only binds and executes it.
 * For the statements every request runs (the token's attendee, myMeetings),
 * where planning cost more than executing (bench/rounds). The name comes
 * from the text, so one text is one statement; it is logged like any query.
 */
export async function preparedQuery<T>(dataSource: DataSource, text: string, values: unknown[]): Promise<T[]> {
  const runner = dataSource.createQueryRunner();
  try {
    const client = (await runner.connect()) as PoolClient;
    dataSource.logger.logQuery(text, values, runner);
    const result = await client.query<T & Record<string, unknown>>({ name: statementName(text), text, values });
    return result.rows;
  } finally {
    await runner.release();
  }
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
