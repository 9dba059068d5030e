/** Environment variables through which global setup hands the test server to every test file. */
export const TEST_ENV = {
  serverUrl: 'PAIRWISE_TEST_SERVER_URL',
  template: 'PAIRWISE_TEST_TEMPLATE_DB',
  runId: 'PAIRWISE_TEST_RUN_ID',
} as const;

/** The same server URL pointing at another database. */
export function databaseUrl(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}
