import { MatchingInputError } from './errors';
import { MAX_TABLE_SIZE } from './table-sizes';
import { explainPair } from './explain';
import { meetingText } from './meeting-text';
import type { HardRule } from './hard-rules';
import { displayName, type Profile } from './profile';
import type { Seed } from './prng';
import type { MeetingEdge } from './round-types';
import { buildScoringModel, hardRuleOf, scoreBreakdown, type ScoringOptions } from './score';

/** Input of {@link assessGroups}: the round's population (for tag rarity), its rules, and the groups to judge. */
export interface AssessGroupsInput extends ScoringOptions {
  readonly profiles: readonly Profile[];
  /** Seed for the wording of explanations; default 0. */
  readonly seed?: Seed;
}

/** A hard rule a group breaks, between two of its members. */
export interface GroupViolation {
  readonly a: string;
  readonly b: string;
  readonly rule: HardRule;
}

/** How a hand-made group (2 to 8 people: a pair, a trio or a table) scores, why, and which hard rules it breaks. */
export interface GroupAssessment {
  readonly members: readonly string[];
  /** Sum of its pair scores (hard rules ignored: see `violations`). */
  readonly score: number;
  readonly edges: readonly MeetingEdge[];
  readonly sentence: string;
  readonly openingQuestion: string;
  /** Empty when every pair of the group is allowed. */
  readonly violations: readonly GroupViolation[];
}

/**
 * Scores and explains groups that organisers put together by hand (a swap,
 * a move), with the same model as the planner — so rarity, weights, wishes
 * and hard rules mean exactly what they meant when the round was generated.
 * The first two members form the pair; a third joins it, as in a planned trio;
 * at a table of four or more every pair counts, as in a planned table.
 *
 * Complexity: one scoring-model build, O(n · tags), plus O(tags) per pair.
 * @throws {MatchingInputError} when a group has fewer than 2 or more than 8
 *   members, repeats someone, or names an id not in `profiles`.
 * @example
 * const [table] = assessGroups({ profiles, pastPairs }, [['ada', 'grace']]);
 * table.violations; // [] when the pair is allowed
 */
export function assessGroups(input: AssessGroupsInput, groups: readonly (readonly string[])[]): GroupAssessment[] {
  const model = buildScoringModel(input.profiles, input);
  const seed = input.seed ?? 0;
  return groups.map((group, g) => {
    if (group.length < 2 || group.length > MAX_TABLE_SIZE || new Set(group).size !== group.length) {
      throw new MatchingInputError(`groups[${g}]`, `must list 2 to ${MAX_TABLE_SIZE} different attendees`);
    }
    const index = group.map((id, m) => {
      const i = model.index.get(id);
      if (i === undefined) throw new MatchingInputError(`groups[${g}][${m}]`, `unknown attendee "${id}"`);
      return i;
    });
    const pairs: [number, number][] = index.length === 2
      ? [[index[0]!, index[1]!]]
      : index.length === 3
        ? [[index[0]!, index[1]!], [index[2]!, index[0]!], [index[2]!, index[1]!]]
        : index.flatMap((x, p) => index.slice(p + 1).map((y) => [x, y] as [number, number]));
    const edges: MeetingEdge[] = pairs.map(([x, y]) => {
      const explanation = explainPair(model, x, y, seed);
      return { a: explanation.a, b: explanation.b, score: scoreBreakdown(model, x, y).total, explanation };
    });
    const violations = pairs.flatMap(([x, y]) => {
      const rule = hardRuleOf(model, x, y);
      return rule ? [{ a: model.profiles[x]!.id, b: model.profiles[y]!.id, rule }] : [];
    });
    return {
      members: [...group],
      score: edges.reduce((sum, edge) => sum + edge.score, 0),
      edges,
      ...meetingText(edges.map((edge) => edge.explanation), { nameOf: (id) => displayName(model.profiles[model.index.get(id)!]!) }),
      violations,
    };
  });
}
