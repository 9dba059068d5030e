import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** Failed sign-ins per email, shared by every API process: repeated failures lock the email for a while. */
@Entity('login_attempts')
export class LoginAttemptEntity {
  @PrimaryColumn('text')
  email!: string;

  @Column('int', { default: 0 })
  failures!: number;

  @Column('timestamptz', { name: 'locked_until', nullable: true })
  lockedUntil!: Date | null;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
