import type { PlanRoundInput, RoundPlan } from './round-types';
import { createRoundPlanner } from './planner';

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
 * 'maxmin'` lifts the minimum pair score (see `FairnessMode`). With `mustMeet`
 * and `busy`: the busy sit out (`busy`), every feasible must-meet pair is
 * seated together, and the plan is the maximum-weight matching among the
 * maximum-cardinality ones that seat them (proof in `RoundEngine`).
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
