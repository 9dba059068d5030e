import { MigrationInterface, QueryRunner } from "typeorm";

export class Init1795603933545 implements MigrationInterface {
    name = 'Init1795603933545'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "accounts" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "email" text NOT NULL, "name" text NOT NULL, "password_hash" text, "is_admin" boolean NOT NULL DEFAULT false, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_5a7a02c20412299d198e097a8fe" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_accounts_email" ON "accounts"  ("email") `);
        await queryRunner.query(`CREATE TABLE "events" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "slug" text NOT NULL, "name" text NOT NULL, "time_zone" text NOT NULL DEFAULT 'UTC', "starts_on" date, "ends_on" date, "venue" text, "matching_settings" jsonb NOT NULL DEFAULT '{}'::jsonb, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_40731c7151fe4be3116e45ddf73" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_events_slug" ON "events"  ("slug") `);
        await queryRunner.query(`CREATE TABLE "event_organisers" ("event_id" uuid NOT NULL, "account_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_e697775835361a4777d112ac27a" PRIMARY KEY ("event_id", "account_id"))`);
        await queryRunner.query(`CREATE TABLE "attendees" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "event_id" uuid NOT NULL, "email" text NOT NULL, "name" text NOT NULL, "company" text, "role" text, "seniority" text, "stack" text array NOT NULL DEFAULT '{}', "interests" text array NOT NULL DEFAULT '{}', "looking_for" text array NOT NULL DEFAULT '{}', "can_offer" text array NOT NULL DEFAULT '{}', "languages" text array NOT NULL DEFAULT '{}', "bio" text, "links" text array NOT NULL DEFAULT '{}', "consent_matchmaking" boolean NOT NULL DEFAULT false, "consent_at" TIMESTAMP WITH TIME ZONE, "consent_notice_version" text, "shared_fields" text array NOT NULL DEFAULT '{name,role,company,interests}', "present" boolean NOT NULL DEFAULT false, "checked_in_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_0d01acb0e67860db61a6fb61a4a" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_attendees_event_email" ON "attendees"  ("event_id", "email") `);
        await queryRunner.query(`CREATE TABLE "access_codes" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "code_hash" text NOT NULL, "event_id" uuid NOT NULL, "attendee_id" uuid, "account_id" uuid, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "used_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_access_codes_one_subject" CHECK (num_nonnulls(attendee_id, account_id) = 1), CONSTRAINT "PK_702e128569c0cdfeb9cea561cdb" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_access_codes_hash" ON "access_codes"  ("code_hash") `);
        await queryRunner.query(`CREATE INDEX "ix_access_codes_attendee" ON "access_codes"  ("attendee_id") `);
        await queryRunner.query(`CREATE TABLE "event_tags" ("event_id" uuid NOT NULL, "slug" text NOT NULL, "label" text NOT NULL, "synonyms" text array NOT NULL DEFAULT '{}', CONSTRAINT "PK_3433c922a77fafc7cee80cf79be" PRIMARY KEY ("event_id", "slug"))`);
        await queryRunner.query(`ALTER TABLE "event_organisers" ADD CONSTRAINT "FK_a5a521bf106d97f8ac8dfc08f07" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "event_organisers" ADD CONSTRAINT "FK_57ccffee872f4a20da96c89287a" FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "attendees" ADD CONSTRAINT "FK_dec87e2c88c7d8137334cd7ca7d" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "access_codes" ADD CONSTRAINT "FK_eed69b486fd33d89a670231fa80" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "access_codes" ADD CONSTRAINT "FK_2d3823b2b605d7b37003b91f358" FOREIGN KEY ("attendee_id") REFERENCES "attendees"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "access_codes" ADD CONSTRAINT "FK_a7b676878f7aef5aa80fb901404" FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "event_tags" ADD CONSTRAINT "FK_640b9db5340d03f53d02a4dca1d" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "event_tags" DROP CONSTRAINT "FK_640b9db5340d03f53d02a4dca1d"`);
        await queryRunner.query(`ALTER TABLE "access_codes" DROP CONSTRAINT "FK_a7b676878f7aef5aa80fb901404"`);
        await queryRunner.query(`ALTER TABLE "access_codes" DROP CONSTRAINT "FK_2d3823b2b605d7b37003b91f358"`);
        await queryRunner.query(`ALTER TABLE "access_codes" DROP CONSTRAINT "FK_eed69b486fd33d89a670231fa80"`);
        await queryRunner.query(`ALTER TABLE "attendees" DROP CONSTRAINT "FK_dec87e2c88c7d8137334cd7ca7d"`);
        await queryRunner.query(`ALTER TABLE "event_organisers" DROP CONSTRAINT "FK_57ccffee872f4a20da96c89287a"`);
        await queryRunner.query(`ALTER TABLE "event_organisers" DROP CONSTRAINT "FK_a5a521bf106d97f8ac8dfc08f07"`);
        await queryRunner.query(`DROP TABLE "event_tags"`);
        await queryRunner.query(`DROP INDEX "public"."ix_access_codes_attendee"`);
        await queryRunner.query(`DROP INDEX "public"."uq_access_codes_hash"`);
        await queryRunner.query(`DROP TABLE "access_codes"`);
        await queryRunner.query(`DROP INDEX "public"."uq_attendees_event_email"`);
        await queryRunner.query(`DROP TABLE "attendees"`);
        await queryRunner.query(`DROP TABLE "event_organisers"`);
        await queryRunner.query(`DROP INDEX "public"."uq_events_slug"`);
        await queryRunner.query(`DROP TABLE "events"`);
        await queryRunner.query(`DROP INDEX "public"."uq_accounts_email"`);
        await queryRunner.query(`DROP TABLE "accounts"`);
    }

}
