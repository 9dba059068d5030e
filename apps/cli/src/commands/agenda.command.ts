import type { Command } from 'commander';
import type { AgendaImportOptions } from './agenda.action';

export function registerAgendaCommand(program: Command): void {
  const agenda = program.command('agenda').description("The event's programme: talks with their speaker, room and time");
  agenda
    .command('import')
    .description('Create or update the talks of an event from a Sessionize "All data" JSON export or a CSV (keyed by session id; safe to repeat)')
    .requiredOption('--event <slug>', 'the event slug')
    .option('--format <format>', 'sessionize or csv (default: from the file: .json or text starting with { is Sessionize)')
    .option('--dry-run', 'write nothing: print what the import would do')
    .option('--json', 'print the whole report as JSON')
    .argument('<file>', 'the agenda file; local times without offset are on the event’s clock')
    .action((file: string, options: AgendaImportOptions) => (require('./agenda.action') as typeof import('./agenda.action')).runAgendaImport(file, options));
}
