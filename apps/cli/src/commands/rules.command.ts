import type { Command } from 'commander';
import type { ConflictsImportOptions, RulesOptions } from './rules.action';

export function registerRulesCommand(program: Command): void {
  program
    .command('rules')
    .description("Print an event's matching rules document (the JSON `pairwise plan --rules` reads), or replace it with --set FILE")
    .requiredOption('--event <slug>', 'the event slug')
    .option('--set <file>', 'a rules document (JSON: weights, sameCompany, whoCanMeet) to store for the rounds generated from now on')
    .option('--earlier-events <on|off>', 'pairs who met at an earlier event of the same organisers are never paired again (on) or may be (off)')
    .action((options: RulesOptions) => (require('./rules.action') as typeof import('./rules.action')).runRules(options));
  program
    .command('conflicts')
    .description('Conflicts of interest: people who already know each other are never paired')
    .command('import')
    .description('Import a CSV of people who know each other: one line per group (co-authors, a lab, a team) of two or more names or emails')
    .requiredOption('--event <slug>', 'the event slug')
    .argument('<file>', 'the CSV file')
    .option('--dry-run', 'write nothing: report what the import would do')
    .option('--json', 'print the report as JSON')
    .action((file: string, options: ConflictsImportOptions) => (require('./rules.action') as typeof import('./rules.action')).runConflictsImport(file, options));
}
