import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ipaddr from 'ipaddr.js';
import { z } from 'zod';
import { buildFolderOf } from '../common/build-pin';

/**
 * Every setting Pairwise reads from the environment, validated once at start.
 * A wrong value stops the start with one line naming the variable.
 */
const environmentSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    HOST: z.string().min(1).default('0.0.0.0'),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    PAIRWISE_WORKERS: z
      .string()
      .refine((value) => value === 'auto' || (/^\d+$/.test(value) && Number(value) >= 1 && Number(value) <= 64), 'must be a whole number from 1 to 64, or auto')
      .default('1'),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL')
      .optional(),
    PAIRWISE_DATA_DIR: z.string().min(1).default('.pairwise'),
    PAIRWISE_PG_PORT: z.coerce.number().int().min(0).max(65535).default(0),
    PAIRWISE_ADMIN_EMAIL: z.email().optional(),
    PAIRWISE_ADMIN_PASSWORD: z.string().min(10, 'must be at least 10 characters').optional(),
    PAIRWISE_JWT_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
    PAIRWISE_SESSION_GRACE_HOURS: z.coerce.number().int().min(1).max(24 * 14).default(24),
    PAIRWISE_STAFF_SESSION_HOURS: z.coerce.number().int().min(1).max(24 * 7).default(12),
    PAIRWISE_ACCESS_CODE_TTL_HOURS: z.coerce.number().int().min(1).max(24 * 90).default(14 * 24),
    PAIRWISE_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(600),
    PAIRWISE_LOGIN_ATTEMPTS_PER_MINUTE: z.coerce.number().int().min(1).default(10),
    PAIRWISE_SIGN_IN_FAILURES_PER_NETWORK: z.coerce.number().int().min(1).default(100),
    // Rate-limit counters in Redis rather than PostgreSQL (both are shared by every API process).
    PAIRWISE_REDIS_URL: z
      .string()
      .refine((value) => isUrlWithHost(value, ['redis:', 'rediss:']), 'must be a redis:// or rediss:// URL with a host, e.g. redis://127.0.0.1:6379')
      .optional(),
    PAIRWISE_TRUST_PROXY: z
      .string()
      .refine(isTrustProxy, 'must be a number of proxy hops (1, 2 …), or a comma-separated list of addresses, CIDR ranges or loopback, linklocal, uniquelocal')
      .optional(),
    // Few connections per process: PostgreSQL does best with about two busy backends per core, and requests that
    // wait for a connection in the pool cost less than extra backends (bench/rounds: p99 62–98 ms with 4, 120–831 ms with 10).
    PAIRWISE_DB_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(4),
    PAIRWISE_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(100).default(15_000),
    PAIRWISE_MAX_QUERY_COST: z.coerce.number().int().min(10).default(10_000),
    PAIRWISE_WEB_DIR: z.string().min(1).optional(),
    // A generating process renews its lease three times a lease; one that stops is noticed within about 1.5 leases.
    PAIRWISE_GENERATION_LEASE_SECONDS: z.coerce.number().int().min(1).max(600).default(30),
    // Mail: with no SMTP URL, messages stay in the outbox (readable by staff) and nothing leaves the machine.
    PAIRWISE_SMTP_URL: z
      .string()
      .refine((value) => isUrlWithHost(value, ['smtp:', 'smtps:']), 'must be an smtp:// or smtps:// URL with a host, e.g. smtp://user:password@mail.example.com:587')
      .optional(),
    PAIRWISE_MAIL_FROM: z
      .string()
      .max(300, 'must be at most 300 characters')
      .refine(isFromAddress, 'must be an email address, alone or as Name <address>, e.g. Pairwise <no-reply@example.com>')
      .default('Pairwise <no-reply@pairwise.invalid>'),
    PAIRWISE_PUBLIC_URL: z
      .string()
      .refine((value) => isUrlWithHost(value, ['http:', 'https:']) && !/[?#]/.test(value), 'must be an http(s):// URL with a host and no query or fragment, e.g. https://meet.example.com')
      .optional(),
    PAIRWISE_MAIL_RATE: positiveNumber('must be a number of messages per second, more than 0 and at most 10000', 10_000).default(10),
    PAIRWISE_MAIL_CONNECTIONS: z.coerce.number().int().min(1).max(20).default(2),
    // More than 0: a reminder due when its meeting starts would never go out (a started meeting is not reminded of).
    PAIRWISE_REMINDER_MINUTES: positiveNumber('must be a number of minutes before each meeting, more than 0 and at most 1440 (a day)', 24 * 60).default(5),
    PAIRWISE_SIGN_IN_LINKS_PER_EMAIL: z.coerce.number().int().min(1).default(3),
    PAIRWISE_SIGN_IN_LINKS_PER_CLIENT: z.coerce.number().int().min(1).default(300),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  })
  .superRefine((env, ctx) => {
    if (Boolean(env.PAIRWISE_ADMIN_EMAIL) !== Boolean(env.PAIRWISE_ADMIN_PASSWORD)) {
      const missing = env.PAIRWISE_ADMIN_EMAIL ? 'PAIRWISE_ADMIN_PASSWORD' : 'PAIRWISE_ADMIN_EMAIL';
      ctx.addIssue({ code: 'custom', path: [missing], message: 'must be set together with the other admin variable' });
    }
    if (env.NODE_ENV === 'production' && !env.PAIRWISE_JWT_SECRET) {
      ctx.addIssue({ code: 'custom', path: ['PAIRWISE_JWT_SECRET'], message: 'is required in production' });
    }
  });

