import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
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
  @Column('uuid', { name: 'attendee_id', nullable: true })
  attendeeId!: string | null;

  @ManyToOne(() => AttendeeEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'attendee_id' })
  attendee?: AttendeeEntity;

  @Index('ix_sessions_account')
  @Column('uuid', { name: 'account_id', nullable: true })
  accountId!: string | null;

  @ManyToOne(() => AccountEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'account_id' })
  account?: AccountEntity;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  /** Moved forward by each refresh (see session-lifetime.ts); the token's own `exp` is the same instant. */
  @Index('ix_sessions_expires_at')
  @Column('timestamptz', { name: 'expires_at' })
  expiresAt!: Date;
}
