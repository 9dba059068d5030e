import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Senders claim the most urgent due message first — sign-in links, then reminders and notices, then
 * invitations (OutboxRepository.claimDue) — one index range per class. The expression is the one claimDue
 * writes (CLAIM_PRIORITY); PostgreSQL uses the index only when the two are the same.
 */
export class MailClaimPriority1796547640463 implements MigrationInterface {
    name = 'MailClaimPriority1796547640463'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "public"."ix_mail_outbox_due"`);
        await queryRunner.query(`CREATE INDEX "ix_mail_outbox_due" ON "mail_outbox" ((CASE kind WHEN 'SIGN_IN_LINK' THEN 0 WHEN 'INVITATION' THEN 2 ELSE 1 END), "send_after") WHERE status = 'QUEUED'`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "public"."ix_mail_outbox_due"`);
        await queryRunner.query(`CREATE INDEX "ix_mail_outbox_due" ON "mail_outbox"  ("send_after") WHERE status = 'QUEUED'`);
    }

}
