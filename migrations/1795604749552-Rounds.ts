import { MigrationInterface, QueryRunner } from "typeorm";

export class Rounds1795604749552 implements MigrationInterface {
    name = 'Rounds1795604749552'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "rounds" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "event_id" uuid NOT NULL, "name" text NOT NULL, "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL, "duration_minutes" integer NOT NULL, "tables" text array NOT NULL DEFAULT '{}', "status" text NOT NULL DEFAULT 'DRAFT', "odd_policy" text, "fairness" text NOT NULL DEFAULT 'none', "seed" text, "weights" jsonb, "stats" jsonb, "progress" jsonb, "generated_at" TIMESTAMP WITH TIME ZONE, "published_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_rounds_duration" CHECK (duration_minutes BETWEEN 1 AND 480), CONSTRAINT "ck_rounds_status" CHECK (status IN ('DRAFT', 'GENERATING', 'GENERATED', 'PUBLISHED', 'CLOSED', 'CANCELLED')), CONSTRAINT "PK_9d254884a20817016e2f877c7e7" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "ix_rounds_event" ON "rounds"  ("event_id", "starts_at") `);
        await queryRunner.query(`CREATE TABLE "meetings" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "round_id" uuid NOT NULL, "event_id" uuid NOT NULL, "table_number" integer NOT NULL, "table_label" text NOT NULL, "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL, "ends_at" TIMESTAMP WITH TIME ZONE NOT NULL, "score" double precision NOT NULL, "reasons" jsonb NOT NULL, "sentence" text NOT NULL, "opening_question" text NOT NULL, "status" text NOT NULL DEFAULT 'SCHEDULED', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_meetings_status" CHECK (status IN ('SCHEDULED', 'HELD', 'NO_SHOW', 'CANCELLED')), CONSTRAINT "PK_aa73be861afa77eb4ed31f3ed57" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "ix_meetings_round" ON "meetings"  ("round_id", "table_number") `);
        await queryRunner.query(`CREATE TABLE "meeting_participants" ("meeting_id" uuid NOT NULL, "attendee_id" uuid NOT NULL, "round_id" uuid NOT NULL, "no_show" boolean NOT NULL DEFAULT false, CONSTRAINT "PK_c4f8a722a14d9e8c36742b6ffc1" PRIMARY KEY ("meeting_id", "attendee_id"))`);
        await queryRunner.query(`CREATE INDEX "ix_participants_attendee" ON "meeting_participants"  ("attendee_id") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_participants_round_attendee" ON "meeting_participants"  ("round_id", "attendee_id") `);
        await queryRunner.query(`CREATE TABLE "event_pairs" ("event_id" uuid NOT NULL, "attendee_low" uuid NOT NULL, "attendee_high" uuid NOT NULL, "meeting_id" uuid NOT NULL, CONSTRAINT "ck_event_pairs_ordered" CHECK (attendee_low < attendee_high), CONSTRAINT "PK_0404e4962602b1fe85e18c8a024" PRIMARY KEY ("event_id", "attendee_low", "attendee_high"))`);
        await queryRunner.query(`CREATE INDEX "ix_event_pairs_meeting" ON "event_pairs"  ("meeting_id") `);
        await queryRunner.query(`CREATE TABLE "wishes" ("attendee_id" uuid NOT NULL, "target_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_wishes_not_self" CHECK (attendee_id <> target_id), CONSTRAINT "PK_37733c3c8c34e0fe092238de49a" PRIMARY KEY ("attendee_id", "target_id"))`);
        await queryRunner.query(`CREATE TABLE "blocks" ("attendee_id" uuid NOT NULL, "target_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_blocks_not_self" CHECK (attendee_id <> target_id), CONSTRAINT "PK_ce912a54e2c55851093f4c9fc1c" PRIMARY KEY ("attendee_id", "target_id"))`);
        await queryRunner.query(`CREATE TABLE "round_opt_outs" ("round_id" uuid NOT NULL, "attendee_id" uuid NOT NULL, CONSTRAINT "PK_b0b538481c621f7deb46c92b0fa" PRIMARY KEY ("round_id", "attendee_id"))`);
        await queryRunner.query(`CREATE TABLE "feedback" ("meeting_id" uuid NOT NULL, "attendee_id" uuid NOT NULL, "met" boolean NOT NULL, "rating" smallint, "would_meet_again" boolean, "note" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_feedback_rating" CHECK (rating IS NULL OR rating BETWEEN 1 AND 5), CONSTRAINT "PK_d1af0fc099cf86d57489a091dd0" PRIMARY KEY ("meeting_id", "attendee_id"))`);
        await queryRunner.query(`CREATE TABLE "round_adjustments" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "round_id" uuid NOT NULL, "actor_id" text NOT NULL, "kind" text NOT NULL, "details" jsonb NOT NULL, "overridden_rules" text array NOT NULL DEFAULT '{}', "reason" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_e70e02164643345232fe1582dc5" PRIMARY KEY ("id"))`);
        await queryRunner.query(`ALTER TABLE "rounds" ADD CONSTRAINT "FK_d6209634bf5cd46ca7e04e1dc7a" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "meetings" ADD CONSTRAINT "FK_b8f0e82c4260c560ee85bb1c327" FOREIGN KEY ("round_id") REFERENCES "rounds"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "meetings" ADD CONSTRAINT "FK_85e39fa725957d83972db673fb4" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "meeting_participants" ADD CONSTRAINT "FK_4d2e803caeb25541cc89f2efa5b" FOREIGN KEY ("meeting_id") REFERENCES "meetings"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "meeting_participants" ADD CONSTRAINT "FK_326db48584307ecc82cc57f8e5f" FOREIGN KEY ("attendee_id") REFERENCES "attendees"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "meeting_participants" ADD CONSTRAINT "FK_dfa57958e10f221d9435f0b83d8" FOREIGN KEY ("round_id") REFERENCES "rounds"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "event_pairs" ADD CONSTRAINT "FK_b016c1a479c09ea2217d5725913" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "event_pairs" ADD CONSTRAINT "FK_c6f3b10bf488dc38c330b9d4b94" FOREIGN KEY ("meeting_id") REFERENCES "meetings"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "event_pairs" ADD CONSTRAINT "FK_7973aadc753450d0287da1c000b" FOREIGN KEY ("attendee_low") REFERENCES "attendees"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "event_pairs" ADD CONSTRAINT "FK_f92f189c2ff3e3b2b112ef2ead0" FOREIGN KEY ("attendee_high") REFERENCES "attendees"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "wishes" ADD CONSTRAINT "FK_294ecf2e1d72171755539847581" FOREIGN KEY ("attendee_id") REFERENCES "attendees"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "wishes" ADD CONSTRAINT "FK_66aeeafe15cc9f9033145fbd51a" FOREIGN KEY ("target_id") REFERENCES "attendees"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "blocks" ADD CONSTRAINT "FK_8cee7bb0e2a7a7f5ff144640659" FOREIGN KEY ("attendee_id") REFERENCES "attendees"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "blocks" ADD CONSTRAINT "FK_1385be37cb3152aeb84bf5ba344" FOREIGN KEY ("target_id") REFERENCES "attendees"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "round_opt_outs" ADD CONSTRAINT "FK_452e8849d69a6773a9c576e9938" FOREIGN KEY ("round_id") REFERENCES "rounds"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "round_opt_outs" ADD CONSTRAINT "FK_c44bc7122cc098fff866d525a09" FOREIGN KEY ("attendee_id") REFERENCES "attendees"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "feedback" ADD CONSTRAINT "FK_c15e62d4237acb3ce716912dae4" FOREIGN KEY ("meeting_id") REFERENCES "meetings"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "feedback" ADD CONSTRAINT "FK_6dab52631575f305e2e89426702" FOREIGN KEY ("attendee_id") REFERENCES "attendees"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "round_adjustments" ADD CONSTRAINT "FK_868d57d4caa5e922895ed0f5e48" FOREIGN KEY ("round_id") REFERENCES "rounds"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "round_adjustments" DROP CONSTRAINT "FK_868d57d4caa5e922895ed0f5e48"`);
        await queryRunner.query(`ALTER TABLE "feedback" DROP CONSTRAINT "FK_6dab52631575f305e2e89426702"`);
        await queryRunner.query(`ALTER TABLE "feedback" DROP CONSTRAINT "FK_c15e62d4237acb3ce716912dae4"`);
        await queryRunner.query(`ALTER TABLE "round_opt_outs" DROP CONSTRAINT "FK_c44bc7122cc098fff866d525a09"`);
        await queryRunner.query(`ALTER TABLE "round_opt_outs" DROP CONSTRAINT "FK_452e8849d69a6773a9c576e9938"`);
        await queryRunner.query(`ALTER TABLE "blocks" DROP CONSTRAINT "FK_1385be37cb3152aeb84bf5ba344"`);
        await queryRunner.query(`ALTER TABLE "blocks" DROP CONSTRAINT "FK_8cee7bb0e2a7a7f5ff144640659"`);
        await queryRunner.query(`ALTER TABLE "wishes" DROP CONSTRAINT "FK_66aeeafe15cc9f9033145fbd51a"`);
        await queryRunner.query(`ALTER TABLE "wishes" DROP CONSTRAINT "FK_294ecf2e1d72171755539847581"`);
        await queryRunner.query(`ALTER TABLE "event_pairs" DROP CONSTRAINT "FK_f92f189c2ff3e3b2b112ef2ead0"`);
        await queryRunner.query(`ALTER TABLE "event_pairs" DROP CONSTRAINT "FK_7973aadc753450d0287da1c000b"`);
        await queryRunner.query(`ALTER TABLE "event_pairs" DROP CONSTRAINT "FK_c6f3b10bf488dc38c330b9d4b94"`);
        await queryRunner.query(`ALTER TABLE "event_pairs" DROP CONSTRAINT "FK_b016c1a479c09ea2217d5725913"`);
        await queryRunner.query(`ALTER TABLE "meeting_participants" DROP CONSTRAINT "FK_dfa57958e10f221d9435f0b83d8"`);
        await queryRunner.query(`ALTER TABLE "meeting_participants" DROP CONSTRAINT "FK_326db48584307ecc82cc57f8e5f"`);
        await queryRunner.query(`ALTER TABLE "meeting_participants" DROP CONSTRAINT "FK_4d2e803caeb25541cc89f2efa5b"`);
        await queryRunner.query(`ALTER TABLE "meetings" DROP CONSTRAINT "FK_85e39fa725957d83972db673fb4"`);
        await queryRunner.query(`ALTER TABLE "meetings" DROP CONSTRAINT "FK_b8f0e82c4260c560ee85bb1c327"`);
        await queryRunner.query(`ALTER TABLE "rounds" DROP CONSTRAINT "FK_d6209634bf5cd46ca7e04e1dc7a"`);
        await queryRunner.query(`DROP TABLE "round_adjustments"`);
        await queryRunner.query(`DROP TABLE "feedback"`);
        await queryRunner.query(`DROP TABLE "round_opt_outs"`);
        await queryRunner.query(`DROP TABLE "blocks"`);
        await queryRunner.query(`DROP TABLE "wishes"`);
        await queryRunner.query(`DROP INDEX "public"."ix_event_pairs_meeting"`);
        await queryRunner.query(`DROP TABLE "event_pairs"`);
        await queryRunner.query(`DROP INDEX "public"."uq_participants_round_attendee"`);
        await queryRunner.query(`DROP INDEX "public"."ix_participants_attendee"`);
        await queryRunner.query(`DROP TABLE "meeting_participants"`);
        await queryRunner.query(`DROP INDEX "public"."ix_meetings_round"`);
        await queryRunner.query(`DROP TABLE "meetings"`);
        await queryRunner.query(`DROP INDEX "public"."ix_rounds_event"`);
        await queryRunner.query(`DROP TABLE "rounds"`);
    }

}
