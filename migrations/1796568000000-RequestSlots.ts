import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Meeting requests given a slot of their own (issue 14): when an event's organisers allow it, an accepted
 * request gets a start, an end and a table of the tables set aside for requests, at a time both people are
 * free; or the reason none was found (it then waits for the next round, as before). Two accepted requests
 * never hold one table at one start (the partial unique index backs the service's event lock). One new
 * kind of mail: the slot, to both people.
 */
export class RequestSlots1796568000000 implements MigrationInterface {
    name = 'RequestSlots1796568000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "meeting_requests" ADD "slot_starts_at" TIMESTAMP WITH TIME ZONE`);
        await queryRunner.query(`ALTER TABLE "meeting_requests" ADD "slot_ends_at" TIMESTAMP WITH TIME ZONE`);
        await queryRunner.query(`ALTER TABLE "meeting_requests" ADD "slot_table" text`);
        await queryRunner.query(`ALTER TABLE "meeting_requests" ADD "slot_outcome" text`);
        await queryRunner.query(`ALTER TABLE "meeting_requests" ADD CONSTRAINT "ck_meeting_requests_slot" CHECK ((slot_starts_at IS NULL) = (slot_ends_at IS NULL) AND (slot_starts_at IS NULL) = (slot_table IS NULL) AND (slot_ends_at IS NULL OR slot_ends_at > slot_starts_at))`);
        await queryRunner.query(`ALTER TABLE "meeting_requests" ADD CONSTRAINT "ck_meeting_requests_slot_outcome" CHECK (slot_outcome IS NULL OR slot_outcome IN ('NO_COMMON_FREE_TIME'))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_meeting_requests_slot" ON "meeting_requests" ("event_id", "slot_table", "slot_starts_at") WHERE status = 'ACCEPTED' AND slot_starts_at IS NOT NULL`);
        await queryRunner.query(`CREATE INDEX "ix_meeting_requests_slot" ON "meeting_requests" ("event_id", "slot_starts_at") WHERE slot_starts_at IS NOT NULL`);
        await queryRunner.query(`ALTER TABLE "mail_outbox" DROP CONSTRAINT "ck_mail_outbox_kind"`);
        await queryRunner.query(`ALTER TABLE "mail_outbox" ADD CONSTRAINT "ck_mail_outbox_kind" CHECK (kind IN ('INVITATION', 'SIGN_IN_LINK', 'MEETING_REMINDER', 'SLOT_REMINDER', 'SIT_OUT_NOTICE', 'MEETING_REQUEST', 'MEETING_REQUEST_ANSWER', 'MEETING_REQUEST_SLOT'))`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DELETE FROM "mail_outbox" WHERE kind = 'MEETING_REQUEST_SLOT'`);
        await queryRunner.query(`ALTER TABLE "mail_outbox" DROP CONSTRAINT "ck_mail_outbox_kind"`);
        await queryRunner.query(`ALTER TABLE "mail_outbox" ADD CONSTRAINT "ck_mail_outbox_kind" CHECK (kind IN ('INVITATION', 'SIGN_IN_LINK', 'MEETING_REMINDER', 'SLOT_REMINDER', 'SIT_OUT_NOTICE', 'MEETING_REQUEST', 'MEETING_REQUEST_ANSWER'))`);
        await queryRunner.query(`DROP INDEX "public"."ix_meeting_requests_slot"`);
        await queryRunner.query(`DROP INDEX "public"."uq_meeting_requests_slot"`);
        await queryRunner.query(`ALTER TABLE "meeting_requests" DROP CONSTRAINT "ck_meeting_requests_slot_outcome"`);
        await queryRunner.query(`ALTER TABLE "meeting_requests" DROP CONSTRAINT "ck_meeting_requests_slot"`);
        await queryRunner.query(`ALTER TABLE "meeting_requests" DROP COLUMN "slot_outcome"`);
        await queryRunner.query(`ALTER TABLE "meeting_requests" DROP COLUMN "slot_table"`);
        await queryRunner.query(`ALTER TABLE "meeting_requests" DROP COLUMN "slot_ends_at"`);
        await queryRunner.query(`ALTER TABLE "meeting_requests" DROP COLUMN "slot_starts_at"`);
    }

}
