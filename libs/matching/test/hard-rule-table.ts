import type { HardRule, HardRuleChecker } from '../src/hard-rules';

/** A row of a hard-rule table: two attendee ids and the rule that keeps them apart (null: they may meet). */
export type HardRuleRow = readonly [a: string, b: string, rule: HardRule | null];

/**
 * Fails unless `checker` names, for each row's pair in that order, the row's rule: one comparison, so a
 * failure shows every pair that came out otherwise.
 */
export function expectHardRules(checker: Pick<HardRuleChecker, 'hardRule'>, table: readonly HardRuleRow[]): void {
  expect(table.map(([a, b]) => [a, b, checker.hardRule(a, b)])).toEqual(table);
}
