import { Check, Column, Entity, Index } from 'typeorm';
import { AttendeePairEntity } from '../attendees/attendee-pair.entity';
import { CreatedAt } from '../database/columns';

/**
 * A conflict of interest an organiser recorded: two attendees of the event who already know each
 * other (co-authors, same lab, same team) and so are never paired — a hard rule (`blocked`) for the
 * matching, unlike a block, which is private to the attendee who made it. Stored once per pair
 * (low id first); erasing either attendee removes it (cascade, and privacy/erasure.ts).
 */
@Entity('event_conflicts')
@Check('ck_event_conflicts_ordered', 'attendee_low < attendee_high')
@Index('ix_event_conflicts_high', ['attendeeHigh'])
export class ConflictEntity extends AttendeePairEntity {
  /** Where the pair came from: `import` (an organiser's list). */
  @Column('text', { default: 'import' })
  source!: 'import';

  @CreatedAt()
  createdAt!: Date;
}
