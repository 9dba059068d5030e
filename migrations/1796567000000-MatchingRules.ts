import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Organiser rules (issue 15): the ticket type of an attendee (who-can-meet rules may name it), the
 * rules a round was generated with (so a run can be reproduced and reviewed), and the conflicts of
 * interest an organiser imported (pairs never to match, stored once with the lower id first).
 */
export class MatchingRules1796567000000 implements MigrationInterface {
    name = 'MatchingRules1796567000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "event_conflicts" ("event_id" uuid NOT NULL, "attendee_low" uuid NOT NULL, "attendee_high" uuid NOT NULL, "source" text NOT NULL DEFAULT 'import', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_event_conflicts_ordered" CHECK (attendee_low < attendee_high), CONSTRAINT "PK_a016694d2fc7e04bb81cecb916c" PRIMARY KEY ("event_id", "attendee_low", "attendee_high"))`);
        await queryRunner.query(`CREATE INDEX "ix_event_conflicts_high" ON "event_conflicts"  ("attendee_high") `);
        await queryRunner.query(`ALTER TABLE "attendees" ADD "ticket_type" text`);
        await queryRunner.query(`ALTER TABLE "rounds" ADD "rules" jsonb`);
        await queryRunner.query(`ALTER TABLE "event_conflicts" ADD CONSTRAINT "FK_5519e41cf72eed890e9182391be" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "event_conflicts" ADD CONSTRAINT "FK_628cf4fc9b112f6d723203b95e2" FOREIGN KEY ("attendee_low") REFERENCES "attendees"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "event_conflicts" ADD CONSTRAINT "FK_277785da164deaaaaa7dcaec927" FOREIGN KEY ("attendee_high") REFERENCES "attendees"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "event_conflicts" DROP CONSTRAINT "FK_277785da164deaaaaa7dcaec927"`);
        await queryRunner.query(`ALTER TABLE "event_conflicts" DROP CONSTRAINT "FK_628cf4fc9b112f6d723203b95e2"`);
        await queryRunner.query(`ALTER TABLE "event_conflicts" DROP CONSTRAINT "FK_5519e41cf72eed890e9182391be"`);
        await queryRunner.query(`ALTER TABLE "rounds" DROP COLUMN "rules"`);
        await queryRunner.query(`ALTER TABLE "attendees" DROP COLUMN "ticket_type"`);
        await queryRunner.query(`DROP INDEX "public"."ix_event_conflicts_high"`);
        await queryRunner.query(`DROP TABLE "event_conflicts"`);
    }

}
