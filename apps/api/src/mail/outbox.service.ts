import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Actor } from '../auth/actor';
import { assertCanManage } from '../auth/event-access';
import { notFound } from '../common/domain-error';
import { EventEntity } from '../events/event.entity';
import type { KeyedPage } from '../common/paging';
import { OutboxRepository, type OutboxRow } from './outbox.repository';

export interface OutboxPage extends KeyedPage<OutboxRow> {
  totalCount: number;
}

/** The outbox as staff read it: an event's messages, newest first. */
@Injectable()
export class OutboxService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxRepository,
  ) {}

  async page(actor: Actor, eventId: string, first: number, after?: string): Promise<OutboxPage> {
    if (!(await this.dataSource.getRepository(EventEntity).existsBy({ id: eventId }))) throw notFound('Event');
    assertCanManage(actor, eventId);
    return this.outbox.page(eventId, first, after);
  }
}
