/**
 * @pairwise/matching — scoring and optimal pairing for 1:1 conversations at
 * conferences. Pure TypeScript: no framework, no database, no I/O, no clock.
 * Everything public is exported here, by name.
 */

// Exact maximum-weight matching (Edmonds' blossom algorithm with duals).
export { maxWeightMatching } from './blossom/max-weight-matching';
export { solveMatching } from './blossom/solve-matching';
export { verifyOptimum } from './blossom/verify-optimum';
export type { MatchingCertificate, OptimumReport, VerifyOptimumOptions } from './blossom/verify-optimum';
export type { MatchingOptions, MatchingSolution, SolveMatchingOptions, SparseGraph, WeightedEdge } from './blossom/types';
export { edgesToGraph } from './blossom/max-weight-matching';
export { edgeSlack, solveWithPricing } from './blossom/pricing';
export type { PricingDuals, PricingOptions, PricingResult, ViolationOracle } from './blossom/pricing';

// Profiles, weights and scoring.
export type { PairIds, Profile } from './profile';
export { DEFAULT_ROLE_MIX, DEFAULT_WEIGHTS, resolveWeights } from './weights';
export { DEFAULT_RULES, MAX_MEETING_RULES, RULES_VERSION, resolveRules } from './rules';
export type { MatchingRules, MatchingRulesInput, MeetingRule, PeopleSelector, RulesWeights, SameCompanyPolicy } from './rules';
export type { MatchingWeights, RoleMixEntry } from './weights';
export { MatchingInputError } from './errors';
export type { PairExplanation } from './explain';
export type { PairReasons } from './pair-reasons';

// What a meeting says, rendered whenever it is read, for whoever reads it.
export { humanTag, labelInSentence, meetingText, pairText, visibleReasons } from './meeting-text';
export type { MeetingText, MeetingTextContext, ReasonAudience, ReasonField, ScoredPairReasons } from './meeting-text';
export { createScorer, scoreAllPairs } from './scorer';
export type { Scorer } from './scorer';
export { SCORE_SCALE, toSolverWeight } from './score';
export type { ScoreBreakdown, ScoringOptions } from './score';
export { DEFAULT_MAX_RANK, DEFAULT_TEXT_SHARE, DEFAULT_VARIANCE_TARGET } from './text/text-model';
export type { TextOptions, TextStats } from './text/text-model';
export { withSyntheticTexts } from './text/synthetic-text';
export type { SyntheticTextOptions } from './text/synthetic-text';
export type { HardRule, HardRuleChecker, HardRuleOptions } from './hard-rules';
export { createHardRuleChecker } from './hard-rules';
export { validateProfiles } from './profile';
export { createPrng, hashSeed } from './prng';
export type { Prng, Seed } from './prng';

// Rounds.
export { planRound } from './plan-round';
export { planRounds } from './plan-rounds';
export { createRoundPlanner } from './planner';
export type { PlannerRoundOptions, RoundPlanner } from './planner';
export { greedyMatching } from './greedy';
export { MAX_TABLE_SIZE, MIN_TABLE_SIZE, tableCounts } from './table-sizes';
export type { PlanRoundsInput, RoundsPlan } from './plan-rounds';
export type { MustMeetReport, MustMeetUnmetReason, UnmetMustMeet } from './must-meet';
export type {
  AttendeeScore,
  Bye,
  FairnessMode,
  FairnessStats,
  GroupPolicy,
  Meeting,
  MeetingEdge,
  OptimalityStats,
  PlanRoundInput,
  RoundPlan,
  RoundStats,
} from './round-types';

// Invariants, shared by tests and debug assertions.
export { isMatching, isValidPairing, pairingViolations } from './invariants';
export type { GroupLike, PairingRules } from './invariants';

// Seeded conference-like attendees for demos, tests and benchmarks.
export { generateConference } from './synthetic';
export type { SyntheticOptions } from './synthetic';

// Judging hand-made groups (swaps and moves in a draft).
export { assessGroups } from './assess-groups';
export type { AssessGroupsInput, GroupAssessment, GroupViolation } from './assess-groups';

// Why someone sits out (for drafts changed by hand).
export { explainSitOuts } from './sit-outs';
export type { ExplainSitOutsInput } from './sit-outs';

// Speaker office hours (short 1:1 slots after a talk): one talk's, or a whole programme's at once — fair, relevant, without clashes.
export { allocateOfficeHours } from './allocate-office-hours';
export type {
  BusyInterval,
  OfficeHoursAllocation,
  OfficeHoursGrant,
  OfficeHoursInput,
  OfficeHoursLevelStats,
  OfficeHoursRequest,
  OfficeHoursStandby,
  OfficeHoursTalk,
  TimeInterval,
} from './allocate-office-hours';
