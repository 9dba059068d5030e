import { Client } from 'pg';
import type { EmbeddedPostgres } from '../../apps/api/src/database/embedded-postgres';
import { TEST_ENV } from '../../libs/testing/src/test-env';

/** Drops every database this run created (test files that crashed included), then stops an embedded server. */
export default async function globalTeardown(): Promise<void> {
  const serverUrl = process.env[TEST_ENV.serverUrl];
  const runId = process.env[TEST_ENV.runId];
  if (serverUrl && runId) {
    const admin = new Client({ connectionString: serverUrl });
    await admin.connect();
    try {
      const { rows } = await admin.query<{ datname: string }>(
        `SELECT datname FROM pg_database WHERE datname LIKE $1 OR datname LIKE $2`,
        [`pairwise_t_${runId}_%`, `pairwise_tpl_${runId}`],
      );
      // Test databases first: the template cannot be dropped while it is being cloned.
      rows.sort((a, b) => Number(a.datname.startsWith('pairwise_tpl_')) - Number(b.datname.startsWith('pairwise_tpl_')));
      for (const { datname } of rows) await admin.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
    } finally {
      await admin.end();
    }
  }
  await (globalThis as { __pairwiseEmbedded?: EmbeddedPostgres }).__pairwiseEmbedded?.stop();
}
