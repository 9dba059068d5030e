import { Client } from 'pg';
import type { EntityManager } from 'typeorm';
import type { RoundsRepository } from './rounds.repository';

/**
 * One generation per event at a time, across processes and hosts: a PostgreSQL session advisory
 * lock (RoundsRepository.tryLockGenerations), held for the whole generation on a connection of its
 * own. Not a pool connection: a generation holds its lock for seconds, and generations that each
 * held a pool connection while waiting for another (to store their draft) could take the whole
 * pool and stall the API. A process that dies closes the connection, which frees the lock.
 */
export class GenerationLock {
  /**
   * The lock's own connection, for the repository's statements that must run on it: the lock
   * itself, and the generation's lease renewals, which must never wait for the pool.
   */
  readonly connection: Pick<EntityManager, 'query'>;

  private constructor(
    private readonly client: Client,
    private readonly rounds: RoundsRepository,
    private readonly eventId: string,
  ) {
    this.connection = connectionOf(client);
  }

  /** The lock, or undefined when another generation of this event holds it. */
  static async tryAcquire(databaseUrl: string, rounds: RoundsRepository, eventId: string): Promise<GenerationLock | undefined> {
    const client = new Client({ connectionString: databaseUrl, application_name: 'pairwise-generation-lock' });
    // A dropped connection has released the lock already; the error must not crash the process.
    client.on('error', () => undefined);
    await client.connect();
    try {
      if (await rounds.tryLockGenerations(eventId, connectionOf(client))) return new GenerationLock(client, rounds, eventId);
    } catch (error) {
      await client.end().catch(() => undefined);
      throw error;
    }
    await client.end().catch(() => undefined);
    return undefined;
  }

  async release(): Promise<void> {
    try {
      await this.rounds.unlockGenerations(this.eventId, this.connection);
    } finally {
      await this.client.end().catch(() => undefined);
    }
  }
}

/** A node-postgres connection as repositories take a manager: a statement's rows. */
function connectionOf(client: Client): Pick<EntityManager, 'query'> {
  return { query: async <T>(sql: string, parameters?: unknown) => (await client.query(sql, parameters as unknown[])).rows as T };
}
