import type { Command } from 'commander';
import type { MatchOptions } from './match.action';

export function registerMatchCommand(program: Command): void {
  program
    .command('match')
    .description('Maximum-weight matching of a graph: prints {"mate": [...], "weight": W}')
    .requiredOption('--edges <file>', 'JSON file {"n": N, "edges": [[u, v, w], …]} with vertices 0..N−1')
    .option('--max-cardinality', 'among matchings of maximum size, the heaviest')
    .action((options: MatchOptions) => (require('./match.action') as typeof import('./match.action')).runMatch(options));
}
