import type { Command } from 'commander';
import type { ScoreOptions } from './score.action';

export function registerScoreCommand(program: Command): void {
  program
    .command('score')
    .description('Score every allowed pair of a profiles file: prints {"n": N, "edges": [[u, v, w], …]}, w = round(score × 10⁶)')
    .requiredOption('--profiles <file>', 'JSON array of profiles (id, role, company, ticketType, stack, interests, lookingFor, canOffer, languages, blocks, conflicts, wishes, text, abstracts)')
    .option('--rules <file>', 'the organiser\'s rules document (JSON: weights, sameCompany, whoCanMeet), as the API stores it per event')
    .option('--text-weight <w>', 'share of the free text (profiles\' text and abstracts) in the score, 0 = tags only to 1 = text only; default: the rules\' weights.text, else 0.5 when any profile has a text')
    .action((options: ScoreOptions) => (require('./score.action') as typeof import('./score.action')).runScore(options));
}
