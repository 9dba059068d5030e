import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AttendeeEntity } from '../attendees/attendee.entity';
import { DummyValue, GenerateSql } from '../database/generate-sql';
import { BlockEntity, RoundOptOutEntity, WishEntity } from './networking.entities';

/** What one attendee says of another: "I would like to meet X" or "never pair me with X". */
export type Link = 'wish' | 'block';

const LINK_ENTITY = { wish: WishEntity, block: BlockEntity } as const;

/**
 * Every query of what attendees say about their own matchmaking: round opt-outs, wishes and blocks.
 * Each method's SQL is snapshotted in queries/networking.repository.sql.
 */
@Injectable()
export class NetworkingRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The attendee sits out the round (`optOut`) or rejoins it; saying it twice changes nothing. */
  @GenerateSql({ name: 'out', params: [DummyValue.UUID, DummyValue.OTHER_UUID, true] }, { name: 'in', params: [DummyValue.UUID, DummyValue.OTHER_UUID, false] })
  async setOptOut(roundId: string, attendeeId: string, optOut: boolean): Promise<void> {
    const optOuts = this.dataSource.getRepository(RoundOptOutEntity);
    if (optOut) await optOuts.upsert({ roundId, attendeeId }, ['roundId', 'attendeeId']);
    else await optOuts.delete({ roundId, attendeeId });
  }

  /** Records (`on`) or removes a wish or a block of `attendeeId` about `targetId`; idempotent. */
  @GenerateSql(
    { name: 'wish on', params: ['wish', DummyValue.UUID, DummyValue.OTHER_UUID, true] },
    { name: 'block off', params: ['block', DummyValue.UUID, DummyValue.OTHER_UUID, false] },
  )
  async setLink(link: Link, attendeeId: string, targetId: string, on: boolean): Promise<void> {
    const links = this.dataSource.getRepository(LINK_ENTITY[link]);
    if (on) await links.upsert({ attendeeId, targetId }, ['attendeeId', 'targetId']);
    else await links.delete({ attendeeId, targetId });
  }

  /** The attendees someone wished to meet, or blocked, oldest first. */
  @GenerateSql({ name: 'wish', params: ['wish', DummyValue.UUID] }, { name: 'block', params: ['block', DummyValue.UUID] })
  async targetsOf(link: Link, attendeeId: string): Promise<AttendeeEntity[]> {
    const links = await this.dataSource.getRepository(LINK_ENTITY[link]).find({ where: { attendeeId }, relations: { target: true }, order: { createdAt: 'ASC' } });
    return links.map((row) => row.target!).filter(Boolean);
  }
}
