// Its own file: explain.ts computes these reasons and meeting-text.ts words them, and neither
// imports the other for it.

/** Why two people were paired, as data (tags are normalised slugs). */
export interface PairReasons {
  /** The two ids, in id order: `a` < `b`. */
  readonly a: string;
  readonly b: string;
  /** Interests both list, rarest first (ties by name). */
  readonly sharedInterests: readonly string[];
  /** What `a` looks for and `b` offers, rarest first. */
  readonly aSeeksBOffers: readonly string[];
  /** What `b` looks for and `a` offers, rarest first. */
  readonly bSeeksAOffers: readonly string[];
  /** Stack both use, rarest first. */
  readonly sharedStack: readonly string[];
  /** Languages both speak (empty when either lists none). */
  readonly commonLanguages: readonly string[];
  /** `mutual` when both wished to meet, `a` or `b` when only that one did. */
  readonly wish: 'mutual' | 'a' | 'b' | 'none';
  /** The role pair and its bonus when the role-mix table has it (non-zero). */
  readonly roleMix: { readonly roles: readonly [string, string]; readonly bonus: number } | null;
  /** True when both work at the same company (a penalty). */
  readonly sameCompany: boolean;
  /**
   * Key terms both people's free texts use (`text`, `abstracts`), strongest first, each as a word
   * of one of the two texts; absent in reasons stored before free text existed, and empty when
   * the round scored no text.
   */
  readonly sharedTerms?: readonly string[];
  /**
   * Which wording the texts use (a 32-bit number from the round's seed and the two ids), kept with
   * the reasons so that a meeting's text, rendered whenever it is read, always reads the same.
   */
  readonly variant: number;
}
