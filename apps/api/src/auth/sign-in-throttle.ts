import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { keyedHasher } from '../common/keyed-hash';
import { authError, AuthErrorReason } from './auth.errors';
import type { AppConfig } from '../config/app-config';
import { clientNetwork } from './client-network';

/** Failures for one account from one network that cost nothing (typos). */
export const FREE_FAILURES = 3;
/** The wait after the first failure beyond the free ones; it doubles with each further failure… */
export const FIRST_DELAY_SECONDS = 1;
/** …up to this. */
export const MAX_DELAY_SECONDS = 15 * 60;
/** A network's failures across accounts drain over this window (its allowance refills continuously). */
export const NETWORK_WINDOW_SECONDS = 15 * 60;
/**
 * While an attempt that will earn a wait is being checked, others for the same account from the
 * same network wait for it (up to this long, should its process die): parallel guesses get no
 * more tries than sequential ones.
 */
const IN_FLIGHT_SECONDS = 60;
/** Failures older than this are forgotten (and their rows deleted). */
const FORGET_AFTER = `interval '24 hours'`;

/** One sign-in attempt under way, counted as a failure until `succeeded` says otherwise. */
export interface SignInAttempt {
  accountKey: string;
  networkKey: string;
  /** The consecutive failures this attempt would make. */
  failures: number;
}

/**
 * Throttles guessing without letting anyone lock another person out (OWASP's authentication
 * guidance: throttle per account *and* source, grow the delay, cap a source across accounts):
 *
 * - failures are counted per account (the email typed, whether it exists or not, so the answer
 *   tells nothing) **and** client network: the first `FREE_FAILURES` cost nothing, then each
 *   attempt from that network for that account waits 1 s, 2 s, 4 s … up to 15 min. An attacker
 *   failing on the admin's email delays only their own network: the admin, from anywhere else,
 *   signs in at once;
 * - a network has `failuresPerNetwork` failures across all accounts, refilled over 15 min: one
 *   address cannot try many accounts (credential stuffing) faster than that;
 * - a success forgets the account's failures from that network (not the network's own count).
 *
 * An attempt is counted **before** its secret is checked and forgiven when it succeeds, in one
 * statement each: parallel attempts cannot slip past the count while the first is checked.
 * Shared by every API process (PostgreSQL); keys are HMACs of the email and the network, so the
 * tables hold no personal data in clear; rows are forgotten after 24 hours.
 */
