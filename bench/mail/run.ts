import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { loadConfig } from '../../apps/api/src/config/app-config';
import { createApp } from '../../apps/api/src/create-app';
import { createBenchDatabase } from '../support/bench-database';
import { graphqlClient } from '../support/graphql-client';

/**
 * How long `sendInvitations` takes to queue 10,000 invitations (target: under 5 s), measured as a client
 * sees it: the real API over HTTP on a migrated database, 10,000 attendees in one event. Runs: the first
 * invitation of everyone, the same call again (idempotent: nothing to queue), then `resend: true` twice.
 * No SMTP server: the API's sender keeps the messages in the outbox meanwhile, as it would in production.
 */
const ATTENDEES = Number(process.env.BENCH_ATTENDEES ?? 10_000);
const ADMIN = { email: 'bench@pairwise.test', password: 'bench-password-123' };

async function main(): Promise<void> {
  const database = await createBenchDatabase('mail');
  const config = {
    ...loadConfig({
      NODE_ENV: 'test',
      LOG_LEVEL: 'warn',
      PAIRWISE_ADMIN_EMAIL: ADMIN.email,
      PAIRWISE_ADMIN_PASSWORD: ADMIN.password,
      PAIRWISE_JWT_SECRET: randomBytes(32).toString('hex'),
      PAIRWISE_RATE_LIMIT_PER_MINUTE: '1000000',
    }),
    databaseUrl: database.url,
  };
  const app = await createApp(config);
  await app.listen(0, '127.0.0.1');
  const port = (app.getHttpServer().address() as { port: number }).port;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- GraphQL answers, read by field name below
  const gql: (query: string, variables?: Record<string, unknown>, token?: string) => Promise<Record<string, any>> = graphqlClient(`http://127.0.0.1:${port}/graphql`);
  try {
    const token = (await gql(`mutation ($e: String!, $p: String!) { login(input: {email: $e, password: $p}) { token } }`, { e: ADMIN.email, p: ADMIN.password })).login.token;
    const eventId = (await gql(`mutation { createEvent(input: {slug: "bench-mail", name: "Bench Summit"}) { id } }`, {}, token)).createEvent.id;
    const sql = new Client({ connectionString: database.url });
    await sql.connect();
    await sql.query(
      `INSERT INTO attendees (event_id, email, name, consent_matchmaking, languages) SELECT $1, 'guest-' || n || '@bench.test', 'Guest ' || n, true, '{en}' FROM generate_series(1, $2::int) n`,
      [eventId, ATTENDEES],
    );
    await sql.query('ANALYZE');
    const lines: string[] = [];
    for (const [label, resend] of [['first run', false], ['same call again', false], ['resend: true', true], ['resend: true', true]] as const) {
      const started = process.hrtime.bigint();
      const run = (await gql(`mutation ($e: ID!, $r: Boolean) { sendInvitations(input: {eventId: $e, resend: $r}) { matched queued } }`, { e: eventId, r: resend }, token)).sendInvitations;
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      lines.push(`${label.padEnd(16)} matched ${run.matched}, queued ${String(run.queued).padStart(5)} in ${ms.toFixed(0)} ms`);
    }
    const { rows } = await sql.query(`SELECT count(*)::int AS n FROM mail_outbox WHERE event_id = $1`, [eventId]);
    await sql.end();
    process.stdout.write(`sendInvitations, ${ATTENDEES} attendees, ${database.server}\n${lines.join('\n')}\noutbox rows: ${rows[0].n}\n`);
  } finally {
    await app.close();
    await database.close();
  }
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.stack : error}\n`);
  process.exit(1);
});
