import { Check, Entity, PrimaryColumn } from 'typeorm';
import { CreatedAt, References } from '../database/columns';
import { AttendeeEntity } from '../attendees/attendee.entity';
import { RoundEntity } from '../rounds/round.entity';

/**
 * One attendee's directed link to another of the same event, whatever it means: a wish and a block are the
 * same row in two tables (the author, the target, when it was made), each table with its own name and check.
 */
export abstract class AttendeeLinkEntity {
  @PrimaryColumn('uuid', { name: 'attendee_id' })
  attendeeId!: string;

  @PrimaryColumn('uuid', { name: 'target_id' })
  targetId!: string;

  @References(() => AttendeeEntity, 'attendee_id')
  attendee?: AttendeeEntity;

  @References(() => AttendeeEntity, 'target_id')
  target?: AttendeeEntity;

  @CreatedAt()
  createdAt!: Date;
}

/** "I would like to meet X" (a mutual wish scores high). */
@Entity('wishes')
@Check('ck_wishes_not_self', 'attendee_id <> target_id')
export class WishEntity extends AttendeeLinkEntity {}

/** "Never pair me with X": private to its author, hard for the matching. */
@Entity('blocks')
@Check('ck_blocks_not_self', 'attendee_id <> target_id')
export class BlockEntity extends AttendeeLinkEntity {}

/** An attendee sitting out one round (presence and consent cover the rest). */
@Entity('round_opt_outs')
export class RoundOptOutEntity {
  @PrimaryColumn('uuid', { name: 'round_id' })
  roundId!: string;

  @PrimaryColumn('uuid', { name: 'attendee_id' })
  attendeeId!: string;

  @References(() => RoundEntity, 'round_id')
  round?: RoundEntity;

  @References(() => AttendeeEntity, 'attendee_id')
  attendee?: AttendeeEntity;
}
