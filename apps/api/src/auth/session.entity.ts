import { Check, Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { CreatedAt, IdColumn, References } from '../database/columns';
import { AccountEntity } from '../accounts/account.entity';
import { AttendeeEntity } from '../attendees/attendee.entity';

/**
 * A signed-in device: every token names its session (`sid`), and a token whose session is gone
 * or past `expires_at` is refused on its next request, in every API process. Signing out deletes
 * the row, signing out everywhere deletes the person's rows; deleting the person deletes them too.
 */
@Entity('sessions')
@Check('ck_sessions_one_subject', 'num_nonnulls(attendee_id, account_id) = 1')
export class SessionEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('ix_sessions_attendee')
  @IdColumn('attendee_id', { nullable: true })
  attendeeId!: string | null;

  @References(() => AttendeeEntity, 'attendee_id')
  attendee?: AttendeeEntity;

  @Index('ix_sessions_account')
  @IdColumn('account_id', { nullable: true })
  accountId!: string | null;

  @References(() => AccountEntity, 'account_id')
  account?: AccountEntity;

  @CreatedAt()
  createdAt!: Date;

  /** Moved forward by each refresh (see session-lifetime.ts); the token's own `exp` is the same instant. */
  @Index('ix_sessions_expires_at')
  @Column('timestamptz', { name: 'expires_at' })
  expiresAt!: Date;
}
