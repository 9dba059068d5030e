import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DummyValue, GenerateSql } from '../database/generate-sql';

/*
 * The schedule of waits is computed in SQL, in the statement that counts a failure, so that counting
 * and checking stay one atomic step; its numbers live here, beside that SQL (see SignInThrottle).
 */
/** Failures for one account from one network that cost nothing (typos). */
export const FREE_FAILURES = 3;
/** The wait after the first failure beyond the free ones; it doubles with each further failure… */
export const FIRST_DELAY_SECONDS = 1;
/** …up to this. */
export const MAX_DELAY_SECONDS = 15 * 60;
/**
 * While an attempt that will earn a wait is being checked, others for the same account from the
 * same network wait for it (up to this long, should its process die): parallel guesses get no
 * more tries than sequential ones.
 */
const IN_FLIGHT_SECONDS = 60;
/** Failures older than this are forgotten (and their rows deleted). */
const FORGET_AFTER = `interval '24 hours'`;

/**
 * Every statement on the sign-in throttle's counters: `sign_in_failures` (per account key and
 * network key) and `sign_in_network_failures` (a leaky bucket per network key). Keys are the
 * throttle's HMACs, never an email or an address. Each statement stands alone, atomic, outside any
 * transaction: parallel attempts are ordered by the rows they update. Each method's SQL is
 * snapshotted in queries/sign-in-failures.repository.sql.
 */
@Injectable()
export class SignInFailuresRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Counts one failure in the network's bucket, which drains `drainPerSecond` since its last change,
   * unless that would take it over `capacity`: false then, and nothing is counted.
   */
  @GenerateSql({ params: [DummyValue.STRING, 10, 0.01] })
  async chargeNetwork(networkKey: string, capacity: number, drainPerSecond: number): Promise<boolean> {
    const level = `greatest(0, b.level - extract(epoch FROM now() - b.updated_at) * $3)`;
    const charged = await this.dataSource.query<unknown[]>(
      `WITH charged AS (
         INSERT INTO sign_in_network_failures AS b (network_key, level, updated_at) VALUES ($1, 1, now())
         ON CONFLICT (network_key) DO UPDATE SET level = ${level} + 1, updated_at = now() WHERE ${level} + 1 <= $2
         RETURNING 1)
       SELECT * FROM charged`,
      [networkKey, capacity, drainPerSecond],
    );
    return charged.length > 0;
  }

  /** The failures the network's bucket holds now (0 without a row). */
  @GenerateSql({ params: [DummyValue.STRING, 0.01] })
  async networkLevel(networkKey: string, drainPerSecond: number): Promise<number> {
    const [row] = await this.dataSource.query<{ level: number }[]>(
      `SELECT greatest(0, b.level - extract(epoch FROM now() - b.updated_at) * $2) AS level FROM sign_in_network_failures b WHERE b.network_key = $1`,
      [networkKey, drainPerSecond],
    );
    return row?.level ?? 0;
  }

  /**
   * Counts an attempt for the account from the network as one more consecutive failure (the first
   * after a day without one starts again at 1), and sets the wait it would earn, an attempt under
   * way included, unless the account must still wait from this network: the failures this attempt
   * makes, or undefined when it must wait (nothing counted).
   */
  @GenerateSql({ params: [DummyValue.STRING, DummyValue.STRING] })
  async reserveAttempt(accountKey: string, networkKey: string): Promise<number | undefined> {
    const next = `CASE WHEN f.last_failed_at < now() - ${FORGET_AFTER} THEN 1 ELSE f.failures + 1 END`;
    const [reserved] = await this.dataSource.query<{ failures: number }[]>(
      `WITH reserved AS (
         INSERT INTO sign_in_failures AS f (account_key, network_key, failures, last_failed_at, retry_at)
         VALUES ($1, $2, 1, now(), now() + ${delay('1')})
         ON CONFLICT (account_key, network_key) DO UPDATE
           SET failures = ${next}, last_failed_at = now(), retry_at = now() + ${delay(next)}
           WHERE f.retry_at <= now()
         RETURNING failures)
       SELECT * FROM reserved`,
      [accountKey, networkKey, FREE_FAILURES, FIRST_DELAY_SECONDS, MAX_DELAY_SECONDS, IN_FLIGHT_SECONDS],
    );
    return reserved?.failures;
  }

  /**
   * For an attempt refused before its secret was checked: gives the network back the failure
   * `chargeNetwork` counted, and says in how many seconds the account may try again from it
   * (undefined without a row).
   */
  @GenerateSql({ params: [DummyValue.STRING, DummyValue.STRING] })
  async refundAndWaitOf(accountKey: string, networkKey: string): Promise<number | undefined> {
    const [row] = await this.dataSource.query<{ seconds: number }[]>(
      `WITH refund AS (UPDATE sign_in_network_failures SET level = greatest(0, level - 1) WHERE network_key = $2)
       SELECT ceil(extract(epoch FROM retry_at - now()))::int AS seconds FROM sign_in_failures WHERE account_key = $1 AND network_key = $2`,
      [accountKey, networkKey],
    );
    return row?.seconds;
  }

  /**
   * The attempt that made `failures` failed: the wait it earned runs from now, in place of the
   * in-flight one; unless a later attempt was counted since (another count of failures), whose wait stands.
   */
  @GenerateSql({ params: [DummyValue.STRING, DummyValue.STRING, DummyValue.NUMBER] })
  async markFailed(accountKey: string, networkKey: string, failures: number): Promise<void> {
    await this.dataSource.query(
      `UPDATE sign_in_failures f SET retry_at = now() + ${delay('f.failures')}, last_failed_at = now()
        WHERE f.account_key = $1 AND f.network_key = $2 AND f.failures = $7`,
      [accountKey, networkKey, FREE_FAILURES, FIRST_DELAY_SECONDS, MAX_DELAY_SECONDS, 0, failures],
    );
  }

  /** A success: the account's failures from this network are forgotten, and the network's bucket gives back the attempt. */
  @GenerateSql({ params: [DummyValue.STRING, DummyValue.STRING] })
  async forgive(accountKey: string, networkKey: string): Promise<void> {
    await this.dataSource.query(
      `WITH forgotten AS (DELETE FROM sign_in_failures WHERE account_key = $1 AND network_key = $2)
       UPDATE sign_in_network_failures SET level = greatest(0, level - 1) WHERE network_key = $2`,
      [accountKey, networkKey],
    );
  }

  /** Deletes a bounded batch of rows nobody failed with for a day. */
  @GenerateSql()
  async forgetOld(): Promise<void> {
    await this.dataSource.query(
      `WITH accounts AS (
         DELETE FROM sign_in_failures WHERE ctid = ANY (ARRAY(SELECT ctid FROM sign_in_failures WHERE last_failed_at < now() - ${FORGET_AFTER} LIMIT 100)))
       DELETE FROM sign_in_network_failures WHERE ctid = ANY (ARRAY(SELECT ctid FROM sign_in_network_failures WHERE updated_at < now() - ${FORGET_AFTER} LIMIT 100))`,
    );
  }
}

/**
 * The wait after `failures` consecutive failures, in SQL; parameters $3 … $6: FREE_FAILURES,
 * FIRST_DELAY_SECONDS, MAX_DELAY_SECONDS, and the time an attempt under way may take (0 once it failed).
 */
function delay(failures: string): string {
  return `make_interval(secs => CASE WHEN ${failures} < $3 THEN 0 ELSE least($5, $4 * power(2, ${failures} - $3)) + $6 END)`;
}
