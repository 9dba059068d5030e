import { MigrationInterface, QueryRunner } from "typeorm";

export class Sessions1796529695705 implements MigrationInterface {
    name = 'Sessions1796529695705'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "sessions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "attendee_id" uuid, "account_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "ck_sessions_one_subject" CHECK (num_nonnulls(attendee_id, account_id) = 1), CONSTRAINT "PK_3238ef96f18b355b671619111bc" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "ix_sessions_attendee" ON "sessions"  ("attendee_id") `);
        await queryRunner.query(`CREATE INDEX "ix_sessions_account" ON "sessions"  ("account_id") `);
        await queryRunner.query(`CREATE INDEX "ix_sessions_expires_at" ON "sessions"  ("expires_at") `);
        await queryRunner.query(`ALTER TABLE "sessions" ADD CONSTRAINT "FK_5e1e0b67fb6c96af0b5ca6572dc" FOREIGN KEY ("attendee_id") REFERENCES "attendees"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "sessions" ADD CONSTRAINT "FK_da0cf19646ff5c6e3c0284468e5" FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "sessions" DROP CONSTRAINT "FK_da0cf19646ff5c6e3c0284468e5"`);
        await queryRunner.query(`ALTER TABLE "sessions" DROP CONSTRAINT "FK_5e1e0b67fb6c96af0b5ca6572dc"`);
        await queryRunner.query(`DROP INDEX "public"."ix_sessions_expires_at"`);
        await queryRunner.query(`DROP INDEX "public"."ix_sessions_account"`);
        await queryRunner.query(`DROP INDEX "public"."ix_sessions_attendee"`);
        await queryRunner.query(`DROP TABLE "sessions"`);
    }

}
