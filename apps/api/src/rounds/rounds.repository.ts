import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { RoundEntity } from './round.entity';
import type { RoundStatusValue } from './round-lifecycle';

/** Reads of the rounds of an event. */
@Injectable()
export class RoundsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** In time order (then creation order); `statuses`: only rounds in these. */
  listForEvent(eventId: string, statuses?: readonly RoundStatusValue[]): Promise<RoundEntity[]> {
    const query = this.dataSource
      .getRepository(RoundEntity)
      .createQueryBuilder('r')
      .where('r.event_id = :eventId', { eventId })
      .orderBy('r.starts_at', 'ASC')
      .addOrderBy('r.created_at', 'ASC');
    if (statuses) query.andWhere('r.status IN (:...statuses)', { statuses });
    return query.getMany();
  }

  /** The rounds of an event called exactly `name` (names are not unique), in time order. */
  withName(eventId: string, name: string): Promise<RoundEntity[]> {
    return this.dataSource.getRepository(RoundEntity).find({ where: { eventId, name }, order: { startsAt: 'ASC', createdAt: 'ASC' } });
  }
}
