import type { Command } from 'commander';
import type { InviteOptions } from './invite.action';

export function registerInviteCommand(program: Command): void {
  program
    .command('invite')
    .description('Email every attendee of an event a personal sign-in link (once each, unless --resend), then send them at PAIRWISE_MAIL_RATE')
    .requiredOption('--event <slug>', 'the event slug')
    .option('--dry-run', 'say who would be invited; queue and send nothing')
    .option('--resend', 'invite again those already invited')
    .option('--present', 'only attendees checked in')
    .action((options: InviteOptions) => (require('./invite.action') as typeof import('./invite.action')).runInvite(options));
}
