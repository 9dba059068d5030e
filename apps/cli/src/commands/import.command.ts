import type { Command } from 'commander';

export function registerImportCommand(program: Command): void {
  program
    .command('import')
    .description('Create or update the attendees of an event from a ticketing CSV (upsert by email; safe to repeat)')
    .requiredOption('--event <slug>', 'the event slug')
    .option('--json', 'print the whole report as JSON')
    .argument('<file>', 'CSV file with a header line (email, name, company, role, interests, …)')
    .action((file: string, options: { event: string; json?: boolean }) => (require('./import.action') as typeof import('./import.action')).runImport(file, options));
}
