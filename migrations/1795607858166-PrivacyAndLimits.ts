import { MigrationInterface, QueryRunner } from "typeorm";

export class PrivacyAndLimits1795607858166 implements MigrationInterface {
    name = 'PrivacyAndLimits1795607858166'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "login_attempts" ("email" text NOT NULL, "failures" integer NOT NULL DEFAULT '0', "locked_until" TIMESTAMP WITH TIME ZONE, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_0aedff58b23995504f9dc99f75d" PRIMARY KEY ("email"))`);
        await queryRunner.query(`ALTER TABLE "events" ADD "retention_days" integer`);
        await queryRunner.query(`ALTER TABLE "events" ADD "anonymised_at" TIMESTAMP WITH TIME ZONE`);
        await queryRunner.query(`ALTER TABLE "attendees" ADD "erased_at" TIMESTAMP WITH TIME ZONE`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "attendees" DROP COLUMN "erased_at"`);
        await queryRunner.query(`ALTER TABLE "events" DROP COLUMN "anonymised_at"`);
        await queryRunner.query(`ALTER TABLE "events" DROP COLUMN "retention_days"`);
        await queryRunner.query(`DROP TABLE "login_attempts"`);
    }

}
