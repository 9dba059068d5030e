import ipaddr from 'ipaddr.js';

/**
 * What may reach a log line. Logs are kept, copied and read by people who may not see personal
 * data, and erasure cannot reach them: so a log line carries no secret and nothing that names a
 * person — no query-string token, no SQL parameter, no email, no full client address.
 */

export const REDACTED = '[redacted]';

/** Query parameters whose value is a credential: the calendar feed's `token`, sign-in links, any `…token`, `…secret`, `code`, `key`… */
const SECRET_PARAMETER = /token|secret|password|passw|pwd|code|key|signature|sig$|auth|credential|session/i;

/** A URL as it may be logged: the value of every secret-looking query parameter replaced (names and order kept). */
export function redactUrl(url: string): string {
  const query = url.indexOf('?');
  if (query < 0) return url;
  const fragment = url.indexOf('#', query);
  const end = fragment < 0 ? url.length : fragment;
  const parameters = url
    .slice(query + 1, end)
    .split('&')
    .map((pair) => {
      const equals = pair.indexOf('=');
      const name = equals < 0 ? pair : pair.slice(0, equals);
      let decoded = name;
      try {
        decoded = decodeURIComponent(name.replace(/\+/g, ' '));
      } catch {
        // A malformed name is judged as written.
      }
      return equals >= 0 && SECRET_PARAMETER.test(decoded) ? `${name}=${REDACTED}` : pair;
    });
  return `${url.slice(0, query)}?${parameters.join('&')}`;
}

/**
 * A client address without the part that points at one subscriber: an IPv4 address's last byte
 * zeroed (`203.0.113.0`), an IPv6 address cut to its /48. Enough to see a network misbehave.
 */
export function anonymiseAddress(address: string | undefined): string | undefined {
  if (!address || !ipaddr.isValid(address)) return undefined;
  const parsed = ipaddr.process(address);
  if (parsed.kind() === 'ipv4') return `${parsed.toString().split('.').slice(0, 3).join('.')}.0`;
  return `${(parsed as ipaddr.IPv6).toNormalizedString().split(':').slice(0, 3).join(':')}::/48`;
}

/** Plain facts about an error that name nobody: PostgreSQL's SQLSTATE, table, constraint… (never `detail`, `where`, `query`, `parameters`). */
const SAFE_FIELDS = ['code', 'severity', 'routine', 'schema', 'table', 'column', 'dataType', 'constraint', 'errno', 'syscall', 'category', 'reason'] as const;

const EMAIL = /[^\s"'<>()[\]{},;:]+@[^\s"'<>()[\]{},;:]+\.[a-z]{2,}/gi;
/** A value PostgreSQL quotes at the end of its message: `invalid input syntax for type uuid: "…"`, `…out of range: "…"`. */
const QUOTED_VALUE = /: "(?:[^"\\]|\\.|"")*"$/gm;
/** TypeORM's EntityNotFoundError prints its search criteria: `… matching: { "email": "…" }`. */
const MATCHING = /matching: [\s\S]*$/;

export interface LoggedError {
  type: string;
  message: string;
  stack?: string;
  cause?: LoggedError;
  errors?: LoggedError[];
  [field: string]: unknown;
}

/**
 * pino's serializer for `err`: the error's type, message and stack, and the fields in SAFE_FIELDS,
 * with any value the failed statement was given (TypeORM's `parameters`), any email and any value
 * PostgreSQL quotes in its message replaced by `[redacted]`; its cause and aggregated errors alike.
 */
export function serializeError(error: unknown, depth = 0): LoggedError {
  if (!(error instanceof Error)) return { type: typeof error, message: scrub(String(error), []) };
  const values = parameterValues(error);
  const message = scrub(error.message, values);
  const logged: LoggedError = { type: error.constructor?.name ?? 'Error', message };
  // The stack's first line repeats the message: it is written again from the scrubbed one; the frames name only code.
  if (error.stack) {
    const frames = error.stack.indexOf('\n    at ');
    logged.stack = `${error.name}: ${message}${frames < 0 ? '' : error.stack.slice(frames)}`;
  }
  const fields = error as unknown as Record<string, unknown>;
  for (const field of SAFE_FIELDS) {
    const value = fields[field];
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') logged[field] = value;
  }
  if (depth < 5) {
    if (error.cause !== undefined) logged.cause = serializeError(error.cause, depth + 1);
    if (error instanceof AggregateError) logged.errors = error.errors.map((inner) => serializeError(inner, depth + 1));
  }
  return logged;
}

/** The values a failed statement was given (TypeORM's QueryFailedError and its driver error carry them). */
function parameterValues(error: Error): string[] {
  const lists = [(error as { parameters?: unknown }).parameters, (error as { driverError?: { parameters?: unknown } }).driverError?.parameters];
  const values = new Set<string>();
  const add = (value: unknown) => {
    if (Array.isArray(value)) value.forEach(add);
    else if (value instanceof Date) values.add(value.toISOString());
    else if (value !== null && typeof value === 'object') values.add(JSON.stringify(value));
    else if (value !== null && value !== undefined && String(value).length >= 2) values.add(String(value));
  };
  for (const list of lists) add(list);
  // Longest first, so a value inside another is not left half-replaced.
  return [...values].sort((a, b) => b.length - a.length);
}

/** A message with the statement's values (as whole words), quoted values, search criteria and emails replaced. */
function scrub(text: string, values: readonly string[]): string {
  let scrubbed = text;
  for (const value of values) {
    if (value.length < 3) continue; // `en`, `42`: replacing them would garble the message and hide nothing
    scrubbed = scrubbed.replace(new RegExp(`(?<![\\w@.+-])${escapeRegExp(value)}(?![\\w@.-])`, 'g'), REDACTED);
  }
  return scrubbed.replace(MATCHING, `matching: ${REDACTED}`).replace(QUOTED_VALUE, `: ${REDACTED}`).replace(EMAIL, REDACTED);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
