import { Injectable } from '@nestjs/common';
import type { Actor } from '../auth/actor';
import { assertCanManage } from '../auth/event-access';
import { notFound } from '../common/domain-error';
import type { KeyedPage } from '../common/paging';
import { OutboxRepository, type OutboxRow } from './outbox.repository';
import { EventsRepository } from '../events/events.repository';

export interface OutboxPage extends KeyedPage<OutboxRow> {
  totalCount: number;
}

/** The outbox as staff read it: an event's messages, newest first. */
@Injectable()
export class OutboxService {
  constructor(
    private readonly outbox: OutboxRepository,
    private readonly events: EventsRepository,
  ) {}

  async page(actor: Actor, eventId: string, first: number, after?: string): Promise<OutboxPage> {
    if (!(await this.events.exists(eventId))) throw notFound('Event');
    assertCanManage(actor, eventId);
    return this.outbox.page(eventId, first, after);
  }
}