/** A number from the environment in (0, max], with one message for every way it can be wrong. */
function positiveNumber(message: string, max: number) {
  return z.coerce.number({ error: message }).positive({ error: message }).max(max, { error: message });
}

function isUrlWithHost(value: string, protocols: string[]): boolean {
  if (/\s/.test(value)) return false;
  try {
    const url = new URL(value);
    return protocols.includes(url.protocol) && url.hostname.length > 0;
  } catch {
    return false;
  }
}

/** `address@domain` or `Display Name <address@domain>`, on one line (it becomes the From header). */
function isFromAddress(value: string): boolean {
  // eslint-disable-next-line no-control-regex -- a line break or other control character would forge headers
  if (/[\u0000-\u001f\u007f]/.test(value)) return false;
  const address = /^\s*(?:[^<>@]*<\s*([^\s<>]+)\s*>|([^\s<>]+))\s*$/.exec(value);
  const email = address?.[1] ?? address?.[2];
  return Boolean(email && /^[^\s@"]+@[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?$/.test(email));
}

export interface AppConfig {
  env: 'development' | 'production' | 'test';
  http: {
    host: string;
    port: number;
    /** Which proxies' `X-Forwarded-For` tells the client address (Fastify's trustProxy); none by default. */
    trustProxy?: number | string;
  };
  /** API processes serving HTTP (a Node cluster when more than 1); `auto` is one per CPU. */
  workers: number;
  /** Whether this process runs the scheduled jobs (retention): one process of a cluster does. */
  scheduledJobs: boolean;
  /** Undefined until the database is resolved: then the URL the app connects to. */
  databaseUrl?: string;
  /** Where rate-limit counters live when set (Redis); otherwise in PostgreSQL. Shared by every API process either way. */
  redisUrl?: string;
  dataDir: string;
  /** False when PAIRWISE_DATA_DIR was not set (so the default folder may be relocated, see EmbeddedPostgres). */
  dataDirExplicit: boolean;
  embeddedPostgres: { dataDir: string; port: number };
  /** Where the GraphQL schema is written (development in a checkout); otherwise kept in memory. */
  schemaFile?: string;
  admin?: { email: string; password: string };
  auth: {
    jwtSecret?: string;
    /** An attendee's session lasts until their event ends plus this (see auth/session-lifetime.ts). */
    sessionGraceHours: number;
    /** A staff session ends after this long without a refresh (and 7 days after sign-in at most). */
    staffSessionHours: number;
    accessCodeTtlHours: number;
  };
  log: { level: string };
  /** The built web app served at / (`npm run build` writes it to dist/web, beside the API it talks to). */
  web: { root: string };
  /**
   * Round generation: the process that runs one holds a lease on the round, renewed while it lives;
   * a round whose lease lapsed (its process died) is failed back to its draft by any live process.
   */
  generation: { leaseSeconds: number };
  mail: {
    /** Undefined: no transport, messages are kept in the outbox. */
    smtpUrl?: string;
    from: string;
    /** The base of links in messages, without a trailing slash. */
    publicUrl: string;
    /** Messages per second, for all API processes together. */
    ratePerSecond: number;
    /** SMTP connections per API process, each sending one message at a time. */
    connections: number;
    /** How long before a meeting or office-hour slot its reminder goes out. */
    reminderMinutes: number;
    /** Sign-in links asked for per email address, and per client address, in 15 minutes. */
    signInLinksPerEmail: number;
    signInLinksPerClient: number;
  };
  limits: {
    /** GraphQL operations per minute per signed-in user (per address when anonymous), counted across all API processes. */
    requestsPerMinute: number;
    /** Sign-in attempts per minute per email and address. */
    loginAttemptsPerMinute: number;
    /** Failed sign-ins per client network across all accounts, refilled over 15 minutes (see SignInThrottle). */
    signInFailuresPerNetwork: number;
    statementTimeoutMs: number;
    /** Database connections per API process: each is a PostgreSQL backend, so more is not faster on few cores. */
    databasePoolSize: number;
    maxQueryCost: number;
  };
}

export class ConfigError extends Error {}

/** Parses the environment; throws a ConfigError whose message is one line naming the variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const parsed = environmentSchema.safeParse(stripEmpty(env));
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const variable = issue.path.join('.') || 'environment';
    throw new ConfigError(`Invalid configuration: ${variable} ${issue.message.replace(/^Invalid input: /, '')}`);
  }
  const e = parsed.data;
  const dataDir = path.resolve(e.PAIRWISE_DATA_DIR);
  const schemaFile = path.resolve('apps/api/schema.gql');
  return {
    env: e.NODE_ENV,
    http: { host: e.HOST, port: e.PORT, trustProxy: e.PAIRWISE_TRUST_PROXY === undefined ? undefined : trustProxyValue(e.PAIRWISE_TRUST_PROXY) },
    workers: e.PAIRWISE_WORKERS === 'auto' ? os.availableParallelism() : Number(e.PAIRWISE_WORKERS),
    scheduledJobs: true,
    databaseUrl: e.DATABASE_URL,
    redisUrl: e.PAIRWISE_REDIS_URL,
    dataDir,
    dataDirExplicit: Boolean(env.PAIRWISE_DATA_DIR),
    schemaFile: e.NODE_ENV === 'development' && fs.existsSync(path.dirname(schemaFile)) ? schemaFile : undefined,
    embeddedPostgres: { dataDir: path.join(dataDir, 'pg'), port: e.PAIRWISE_PG_PORT },
    admin: e.PAIRWISE_ADMIN_EMAIL ? { email: e.PAIRWISE_ADMIN_EMAIL, password: e.PAIRWISE_ADMIN_PASSWORD! } : undefined,
    auth: {
      jwtSecret: e.PAIRWISE_JWT_SECRET,
      sessionGraceHours: e.PAIRWISE_SESSION_GRACE_HOURS,
      staffSessionHours: e.PAIRWISE_STAFF_SESSION_HOURS,
      accessCodeTtlHours: e.PAIRWISE_ACCESS_CODE_TTL_HOURS,
    },
    log: { level: e.LOG_LEVEL },
    web: { root: e.PAIRWISE_WEB_DIR ? path.resolve(e.PAIRWISE_WEB_DIR) : defaultWebRoot() },
    generation: { leaseSeconds: e.PAIRWISE_GENERATION_LEASE_SECONDS },
    mail: {
      smtpUrl: e.PAIRWISE_SMTP_URL,
      from: e.PAIRWISE_MAIL_FROM,
      publicUrl: (e.PAIRWISE_PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, ''),
      ratePerSecond: e.PAIRWISE_MAIL_RATE,
      connections: e.PAIRWISE_MAIL_CONNECTIONS,
      reminderMinutes: e.PAIRWISE_REMINDER_MINUTES,
      signInLinksPerEmail: e.PAIRWISE_SIGN_IN_LINKS_PER_EMAIL,
      signInLinksPerClient: e.PAIRWISE_SIGN_IN_LINKS_PER_CLIENT,
    },
    limits: {
      requestsPerMinute: e.PAIRWISE_RATE_LIMIT_PER_MINUTE,
      loginAttemptsPerMinute: e.PAIRWISE_LOGIN_ATTEMPTS_PER_MINUTE,
      signInFailuresPerNetwork: e.PAIRWISE_SIGN_IN_FAILURES_PER_NETWORK,
      statementTimeoutMs: e.PAIRWISE_STATEMENT_TIMEOUT_MS,
      databasePoolSize: e.PAIRWISE_DB_POOL_SIZE,
      maxQueryCost: e.PAIRWISE_MAX_QUERY_COST,
    },
  };
}

/**
 * The web app of the build this code belongs to, so a server serves the app made with it, not one a
 * later build put in dist/; running from the sources (jest), the current build's.
 */
function defaultWebRoot(): string {
  const build = buildFolderOf(__filename);
  if (build) return path.join(build, 'web');
  const current = path.join(projectRoot(), 'dist', 'web');
  return fs.existsSync(current) ? fs.realpathSync(current) : current;
}

/** The checkout (or installed package) this code runs from, found from the code's own place, not the working directory. */
function projectRoot(): string {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) return process.cwd();
  }
}

/** A hop count, or addresses / CIDR ranges / proxy-addr's named ranges, comma-separated. */
function isTrustProxy(value: string): boolean {
  if (/^\d+$/.test(value)) return Number(value) >= 1;
  return value.split(',').every((part) => {
    const entry = part.trim();
    if (['loopback', 'linklocal', 'uniquelocal'].includes(entry)) return true;
    const [address, bits, extra] = entry.split('/');
    if (extra !== undefined || !address || !ipaddr.isValid(address)) return false;
    return bits === undefined || (/^\d+$/.test(bits) && Number(bits) <= (ipaddr.parse(address).kind() === 'ipv4' ? 32 : 128));
  });
}

function trustProxyValue(value: string): number | string {
  return /^\d+$/.test(value) ? Number(value) : value;
}

/** `FOO=` in a shell means "unset" to people; treat it so. */
function stripEmpty(env: NodeJS.ProcessEnv): Record<string, string> {
  return Object.fromEntries(Object.entries(env).filter((entry): entry is [string, string] => Boolean(entry[1])));
}
