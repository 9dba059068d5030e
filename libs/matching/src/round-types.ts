import type { PairExplanation } from './explain';
import type { MustMeetReport } from './must-meet';
import type { Seed } from './prng';
import type { PairIds, Profile } from './profile';
import type { ScoringOptions } from './score';
import type { TextStats } from './text/text-model';

/** What happens to an odd one out: joins a pair as a trio, or sits the round out. */
export type GroupPolicy = 'trio' | 'bye';

/**
 * `none`: maximise the round's total score. `maxmin`: first find the highest
 * floor τ such that everyone who can be paired still is using only pairs
 * scoring ≥ τ (searched on the candidate graph), then maximise the total
 * among those pairs — the worst-served attendee gets the best possible
 * partner, at a cost in total score reported in {@link FairnessStats}.
 */
export type FairnessMode = 'none' | 'maxmin';

/** One edge of a meeting with its score and explanation. */
export interface MeetingEdge {
  readonly a: string;
  readonly b: string;
  readonly score: number;
  readonly explanation: PairExplanation;
}

/** A table of the round: two people, three when the policy allows a trio, or k − 1 to k at a table round. */
export interface Meeting {
  /** 1-based table number, in order of the members' ids. */
  readonly table: number;
  /** `pair` or `trio` in a pairs round; `table` in a round planned with a `tableSize`. */
  readonly kind: 'pair' | 'trio' | 'table';
  /** True for a pair seated because both asked to meet (a `mustMeet` request of the round); at a table round, a table seating such a pair. */
  readonly mustMeet: boolean;
  /** Member ids, sorted (for a trio, the pair first, then the one who joined; a table: all sorted). */
  readonly members: readonly string[];
  /** Sum of the scores of its edges (1 for a pair, 3 for a trio, m(m − 1)/2 for a table of m). */
  readonly score: number;
  readonly edges: readonly MeetingEdge[];
  /** One human sentence on why this table. */
  readonly sentence: string;
  /** A question to open the conversation. */
  readonly openingQuestion: string;
}

/** Someone who sits this round out, and why. */
export interface Bye {
  readonly id: string;
  /**
   * `no-compatible-partner`: nobody in the round may meet them (a hard rule, or a pair already
   * used, forbids every partner). `odd-count`: someone they could meet existed, but not everyone
   * could be seated (the odd one out by policy, or their possible partners were all taken).
   * `busy`: listed in the round's `busy` (a talk, an office-hour slot…): nobody is seated with them.
   * `no-compatible-table` (table rounds): some people in the round may meet them, but no table of
   * the seating could take them — at every table someone may not meet them (a hard rule, or a
   * pair already used), and too few of their possible partners may all sit together.
   */
  readonly reason: 'odd-count' | 'no-compatible-partner' | 'no-compatible-table' | 'busy';
}

/** How well one attendee is served: their pair's score, the mean of their two trio edges, or null for a bye. */
export interface AttendeeScore {
  readonly id: string;
  readonly score: number | null;
}

/**
 * The exactness of the pairing step and how it was reached. For a table round (`tableSize`) the
 * plan comes from a heuristic: `matchingWeight` is the tables' total (Σ of all pair scores inside
 * tables, × 10⁶), `upperBound` the Lagrangian bound of `tables.ts` (no seating can do better), and
 * `gap` how far from optimal the plan is at most; `pricingRounds` and `pricedEdges` are 0.
 */
export interface OptimalityStats {
  /** True when the pricing loop proved the matching optimal on the complete graph (tables: the bound is met). */
  readonly certified: boolean;
  /** Total solver weight of the pairs (Σ round(score × 10⁶)). */
  readonly matchingWeight: number;
  /** An upper bound on the optimum, in the same units (equal when certified). */
  readonly upperBound: number;
  /** (upperBound − matchingWeight) / |upperBound|: 0 when certified. */
  readonly gap: number;
  /** Partners per attendee kept from the scoring pass. */
  readonly k: number;
  /** Edges of the sparse graph given to the exact solver (final). */
  readonly candidateEdges: number;
  /** Exact solves after the first one, each adding the edges the duals priced in. */
  readonly pricingRounds: number;
  /** Edges added by pricing in all. */
  readonly pricedEdges: number;
  /** Table rounds: passes of the local search (absent for pairs). */
  readonly searchPasses?: number;
}

