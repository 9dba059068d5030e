import { DataSource } from 'typeorm';
import { createTestDatabase } from '@pairwise/testing';
import { dataSourceOptions } from '../apps/api/src/database/data-source';

/**
 * The entities describe the schema the migrations make: what TypeORM would change to make a migrated
 * database fit them (what `npm run migration:generate` would write) is nothing. An entity changed without
 * its migration, or a refactor of the entities that moved a type, a default, a key, an index or a
 * constraint's name, fails here.
 */
describe('the entities and the migrations', () => {
  it('describe the same schema', async () => {
    const database = await createTestDatabase();
    const dataSource = new DataSource(dataSourceOptions(database.url, { extra: { max: 2, application_name: 'pairwise-schema-drift' } }));
    await dataSource.initialize();
    try {
      const pending = await dataSource.driver.createSchemaBuilder().log();
      expect(pending.upQueries.map((query) => query.query)).toEqual([]);
    } finally {
      await dataSource.destroy();
      await database.drop();
    }
  });
});
