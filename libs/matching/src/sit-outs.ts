import { MatchingInputError } from './errors';
import type { Profile } from './profile';
import type { Bye } from './round-types';
import { buildScoringModel, hardRuleOf, type ScoringModel, type ScoringOptions } from './score';

/**
 * Why attendee v (an index of `model`) sits a round out, as it truly is:
 * `no-compatible-partner` when nobody in the round may meet them (every pair
 * is forbidden by a hard rule, or `isUsed` says it was used already),
 * `odd-count` when someone they could meet existed but not everyone could be
 * seated. Internal: the engine and {@link explainSitOuts} share it.
 *
 * Complexity: O(n) at worst; usually the first few attendees answer.
 * @throws never (indices are trusted).
 */
export function sitOutReason(model: ScoringModel, v: number, isUsed: (i: number, j: number) => boolean = () => false): Bye['reason'] {
  for (let j = 0; j < model.n; j++) {
    if (j !== v && !isUsed(v, j) && hardRuleOf(model, v, j) === null) return 'odd-count';
  }
  return 'no-compatible-partner';
}

/** Input of {@link explainSitOuts}: the round's attendees and its rules. */
export interface ExplainSitOutsInput extends ScoringOptions {
  readonly profiles: readonly Profile[];
}

/**
 * The reason each of `ids` sits out, judged as the planner judges it (the
 * same hard rules): for drafts changed by hand, where someone who was seated
 * may sit out now.
 *
 * Complexity: one scoring-model build, O(n · tags), plus O(n) per id.
 * @throws {MatchingInputError} for invalid input or an id not in `profiles` (field `ids[i]`).
 * @example
 * explainSitOuts({ profiles, pastPairs }, ['ada']) // [{ id: 'ada', reason: 'odd-count' }]
 */
export function explainSitOuts(input: ExplainSitOutsInput, ids: readonly string[]): Bye[] {
  const model = buildScoringModel(input.profiles, input);
  return ids.map((id, i) => {
    const v = model.index.get(id);
    if (v === undefined) throw new MatchingInputError(`ids[${i}]`, `unknown attendee "${id}"`);
    return { id, reason: sitOutReason(model, v) };
  });
}
