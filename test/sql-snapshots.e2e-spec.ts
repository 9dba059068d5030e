import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createTestDatabase, renderSqlSnapshots, snapshotFileName, SQL_SNAPSHOT_FOLDER } from '@pairwise/testing';
import { SNAPSHOTTED_REPOSITORIES } from '../apps/api/src/queries/snapshotted-repositories';

/**
 * The checked-in SQL of each repository (apps/api/src/queries/*.sql) is what the code issues now:
 * a query change shows in review as a change of its snapshot. `npm run sql:snapshots` rewrites them.
 */
const WRITE = process.env.PAIRWISE_WRITE_SQL_SNAPSHOTS === '1';
const folder = path.resolve(__dirname, '..', SQL_SNAPSHOT_FOLDER);

describe('SQL snapshots of the repositories', () => {
  let snapshots: Map<string, string>;

  beforeAll(async () => {
    const database = await createTestDatabase();
    snapshots = await renderSqlSnapshots(database.url, SNAPSHOTTED_REPOSITORIES);
    await database.drop();
    if (WRITE) for (const [file, text] of snapshots) writeFileSync(path.join(folder, file), text);
  });

  it('has a snapshot for every snapshotted repository, and none for a repository that is gone', () => {
    const checkedIn = readdirSync(folder).filter((file) => file.endsWith('.sql')).sort();
    expect(checkedIn).toEqual([...snapshots.keys()].sort());
  });

  it.each(SNAPSHOTTED_REPOSITORIES.map((repository) => [repository.name, repository] as const))(
    '%s issues the SQL of its checked-in snapshot (else: npm run sql:snapshots, and review the diff)',
    (name, repository) => {
      const file = snapshotFileName(repository);
      expect(snapshots.get(file)).toContain(`-- ${name}.`);
      // Received: what the code issues now; expected: the checked-in snapshot.
      expect(snapshots.get(file)).toBe(readFileSync(path.join(folder, file), 'utf8'));
    },
  );
});
