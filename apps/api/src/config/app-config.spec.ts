import os from 'node:os';
import { ConfigError, loadConfig } from './app-config';

describe('loadConfig', () => {
  it('gives working defaults for zero setup', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ env: 'development', http: { port: 3000 }, databaseUrl: undefined, admin: undefined });
    expect(config.embeddedPostgres.dataDir).toMatch(/\.pairwise[/\\]pg$/);
  });

  it.each([
    [{ PORT: 'eighty' }, /^Invalid configuration: PORT /],
    [{ PORT: '70000' }, /^Invalid configuration: PORT /],
    [{ DATABASE_URL: 'mysql://x' }, /^Invalid configuration: DATABASE_URL must be a postgres:\/\/ URL$/],
    [{ PAIRWISE_ADMIN_EMAIL: 'not-an-email', PAIRWISE_ADMIN_PASSWORD: 'long-enough-pw' }, /^Invalid configuration: PAIRWISE_ADMIN_EMAIL /],
    [{ PAIRWISE_ADMIN_EMAIL: 'a@b.io' }, /^Invalid configuration: PAIRWISE_ADMIN_PASSWORD must be set together/],
    [{ PAIRWISE_ADMIN_EMAIL: 'a@b.io', PAIRWISE_ADMIN_PASSWORD: 'short' }, /^Invalid configuration: PAIRWISE_ADMIN_PASSWORD must be at least 10/],
    [{ NODE_ENV: 'production' }, /^Invalid configuration: PAIRWISE_JWT_SECRET is required in production$/],
    [{ LOG_LEVEL: 'loud' }, /^Invalid configuration: LOG_LEVEL /],
    [{ PAIRWISE_DB_POOL_SIZE: '0' }, /^Invalid configuration: PAIRWISE_DB_POOL_SIZE /],
    [{ PAIRWISE_WORKERS: '0' }, /^Invalid configuration: PAIRWISE_WORKERS must be a whole number from 1 to 64, or auto$/],
    [{ PAIRWISE_GENERATION_LEASE_SECONDS: '0' }, /^Invalid configuration: PAIRWISE_GENERATION_LEASE_SECONDS /],
    [{ PAIRWISE_WORKERS: 'many' }, /^Invalid configuration: PAIRWISE_WORKERS must be a whole number from 1 to 64, or auto$/],
    [{ PAIRWISE_TRUST_PROXY: 'true' }, /^Invalid configuration: PAIRWISE_TRUST_PROXY must be a number of proxy hops/],
    [{ PAIRWISE_TRUST_PROXY: '0' }, /^Invalid configuration: PAIRWISE_TRUST_PROXY /],
    [{ PAIRWISE_TRUST_PROXY: '10.0.0.0/33' }, /^Invalid configuration: PAIRWISE_TRUST_PROXY /],
    [{ PAIRWISE_TRUST_PROXY: 'loopback,nginx.local' }, /^Invalid configuration: PAIRWISE_TRUST_PROXY /],
    [{ PAIRWISE_SIGN_IN_FAILURES_PER_NETWORK: '0' }, /^Invalid configuration: PAIRWISE_SIGN_IN_FAILURES_PER_NETWORK /],
    // Mail: each refusal says what a good value looks like.
    [{ PAIRWISE_SMTP_URL: 'mail.example.com:587' }, /^Invalid configuration: PAIRWISE_SMTP_URL must be an smtp:\/\/ or smtps:\/\/ URL with a host, e.g. smtp:\/\/user:password@mail.example.com:587$/],
    [{ PAIRWISE_SMTP_URL: 'http://mail.example.com' }, /^Invalid configuration: PAIRWISE_SMTP_URL must be an smtp:\/\/ or smtps:\/\/ URL/],
    [{ PAIRWISE_SMTP_URL: 'smtp://' }, /^Invalid configuration: PAIRWISE_SMTP_URL must be an smtp:\/\/ or smtps:\/\/ URL with a host/],
    [{ PAIRWISE_SMTP_URL: 'smtp://mail example.com' }, /^Invalid configuration: PAIRWISE_SMTP_URL /],
    [{ PAIRWISE_MAIL_FROM: 'no-reply' }, /^Invalid configuration: PAIRWISE_MAIL_FROM must be an email address, alone or as Name <address>, e.g. Pairwise <no-reply@example.com>$/],
    [{ PAIRWISE_MAIL_FROM: 'Pairwise <no-reply>' }, /^Invalid configuration: PAIRWISE_MAIL_FROM must be an email address/],
    [{ PAIRWISE_MAIL_FROM: 'Pairwise <a@example.com>\r\nBcc: victim@example.com' }, /^Invalid configuration: PAIRWISE_MAIL_FROM must be an email address/],
    [{ PAIRWISE_MAIL_FROM: `Pairwise <${'a'.repeat(300)}@example.com>` }, /^Invalid configuration: PAIRWISE_MAIL_FROM must be at most 300 characters$/],
    [{ PAIRWISE_PUBLIC_URL: 'meet.example.com' }, /^Invalid configuration: PAIRWISE_PUBLIC_URL must be an http\(s\):\/\/ URL with a host and no query or fragment, e.g. https:\/\/meet.example.com$/],
    [{ PAIRWISE_PUBLIC_URL: 'https://meet.example.com/?from=mail' }, /^Invalid configuration: PAIRWISE_PUBLIC_URL must be an http\(s\):\/\/ URL/],
    [{ PAIRWISE_PUBLIC_URL: 'https://meet.example.com/#top' }, /^Invalid configuration: PAIRWISE_PUBLIC_URL /],
    [{ PAIRWISE_PUBLIC_URL: 'ftp://meet.example.com' }, /^Invalid configuration: PAIRWISE_PUBLIC_URL /],
    [{ PAIRWISE_MAIL_RATE: 'fast' }, /^Invalid configuration: PAIRWISE_MAIL_RATE must be a number of messages per second, more than 0 and at most 10000$/],
    [{ PAIRWISE_MAIL_RATE: '0' }, /^Invalid configuration: PAIRWISE_MAIL_RATE must be a number of messages per second, more than 0 and at most 10000$/],
    [{ PAIRWISE_MAIL_RATE: '-5' }, /^Invalid configuration: PAIRWISE_MAIL_RATE must be a number/],
    [{ PAIRWISE_MAIL_RATE: '20000' }, /^Invalid configuration: PAIRWISE_MAIL_RATE must be a number/],
    [{ PAIRWISE_REMINDER_MINUTES: 'soon' }, /^Invalid configuration: PAIRWISE_REMINDER_MINUTES must be a number of minutes before each meeting, more than 0 and at most 1440 \(a day\)$/],
    [{ PAIRWISE_REMINDER_MINUTES: '0' }, /^Invalid configuration: PAIRWISE_REMINDER_MINUTES must be a number of minutes/],
    [{ PAIRWISE_REMINDER_MINUTES: '-1' }, /^Invalid configuration: PAIRWISE_REMINDER_MINUTES must be a number of minutes/],
    [{ PAIRWISE_REMINDER_MINUTES: '1441' }, /^Invalid configuration: PAIRWISE_REMINDER_MINUTES must be a number of minutes/],
  ])('refuses %j with one line naming the variable', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
    try {
      loadConfig(env);
    } catch (error) {
      expect((error as Error).message).not.toContain('\n');
    }
  });

  it('trusts no proxy unless told which: a hop count, or addresses and ranges', () => {
    expect(loadConfig({}).http.trustProxy).toBeUndefined();
    expect(loadConfig({ PAIRWISE_TRUST_PROXY: '1' }).http.trustProxy).toBe(1);
    expect(loadConfig({ PAIRWISE_TRUST_PROXY: 'loopback, 10.0.0.0/8,2001:db8::/32' }).http.trustProxy).toBe('loopback, 10.0.0.0/8,2001:db8::/32');
  });

  it('serves from one process unless told otherwise; auto is one worker per CPU', () => {
    expect(loadConfig({}).workers).toBe(1);
    expect(loadConfig({ PAIRWISE_WORKERS: '3' }).workers).toBe(3);
    expect(loadConfig({ PAIRWISE_WORKERS: 'auto' }).workers).toBe(os.availableParallelism());
  });

  it('gives a generation lease of 30 s unless told otherwise', () => {
    expect(loadConfig({}).generation.leaseSeconds).toBe(30);
    expect(loadConfig({ PAIRWISE_GENERATION_LEASE_SECONDS: '2' }).generation.leaseSeconds).toBe(2);
  });

  it('reads the mail settings, with zero-setup defaults', () => {
    expect(loadConfig({ PORT: '8080' }).mail).toMatchObject({
      smtpUrl: undefined,
      from: 'Pairwise <no-reply@pairwise.invalid>',
      publicUrl: 'http://localhost:8080',
      ratePerSecond: 10,
      reminderMinutes: 5,
    });
    expect(
      loadConfig({
        PAIRWISE_SMTP_URL: 'smtps://user:p%40ss@mail.example.com:465',
        PAIRWISE_MAIL_FROM: 'AI Summit <hello@summit.example>',
        PAIRWISE_PUBLIC_URL: 'https://meet.example.com/pairwise/',
        PAIRWISE_MAIL_RATE: '2.5',
        PAIRWISE_REMINDER_MINUTES: '0.5',
      }).mail,
    ).toMatchObject({
      smtpUrl: 'smtps://user:p%40ss@mail.example.com:465',
      from: 'AI Summit <hello@summit.example>',
      publicUrl: 'https://meet.example.com/pairwise',
      ratePerSecond: 2.5,
      reminderMinutes: 0.5,
    });
    expect(loadConfig({ PAIRWISE_MAIL_FROM: 'hello@localhost' }).mail.from).toBe('hello@localhost');
  });

  it('treats an empty variable as unset', () => {
    expect(loadConfig({ DATABASE_URL: '', PORT: '' }).http.port).toBe(3000);
  });
});
