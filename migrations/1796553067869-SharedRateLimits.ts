import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Rate-limit counters shared by every API process (PostgresLimitStore), so N processes enforce the limits one
 * does. UNLOGGED: a counter is rewritten on every counted request and is worth no write-ahead log; after a
 * crash PostgreSQL empties the table, which only forgives the last minute's callers.
 */
export class SharedRateLimits1796553067869 implements MigrationInterface {
    name = 'SharedRateLimits1796553067869'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE UNLOGGED TABLE "rate_limit_counters" ("key" text NOT NULL, "hits" integer NOT NULL, "window_ends_at" TIMESTAMP WITH TIME ZONE NOT NULL, "blocked_until" TIMESTAMP WITH TIME ZONE, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_ad665f1998311a7bd0e8265365d" PRIMARY KEY ("key"))`);
        await queryRunner.query(`CREATE INDEX "ix_rate_limit_counters_expires_at" ON "rate_limit_counters"  ("expires_at") `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "public"."ix_rate_limit_counters_expires_at"`);
        await queryRunner.query(`DROP TABLE "rate_limit_counters"`);
    }

}
