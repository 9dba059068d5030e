import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Meeting requests (issue 14): an attendee asks another of the same event to meet, with a short message;
 * the other accepts or declines; an accepted request is a must-meet pair of the next round where both may
 * be seated, and is fulfilled when a published round seats them together. At most one pending request
 * per direction (the partial unique index makes asking again idempotent). Two new kinds of mail: the
 * request (to the recipient) and its answer (to the requester).
 */
export class MeetingRequests1796566000000 implements MigrationInterface {
    name = 'MeetingRequests1796566000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "meeting_requests" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "event_id" uuid NOT NULL, "requester_id" uuid NOT NULL, "recipient_id" uuid NOT NULL, "message" text NOT NULL DEFAULT '', "status" text NOT NULL DEFAULT 'PENDING', "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "responded_at" TIMESTAMP WITH TIME ZONE, "cancelled_at" TIMESTAMP WITH TIME ZONE, "cancelled_by" uuid, "round_id" uuid, "meeting_id" uuid, "fulfilled_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_meeting_requests_not_self" CHECK (requester_id <> recipient_id), CONSTRAINT "ck_meeting_requests_status" CHECK (status IN ('PENDING', 'ACCEPTED', 'DECLINED', 'CANCELLED', 'FULFILLED', 'EXPIRED')), CONSTRAINT "ck_meeting_requests_message" CHECK (char_length(message) <= 280), CONSTRAINT "PK_meeting_requests" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_meeting_requests_pending" ON "meeting_requests" ("requester_id", "recipient_id") WHERE status = 'PENDING'`);
        await queryRunner.query(`CREATE INDEX "ix_meeting_requests_recipient" ON "meeting_requests" ("recipient_id", "created_at") `);
        await queryRunner.query(`CREATE INDEX "ix_meeting_requests_requester" ON "meeting_requests" ("requester_id", "created_at") `);
        await queryRunner.query(`CREATE INDEX "ix_meeting_requests_event" ON "meeting_requests" ("event_id", "status") `);
        await queryRunner.query(`ALTER TABLE "meeting_requests" ADD CONSTRAINT "FK_meeting_requests_event" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "meeting_requests" ADD CONSTRAINT "FK_meeting_requests_requester" FOREIGN KEY ("requester_id") REFERENCES "attendees"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "meeting_requests" ADD CONSTRAINT "FK_meeting_requests_recipient" FOREIGN KEY ("recipient_id") REFERENCES "attendees"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "meeting_requests" ADD CONSTRAINT "FK_meeting_requests_round" FOREIGN KEY ("round_id") REFERENCES "rounds"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "meeting_requests" ADD CONSTRAINT "FK_meeting_requests_meeting" FOREIGN KEY ("meeting_id") REFERENCES "meetings"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "mail_outbox" DROP CONSTRAINT "ck_mail_outbox_kind"`);
        await queryRunner.query(`ALTER TABLE "mail_outbox" ADD CONSTRAINT "ck_mail_outbox_kind" CHECK (kind IN ('INVITATION', 'SIGN_IN_LINK', 'MEETING_REMINDER', 'SLOT_REMINDER', 'SIT_OUT_NOTICE', 'MEETING_REQUEST', 'MEETING_REQUEST_ANSWER'))`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DELETE FROM "mail_outbox" WHERE kind IN ('MEETING_REQUEST', 'MEETING_REQUEST_ANSWER')`);
        await queryRunner.query(`ALTER TABLE "mail_outbox" DROP CONSTRAINT "ck_mail_outbox_kind"`);
        await queryRunner.query(`ALTER TABLE "mail_outbox" ADD CONSTRAINT "ck_mail_outbox_kind" CHECK (kind IN ('INVITATION', 'SIGN_IN_LINK', 'MEETING_REMINDER', 'SLOT_REMINDER', 'SIT_OUT_NOTICE'))`);
        await queryRunner.query(`DROP TABLE "meeting_requests"`);
    }

}
