import type { Command } from 'commander';
import { registerDemoCommand } from './demo.command';
import { registerExportCommand } from './export.command';
import { registerImportCommand } from './import.command';
import { registerInviteCommand } from './invite.command';
import { registerMatchCommand } from './match.command';
import { registerPlanCommand } from './plan.command';
import { registerScoreCommand } from './score.command';

/** Every `pairwise` sub-command; each file under commands/ registers one. */
export function registerCommands(program: Command): void {
  registerImportCommand(program);
  registerDemoCommand(program);
  registerExportCommand(program);
  registerInviteCommand(program);
  registerMatchCommand(program);
  registerScoreCommand(program);
  registerPlanCommand(program);
}
