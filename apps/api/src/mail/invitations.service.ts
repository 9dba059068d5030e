import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Actor } from '../auth/actor';
import { assertCanManage } from '../auth/event-access';
import { notFound } from '../common/domain-error';
import type { InvitationRunEntity, MailStatus } from './mail.entities';
import { InvitationRunsRepository } from './invitation-runs.repository';
import { MailSender } from './mail-sender';
import { OutboxRepository, type InvitationFilterValues } from './outbox.repository';
import { EventsRepository } from '../events/events.repository';

export interface InvitationCommand {
  eventId: string;
  resend?: boolean | null;
  filter?: InvitationFilterValues | null;
}

export interface RunWithProgress {
  run: InvitationRunEntity;
  counts: Partial<Record<MailStatus, number>>;
}

/** Invitations: one message with a personal sign-in link per matching attendee, queued in one statement. */
@Injectable()
export class InvitationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxRepository,
    private readonly runs: InvitationRunsRepository,
    private readonly events: EventsRepository,
    private readonly sender: MailSender,
  ) {}

  async send(actor: Actor, command: InvitationCommand): Promise<RunWithProgress> {
    await this.assertStaff(actor, command.eventId);
    const run = await this.dataSource.transaction(async (manager) => {
      const created = await this.runs.create(command.eventId, Boolean(command.resend), manager);
      const { matched, queued } = await this.outbox.queueInvitations(
        { eventId: command.eventId, runId: created.id, resend: Boolean(command.resend), filter: command.filter ?? {} },
        manager,
      );
      await this.runs.recordCounts(created.id, { matched, queued }, manager);
      return Object.assign(created, { matched, queued });
    });
    this.sender.wake();
    return { run, counts: await this.outbox.runCounts(run.id) };
  }

  async preview(actor: Actor, command: InvitationCommand) {
    await this.assertStaff(actor, command.eventId);
    return this.outbox.previewInvitations(command.eventId, Boolean(command.resend), command.filter ?? {});
  }

  async get(actor: Actor, runId: string): Promise<RunWithProgress> {
    const run = await this.runs.findById(runId);
    if (!run) throw notFound('Invitation run');
    assertCanManage(actor, run.eventId, 'Invitation run');
    return { run, counts: await this.outbox.runCounts(run.id) };
  }

  async list(actor: Actor, eventId: string): Promise<RunWithProgress[]> {
    await this.assertStaff(actor, eventId);
    const runs = await this.runs.latestForEvent(eventId);
    return Promise.all(runs.map(async (run) => ({ run, counts: await this.outbox.runCounts(run.id) })));
  }

  private async assertStaff(actor: Actor, eventId: string): Promise<void> {
    if (!(await this.events.exists(eventId))) throw notFound('Event');
    assertCanManage(actor, eventId);
  }
}
