import type { Command } from 'commander';
import { DEMO_DEFAULTS, DEMO_MAX_ATTENDEES } from '../demo/demo-options';
import type { DemoCommandOptions } from './demo.action';

export function registerDemoCommand(program: Command): void {
  program
    .command('demo')
    .description('Seed a demo event with realistic attendees and an organiser, ready to run rounds (see the README)')
    .option('--event <slug>', 'slug of the demo event', DEMO_DEFAULTS.slug)
    .option('--attendees <n>', `how many attendees (2 to ${DEMO_MAX_ATTENDEES})`, String(DEMO_DEFAULTS.attendees))
    .option('--present-share <share>', 'share of attendees checked in, 0 to 1', String(DEMO_DEFAULTS.presentShare))
    .option('--seed <seed>', 'seed of the synthetic attendees (same seed, same people)', DEMO_DEFAULTS.seed)
    .option('--reset', 'delete the event with this slug (attendees, rounds, everything) and seed it again')
    .option('--json', 'print the report as JSON')
    .action((options: DemoCommandOptions) => (require('./demo.action') as typeof import('./demo.action')).runDemo(options));
}
