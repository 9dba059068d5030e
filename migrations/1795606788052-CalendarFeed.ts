import { MigrationInterface, QueryRunner } from "typeorm";

export class CalendarFeed1795606788052 implements MigrationInterface {
    name = 'CalendarFeed1795606788052'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "attendees" ADD "calendar_token_hash" text`);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_attendees_calendar_token" ON "attendees"  ("calendar_token_hash") `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "public"."uq_attendees_calendar_token"`);
        await queryRunner.query(`ALTER TABLE "attendees" DROP COLUMN "calendar_token_hash"`);
    }

}
