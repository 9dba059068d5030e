import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Availability windows (issue 14): when an attendee is at the event. None: all the time. Rounds and
 * office-hour allocation leave out whoever is not available for the whole of their time.
 */
export class AvailabilityWindows1796564354901 implements MigrationInterface {
    name = 'AvailabilityWindows1796564354901'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "availability_windows" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "event_id" uuid NOT NULL, "attendee_id" uuid NOT NULL, "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL, "ends_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "ck_availability_windows_span" CHECK (ends_at > starts_at), CONSTRAINT "PK_2b90591d83bf13eb2a2667d49ed" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "ix_availability_windows_attendee" ON "availability_windows"  ("attendee_id") `);
        await queryRunner.query(`CREATE INDEX "ix_availability_windows_event" ON "availability_windows"  ("event_id", "attendee_id") `);
        await queryRunner.query(`ALTER TABLE "availability_windows" ADD CONSTRAINT "FK_614dd17fa04c692fa3a1c577510" FOREIGN KEY ("attendee_id") REFERENCES "attendees"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "availability_windows" DROP CONSTRAINT "FK_614dd17fa04c692fa3a1c577510"`);
        await queryRunner.query(`DROP INDEX "public"."ix_availability_windows_event"`);
        await queryRunner.query(`DROP INDEX "public"."ix_availability_windows_attendee"`);
        await queryRunner.query(`DROP TABLE "availability_windows"`);
    }

}
