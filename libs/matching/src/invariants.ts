import type { HardRule } from './hard-rules';
import { pairKey, type PairIds } from './profile';

/**
 * True when `mate` is a matching: `mate[v]` is −1 or another vertex w in
 * range with `mate[w] === v` (so nobody is matched twice and no self-pairs).
 *
 * Complexity: O(n).
 * @throws never.
 * @example isMatching([1, 0, -1]) // true
 */
export function isMatching(mate: ArrayLike<number>): boolean {
  const n = mate.length;
  for (let v = 0; v < n; v++) {
    const w = mate[v] as number;
    if (w === -1) continue;
    if (!Number.isInteger(w) || w < 0 || w >= n || w === v || mate[w] !== v) return false;
  }
  return true;
}

/** A group of a round as the invariants see it: its member ids. */
export interface GroupLike {
  readonly members: readonly string[];
}

/** What {@link pairingViolations} checks a round against. */
export interface PairingRules {
  /** The attendees of the round. */
  readonly attendees: readonly string[];
  /** Largest group allowed: 2 (pairs only) or 3 (a trio allowed). Default 3. */
  readonly maxGroupSize?: number;
  /** Pairs that must not meet (already met, planned earlier, blocked…). */
  readonly forbiddenPairs?: readonly PairIds[];
  /** A hard-rule oracle for any two attendees (e.g. `scorer.hardRule`). */
  readonly hardRule?: (a: string, b: string) => HardRule | null;
}

/**
 * Every way `groups` break the pairing invariants, as readable lines (empty
 * when valid): a member not in the round, someone in two groups, a group
 * smaller than 2 or larger than `maxGroupSize`, a repeated member, a
 * forbidden pair, or a pair a hard rule forbids.
 *
 * Complexity: O(attendees + Σ group size² + forbidden pairs).
 * @throws never.
 * @example pairingViolations([{ members: ['a', 'b'] }], { attendees: ['a', 'b'] }) // []
 */
export function pairingViolations(groups: readonly GroupLike[], rules: PairingRules): string[] {
  const problems: string[] = [];
  const attendees = new Set(rules.attendees);
  const seen = new Set<string>();
  const forbidden = new Set((rules.forbiddenPairs ?? []).map(([a, b]) => pairKey(a, b)));
  const maxSize = rules.maxGroupSize ?? 3;
  groups.forEach((group, g) => {
    const members = group.members;
    if (members.length < 2 || members.length > maxSize) problems.push(`group ${g} has ${members.length} members`);
    if (new Set(members).size !== members.length) problems.push(`group ${g} repeats a member`);
    for (const id of members) {
      if (!attendees.has(id)) problems.push(`group ${g}: ${id} is not in the round`);
      if (seen.has(id)) problems.push(`${id} is in two groups`);
      seen.add(id);
    }
    for (let x = 0; x < members.length; x++) {
      for (let y = x + 1; y < members.length; y++) {
        const a = members[x] as string;
        const b = members[y] as string;
        if (forbidden.has(pairKey(a, b))) problems.push(`${a} and ${b} must not meet again`);
        const rule = rules.hardRule?.(a, b) ?? null;
        if (rule !== null) problems.push(`${a} and ${b} break hard rule ${rule}`);
      }
    }
  });
  return problems;
}

/**
 * True when {@link pairingViolations} finds nothing.
 *
 * Complexity: as {@link pairingViolations}.
 * @throws never.
 * @example isValidPairing(plan.meetings, { attendees: ids, hardRule: scorer.hardRule })
 */
export function isValidPairing(groups: readonly GroupLike[], rules: PairingRules): boolean {
  return pairingViolations(groups, rules).length === 0;
}
