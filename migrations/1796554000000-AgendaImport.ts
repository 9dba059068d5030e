import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Talks imported from an agenda (a Sessionize export, a CSV): the room they are in, and the session's
 * id in that source (`sessionize:160121`, `csv:T-12`), unique per event, so importing the file again
 * updates the talk instead of adding a second one.
 */
export class AgendaImport1796554000000 implements MigrationInterface {
    name = 'AgendaImport1796554000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "talks" ADD "room" text`);
        await queryRunner.query(`ALTER TABLE "talks" ADD "external_id" text`);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_talks_external_id" ON "talks" ("event_id", "external_id") WHERE "external_id" IS NOT NULL`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "public"."uq_talks_external_id"`);
        await queryRunner.query(`ALTER TABLE "talks" DROP COLUMN "external_id"`);
        await queryRunner.query(`ALTER TABLE "talks" DROP COLUMN "room"`);
    }

}