@Injectable()
export class SignInThrottle {
  private readonly hash: (value: string) => string;
  private readonly networkCapacity: number;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    config: ConfigService<AppConfig, true>,
  ) {
    this.hash = keyedHasher(config.get('auth', { infer: true }).jwtSecret, 'pairwise:sign-in-throttle');
    this.networkCapacity = config.get('limits', { infer: true }).signInFailuresPerNetwork;
  }

  /**
   * Counts an attempt for `email` from `address` as a failure, or refuses it (TOO_MANY_REQUESTS)
   * when this network must wait for this account, or has used up its failures across accounts.
   * Then `failed` or `succeeded` says how it went.
   */
  async begin(email: string, address: string | undefined): Promise<SignInAttempt> {
    const network = clientNetwork(address);
    const keys = { accountKey: this.key('account', email), networkKey: this.key('network', network) };
    await this.forgetOld();
    const drain = this.networkCapacity / NETWORK_WINDOW_SECONDS;
    const level = `greatest(0, b.level - extract(epoch FROM now() - b.updated_at) * $3)`;
    const charged = await this.dataSource.query<unknown[]>(
      `WITH charged AS (
         INSERT INTO sign_in_network_failures AS b (network_key, level, updated_at) VALUES ($1, 1, now())
         ON CONFLICT (network_key) DO UPDATE SET level = ${level} + 1, updated_at = now() WHERE ${level} + 1 <= $2
         RETURNING 1)
       SELECT * FROM charged`,
      [keys.networkKey, this.networkCapacity, drain],
    );
    if (!charged.length) {
      const [row] = await this.dataSource.query<{ level: number }[]>(
        `SELECT greatest(0, b.level - extract(epoch FROM now() - b.updated_at) * $2) AS level FROM sign_in_network_failures b WHERE b.network_key = $1`,
        [keys.networkKey, drain],
      );
      const seconds = Math.ceil(((row?.level ?? 0) + 1 - this.networkCapacity) / drain);
      throw authError(AuthErrorReason.SIGN_IN_NETWORK_THROTTLED, `Too many failed sign-ins from your network address: try again in ${wait(seconds)}`);
    }
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
      [keys.accountKey, keys.networkKey, FREE_FAILURES, FIRST_DELAY_SECONDS, MAX_DELAY_SECONDS, IN_FLIGHT_SECONDS],
    );
    if (!reserved) {
      // Refused without looking at the secret: not a failure of this network's.
      const [row] = await this.dataSource.query<{ seconds: number }[]>(
        `WITH refund AS (UPDATE sign_in_network_failures SET level = greatest(0, level - 1) WHERE network_key = $2)
         SELECT ceil(extract(epoch FROM retry_at - now()))::int AS seconds FROM sign_in_failures WHERE account_key = $1 AND network_key = $2`,
        [keys.accountKey, keys.networkKey],
      );
      throw authError(AuthErrorReason.SIGN_IN_DELAYED, `Too many failed sign-ins for this email from your network address: try again in ${wait(Math.max(1, row?.seconds ?? 1))}`,
      );
    }
    return { ...keys, failures: reserved.failures };
  }

  /**
   * The attempt failed: the wait it earned runs from now (checking a password takes a while), in
   * place of the in-flight one; unless a later attempt was counted since, whose wait stands.
   */
  async failed(attempt: SignInAttempt): Promise<void> {
    await this.dataSource.query(
      `UPDATE sign_in_failures f SET retry_at = now() + ${delay('f.failures')}, last_failed_at = now()
        WHERE f.account_key = $1 AND f.network_key = $2 AND f.failures = $7`,
      [attempt.accountKey, attempt.networkKey, FREE_FAILURES, FIRST_DELAY_SECONDS, MAX_DELAY_SECONDS, 0, attempt.failures],
    );
  }

  /** The attempt succeeded: the account's failures from this network are forgotten, and the attempt is not counted. */
  async succeeded(attempt: SignInAttempt): Promise<void> {
    await this.dataSource.query(
      `WITH forgotten AS (DELETE FROM sign_in_failures WHERE account_key = $1 AND network_key = $2)
       UPDATE sign_in_network_failures SET level = greatest(0, level - 1) WHERE network_key = $2`,
      [attempt.accountKey, attempt.networkKey],
    );
  }

  /** A bounded batch of rows nobody failed with for a day. */
  private async forgetOld(): Promise<void> {
    await this.dataSource.query(
      `WITH accounts AS (
         DELETE FROM sign_in_failures WHERE ctid = ANY (ARRAY(SELECT ctid FROM sign_in_failures WHERE last_failed_at < now() - ${FORGET_AFTER} LIMIT 100)))
       DELETE FROM sign_in_network_failures WHERE ctid = ANY (ARRAY(SELECT ctid FROM sign_in_network_failures WHERE updated_at < now() - ${FORGET_AFTER} LIMIT 100))`,
    );
  }

  private key(kind: 'account' | 'network', value: string): string {
    return this.hash(`${kind}:${value}`);
  }
}

/**
 * The wait after `failures` consecutive failures, in SQL; parameters $3 … $6: FREE_FAILURES,
 * FIRST_DELAY_SECONDS, MAX_DELAY_SECONDS, and the time an attempt under way may take (0 once it failed).
 */
function delay(failures: string): string {
  return `make_interval(secs => CASE WHEN ${failures} < $3 THEN 0 ELSE least($5, $4 * power(2, ${failures} - $3)) + $6 END)`;
}

/** `12 s`, `4 min`. */
function wait(seconds: number): string {
  return seconds < 120 ? `${seconds} s` : `${Math.ceil(seconds / 60)} min`;
}
