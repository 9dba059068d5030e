import fs from 'node:fs';
import { MatchingInputError } from '@pairwise/matching';
import type { z } from 'zod';
import { CliUsageError } from '../../cli-errors';

/** Where a command writes its result (stdout in production, a buffer in tests). */
export interface CommandOutput {
  write(text: string): void;
}

/** The process's stdout: the only place results go (diagnostics go to stderr). */
export const stdoutOutput: CommandOutput = { write: (text) => void process.stdout.write(text) };

/**
 * Reads and parses a JSON file.
 * @throws {CliUsageError} one line: missing or unreadable file, or malformed JSON.
 */
export function readJsonFile(file: string): unknown {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new CliUsageError(code === 'ENOENT' ? `no such file: ${file}` : `cannot read ${file}: ${code ?? String(error)}`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new CliUsageError(`${file}: malformed JSON (${(error as Error).message.split('\n')[0]})`);
  }
}

/** `root[3].languages[0]` from a zod/validation path. */
export function formatPath(root: string, path: readonly PropertyKey[]): string {
  return path.reduce<string>((acc, key) => (typeof key === 'number' ? `${acc}[${key}]` : `${acc}.${String(key)}`), root);
}

/**
 * Validates `value` with a zod schema.
 * @throws {CliUsageError} naming the file and the first offending field.
 */
export function parseWith<T>(schema: z.ZodType<T>, value: unknown, file: string, root: string): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0] as z.core.$ZodIssue;
  if (issue.code === 'unrecognized_keys') {
    const key = issue.keys[0] as string;
    throw new CliUsageError(`${file}: ${formatPath(root, [...issue.path, key])}: unknown field`);
  }
  throw new CliUsageError(`${file}: ${formatPath(root, issue.path)}: ${issue.message}`);
}

/** Runs a library call, turning its input errors into one-line usage errors about `file`. */
export function libraryCall<T>(file: string, call: () => T): T {
  try {
    return call();
  } catch (error) {
    if (error instanceof MatchingInputError) throw new CliUsageError(`${file}: ${error.message}`);
    throw error;
  }
}
