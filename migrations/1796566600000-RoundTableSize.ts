import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Topic tables (issue 15): a round may seat tables of 3 to 8 people instead of pairs. Null keeps
 * every existing round a pairs round.
 */
export class RoundTableSize1796566600000 implements MigrationInterface {
    name = 'RoundTableSize1796566600000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "rounds" ADD "table_size" integer`);
        await queryRunner.query(`ALTER TABLE "rounds" ADD CONSTRAINT "ck_rounds_table_size" CHECK (table_size IS NULL OR table_size BETWEEN 3 AND 8)`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "rounds" DROP CONSTRAINT "ck_rounds_table_size"`);
        await queryRunner.query(`ALTER TABLE "rounds" DROP COLUMN "table_size"`);
    }

}
