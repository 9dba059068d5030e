import { MAX_TABLE_SIZE, MIN_TABLE_SIZE, planRounds, type FairnessMode, type GroupPolicy, type RoundPlan, type RoundsPlan } from '@pairwise/matching';
import { CliUsageError } from '../cli-errors';
import { libraryCall, stdoutOutput, type CommandOutput } from './matching/io';
import { readProfilesFile, readRulesFile, withTextWeight } from './score.action';

/** Options of `pairwise plan` as commander hands them over (strings). */
export interface PlanOptions {
  readonly profiles: string;
  readonly rounds?: string;
  readonly seed?: string;
  readonly policy?: string;
  readonly format?: string;
  readonly fairness?: string;
  readonly rules?: string;
  readonly textWeight?: string;
  readonly tableSize?: string;
}

const MAX_ROUNDS = 100;

function choice<T extends string>(value: string | undefined, fallback: T, allowed: readonly T[], flag: string): T {
  if (value === undefined) return fallback;
  if (!(allowed as readonly string[]).includes(value)) throw new CliUsageError(`${flag} must be one of ${allowed.join(', ')}; got "${value}"`);
  return value as T;
}

/** Scores and other reals to 6 decimals: the JSON stays readable and stable. */
function roundReals(_key: string, value: unknown): unknown {
  return typeof value === 'number' && !Number.isInteger(value) ? Math.round(value * 1e6) / 1e6 : value;
}

function csvCell(value: string | number | null | undefined): string {
  const text = value === null || value === undefined ? '' : typeof value === 'number' ? String(Math.round(value * 1e6) / 1e6) : value;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function toCsv(plan: RoundsPlan, names: ReadonlyMap<string, string>): string {
  const rows: (string | number | null)[][] = [['round', 'table', 'kind', 'members', 'names', 'score', 'reasons', 'sentence', 'opening_question']];
  const nameOf = (id: string): string => names.get(id) ?? id;
  plan.rounds.forEach((round: RoundPlan, r) => {
    for (const m of round.meetings) {
      const e = m.edges[0]!.explanation;
      const reasons = [
        ...e.sharedInterests.map((t) => `interest:${t}`),
        ...e.aSeeksBOffers.map((t) => `goal:${e.a} gets ${t} from ${e.b}`),
        ...e.bSeeksAOffers.map((t) => `goal:${e.b} gets ${t} from ${e.a}`),
        ...e.sharedStack.map((t) => `stack:${t}`),
        ...(e.sharedTerms ?? []).map((t) => `text:${t}`),
        ...(e.wish === 'none' ? [] : [`wish:${e.wish}`]),
      ].join('; ');
      rows.push([r + 1, m.table, m.kind, m.members.join(';'), m.members.map(nameOf).join(';'), m.score, reasons, m.sentence, m.openingQuestion]);
    }
    for (const bye of round.byes) rows.push([r + 1, null, 'bye', bye.id, nameOf(bye.id), null, bye.reason, null, null]);
    const s = round.stats;
    const summary = `pairs=${s.pairs} trios=${s.trios} tables=${s.tables} byes=${s.byes} mean=${csvNumber(s.meanScore)} min=${csvNumber(s.minScore)} certified=${s.optimality.certified} gap=${s.optimality.gap}${s.text === null ? '' : ` text_share=${s.text.share} text_rank=${s.text.rank} text_explained=${csvNumber(s.text.explainedVariance)}`}`;
    rows.push([r + 1, null, 'stats', null, null, s.totalScore, summary, null, null]);
  });
  return rows.map((row) => row.map(csvCell).join(',')).join('\n') + '\n';
}

function csvNumber(value: number | null): string {
  return value === null ? '' : String(Math.round(value * 1e6) / 1e6);
}

/**
 * `pairwise plan`: plans K rounds (no pair twice) for the profiles and
 * prints every round's meetings (pairs and trios, or with `--table-size K`
 * tables of K or K − 1 of kind `table`), byes, scores, reasons and
 * statistics as JSON (default, with the rules it applied) or CSV. `--rules FILE`: the organiser's
 * rules document (weights, same company, who can meet whom), as the API stores it per event;
 * `--text-weight W` the free text's share (each round's `stats.text` gives the rank and the variance
 * it explains).
 * @throws {CliUsageError} for a bad file or option.
 */
export function runPlan(options: PlanOptions, out: CommandOutput = stdoutOutput): void {
  const rounds = Number(options.rounds ?? '1');
  if (!Number.isInteger(rounds) || rounds < 1 || rounds > MAX_ROUNDS || !/^\d+$/.test(options.rounds ?? '1')) {
    throw new CliUsageError(`--rounds must be an integer between 1 and ${MAX_ROUNDS}; got "${options.rounds}"`);
  }
  const policy = choice<GroupPolicy>(options.policy, 'trio', ['trio', 'bye'], '--policy');
  const format = choice(options.format, 'json', ['json', 'csv'] as const, '--format');
  const fairness = choice<FairnessMode>(options.fairness, 'none', ['none', 'maxmin'], '--fairness');
  const tableSize = options.tableSize === undefined ? null : Number(options.tableSize);
  if (tableSize !== null && (!/^\d+$/.test(options.tableSize ?? '') || tableSize < MIN_TABLE_SIZE || tableSize > MAX_TABLE_SIZE)) {
    throw new CliUsageError(`--table-size must be an integer between ${MIN_TABLE_SIZE} and ${MAX_TABLE_SIZE}; got "${options.tableSize}"`);
  }
  if (tableSize !== null && fairness !== 'none') throw new CliUsageError('--fairness maxmin applies to pairs, not to --table-size');
  const seed = options.seed ?? '0';
  const rules = withTextWeight(readRulesFile(options.rules), options.textWeight);
  const profiles = readProfilesFile(options.profiles);
  const plan = libraryCall(options.profiles, () => planRounds({ profiles, rounds, seed, policy, fairness, rules, tableSize }));
  if (format === 'csv') {
    out.write(toCsv(plan, new Map(profiles.map((p) => [p.id, p.name ?? p.id]))));
    return;
  }
  const result = {
    attendees: profiles.length,
    seed,
    policy,
    fairness,
    rules,
    tableSize,
    rounds: plan.rounds.map((round, r) => ({ round: r + 1, ...round })),
    sitOutCounts: plan.sitOutCounts,
  };
  out.write(`${JSON.stringify(result, roundReals, 2)}\n`);
}
