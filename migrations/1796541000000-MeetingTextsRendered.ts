import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Meetings stop storing texts with names in them: `sentence` and `opening_question` go, and so do
 * the `sentence` / `openingQuestion` copies each pair of `reasons` carried. What a meeting says is
 * rendered when it is read, from the reasons (ids, tags, wish, role pair, score) and the names and
 * sharing choices people have at that moment — so an erasure or a rename edits no text. Existing
 * rows keep everything else in their reasons: their texts are re-derived from them when read.
 */
export class MeetingTextsRendered1796541000000 implements MigrationInterface {
    name = 'MeetingTextsRendered1796541000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            UPDATE "meetings" m SET "reasons" = (
                   SELECT coalesce(jsonb_agg(CASE WHEN jsonb_typeof(x.e) = 'object' THEN x.e - 'sentence' - 'openingQuestion' ELSE x.e END ORDER BY x.n), '[]'::jsonb)
                     FROM jsonb_array_elements(m."reasons") WITH ORDINALITY AS x(e, n))
             WHERE jsonb_typeof(m."reasons") = 'array'`);
        await queryRunner.query(`ALTER TABLE "meetings" DROP COLUMN "sentence"`);
        await queryRunner.query(`ALTER TABLE "meetings" DROP COLUMN "opening_question"`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        // The texts are not stored again: the columns come back empty (the previous code reads them as they are).
        await queryRunner.query(`ALTER TABLE "meetings" ADD "opening_question" text NOT NULL DEFAULT ''`);
        await queryRunner.query(`ALTER TABLE "meetings" ADD "sentence" text NOT NULL DEFAULT ''`);
        await queryRunner.query(`ALTER TABLE "meetings" ALTER COLUMN "opening_question" DROP DEFAULT`);
        await queryRunner.query(`ALTER TABLE "meetings" ALTER COLUMN "sentence" DROP DEFAULT`);
    }

}
