import { Column, Entity } from 'typeorm';
import { CreatedAt } from '../database/columns';
import { RoundScopedEntity } from './round-scoped.entity';

/** The audit trail of a draft: every swap and move, and why a hard rule was overridden. */
@Entity('round_adjustments')
export class RoundAdjustmentEntity extends RoundScopedEntity {
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
