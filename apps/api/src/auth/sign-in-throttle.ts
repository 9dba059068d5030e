import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { keyedHasher } from '../common/keyed-hash';
import { authError, AuthErrorReason } from './auth.errors';
import type { AppConfig } from '../config/app-config';
import { clientNetwork } from './client-network';
import { SignInFailuresRepository } from './sign-in-failures.repository';

/** A network's failures across accounts drain over this window (its allowance refills continuously). */
export const NETWORK_WINDOW_SECONDS = 15 * 60;

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
 * tables hold no personal data in clear; rows are forgotten after 24 hours. The schedule of waits
 * is computed in those statements, so its numbers live beside them (SignInFailuresRepository).
 */
@Injectable()
export class SignInThrottle {
  private readonly hash: (value: string) => string;
  private readonly networkCapacity: number;

  constructor(
    private readonly counters: SignInFailuresRepository,
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
    await this.counters.forgetOld();
    const drain = this.networkCapacity / NETWORK_WINDOW_SECONDS;
    if (!(await this.counters.chargeNetwork(keys.networkKey, this.networkCapacity, drain))) {
      const level = await this.counters.networkLevel(keys.networkKey, drain);
      const seconds = Math.ceil((level + 1 - this.networkCapacity) / drain);
      throw authError(AuthErrorReason.SIGN_IN_NETWORK_THROTTLED, `Too many failed sign-ins from your network address: try again in ${wait(seconds)}`);
    }
    const failures = await this.counters.reserveAttempt(keys.accountKey, keys.networkKey);
    if (failures === undefined) {
      // Refused without looking at the secret: not a failure of this network's.
      const seconds = await this.counters.refundAndWaitOf(keys.accountKey, keys.networkKey);
      throw authError(AuthErrorReason.SIGN_IN_DELAYED, `Too many failed sign-ins for this email from your network address: try again in ${wait(Math.max(1, seconds ?? 1))}`,
      );
    }
    return { ...keys, failures };
  }

  /**
   * The attempt failed: the wait it earned runs from now (checking a password takes a while), in
   * place of the in-flight one; unless a later attempt was counted since, whose wait stands.
   */
  async failed(attempt: SignInAttempt): Promise<void> {
    await this.counters.markFailed(attempt.accountKey, attempt.networkKey, attempt.failures);
  }

  /** The attempt succeeded: the account's failures from this network are forgotten, and the attempt is not counted. */
  async succeeded(attempt: SignInAttempt): Promise<void> {
    await this.counters.forgive(attempt.accountKey, attempt.networkKey);
  }

  private key(kind: 'account' | 'network', value: string): string {
    return this.hash(`${kind}:${value}`);
  }
}

/** `12 s`, `4 min`. */
function wait(seconds: number): string {
  return seconds < 120 ? `${seconds} s` : `${Math.ceil(seconds / 60)} min`;
}
