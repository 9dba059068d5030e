import { Check, Column, Entity, Index } from 'typeorm';
import { CreatedAt, UpdatedAt } from '../database/columns';
import { EventScopedEntity } from '../events/event-scoped.entity';
import type { MatchingRules, RoundStats } from '@pairwise/matching';
import type { MeetingMix } from './meeting-mix';
import { ROUND_STATUSES, sqlList, type RoundStatusValue } from './round-lifecycle';

/** Where a generation is, for organisers following it. */
export interface GenerationProgress {
  phase: 'queued' | 'loading' | 'matching' | 'storing' | 'done' | 'failed' | 'cancelled';
  attendees?: number;
  startedAt?: string;
  finishedAt?: string;
  error?: string;
  /** Once done: how long each phase took, in milliseconds (GenerationTimings in models/round.model.ts). */
  timings?: GenerationTimings;
}

/** A finished generation's phases, in milliseconds of wall time. */
export interface GenerationTimings {
  /** Reading the roster (attendees, wishes, blocks, past pairs, sit-outs, busy people). */
  loadingMs: number;
  /** The matching worker thread: start-up, the input's transfer, planRound, the plan's transfer back. */
  matchingMs: number;
  /** Parts of matchingMs: the thread's start (code and input), planRound, the plan's way back. */
  workerStartMs: number;
  planMs: number;
  resultTransferMs: number;
  /** Writing the draft: meetings, participants, pairs and the round's figures, in one transaction. */
  storingMs: number;
  totalMs: number;
}

/**
 * What `rounds.stats` holds: the review figures plus who was left out and why. The one definition of a
 * round's statistics in the API: the library's figures it keeps under their names (the plan writer maps
 * the rest), and the GraphQL `RoundStats` implements it (models/round.model.ts).
 */
export interface StoredRoundStats extends Pick<RoundStats, 'pairs' | 'trios' | 'byes' | 'totalScore' | 'meanScore' | 'minScore'>, MeetingMix {
  /** Tables of a table round (absent in stats stored before table rounds: read as 0). */
  tables?: number;
  /**
   * The bound on the best possible total score (the dual bound of a pairing, the Lagrangian bound of
   * tables), in score units; absent in stats stored before it was kept.
   */
  scoreUpperBound?: number | null;
  /** Present, consenting, opted-in attendees when the draft was made. */
  eligible: number;
  matched: number;
  certifiedOptimal: boolean;
  optimalityGap: number;
  fairnessCost: number | null;
  worstServed: { attendeeId: string; score: number | null }[];
  leftOut: { attendeeId: string; reason: string }[];
  /** The free-text analysis of the attendees' bios (the SVD's rank and the variance it explains); null or absent: no text scored. */
  text?: StoredTextStats | null;
  /** The accepted meeting requests the generation was given as must-meet pairs, in priority order, and what it did with each. */
  meetingRequests?: StoredRoundRequest[];
}

/** The library's TextStats that a round keeps (`rounds.stats.text`). */
export type StoredTextStats = Pick<NonNullable<RoundStats['text']>, 'people' | 'vocabulary' | 'rank' | 'explainedVariance' | 'share'>;

/** What a round's generation did with one accepted meeting request (`rounds.stats.meetingRequests`). */
export interface StoredRoundRequest {
  requestId: string;
  seated: boolean;
  /** The matching library's MustMeetUnmetReason when not seated, else null. */
  reason: string | null;
}

@Entity('rounds')
@Check('ck_rounds_status', `status IN ${sqlList(ROUND_STATUSES)}`)
@Check('ck_rounds_duration', 'duration_minutes BETWEEN 1 AND 480')
@Check('ck_rounds_table_size', 'table_size IS NULL OR table_size BETWEEN 3 AND 8')
@Index('ix_rounds_event', ['eventId', 'startsAt'])
export class RoundEntity extends EventScopedEntity {
  @Column('text')
  name!: string;

  @Column('timestamptz', { name: 'starts_at' })
  startsAt!: Date;

  @Column('int', { name: 'duration_minutes' })
  durationMinutes!: number;

  /** Table labels in the order they are handed out; tables beyond the pool are numbered on. */
  @Column('text', { array: true, default: () => "'{}'" })
  tables!: string[];

  @Column('text', { default: 'DRAFT' })
  status!: RoundStatusValue;

  /** `trio` or `bye`; null follows the event setting. */
  @Column('text', { name: 'odd_policy', nullable: true })
  oddPolicy!: 'trio' | 'bye' | null;

  @Column('text', { default: 'none' })
  fairness!: 'none' | 'maxmin';

  /** Tables of this many people (3…8; k − 1 where the count forces it) instead of pairs; null: pairs. */
  @Column('int', { name: 'table_size', nullable: true })
  tableSize!: number | null;

  /** The seed and weights the draft was generated with (recorded for reproducibility). */
  @Column('text', { nullable: true })
  seed!: string | null;

  @Column('jsonb', { nullable: true })
  weights!: Record<string, number> | null;

  /** The organiser's rules the draft was generated with, defaults filled in; null for drafts generated before rules existed. */
  @Column('jsonb', { nullable: true })
  rules!: MatchingRules | null;

  @Column('jsonb', { nullable: true })
  stats!: StoredRoundStats | null;

  @Column('jsonb', { nullable: true })
  progress!: GenerationProgress | null;

  /**
   * The generation lease, set while GENERATING: which run holds it (host/pid/run id) and until
   * when. The run renews it while its process lives; a lapsed lease means the run died.
   */
  @Column('text', { name: 'lease_owner', nullable: true })
  leaseOwner!: string | null;

  @Column('timestamptz', { name: 'lease_expires_at', nullable: true })
  leaseExpiresAt!: Date | null;

  @Column('timestamptz', { name: 'generated_at', nullable: true })
  generatedAt!: Date | null;

  @Column('timestamptz', { name: 'published_at', nullable: true })
  publishedAt!: Date | null;

  @CreatedAt()
  createdAt!: Date;

  @UpdatedAt()
  updatedAt!: Date;
}
