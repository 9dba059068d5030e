/**
 * From this many attendees, a round stops at a pairing proven within 0.01% of the optimum (the library's
 * `maxGap`) instead of certifying the exact optimum: at 10,000 attendees the last pricing pass costs about
 * a third of the matching time (docs/benchmarks.md) for a gain below 0.01% of the total score. The round's
 * figures say which it is (`certifiedOptimal`, `optimalityGap`). Smaller rounds are always certified exact.
 */
export const PROVEN_GAP_FROM_ATTENDEES = 4000;
const PROVEN_GAP = 1e-4;
/** The `maxGap` a round of this many attendees is planned with. */
export const provenGapFor = (attendees: number): number => (attendees >= PROVEN_GAP_FROM_ATTENDEES ? PROVEN_GAP : 0);
