import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { CreatedAt, IdColumn, References } from '../database/columns';
import { RoundEntity } from './round.entity';

/** The audit trail of a draft: every swap and move, and why a hard rule was overridden. */
@Entity('round_adjustments')
export class RoundAdjustmentEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @IdColumn('round_id')
  roundId!: string;

  @References(() => RoundEntity, 'round_id')
  round?: RoundEntity;

  @Column('text', { name: 'actor_id' })
  actorId!: string;

  @Column('text')
  kind!: 'swap' | 'move';

  @Column('jsonb')
  details!: Record<string, unknown>;

  /** Hard rules the organiser chose to override (empty when none). */
  @Column('text', { name: 'overridden_rules', array: true, default: () => "'{}'" })
  overriddenRules!: string[];

  @Column('text', { nullable: true })
  reason!: string | null;

  @CreatedAt()
  createdAt!: Date;
}
