import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { DummyValue, GenerateSql } from '../database/generate-sql';
import { InvitationRunEntity } from './mail.entities';

/** Every statement on `invitation_runs`; snapshotted in queries/invitation-runs.repository.sql. */
@Injectable()
export class InvitationRunsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @GenerateSql({ params: [DummyValue.UUID, false], transaction: true })
  create(eventId: string, resend: boolean, manager: EntityManager): Promise<InvitationRunEntity> {
    const runs = manager.getRepository(InvitationRunEntity);
    return runs.save(runs.create({ eventId, resend }));
  }

  /** What the run's one INSERT … SELECT matched and queued. */
  @GenerateSql({ params: [DummyValue.UUID, { matched: 0, queued: 0 }], transaction: true })
  async recordCounts(id: string, counts: { matched: number; queued: number }, manager: EntityManager): Promise<void> {
    await manager.getRepository(InvitationRunEntity).update({ id }, counts);
  }

  @GenerateSql({ params: [DummyValue.UUID] })
  findById(id: string): Promise<InvitationRunEntity | null> {
    return this.dataSource.getRepository(InvitationRunEntity).findOneBy({ id });
  }

  /** The event's 50 latest runs, newest first. */
  @GenerateSql({ params: [DummyValue.UUID] })
  latestForEvent(eventId: string): Promise<InvitationRunEntity[]> {
    return this.dataSource.getRepository(InvitationRunEntity).find({ where: { eventId }, order: { createdAt: 'DESC' }, take: 50 });
  }
}
