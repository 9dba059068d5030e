import { MigrationInterface, QueryRunner } from "typeorm";

export class SignInRequestsDispatched1796543675653 implements MigrationInterface {
    name = 'SignInRequestsDispatched1796543675653'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "sign_in_requests" ADD "event_slug" text NOT NULL DEFAULT ''`);
        // Requests made before this migration were answered in their own statement: allowed = false leaves them alone.
        await queryRunner.query(`ALTER TABLE "sign_in_requests" ADD "allowed" boolean NOT NULL DEFAULT false`);
        await queryRunner.query(`ALTER TABLE "sign_in_requests" ADD "handled_at" TIMESTAMP WITH TIME ZONE`);
        await queryRunner.query(`ALTER TABLE "sign_in_requests" ADD "attendee_id" uuid`);
        await queryRunner.query(`CREATE INDEX "ix_sign_in_requests_attendee" ON "sign_in_requests"  ("attendee_id") `);
        await queryRunner.query(`CREATE INDEX "ix_sign_in_requests_pending" ON "sign_in_requests"  ("id") WHERE handled_at IS NULL AND allowed`);
        await queryRunner.query(`ALTER TABLE "sign_in_requests" ADD CONSTRAINT "FK_f5dead6cbdda572d520c4aae8c4" FOREIGN KEY ("attendee_id") REFERENCES "attendees"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "sign_in_requests" DROP CONSTRAINT "FK_f5dead6cbdda572d520c4aae8c4"`);
        await queryRunner.query(`DROP INDEX "public"."ix_sign_in_requests_pending"`);
        await queryRunner.query(`DROP INDEX "public"."ix_sign_in_requests_attendee"`);
        await queryRunner.query(`ALTER TABLE "sign_in_requests" DROP COLUMN "attendee_id"`);
        await queryRunner.query(`ALTER TABLE "sign_in_requests" DROP COLUMN "handled_at"`);
        await queryRunner.query(`ALTER TABLE "sign_in_requests" DROP COLUMN "allowed"`);
        await queryRunner.query(`ALTER TABLE "sign_in_requests" DROP COLUMN "event_slug"`);
    }

}
