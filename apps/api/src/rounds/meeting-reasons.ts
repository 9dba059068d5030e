import { hashSeed, type MeetingEdge, type PairReasons } from '@pairwise/matching';

/**
 * One element of `meetings.reasons`: why two people of a table were matched, as data that names
 * people by id only — tags (slugs), the role pair, the wish, the score and the wording variant.
 * No name and no sentence is ever stored: what a meeting says is rendered when it is read
 * (meeting-explanation.ts), from the names people have then and what they share then, so erasing
 * or renaming someone needs no text to be edited anywhere.
 */
export type StoredPairReason = PairReasons & {
  readonly score: number;
  /**
   * The attendee who asked to meet the other through a meeting request the other accepted, when the two were
   * seated together for it (a must-meet pair of the round); null otherwise. Both of them know it.
   */
  readonly requestedBy: string | null;
};

/**
 * The JSON stored in `meetings.reasons` for a table's edges, in the table's order (the pair first).
 * `requestedBy(a, b)`: who asked to meet the other, for a pair seated for an accepted meeting request.
 */
export function toStoredReasons(edges: readonly MeetingEdge[], requestedBy: (a: string, b: string) => string | null = () => null): string {
  return JSON.stringify(storedReasons(edges, requestedBy));
}

/** What `meetings.reasons` holds for a table's edges (see toStoredReasons), as data. */
export function storedReasons(edges: readonly MeetingEdge[], requestedBy: (a: string, b: string) => string | null = () => null): StoredPairReason[] {
  return edges.map(({ a, b, score, explanation: e }): StoredPairReason => ({
      a,
      b,
      score,
      requestedBy: requestedBy(a, b),
      sharedInterests: e.sharedInterests,
      aSeeksBOffers: e.aSeeksBOffers,
      bSeeksAOffers: e.bSeeksAOffers,
      sharedStack: e.sharedStack,
      commonLanguages: e.commonLanguages,
      wish: e.wish,
      roleMix: e.roleMix,
      sameCompany: e.sameCompany,
      sharedTerms: e.sharedTerms ?? [],
      variant: e.variant,
    }));
}

const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : []);
const WISHES = new Set(['mutual', 'a', 'b', 'none']);

/**
 * `meetings.reasons` read back, whatever a row holds: an element missing a field, or with a field of
 * the wrong type (rows written before this shape, or damaged by the text-replacing erasure of old),
 * reads as "no reason" for that field, never as an error. Elements without two ids are dropped.
 */
export function readStoredReasons(stored: unknown): StoredPairReason[] {
  if (!Array.isArray(stored)) return [];
  return stored.flatMap((raw): StoredPairReason[] => {
    if (typeof raw !== 'object' || raw === null) return [];
    const r = raw as Record<string, unknown>;
    if (typeof r.a !== 'string' || typeof r.b !== 'string') return [];
    const roles = (r.roleMix as { roles?: unknown } | null | undefined)?.roles;
    const bonus = (r.roleMix as { bonus?: unknown } | null | undefined)?.bonus;
    return [
      {
        a: r.a,
        b: r.b,
        score: typeof r.score === 'number' && Number.isFinite(r.score) ? r.score : 0,
        requestedBy: typeof r.requestedBy === 'string' && (r.requestedBy === r.a || r.requestedBy === r.b) ? r.requestedBy : null,
        sharedInterests: strings(r.sharedInterests),
        aSeeksBOffers: strings(r.aSeeksBOffers),
        bSeeksAOffers: strings(r.bSeeksAOffers),
        sharedStack: strings(r.sharedStack),
        commonLanguages: strings(r.commonLanguages),
        wish: typeof r.wish === 'string' && WISHES.has(r.wish) ? (r.wish as PairReasons['wish']) : 'none',
        roleMix:
          Array.isArray(roles) && roles.length === 2 && roles.every((role) => typeof role === 'string')
            ? { roles: [roles[0] as string, roles[1] as string], bonus: typeof bonus === 'number' ? bonus : 1 }
            : null,
        sameCompany: r.sameCompany === true,
        sharedTerms: strings(r.sharedTerms),
        // Rows from before variants were stored: a wording of their own, the same at every read.
        variant: typeof r.variant === 'number' && Number.isInteger(r.variant) ? r.variant >>> 0 : hashSeed(`${r.a}:${r.b}`),
      },
    ];
  });
}
