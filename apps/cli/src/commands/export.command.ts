import type { Command } from 'commander';
import { REPORT_FORMATS } from '../../../api/src/public-api';
import type { ExportOptions } from './export.action';

export function registerExportCommand(program: Command): void {
  program
    .command('export')
    .description('Write the pairing report of an event (published rounds) or of one round, with its KPIs, to a file')
    .requiredOption('--event <slug>', 'the event slug')
    .option('--round <id or name>', 'only this round (a draft too): its id, or its name when no other round has it (`pairwise rounds` lists them)')
    .requiredOption('--format <format>', `one of ${REPORT_FORMATS.join(', ')}`)
    .requiredOption('--out <file>', 'where to write the report (replaced only once the export is complete)')
    .action((options: ExportOptions) => (require('./export.action') as typeof import('./export.action')).runExport(options));
}
