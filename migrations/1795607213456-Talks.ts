import { MigrationInterface, QueryRunner } from "typeorm";

export class Talks1795607213456 implements MigrationInterface {
    name = 'Talks1795607213456'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "talks" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "event_id" uuid NOT NULL, "title" text NOT NULL, "speaker_id" uuid NOT NULL, "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL, "duration_minutes" integer NOT NULL, "tags" text array NOT NULL DEFAULT '{}', "slot_count" integer NOT NULL, "slot_minutes" integer NOT NULL, "location" text, "allocation_status" text NOT NULL DEFAULT 'OPEN', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_talks_allocation" CHECK (allocation_status IN ('OPEN', 'ALLOCATED', 'PUBLISHED')), CONSTRAINT "ck_talks_slots" CHECK (slot_count BETWEEN 0 AND 100 AND slot_minutes BETWEEN 3 AND 60), CONSTRAINT "PK_40335c0a4082e2e036902ac9d3a" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "ix_talks_event" ON "talks"  ("event_id", "starts_at") `);
        await queryRunner.query(`CREATE TABLE "slot_requests" ("talk_id" uuid NOT NULL, "attendee_id" uuid NOT NULL, "question" text NOT NULL, "slot_index" integer, "standby_rank" integer, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_f4c3d829672bb04c1374dabd36a" PRIMARY KEY ("talk_id", "attendee_id"))`);
        await queryRunner.query(`CREATE INDEX "ix_slot_requests_attendee" ON "slot_requests"  ("attendee_id") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_slot_requests_slot" ON "slot_requests"  ("talk_id", "slot_index") WHERE "slot_index" IS NOT NULL`);
        await queryRunner.query(`ALTER TABLE "talks" ADD CONSTRAINT "FK_46f217987e854c7af5bb12f6c52" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "talks" ADD CONSTRAINT "FK_3d1f5aa4c6685cbfad54c3b240a" FOREIGN KEY ("speaker_id") REFERENCES "attendees"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "slot_requests" ADD CONSTRAINT "FK_e15fe617da8e1ec2cbe61239948" FOREIGN KEY ("talk_id") REFERENCES "talks"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "slot_requests" ADD CONSTRAINT "FK_facf2131d5867e39fa274763715" FOREIGN KEY ("attendee_id") REFERENCES "attendees"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "slot_requests" DROP CONSTRAINT "FK_facf2131d5867e39fa274763715"`);
        await queryRunner.query(`ALTER TABLE "slot_requests" DROP CONSTRAINT "FK_e15fe617da8e1ec2cbe61239948"`);
        await queryRunner.query(`ALTER TABLE "talks" DROP CONSTRAINT "FK_3d1f5aa4c6685cbfad54c3b240a"`);
        await queryRunner.query(`ALTER TABLE "talks" DROP CONSTRAINT "FK_46f217987e854c7af5bb12f6c52"`);
        await queryRunner.query(`DROP INDEX "public"."uq_slot_requests_slot"`);
        await queryRunner.query(`DROP INDEX "public"."ix_slot_requests_attendee"`);
        await queryRunner.query(`DROP TABLE "slot_requests"`);
        await queryRunner.query(`DROP INDEX "public"."ix_talks_event"`);
        await queryRunner.query(`DROP TABLE "talks"`);
    }

}
