import { MigrationInterface, QueryRunner } from "typeorm";

export class GenerationLease1796530073112 implements MigrationInterface {
    name = 'GenerationLease1796530073112'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "rounds" ADD "lease_owner" text`);
        await queryRunner.query(`ALTER TABLE "rounds" ADD "lease_expires_at" TIMESTAMP WITH TIME ZONE`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "rounds" DROP COLUMN "lease_expires_at"`);
        await queryRunner.query(`ALTER TABLE "rounds" DROP COLUMN "lease_owner"`);
    }

}
