import { MatchingInputError } from './errors';
import { readRoundOptions, readSitOut, type RoundOptions } from './round-options';
import type { PairIds } from './profile';
import type { Seed } from './prng';
import { resolveRoundConstraints } from './must-meet';
import { adaptiveK, RoundEngine, type RoundRequest } from './round-engine';
import type { FairnessMode, GroupPolicy, PlanRoundInput, RoundPlan } from './round-types';
import { buildScoringModel, type ScoringModel } from './score';
import { TableEngine } from './tables';

/** Per-round overrides of a {@link RoundPlanner}. */
export interface PlannerRoundOptions {
  readonly seed?: Seed;
  readonly policy?: GroupPolicy;
  readonly fairness?: FairnessMode;
  readonly sitOutCounts?: Readonly<Record<string, number>>;
  /** Pairs that must not meet this round, on top of the planner's `pastPairs` (e.g. earlier rounds of the day). */
  readonly avoid?: readonly PairIds[];
  /** This round's must-meet pairs (replaces the planner input's), as {@link PlanRoundInput.mustMeet}. */
  readonly mustMeet?: readonly PairIds[];
  /** This round's busy attendees (replaces the planner input's), as {@link PlanRoundInput.busy}. */
  readonly busy?: readonly string[];
}

/** Scores once, plans many rounds (see {@link createRoundPlanner}). */
export interface RoundPlanner {
  /** Attendees of the rounds (excluded ones removed). */
  readonly attendees: number;
  /** Partners per attendee kept by the scoring pass. */
  readonly k: number;
  /** Plans one round as `planRound` would, with these overrides. */
  plan(options?: PlannerRoundOptions): RoundPlan;
}

/**
 * Does the expensive part of {@link planRound} once — validation, encoding,
 * the blocked scoring pass and top-k selection — and returns a planner that
 * solves rounds on it. Use it to plan rounds one at a time (each with the
 * pairs of the earlier ones in `avoid`) or to time scoring and solving
 * apart; `planRound(input)` is `createRoundPlanner(input).plan()`.
 *
 * Complexity: as planRound's scoring here; each `plan` as its solve.
 * @throws {MatchingInputError} as planRound; `plan` for bad overrides.
 * @example
 * const planner = createRoundPlanner({ profiles, seed: 1 });
 * const first = planner.plan();
 * const second = planner.plan({ avoid: first.meetings.map((m) => [m.members[0], m.members[1]] as const) });
 */
export function createRoundPlanner(input: PlanRoundInput): RoundPlanner {
  const defaults = readRoundOptions(input);
  const model = buildScoringModel(input.profiles, input);
  const engine = createEngine(model, defaults, input.candidatesPerAttendee, 1);
  const baseSitOut = readSitOut(model, input.sitOutCounts);
  return {
    attendees: model.n,
    k: engine.k,
    plan(overrides = {}) {
      const options = readRoundOptions({ ...input, ...overrides });
      const sitOut = overrides.sitOutCounts === undefined ? baseSitOut : readSitOut(model, overrides.sitOutCounts);
      const used = new Set<number>();
      (overrides.avoid ?? []).forEach((pair, p) => {
        if (!Array.isArray(pair) || pair.length !== 2) throw new MatchingInputError(`avoid[${p}]`, 'must be a pair of attendee ids');
        const a = model.index.get(pair[0]);
        const b = model.index.get(pair[1]);
        if (a !== undefined && b !== undefined && a !== b) used.add(Math.min(a, b) * model.n + Math.max(a, b));
      });
      const constraints = resolveRoundConstraints(
        model,
        overrides.mustMeet ?? input.mustMeet,
        overrides.busy ?? input.busy,
        (i, j) => used.has(Math.min(i, j) * model.n + Math.max(i, j)),
      );
      return engine.plan({ used, sitOut, policy: options.policy, fairness: options.fairness, seed: options.seed, constraints });
    },
  };
}

/** The engine of a pairs round or of a table round, behind one `plan`. Internal. */
export interface PlanningEngine {
  /** Partners per attendee kept by the scoring pass. */
  readonly k: number;
  plan(request: RoundRequest): RoundPlan;
}

/**
 * The engine the options ask for: {@link RoundEngine} for pairs, {@link TableEngine} when
 * `options.tableSize` is set (its candidate lists at least 2·tableSize long, so the local search
 * sees more partners than a table holds). Internal: planRound, createRoundPlanner and planRounds
 * share it.
 *
 * Complexity: one scoring pass (top-k), as the engines' constructors.
 * @throws never (options are validated by `readRoundOptions`).
 */
export function createEngine(model: ScoringModel, options: RoundOptions, k: number | undefined, rounds: number): PlanningEngine {
  const tableSize = options.tableSize;
  if (tableSize === null) {
    const engine = new RoundEngine(model, { k: k ?? adaptiveK(model.n, rounds), maxPricingRounds: options.maxPricingRounds, maxGap: options.maxGap, checkInvariants: options.checkInvariants });
    return { k: engine.lists.k, plan: (request) => engine.plan(request) };
  }
  const engine = new TableEngine(model, { k: k ?? Math.max(adaptiveK(model.n, rounds), 2 * tableSize), checkInvariants: options.checkInvariants });
  return {
    k: engine.lists.k,
    plan: (request) =>
      engine.plan({
        tableSize,
        used: request.used,
        sitOut: request.sitOut,
        seed: request.seed,
        busy: request.constraints === undefined || request.constraints.none ? null : request.constraints.busy,
        mustMeet: request.constraints === undefined ? undefined : { pairs: request.constraints.pairs, report: request.constraints.report },
      }),
  };
}
