import { Client } from 'pg';

/**
 * One generation per event at a time, across processes and hosts: a PostgreSQL session advisory
 * lock, held for the whole generation on a connection of its own. Not a pool connection: a
 * generation holds its lock for seconds, and generations that each held a pool connection while
 * waiting for another (to store their draft) could take the whole pool and stall the API.
 * A process that dies closes the connection, which frees the lock.
 */
export class GenerationLock {
  private constructor(
    private readonly client: Client,
    private readonly key: string,
  ) {}

  /** The lock, or undefined when another generation of this event holds it. */
  static async tryAcquire(databaseUrl: string, eventId: string): Promise<GenerationLock | undefined> {
    const client = new Client({ connectionString: databaseUrl, application_name: 'pairwise-generation-lock' });
    // A dropped connection has released the lock already; the error must not crash the process.
    client.on('error', () => undefined);
    await client.connect();
    const key = `pairwise:generate:${eventId}`;
    try {
      const { rows } = await client.query<{ locked: boolean }>('SELECT pg_try_advisory_lock(hashtext($1)) AS locked', [key]);
      if (rows[0]?.locked) return new GenerationLock(client, key);
    } catch (error) {
      await client.end().catch(() => undefined);
      throw error;
    }
    await client.end().catch(() => undefined);
    return undefined;
  }

  /** A statement on the lock's own connection: the generation's lease renewals, which must never wait for the pool. */
  query(sql: string, parameters: unknown[]): Promise<{ rowCount: number | null }> {
    return this.client.query(sql, parameters);
  }

  async release(): Promise<void> {
    try {
      await this.client.query('SELECT pg_advisory_unlock(hashtext($1))', [this.key]);
    } finally {
      await this.client.end().catch(() => undefined);
    }
  }
}
