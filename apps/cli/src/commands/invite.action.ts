import { ConsoleLogger, type LogLevel } from '@nestjs/common';
import { Presets, SingleBar } from 'cli-progress';
import { loadApi } from '../../../api/src/public-api';
import { OPERATOR, withAppContext } from '../app-context';
import { CliUsageError } from '../cli-errors';

const { DomainError, EventsService, InvitationsService, MailSender, OutboxRepository } = loadApi();

export interface InviteOptions {
  event: string;
  dryRun?: boolean;
  resend?: boolean;
  present?: boolean;
}

/** `pairwise invite`: queues the event's invitations, then sends them from this process too, with progress. */
export async function runInvite(options: InviteOptions): Promise<void> {
  try {
    await invite(options);
  } catch (error) {
    if (error instanceof DomainError) throw new CliUsageError(error.message);
    throw error;
  }
}

async function invite(options: InviteOptions): Promise<void> {
  const development = (process.env.NODE_ENV ?? 'development') === 'development';
  await withAppContext(
    async (context) => {
      const event = await context.get(EventsService).find(OPERATOR, { slug: options.event });
      const command = { eventId: event.id, resend: Boolean(options.resend), filter: options.present ? { present: true } : {} };
      const invitations = context.get(InvitationsService);
      if (options.dryRun) {
        const preview = await invitations.preview(OPERATOR, command);
        process.stdout.write(
          `${options.event}: ${preview.matched} attendees match; ${preview.wouldQueue} would be invited ` +
            `(${preview.alreadyInvited} invited before, ${preview.optedOut} unsubscribed). Nothing was queued.\n`,
        );
        return;
      }
      const { run } = await invitations.send(OPERATOR, command);
      process.stdout.write(`${options.event}: ${run.matched} attendees match; ${run.queued} invitations queued (${run.matched - run.queued} invited before or unsubscribed)\n`);
      if (!run.queued) return;
      // This process sends too (the API, if it runs, shares the work and the rate): the command ends when all are out.
      const sender = context.get(MailSender);
      const outbox = context.get(OutboxRepository);
      await sender.start();
      const bar = new SingleBar({ format: 'sending [{bar}] {percentage}% | {value}/{total} messages | {eta}s left', stream: process.stderr }, Presets.shades_classic);
      bar.start(run.queued, 0);
      let counts = await outbox.runCounts(run.id);
      try {
        while (counts.QUEUED) {
          await new Promise((resolve) => setTimeout(resolve, 250));
          counts = await outbox.runCounts(run.id);
          bar.update(run.queued - (counts.QUEUED ?? 0));
        }
      } finally {
        bar.stop();
        await sender.stop();
      }
      const summary = (['SENT', 'HELD', 'FAILED', 'BOUNCED', 'CANCELLED'] as const)
        .filter((status) => counts[status])
        .map((status) => `${counts[status]} ${status.toLowerCase()}`)
        .join(', ');
      process.stdout.write(`${options.event}: ${summary}\n`);
      if (!sender.hasTransport) {
        process.stdout.write('No SMTP server is configured (PAIRWISE_SMTP_URL): the messages are kept in the outbox (GraphQL `outbox`).\n');
      }
    },
    new SenderLogger(development),
  );
}

/**
 * What the command's user needs to read besides its result, all on stderr (stdout carries the result only):
 * every error, and the sender's warnings (a bounced or failed message) — in development also its lines, one
 * per sign-in link when no SMTP server is configured. Not Nest's start-up chatter, nor the API's warnings
 * about settings the CLI does not use (no admin configured…).
 */
class SenderLogger extends ConsoleLogger {
  constructor(development: boolean) {
    super({ logLevels: development ? ['error', 'warn', 'log'] : ['error', 'warn'] });
  }

  // A Logger made with a context passes it as the last argument, after any of the caller's own.
  override warn(message: unknown, ...rest: unknown[]): void {
    if (rest.at(-1) === MailSender.name) super.warn(message, ...rest);
  }

  override log(message: unknown, ...rest: unknown[]): void {
    if (rest.at(-1) === MailSender.name) super.log(message, ...rest);
  }

  protected override printMessages(messages: unknown[], context?: string, logLevel?: LogLevel): void {
    super.printMessages(messages, context, logLevel, 'stderr');
  }
}
