import { MatchingInputError } from './errors';
import type { HardRule } from './hard-rules';
import type { PairIds } from './profile';
import { hardRuleOf, type ScoringModel } from './score';

/**
 * Why a requested must-meet pair is not seated this round.
 * - `not-in-round`: one of them is not among the round's attendees (absent, no consent,
 *   opted out, excluded — the caller passes only people who may be paired).
 * - `busy`: one of them is busy this round (a talk, an office-hour slot…).
 * - `same-person`: both ids are the same.
 * - `blocked`, `already-met`, `no-common-language`, `meeting-rule`, `same-company`: a hard rule forbids the pair
 *   (`already-met` includes pairs planned in an earlier round of the same plan).
 * - `conflict`: one of them is already in an earlier feasible must-meet pair of the list
 *   (each person sits at one table per round: the earlier request wins, this one waits).
 * - `no-compatible-table` (table rounds): feasible as a pair, but no table of the seating could
 *   take the two together (everyone else at a table that has room for them may not meet one of them).
 */
export type MustMeetUnmetReason =
  | 'not-in-round'
  | 'busy'
  | 'same-person'
  | 'blocked'
  | 'already-met'
  | 'no-common-language'
  | 'meeting-rule'
  | 'same-company'
  | 'conflict'
  | 'no-compatible-table';

/** A requested pair that is not seated, and why. */
export interface UnmetMustMeet {
  readonly a: string;
  readonly b: string;
  readonly reason: MustMeetUnmetReason;
}

/** What the round did with its must-meet requests. */
export interface MustMeetReport {
  /** The feasible pairs, each seated together at its own table (ids sorted), in request order. */
  readonly seated: readonly (readonly [string, string])[];
  /** The other requests, in request order, with the reason. */
  readonly unmet: readonly UnmetMustMeet[];
}

/** Must-meet requests and busy people resolved against one round (model indices). */
export interface RoundConstraints {
  /** 1 for busy attendees: nobody is seated with them, they sit out as `busy`. */
  readonly busy: Uint8Array;
  /** The feasible must-meet pairs [i, j] (i < j): pre-seated, disjoint. */
  readonly pairs: readonly (readonly [number, number])[];
  /** 1 for a member of a feasible must-meet pair. */
  readonly preSeated: Uint8Array;
  readonly report: MustMeetReport;
  /** True when no one is busy and no pair is pre-seated: the engine runs exactly as without constraints. */
  readonly none: boolean;
}

/** The hard rules `hardRuleOf` can return for two attendees of the round, as unmet reasons. */
function ruleReason(rule: HardRule | null): MustMeetUnmetReason | null {
  if (rule === null) return null;
  return rule === 'unknown-attendee' || rule === 'excluded' ? 'not-in-round' : rule;
}

function readIds(value: unknown, field: string): readonly string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw new MatchingInputError(field, 'must be an array of attendee ids');
  value.forEach((id, i) => {
    if (typeof id !== 'string') throw new MatchingInputError(`${field}[${i}]`, 'must be an attendee id');
  });
  return value as readonly string[];
}

function readPairs(value: unknown, field: string): readonly PairIds[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw new MatchingInputError(field, 'must be an array of pairs of attendee ids');
  value.forEach((pair, p) => {
    if (!Array.isArray(pair) || pair.length !== 2 || typeof pair[0] !== 'string' || typeof pair[1] !== 'string') {
      throw new MatchingInputError(`${field}[${p}]`, 'must be a pair of attendee ids');
    }
  });
  return value as readonly PairIds[];
}

/**
 * Resolves a round's `mustMeet` requests and `busy` ids against its attendees.
 *
 * A request {a, b} is **feasible** when, in this order: both are attendees of the round
 * (`not-in-round` otherwise: the caller passes only present, consenting, opted-in people),
 * neither is busy (`busy`), a ≠ b, no hard rule forbids the pair (`blocked`, `already-met` —
 * past pairs and pairs used earlier in the plan — `no-common-language`), and neither person is
 * already in an earlier feasible request (`conflict`). Requests are honoured in the order given
 * (the API passes them oldest acceptance first), so when someone accepted two requests the first
 * is seated and the second waits for a later round — first accepted, first served; an infeasible
 * request never takes anyone's place. A request repeated (either order) counts once.
 * Busy ids not in the round are ignored, as `excluded` ids are.
 *
 * Complexity: O(requests × ⌈L/32⌉ + busy + n).
 * @throws {MatchingInputError} for `busy` not an array of ids or `mustMeet` not an array of id pairs.
 * @example resolveRoundConstraints(model, [['ada', 'grace']], ['alan'], () => false).report.seated // [['ada', 'grace']]
 */
export function resolveRoundConstraints(
  model: ScoringModel,
  mustMeetInput: unknown,
  busyInput: unknown,
  isUsed: (i: number, j: number) => boolean,
): RoundConstraints {
  const busyIds = readIds(busyInput, 'busy');
  const requests = readPairs(mustMeetInput, 'mustMeet');
  const busy = new Uint8Array(model.n);
  for (const id of busyIds) {
    const v = model.index.get(id);
    if (v !== undefined) busy[v] = 1;
  }
  const preSeated = new Uint8Array(model.n);
  const pairs: [number, number][] = [];
  const seated: [string, string][] = [];
  const unmet: UnmetMustMeet[] = [];
  const seen = new Set<string>();
  for (const [a, b] of requests) {
    const key = a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const i = model.index.get(a);
    const j = model.index.get(b);
    let reason: MustMeetUnmetReason | null;
    if (i === undefined || j === undefined) reason = 'not-in-round';
    else if (busy[i] === 1 || busy[j] === 1) reason = 'busy';
    else if (i === j) reason = 'same-person';
    else reason = ruleReason(hardRuleOf(model, i, j)) ?? (isUsed(i, j) ? 'already-met' : preSeated[i] === 1 || preSeated[j] === 1 ? 'conflict' : null);
    if (reason !== null || i === undefined || j === undefined) {
      unmet.push({ a, b, reason: reason ?? 'not-in-round' });
      continue;
    }
    preSeated[i] = 1;
    preSeated[j] = 1;
    pairs.push([Math.min(i, j), Math.max(i, j)]);
    seated.push(a < b ? [a, b] : [b, a]);
  }
  return { busy, pairs, preSeated, report: { seated, unmet }, none: pairs.length === 0 && !busy.includes(1) };
}
