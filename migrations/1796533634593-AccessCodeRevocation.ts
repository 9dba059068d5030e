import { MigrationInterface, QueryRunner } from "typeorm";

export class AccessCodeRevocation1796533634593 implements MigrationInterface {
    name = 'AccessCodeRevocation1796533634593'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "access_codes" ADD "revoked_at" TIMESTAMP WITH TIME ZONE`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "access_codes" DROP COLUMN "revoked_at"`);
    }

}
