import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { AttendeeEntity } from '../attendees/attendee.entity';
import { DummyValue, GenerateSql } from '../database/generate-sql';
import { BlockEntity, RoundOptOutEntity, WishEntity } from './networking.entities';

/** What one attendee says of another: "I would like to meet X" or "never pair me with X". */
export type Link = 'wish' | 'block';

const LINK_ENTITY = { wish: WishEntity, block: BlockEntity } as const;
const LINK_TABLE = { wish: 'wishes', block: 'blocks' } as const;

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

  /** The attendees someone wished to meet, or blocked, with when, as their data export writes them. */
  @GenerateSql({ name: 'wish', params: ['wish', DummyValue.UUID] }, { name: 'block', params: ['block', DummyValue.UUID] })
  linksMadeBy(link: Link, attendeeId: string): Promise<Record<string, unknown>[]> {
    return this.dataSource.query(`SELECT target_id AS "attendeeId", created_at AS "createdAt" FROM ${LINK_TABLE[link]} WHERE attendee_id = $1`, [attendeeId]);
  }

  /** The rounds an attendee sits out, as their data export writes them. */
  @GenerateSql({ params: [DummyValue.UUID] })
  optOutsOf(attendeeId: string): Promise<Record<string, unknown>[]> {
    return this.dataSource.query(`SELECT round_id AS "roundId" FROM round_opt_outs WHERE attendee_id = $1`, [attendeeId]);
  }

  /** Erasure: the attendee's wishes and blocks, made and received, and their opt-outs go. */
  @GenerateSql({ params: [DummyValue.UUID], transaction: true })
  async forgetAttendee(attendeeId: string, manager: Pick<EntityManager, 'query'>): Promise<void> {
    await manager.query(`DELETE FROM wishes WHERE attendee_id = $1 OR target_id = $1`, [attendeeId]);
    await manager.query(`DELETE FROM blocks WHERE attendee_id = $1 OR target_id = $1`, [attendeeId]);
    await manager.query(`DELETE FROM round_opt_outs WHERE attendee_id = $1`, [attendeeId]);
  }
}
