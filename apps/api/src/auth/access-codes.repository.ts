import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull, type EntityManager } from 'typeorm';
import { DummyValue, GenerateSql } from '../database/generate-sql';
import { AccessCodeEntity } from './access-code.entity';

/** Whom a code signs in, in which event: an attendee, or an organiser's account. */
export interface AccessCodeSubject {
  eventId: string;
  attendeeId: string | null;
  accountId: string | null;
}

/**
 * A code looked up for redeeming: whom it signed in (when this statement redeemed it), else why
 * not (used, replaced by a newer code, or expired).
 */
export interface RedeemedCode {
  attendeeId: string | null;
  accountId: string | null;
  used: boolean;
  revoked: boolean;
  expired: boolean;
}

const DUMMY_SUBJECT: AccessCodeSubject = { eventId: DummyValue.UUID, attendeeId: DummyValue.OTHER_UUID, accountId: null };

/**
 * Every query of `access_codes`, which keeps only a hash of each code (see AccessCodeEntity): callers
 * pass hashes. Statements that belong to a use case's transaction take its `manager`. Each method's
 * SQL is snapshotted in queries/access-codes.repository.sql.
 */
@Injectable()
export class AccessCodesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The subject's codes not used nor revoked yet stop working as of `at` (a newer one replaces them). */
  @GenerateSql({ params: [DUMMY_SUBJECT, DummyValue.DATE], transaction: true })
  async revokeUnused(subject: AccessCodeSubject, at: Date, manager: EntityManager): Promise<void> {
    await manager
      .getRepository(AccessCodeEntity)
      .update(
        { ...subject, attendeeId: subject.attendeeId ?? IsNull(), accountId: subject.accountId ?? IsNull(), usedAt: IsNull(), revokedAt: IsNull() },
        { revokedAt: at },
      );
  }

  @GenerateSql({ params: [DUMMY_SUBJECT, DummyValue.STRING, DummyValue.DATE], transaction: true })
  async insert(subject: AccessCodeSubject, codeHash: string, expiresAt: Date, manager: EntityManager): Promise<void> {
    await manager.getRepository(AccessCodeEntity).insert({ ...subject, codeHash, expiresAt });
  }

  /**
   * Marks the code used in the same statement that checks it, so two devices cannot both redeem it.
   * Only a code issued to this email is found (to an attendee or an account of it): undefined for
   * any other, so the answer tells nothing about other people's codes.
   */
  @GenerateSql({ params: [DummyValue.STRING, 'dummy@example.org'] })
  async redeem(codeHash: string, email: string): Promise<RedeemedCode | undefined> {
    const [row] = await this.dataSource.query<
      { attendee_id: string | null; account_id: string | null; used: boolean; revoked: boolean; expired: boolean }[]
    >(
      `WITH code AS (
         SELECT c.id, c.used_at, c.revoked_at, c.expires_at FROM access_codes c
          WHERE c.code_hash = $1
            AND ( EXISTS (SELECT 1 FROM attendees a WHERE a.id = c.attendee_id AND a.email = $2)
               OR EXISTS (SELECT 1 FROM accounts s WHERE s.id = c.account_id AND s.email = $2))),
       redeemed AS (
         UPDATE access_codes c SET used_at = now() FROM code
          WHERE c.id = code.id AND c.used_at IS NULL AND c.revoked_at IS NULL AND c.expires_at > now()
          RETURNING c.attendee_id, c.account_id)
       SELECT r.attendee_id, r.account_id, code.used_at IS NOT NULL AS used, code.revoked_at IS NOT NULL AS revoked, code.expires_at <= now() AS expired
         FROM code LEFT JOIN redeemed r ON true`,
      [codeHash, email],
    );
    return row && { attendeeId: row.attendee_id, accountId: row.account_id, used: row.used, revoked: row.revoked, expired: row.expired };
  }

  /** Erasure: the attendee's codes go, used or not. */
  @GenerateSql({ params: [DummyValue.UUID], transaction: true })
  async deleteOfAttendee(attendeeId: string, manager: Pick<EntityManager, 'query'>): Promise<void> {
    await manager.query(`DELETE FROM access_codes WHERE attendee_id = $1`, [attendeeId]);
  }
}
