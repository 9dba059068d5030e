/** Smallest table size a table round may ask for (tables then seat 2 or 3). */
export const MIN_TABLE_SIZE = 3;
/** Largest table size a table round may ask for. */
export const MAX_TABLE_SIZE = 8;

/**
 * How many tables, and how many people seated, for `m` people at tables of k or k − 1: as few
 * tables as possible, T = ⌈m / k⌉, when they can all seat k − 1 or more (T·(k − 1) ≤ m), which
 * seats everyone; otherwise T = ⌊m / (k − 1)⌋ tables seat T·k (fewer than m) and the rest sit out
 * for the count — the most any such split seats. Everyone is seated when m ≥ (k − 1)(k − 2), or
 * m is a multiple of k or k − 1; fewer than k − 1 people make no table at all. `full` tables seat
 * k, the others k − 1.
 *
 * Complexity: O(1).
 * @throws never.
 * @example tableCounts(13, 6) // { tables: 2, seated: 12, full: 2 }: one sits out
 * @example tableCounts(200, 6) // { tables: 34, seated: 200, full: 30 }
 */
export function tableCounts(m: number, k: number): { tables: number; seated: number; full: number } {
  const fewest = Math.ceil(m / k);
  const tables = fewest * (k - 1) <= m ? fewest : Math.floor(m / (k - 1));
  const seated = Math.min(m, tables * k);
  return { tables, seated, full: seated - tables * (k - 1) };
}
