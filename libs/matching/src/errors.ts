/**
 * The one error type of `libs/matching`: an input that breaks the library's
 * contract. `field` names the offending input, e.g. `profiles[3].languages[0]`
 * or `weights.interest`, so callers (the API, the CLI) can report it as is.
 */
export class MatchingInputError extends Error {
  override readonly name = 'MatchingInputError';

  constructor(
    /** Path of the offending field, e.g. `weights.sameCompany`. */
    readonly field: string,
    /** What is wrong with it, without the field name. */
    readonly problem: string,
  ) {
    super(`${field}: ${problem}`);
  }
}
