import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { RoundEntity } from './round.entity';

/** The audit trail of a draft: every swap and move, and why a hard rule was overridden. */
@Entity('round_adjustments')
export class RoundAdjustmentEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'round_id' })
  roundId!: string;

  @ManyToOne(() => RoundEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'round_id' })
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

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
