import { Check, Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { CreatedAt, IdColumn, References } from '../database/columns';
import { AccountEntity } from '../accounts/account.entity';
import { AttendeeEntity } from '../attendees/attendee.entity';
import { EventEntity } from '../events/event.entity';

/**
 * A one-time sign-in code for an attendee or an organiser of one event.
 * Only a SHA-256 of the code is kept: codes are long random strings, so a
 * fast hash is enough (a slow KDF is for guessable passwords).
 */
@Entity('access_codes')
@Check('ck_access_codes_one_subject', 'num_nonnulls(attendee_id, account_id) = 1')
export class AccessCodeEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('uq_access_codes_hash', { unique: true })
  @Column('text', { name: 'code_hash' })
  codeHash!: string;

  @IdColumn('event_id')
  eventId!: string;

  @References(() => EventEntity, 'event_id')
  event?: EventEntity;

  @Index('ix_access_codes_attendee')
  @IdColumn('attendee_id', { nullable: true })
  attendeeId!: string | null;

  @References(() => AttendeeEntity, 'attendee_id')
  attendee?: AttendeeEntity;

  @IdColumn('account_id', { nullable: true })
  accountId!: string | null;

  @References(() => AccountEntity, 'account_id')
  account?: AccountEntity;

  @Column('timestamptz', { name: 'expires_at' })
  expiresAt!: Date;

  @Column('timestamptz', { name: 'used_at', nullable: true })
  usedAt!: Date | null;

  /** When a newer code for the same person replaced this one, unused. */
  @Column('timestamptz', { name: 'revoked_at', nullable: true })
  revokedAt!: Date | null;

  @CreatedAt()
  createdAt!: Date;
}
