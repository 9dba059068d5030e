import { PrimaryGeneratedColumn } from 'typeorm';
import { IdColumn, References } from '../database/columns';
import { RoundEntity } from './round.entity';

/**
 * A row of one round, with a uuid of its own, deleted with its round (its meetings, the adjustments made to
 * its draft). An abstract base, not a table: its three properties open each table, in this order, as the
 * migrations made them.
 */
export abstract class RoundScopedEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @IdColumn('round_id')
  roundId!: string;

  @References(() => RoundEntity, 'round_id')
  round?: RoundEntity;
}
