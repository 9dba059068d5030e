import { MatchingInputError } from '../src/errors';

/**
 * The MatchingInputError `run` throws, for a test to check its field and message; the test fails when
 * `run` throws anything else, or nothing.
 */
export function inputErrorOf(run: () => unknown): MatchingInputError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(MatchingInputError);
    return error as MatchingInputError;
  }
  throw new Error('expected a MatchingInputError; nothing was thrown');
}
