import { SetMetadata } from '@nestjs/common';

/** One call of a repository method for its SQL snapshot: the arguments to call it with (dummy values). */
export interface GenerateSqlCase {
  /** Told apart in the snapshot when a method has several cases (`RoundsRepository.listForEvent (visible)`). */
  name?: string;
  params?: unknown[];
  /**
   * Called inside a transaction (rolled back), whose EntityManager is passed after `params`: for a
   * method that locks rows or otherwise only runs inside a use case's transaction.
   */
  transaction?: boolean;
}

export const GENERATE_SQL = 'pairwise:generate-sql';

/**
 * Marks a repository method whose SQL goes into its repository's checked-in snapshot
 * (`apps/api/src/queries/<name>.repository.sql`, written by `npm run sql:snapshots`, compared by
 * `test/sql-snapshots.e2e-spec.ts`), so a change of the SQL a method issues shows in review, as
 * immich does with its `server/src/queries/*.sql`. Without cases the method is called once with
 * no arguments. Dummy ids match nothing: a snapshot records statements, not results.
 */
export const GenerateSql = (...cases: GenerateSqlCase[]): MethodDecorator => SetMetadata(GENERATE_SQL, cases.length ? cases : [{}]);

/** Arguments for snapshot calls: valid for their types, matching no row. */
export const DummyValue = {
  UUID: '00000000-0000-4000-a000-000000000000',
  OTHER_UUID: '00000000-0000-4000-a000-000000000001',
  STRING: 'dummy',
  DATE: new Date('2026-01-01T09:00:00.000Z'),
  NUMBER: 1,
} as const;
