import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DummyValue, GenerateSql } from '../database/generate-sql';
import { ROUND_CHANNEL, type MeetingsPublishedNotice, type RequestSlotNotice, type RoundPublishedNotice, type SlotGrantedNotice, type SlotsPublishedNotice } from './round-notices';

/**
 * The one statement of the meetings notices: a NOTIFY on ROUND_CHANNEL in the caller's transaction
 * (the notices are in round-notices.ts). Each method queues one kind of notice: PostgreSQL delivers it
 * to every listening process only if and when the caller's transaction commits. Stateless: the
 * statement runs on the caller's manager, whichever module the caller is in. Snapshotted in
 * queries/round-notices.repository.sql.
 */
@Injectable()
export class RoundNoticesRepository {
  async roundPublished(notice: Omit<RoundPublishedNotice, 'type'>, manager: EntityManager): Promise<void> {
    await this.notify({ type: 'round-published', ...notice }, manager);
  }

  async slotsPublished(notice: Omit<SlotsPublishedNotice, 'type'>, manager: EntityManager): Promise<void> {
    await this.notify({ type: 'slots-published', ...notice }, manager);
  }

  async slotGranted(notice: Omit<SlotGrantedNotice, 'type'>, manager: EntityManager): Promise<void> {
    await this.notify({ type: 'slot-granted', ...notice }, manager);
  }

  async requestSlot(notice: Omit<RequestSlotNotice, 'type'>, manager: EntityManager): Promise<void> {
    await this.notify({ type: 'request-slot', ...notice }, manager);
  }

  /** PostgreSQL delivers `payload` to every listening process only if and when the caller's transaction commits. */
  @GenerateSql({ params: [{ type: 'round-published', roundId: DummyValue.UUID, eventId: DummyValue.OTHER_UUID }], transaction: true })
  private async notify(payload: MeetingsPublishedNotice, manager: EntityManager): Promise<void> {
    await manager.query(`SELECT pg_notify($1, $2)`, [ROUND_CHANNEL, JSON.stringify(payload)]);
  }
}
