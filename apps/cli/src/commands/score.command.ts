import type { Command } from 'commander';
import type { ScoreOptions } from './score.action';

export function registerScoreCommand(program: Command): void {
  program
    .command('score')
    .description('Score every allowed pair of a profiles file: prints {"n": N, "edges": [[u, v, w], …]}, w = round(score × 10⁶)')
    .requiredOption('--profiles <file>', 'JSON array of profiles (id, role, company, stack, interests, lookingFor, canOffer, languages, blocks, wishes)')
    .action((options: ScoreOptions) => (require('./score.action') as typeof import('./score.action')).runScore(options));
}
