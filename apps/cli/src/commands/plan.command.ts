import type { Command } from 'commander';
import type { PlanOptions } from './plan.action';

export function registerPlanCommand(program: Command): void {
  program
    .command('plan')
    .description('Plan rounds of 1:1 meetings from a profiles file: pairs, trios or byes, scores, reasons, statistics')
    .requiredOption('--profiles <file>', 'JSON array of profiles (id, role, company, ticketType, stack, interests, lookingFor, canOffer, languages, blocks, conflicts, wishes, text, abstracts)')
    .option('--rules <file>', 'the organiser\'s rules document (JSON: weights, sameCompany, whoCanMeet), as the API stores it per event')
    .option('--text-weight <w>', 'share of the free text (profiles\' text and abstracts) in the score, 0 = tags only to 1 = text only; default: the rules\' weights.text, else 0.5 when any profile has a text')
    .option('--rounds <k>', 'consecutive rounds to plan, never repeating a pair', '1')
    .option('--seed <s>', 'seed for tie-breaks and wording', '0')
    .option('--policy <policy>', 'odd one out: trio | bye', 'trio')
    .option('--fairness <mode>', 'none | maxmin (lift the worst-served pair, at a reported cost)', 'none')
    .option('--table-size <k>', 'plan tables of k people (3…8; k − 1 where the count forces it) instead of pairs')
    .option('--format <format>', 'json | csv', 'json')
    .action((options: PlanOptions) => (require('./plan.action') as typeof import('./plan.action')).runPlan(options));
}
