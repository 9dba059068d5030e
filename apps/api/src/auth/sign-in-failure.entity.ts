import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * Failed sign-ins for one account (an email, known or not) from one client network, shared by
 * every API process. Keys are keyed hashes (HMAC): the table holds neither emails nor addresses.
 */
@Entity('sign_in_failures')
export class SignInFailureEntity {
  @PrimaryColumn('text', { name: 'account_key' })
  accountKey!: string;

  @PrimaryColumn('text', { name: 'network_key' })
  networkKey!: string;

  /** Consecutive failures (the attempt under way included, see SignInThrottle). */
  @Column('int')
  failures!: number;

  @Index('ix_sign_in_failures_last_failed_at')
  @Column('timestamptz', { name: 'last_failed_at' })
  lastFailedAt!: Date;

  /** No attempt for this account from this network before then. */
  @Column('timestamptz', { name: 'retry_at' })
  retryAt!: Date;
}

/** Failed sign-ins from one client network across all accounts: a leaky bucket. */
@Entity('sign_in_network_failures')
export class SignInNetworkFailureEntity {
  @PrimaryColumn('text', { name: 'network_key' })
  networkKey!: string;

  /** Failures still counted as of `updated_at`; it drains continuously (see SignInThrottle). */
  @Column('double precision')
  level!: number;

  @Index('ix_sign_in_network_failures_updated_at')
  @Column('timestamptz', { name: 'updated_at' })
  updatedAt!: Date;
}
