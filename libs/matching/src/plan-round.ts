import type { Profile } from './profile';
import type { Seed } from './prng';
import type { FairnessMode, GroupPolicy, RoundPlan } from './round-types';
import { createRoundPlanner } from './planner';
import type { ScoringOptions } from './score';

/** Input of {@link planRound}. */
export interface PlanRoundInput extends ScoringOptions {
  /** The attendees who may be paired this round (excluded ones are dropped). */
  readonly profiles: readonly Profile[];
  /** Seed for tie-breaks and wording; default 0. */
  readonly seed?: Seed;
  /** Odd one out: `trio` (default) joins the pair where they add most, or `bye`. */
  readonly policy?: GroupPolicy;
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
  /** Debug assertion: verify the plan against the pairing invariants and throw if one breaks (tests turn it on). */
  readonly checkInvariants?: boolean;
}

/**
 * Plans one round: pairs everyone who can be paired (maximum cardinality),
 * maximising the total pair score under the hard rules, and explains each
 * meeting.
 *
 * Definition: a maximum-weight matching among maximum-cardinality matchings
 * of the attendee graph (edge weight `round(score × 10⁶)`, forbidden edges
 * absent), found exactly: top-k partners per attendee from the block
 * kernel, plus the greedy pairing's edges, solved with Edmonds' blossom
 * algorithm warm-started from greedy, then priced against the complete
 * graph with the solution's duals until no edge has negative reduced cost
 * (`stats.optimality.certified`). With an odd count, `policy` decides: `bye`
 * gives the least-rested attendee a bye (lowest `sitOutCounts`, ties by
 * seed among equally good solutions), `trio` seats the one left over with
 * the pair where they add most (both new edges allowed). `fairness:
 * 'maxmin'` lifts the minimum pair score (see `FairnessMode`).
 *
 * Deterministic: profiles are sorted by id first, so input order never
 * matters; the same input and seed give the same plan.
 *
 * Complexity: scoring O(n² × shared tags / 2) time in cache-sized blocks,
 * O(n·k) memory; solving near-linear per augmentation on the O(n·k) sparse
 * graph, plus a pricing pass per re-solve.
 * @throws {MatchingInputError} naming the field for invalid profiles,
 *   weights, past pairs, sit-out counts or options.
 * @example
 * const plan = planRound({ profiles, seed: 7, policy: 'bye' });
 * plan.meetings[0].sentence; // "Ada and Grace both care about …"
 */
export function planRound(input: PlanRoundInput): RoundPlan {
  return createRoundPlanner(input).plan();
}
