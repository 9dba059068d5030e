import { MigrationInterface, QueryRunner } from "typeorm";

export class ReportExports1795607710521 implements MigrationInterface {
    name = 'ReportExports1795607710521'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "report_exports" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "event_id" uuid NOT NULL, "round_id" uuid, "account_id" uuid, "channel" text NOT NULL, "format" text NOT NULL, "outcome" text NOT NULL DEFAULT 'STARTED', "rows" integer NOT NULL DEFAULT '0', "request_id" text, "started_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "finished_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "ck_report_exports_outcome" CHECK (outcome IN ('STARTED', 'COMPLETED', 'ABORTED', 'FAILED')), CONSTRAINT "ck_report_exports_channel" CHECK (channel IN ('http', 'cli')), CONSTRAINT "ck_report_exports_format" CHECK (format IN ('csv', 'xlsx', 'json')), CONSTRAINT "PK_831f34e4d6c47ec2bb42a614465" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "ix_report_exports_event" ON "report_exports"  ("event_id", "started_at") `);
        await queryRunner.query(`ALTER TABLE "report_exports" ADD CONSTRAINT "FK_a3b30db5ee8a2444af5364814e4" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "report_exports" ADD CONSTRAINT "FK_8cd2711393a8cc8223afcc2167b" FOREIGN KEY ("round_id") REFERENCES "rounds"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "report_exports" ADD CONSTRAINT "FK_e8bf5a35f8c8bcca9aefbbbddda" FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "report_exports" DROP CONSTRAINT "FK_e8bf5a35f8c8bcca9aefbbbddda"`);
        await queryRunner.query(`ALTER TABLE "report_exports" DROP CONSTRAINT "FK_8cd2711393a8cc8223afcc2167b"`);
        await queryRunner.query(`ALTER TABLE "report_exports" DROP CONSTRAINT "FK_a3b30db5ee8a2444af5364814e4"`);
        await queryRunner.query(`DROP INDEX "public"."ix_report_exports_event"`);
        await queryRunner.query(`DROP TABLE "report_exports"`);
    }

}
