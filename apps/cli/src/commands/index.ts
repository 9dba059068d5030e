import type { Command } from 'commander';
import { registerAgendaCommand } from './agenda.command';
import { registerDemoCommand } from './demo.command';
import { registerExportCommand } from './export.command';
import { registerImportCommand } from './import.command';
import { registerInviteCommand } from './invite.command';
import { registerMatchCommand } from './match.command';
import { registerPlanCommand } from './plan.command';
import { registerRoundsCommand } from './rounds.command';
import { registerRulesCommand } from './rules.command';
import { registerScoreCommand } from './score.command';

/**
 * Every `pairwise` sub-command. Each `<name>.command.ts` only declares its command (options, help);
 * the work is in `<name>.action.ts`, required when the command runs — so `pairwise --help` and the
 * offline commands never load the API (Nest, TypeORM, pg: about a second on 2 cores), and the
 * offline commands load the matching library only.
 */
export function registerCommands(program: Command): void {
  registerImportCommand(program);
  registerAgendaCommand(program);
  registerDemoCommand(program);
  registerRoundsCommand(program);
  registerRulesCommand(program);
  registerExportCommand(program);
  registerInviteCommand(program);
  registerMatchCommand(program);
  registerScoreCommand(program);
  registerPlanCommand(program);
}
