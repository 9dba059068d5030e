import { MigrationInterface, QueryRunner } from "typeorm";

export class SignInThrottle1796530769009 implements MigrationInterface {
    name = 'SignInThrottle1796530769009'

    public async up(queryRunner: QueryRunner): Promise<void> {
        // Written by hand (TypeORM does not drop tables it no longer knows): the per-email lockout goes.
        await queryRunner.query(`DROP TABLE "login_attempts"`);
        await queryRunner.query(`CREATE TABLE "sign_in_failures" ("account_key" text NOT NULL, "network_key" text NOT NULL, "failures" integer NOT NULL, "last_failed_at" TIMESTAMP WITH TIME ZONE NOT NULL, "retry_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_7e6e509c15ca9dd2ae8ae5354af" PRIMARY KEY ("account_key", "network_key"))`);
        await queryRunner.query(`CREATE INDEX "ix_sign_in_failures_last_failed_at" ON "sign_in_failures"  ("last_failed_at") `);
        await queryRunner.query(`CREATE TABLE "sign_in_network_failures" ("network_key" text NOT NULL, "level" double precision NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_83d98d29354c0d039d293d5884e" PRIMARY KEY ("network_key"))`);
        await queryRunner.query(`CREATE INDEX "ix_sign_in_network_failures_updated_at" ON "sign_in_network_failures"  ("updated_at") `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "public"."ix_sign_in_network_failures_updated_at"`);
        await queryRunner.query(`DROP TABLE "sign_in_network_failures"`);
        await queryRunner.query(`DROP INDEX "public"."ix_sign_in_failures_last_failed_at"`);
        await queryRunner.query(`DROP TABLE "sign_in_failures"`);
        await queryRunner.query(`CREATE TABLE "login_attempts" ("email" text NOT NULL, "failures" integer NOT NULL DEFAULT '0', "locked_until" TIMESTAMP WITH TIME ZONE, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_0aedff58b23995504f9dc99f75d" PRIMARY KEY ("email"))`);
    }

}
