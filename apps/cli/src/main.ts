import { Command } from 'commander';
import { pinBuild } from '../../api/src/public-api';
import { registerCommands } from './commands';
import { CliUsageError } from './cli-errors';
import { pairwiseVersion } from './version';

/**
 * `pairwise` — offline matching (match, score, plan) and operations on the
 * database the API uses (import, demo, rounds, export, invite). Only commander
 * and the commands' declarations load here; a command loads what it needs
 * when it runs (commands/index.ts).
 */
async function main(argv: string[]): Promise<void> {
  // A build beside a long command (an import, an export) leaves the files it still loads in place.
  pinBuild(__filename);
  const program = new Command('pairwise')
    .description('Pairwise: structured 1:1 networking for technical conferences')
    .version(pairwiseVersion(), '-V, --version', 'print the version')
    .showHelpAfterError()
    .exitOverride();
  registerCommands(program);
  await program.parseAsync(argv);
}

main(process.argv).catch((error: unknown) => {
  const code = (error as { code?: string }).code;
  if (code === 'commander.helpDisplayed' || code === 'commander.version' || code === 'commander.help') {
    process.exit(0);
  }
  if (typeof code === 'string' && code.startsWith('commander.')) {
    process.exit(2); // commander already printed the usage error
  }
  if (error instanceof CliUsageError) {
    process.stderr.write(`pairwise: ${error.message}\n`);
    process.exit(2);
  }
  process.stderr.write(`pairwise: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
