import type { Command } from 'commander';
import type { RoundsOptions } from './rounds.action';

export function registerRoundsCommand(program: Command): void {
  program
    .command('rounds')
    .description('List the rounds of an event: id, status, start and name (ids and names for `export --round`)')
    .requiredOption('--event <slug>', 'the event slug')
    .option('--json', 'print them as JSON')
    .action((options: RoundsOptions) => (require('./rounds.action') as typeof import('./rounds.action')).runRounds(options));
}
