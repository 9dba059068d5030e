import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * One rate-limit counter (an operation, a limit and a caller), shared by every API process: a fixed
 * window of `hits` ending at `windowEndsAt`, and a block once the limit is passed. The table is
 * UNLOGGED (see the migration): counters are worth no write-ahead log, and a crash that empties
 * them only forgives the callers of the last minute.
 */
@Entity('rate_limit_counters')
export class RateLimitCounterEntity {
  @PrimaryColumn('text')
  key!: string;

  @Column('int')
  hits!: number;

  @Column('timestamptz', { name: 'window_ends_at' })
  windowEndsAt!: Date;

  /** No request counted for this key before then (null: not blocked). */
  @Column('timestamptz', { name: 'blocked_until', nullable: true })
  blockedUntil!: Date | null;

  /** When the row means nothing any more (the later of the window's end and the block's): the sweeper deletes it. */
  @Index('ix_rate_limit_counters_expires_at')
  @Column('timestamptz', { name: 'expires_at' })
  expiresAt!: Date;
}
