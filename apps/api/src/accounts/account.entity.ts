import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { CreatedAt } from '../database/columns';

/** A staff login: the admin (bootstrapped from configuration) and the organisers an admin names. */
@Entity('accounts')
export class AccountEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** Stored lower-cased. */
  @Index('uq_accounts_email', { unique: true })
  @Column('text')
  email!: string;

  @Column('text')
  name!: string;

  /** scrypt hash (see password-hasher.ts); null for organisers who sign in with access codes only. */
  @Column('text', { name: 'password_hash', nullable: true })
  passwordHash!: string | null;

  @Column('boolean', { name: 'is_admin', default: false })
  isAdmin!: boolean;

  @CreatedAt()
  createdAt!: Date;
}