/** What fairness did: the floor it reached and what it cost in total score. */
export interface FairnessStats {
  readonly mode: FairnessMode;
  /** The floor τ (a score), or null when fairness is off. */
  readonly floor: number | null;
  readonly minBefore: number | null;
  readonly minAfter: number | null;
  readonly totalBefore: number;
  readonly totalAfter: number;
  /** totalBefore − totalAfter (≥ 0). */
  readonly cost: number;
}

/** Statistics of one round. */
export interface RoundStats {
  readonly attendees: number;
  readonly pairs: number;
  readonly trios: number;
  /** Tables of a table round (0 in a pairs round). */
  readonly tables: number;
  readonly byes: number;
  /** Byes because the attendee is busy (included in `byes`). */
  readonly busy: number;
  /** Must-meet requests seated together, and those that are not (see {@link RoundPlan.mustMeet}). */
  readonly mustMeetSeated: number;
  readonly mustMeetUnmet: number;
  /** Sum of the meetings' scores. */
  readonly totalScore: number;
  /** Mean, minimum and median attendee score over the people who meet someone. */
  readonly meanScore: number | null;
  readonly minScore: number | null;
  readonly medianScore: number | null;
  /** The five lowest attendee scores (byes excluded), lowest first. */
  readonly worstServed: readonly AttendeeScore[];
  readonly optimality: OptimalityStats;
  readonly fairness: FairnessStats;
  /** The free-text analysis (rank chosen, variance it explains…), or null when the round scored no text. */
  readonly text: TextStats | null;
}

/** One planned round. */
export interface RoundPlan {
  readonly meetings: readonly Meeting[];
  readonly byes: readonly Bye[];
  /** Every attendee of the round, worst-served first (byes first, then by score, then id). */
  readonly attendeeScores: readonly AttendeeScore[];
  /** The round's must-meet requests: seated ones, and the others with the reason. */
  readonly mustMeet: MustMeetReport;
  readonly stats: RoundStats;
}

/** Input of {@link planRound}. */
export interface PlanRoundInput extends ScoringOptions {
  /** The attendees who may be paired this round (excluded ones are dropped). */
  readonly profiles: readonly Profile[];
  /** Seed for tie-breaks and wording; default 0. */
  readonly seed?: Seed;
  /** Odd one out: `trio` (default) joins the pair where they add most, or `bye`. Not used at tables. */
  readonly policy?: GroupPolicy;
  /**
   * Plan tables of this many people (3…8) instead of pairs: every table seats `tableSize` or
   * `tableSize − 1` people, maximising the sum of the pair scores inside tables (see `TableEngine`);
   * undefined or null: pairs. With `mustMeet`, each feasible pair sits at one table (with others).
   * Not combined with `fairness: 'maxmin'`: the floor it lifts is a pair's score, found exactly by a
   * bottleneck matching; at a table every pair of table-mates is a meeting, and the highest floor
   * over all table-mates is a clique-partition problem no heuristic here can prove.
   */
  readonly tableSize?: number | null;
  /** Rounds each attendee already sat out; only the least-rested can get the bye. */
  readonly sitOutCounts?: Readonly<Record<string, number>>;
  /** Lift the worst-served attendee (`maxmin`) or not (`none`, default). */
  readonly fairness?: FairnessMode;
  /** Partners kept per attendee by the scoring pass; default grows with log n. */
  readonly candidatesPerAttendee?: number;
  /** Cap on pricing re-solves; default 50. At the cap the dual bound is reported. */
  readonly maxPricingRounds?: number;
  /**
   * Stop pricing as soon as the dual bound proves the pairing within this
   * relative gap of the optimum (e.g. 1e-4 = 0.01%); default 0: certify.
   */
  readonly maxGap?: number;
  /**
   * Pairs that must meet this round (accepted meeting requests), in priority order: every
   * feasible one is seated at its own table, and the rest of the round is the optimum around
   * them. Feasibility (both in the round, neither busy, no hard rule, each person in one pair —
   * the earlier request wins) is defined in `must-meet.ts`; the outcome is in `plan.mustMeet`
   * and `stats.mustMeetSeated` / `mustMeetUnmet`.
   */
  readonly mustMeet?: readonly PairIds[];
  /** Attendees busy during this round (a talk, an office-hour slot…): seated with nobody, they sit out as `busy`. */
  readonly busy?: readonly string[];
  /**
   * Debug assertion: verify the plan against the pairing invariants, and each exact solve's
   * optimality certificate (`verifyOptimum`), and throw if one breaks (tests turn it on).
   */
  readonly checkInvariants?: boolean;
}
