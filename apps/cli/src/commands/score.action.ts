import { resolveRules, scoreAllPairs, type MatchingRules, type Profile } from '@pairwise/matching';
import { CliUsageError } from '../cli-errors';
import { libraryCall, parseWith, readJsonFile, stdoutOutput, type CommandOutput } from './matching/io';
import { profilesFileSchema } from './matching/schemas';

/** Options of `pairwise score`. */
export interface ScoreOptions {
  readonly profiles: string;
  readonly rules?: string;
  readonly textWeight?: string;
}

/**
 * Reads and validates a `--rules` file: the organiser's rules document (the one the API stores per
 * event); none given, the default rules (today's scores).
 * @throws {CliUsageError} naming the file and the first offending field.
 */
export function readRulesFile(file: string | undefined): MatchingRules {
  if (file === undefined) return resolveRules();
  const document = readJsonFile(file);
  return libraryCall(file, () => resolveRules(document as never));
}

/**
 * The rules with `--text-weight W` applied: W is the free text's share of the similarity part of
 * the score, 0 (tags only) to 1 (text only); it replaces the rules' `weights.text`. Absent: the
 * rules' value, and when that is null too, the library's default share (0.5) whenever a profile
 * has a text.
 * @throws {CliUsageError} when W is not a number in [0, 1].
 */
export function withTextWeight(rules: MatchingRules, value: string | undefined): MatchingRules {
  if (value === undefined) return rules;
  const share = Number(value);
  if (value.trim() === '' || !Number.isFinite(share) || share < 0 || share > 1) {
    throw new CliUsageError(`--text-weight must be a number between 0 and 1; got "${value}"`);
  }
  return resolveRules({ ...rules, weights: { ...rules.weights, text: share } });
}

/**
 * Reads and validates a `--profiles` file (a JSON array of profiles).
 * @throws {CliUsageError} naming the file and the first offending field.
 */
export function readProfilesFile(file: string): Profile[] {
  const profiles = parseWith(profilesFileSchema, readJsonFile(file), file, 'profiles');
  const seen = new Map<string, number>();
  profiles.forEach((p, i) => {
    const first = seen.get(p.id);
    if (first !== undefined) throw new CliUsageError(`${file}: profiles[${i}].id: duplicate id "${p.id}" (also profiles[${first}])`);
    seen.set(p.id, i);
  });
  return profiles;
}

/**
 * `pairwise score`: every allowed pair of the profiles as `{"n", "edges"}`
 * (vertex i = the i-th profile; weight = round(score × 10⁶), the solver's
 * integer units; pairs a hard rule forbids are absent) — the input format
 * of `pairwise match`. `--rules FILE` applies an organiser's rules document (weights, same company,
 * who can meet whom); `--text-weight W` the free text's share (profiles' `text` and `abstracts`).
 * @throws {CliUsageError} for a bad file.
 */
export function runScore(options: ScoreOptions, out: CommandOutput = stdoutOutput): void {
  const rules = withTextWeight(readRulesFile(options.rules), options.textWeight);
  const profiles = readProfilesFile(options.profiles);
  const { n, edges } = libraryCall(options.profiles, () => scoreAllPairs(profiles, { rules }));
  out.write(`${JSON.stringify({ n, edges })}\n`);
}
