import { MigrationInterface, QueryRunner } from "typeorm";

export class Mail1796536000000 implements MigrationInterface {
    name = 'Mail1796536000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "invitation_runs" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "event_id" uuid NOT NULL, "resend" boolean NOT NULL DEFAULT false, "matched" integer NOT NULL DEFAULT '0', "queued" integer NOT NULL DEFAULT '0', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_161443fa74bee8f21a3848d9945" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "ix_invitation_runs_event" ON "invitation_runs"  ("event_id", "created_at") `);
        await queryRunner.query(`CREATE TABLE "mail_outbox" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "event_id" uuid NOT NULL, "attendee_id" uuid NOT NULL, "kind" text NOT NULL, "dedupe_key" text, "run_id" uuid, "payload" jsonb NOT NULL DEFAULT '{}', "to_address" text NOT NULL, "status" text NOT NULL DEFAULT 'QUEUED', "send_after" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "attempts" integer NOT NULL DEFAULT '0', "message_id" text, "subject" text, "body_text" text, "body_html" text, "mentioned_ids" uuid array NOT NULL DEFAULT '{}', "error" text, "sent_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_mail_outbox_status" CHECK (status IN ('QUEUED', 'SENT', 'FAILED', 'BOUNCED', 'CANCELLED', 'HELD')), CONSTRAINT "ck_mail_outbox_kind" CHECK (kind IN ('INVITATION', 'SIGN_IN_LINK', 'MEETING_REMINDER', 'SLOT_REMINDER', 'SIT_OUT_NOTICE')), CONSTRAINT "PK_fecc63c96385bc35a39ccf2a72e" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "ix_mail_outbox_attendee" ON "mail_outbox"  ("attendee_id") `);
        await queryRunner.query(`CREATE INDEX "ix_mail_outbox_run" ON "mail_outbox"  ("run_id", "status") `);
        await queryRunner.query(`CREATE INDEX "ix_mail_outbox_event" ON "mail_outbox"  ("event_id", "created_at", "id") `);
        await queryRunner.query(`CREATE INDEX "ix_mail_outbox_due" ON "mail_outbox"  ("send_after") WHERE status = 'QUEUED'`);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_mail_outbox_dedupe" ON "mail_outbox"  ("dedupe_key") `);
        // Erasing an attendee blanks the stored messages that name them (mentioned_ids @> ARRAY[id]).
        await queryRunner.query(`CREATE INDEX "ix_mail_outbox_mentioned" ON "mail_outbox" USING gin ("mentioned_ids")`);
        await queryRunner.query(`CREATE TABLE "sign_in_links" ("outbox_id" uuid NOT NULL, "token_hash" text NOT NULL, "attendee_id" uuid NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "used_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_7d279581ddbfcae6dd6ee1578c0" PRIMARY KEY ("outbox_id"))`);
        await queryRunner.query(`CREATE INDEX "ix_sign_in_links_attendee" ON "sign_in_links"  ("attendee_id") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_sign_in_links_token" ON "sign_in_links"  ("token_hash") `);
        await queryRunner.query(`CREATE TABLE "sign_in_requests" ("id" BIGSERIAL NOT NULL, "email" text NOT NULL, "client" text NOT NULL, "requested_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_7284adceb2a41079db81393b04a" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "ix_sign_in_requests_client" ON "sign_in_requests"  ("client", "requested_at") `);
        await queryRunner.query(`CREATE INDEX "ix_sign_in_requests_email" ON "sign_in_requests"  ("email", "requested_at") `);
        await queryRunner.query(`CREATE TABLE "mail_pacing" ("id" integer NOT NULL, "next_slot" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_mail_pacing_single" CHECK (id = 1), CONSTRAINT "PK_507225d37f2663fdc07ee3c5e9a" PRIMARY KEY ("id"))`);
        // The one pacing row every sender reserves its slots on.
        await queryRunner.query(`INSERT INTO "mail_pacing" ("id", "next_slot") VALUES (1, now())`);
        await queryRunner.query(`CREATE TABLE "mail_schedules" ("key" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_mail_schedules" PRIMARY KEY ("key"))`);
        await queryRunner.query(`ALTER TABLE "events" ADD "language" text`);
        await queryRunner.query(`ALTER TABLE "attendees" ADD "mail_opt_out_at" TIMESTAMP WITH TIME ZONE`);
        await queryRunner.query(`ALTER TABLE "events" ADD CONSTRAINT "ck_events_language" CHECK (language IN ('en', 'fr'))`);
        await queryRunner.query(`ALTER TABLE "invitation_runs" ADD CONSTRAINT "FK_1c2d3408632cf1e2c2b09bb6bc5" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "mail_outbox" ADD CONSTRAINT "FK_15c2896da6774563c404af76fe0" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "mail_outbox" ADD CONSTRAINT "FK_5fb8937ff8b43654dbe541c110b" FOREIGN KEY ("attendee_id") REFERENCES "attendees"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "mail_outbox" ADD CONSTRAINT "FK_70f2aad7e61bfd7af863a1ea9b2" FOREIGN KEY ("run_id") REFERENCES "invitation_runs"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "sign_in_links" ADD CONSTRAINT "FK_7d279581ddbfcae6dd6ee1578c0" FOREIGN KEY ("outbox_id") REFERENCES "mail_outbox"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "sign_in_links" ADD CONSTRAINT "FK_77b2f285cc338ba1e8227d6af36" FOREIGN KEY ("attendee_id") REFERENCES "attendees"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "sign_in_links" DROP CONSTRAINT "FK_77b2f285cc338ba1e8227d6af36"`);
        await queryRunner.query(`ALTER TABLE "sign_in_links" DROP CONSTRAINT "FK_7d279581ddbfcae6dd6ee1578c0"`);
        await queryRunner.query(`ALTER TABLE "mail_outbox" DROP CONSTRAINT "FK_70f2aad7e61bfd7af863a1ea9b2"`);
        await queryRunner.query(`ALTER TABLE "mail_outbox" DROP CONSTRAINT "FK_5fb8937ff8b43654dbe541c110b"`);
        await queryRunner.query(`ALTER TABLE "mail_outbox" DROP CONSTRAINT "FK_15c2896da6774563c404af76fe0"`);
        await queryRunner.query(`ALTER TABLE "invitation_runs" DROP CONSTRAINT "FK_1c2d3408632cf1e2c2b09bb6bc5"`);
        await queryRunner.query(`ALTER TABLE "events" DROP CONSTRAINT "ck_events_language"`);
        await queryRunner.query(`ALTER TABLE "attendees" DROP COLUMN "mail_opt_out_at"`);
        await queryRunner.query(`ALTER TABLE "events" DROP COLUMN "language"`);
        await queryRunner.query(`DROP TABLE "mail_schedules"`);
        await queryRunner.query(`DROP TABLE "mail_pacing"`);
        await queryRunner.query(`DROP INDEX "public"."ix_sign_in_requests_email"`);
        await queryRunner.query(`DROP INDEX "public"."ix_sign_in_requests_client"`);
        await queryRunner.query(`DROP TABLE "sign_in_requests"`);
        await queryRunner.query(`DROP INDEX "public"."uq_sign_in_links_token"`);
        await queryRunner.query(`DROP INDEX "public"."ix_sign_in_links_attendee"`);
        await queryRunner.query(`DROP TABLE "sign_in_links"`);
        await queryRunner.query(`DROP INDEX "public"."ix_mail_outbox_mentioned"`);
        await queryRunner.query(`DROP INDEX "public"."uq_mail_outbox_dedupe"`);
        await queryRunner.query(`DROP INDEX "public"."ix_mail_outbox_due"`);
        await queryRunner.query(`DROP INDEX "public"."ix_mail_outbox_event"`);
        await queryRunner.query(`DROP INDEX "public"."ix_mail_outbox_run"`);
        await queryRunner.query(`DROP INDEX "public"."ix_mail_outbox_attendee"`);
        await queryRunner.query(`DROP TABLE "mail_outbox"`);
        await queryRunner.query(`DROP INDEX "public"."ix_invitation_runs_event"`);
        await queryRunner.query(`DROP TABLE "invitation_runs"`);
    }

}
