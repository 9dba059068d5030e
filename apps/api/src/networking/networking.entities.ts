import { Check, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { AttendeeEntity } from '../attendees/attendee.entity';
import { RoundEntity } from '../rounds/round.entity';

/** "I would like to meet X" (a mutual wish scores high). */
@Entity('wishes')
@Check('ck_wishes_not_self', 'attendee_id <> target_id')
export class WishEntity {
  @PrimaryColumn('uuid', { name: 'attendee_id' })
  attendeeId!: string;

  @PrimaryColumn('uuid', { name: 'target_id' })
  targetId!: string;

  @ManyToOne(() => AttendeeEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'attendee_id' })
  attendee?: AttendeeEntity;

  @ManyToOne(() => AttendeeEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'target_id' })
  target?: AttendeeEntity;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}

/** "Never pair me with X": private to its author, hard for the matching. */
@Entity('blocks')
@Check('ck_blocks_not_self', 'attendee_id <> target_id')
export class BlockEntity {
  @PrimaryColumn('uuid', { name: 'attendee_id' })
  attendeeId!: string;

  @PrimaryColumn('uuid', { name: 'target_id' })
  targetId!: string;

  @ManyToOne(() => AttendeeEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'attendee_id' })
  attendee?: AttendeeEntity;

  @ManyToOne(() => AttendeeEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'target_id' })
  target?: AttendeeEntity;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}

/** An attendee sitting out one round (presence and consent cover the rest). */
@Entity('round_opt_outs')
export class RoundOptOutEntity {
  @PrimaryColumn('uuid', { name: 'round_id' })
  roundId!: string;

  @PrimaryColumn('uuid', { name: 'attendee_id' })
  attendeeId!: string;

  @ManyToOne(() => RoundEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'round_id' })
  round?: RoundEntity;

  @ManyToOne(() => AttendeeEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'attendee_id' })
  attendee?: AttendeeEntity;
}
