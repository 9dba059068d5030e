import { MigrationInterface, QueryRunner } from "typeorm";

/** Talks an attendee bookmarked (issue 14): in their schedule (mySchedule) and calendar feed. */
export class TalkBookmarks1796566100000 implements MigrationInterface {
    name = 'TalkBookmarks1796566100000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "talk_bookmarks" ("talk_id" uuid NOT NULL, "attendee_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_5a3a083fd504a36a2047ec008d0" PRIMARY KEY ("talk_id", "attendee_id"))`);
        await queryRunner.query(`CREATE INDEX "ix_talk_bookmarks_attendee" ON "talk_bookmarks"  ("attendee_id") `);
        await queryRunner.query(`ALTER TABLE "talk_bookmarks" ADD CONSTRAINT "FK_7eac0c8f847284122f3275ef714" FOREIGN KEY ("talk_id") REFERENCES "talks"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "talk_bookmarks" ADD CONSTRAINT "FK_4c46ad44aedec9baa1163598fec" FOREIGN KEY ("attendee_id") REFERENCES "attendees"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "talk_bookmarks" DROP CONSTRAINT "FK_4c46ad44aedec9baa1163598fec"`);
        await queryRunner.query(`ALTER TABLE "talk_bookmarks" DROP CONSTRAINT "FK_7eac0c8f847284122f3275ef714"`);
        await queryRunner.query(`DROP INDEX "public"."ix_talk_bookmarks_attendee"`);
        await queryRunner.query(`DROP TABLE "talk_bookmarks"`);
    }

}
