import { GraphQLError, GraphQLScalarType, Kind, type ValueNode } from 'graphql';
import { DATE_TIME_FORMAT_MESSAGE, DateTimeFormatError, parseDateTime } from '../common/date-time';

/**
 * A value the client wrote that its type refuses. graphql-js reports it as it
 * is; the error formatter answers it as BAD_USER_INPUT (Apollo files an inline
 * literal under GRAPHQL_VALIDATION_FAILED, a variable under BAD_USER_INPUT).
 */
export class InvalidScalarValue extends GraphQLError {
  constructor(message: string, node?: ValueNode) {
    super(message, { nodes: node, extensions: { code: 'BAD_USER_INPUT' } });
    this.name = 'InvalidScalarValue';
  }
}

function parse(value: unknown, node?: ValueNode): Date {
  if (typeof value !== 'string') throw new InvalidScalarValue(DATE_TIME_FORMAT_MESSAGE, node);
  try {
    return parseDateTime(value);
  } catch (error) {
    if (error instanceof DateTimeFormatError) throw new InvalidScalarValue(`${JSON.stringify(value)}: ${error.message}`, node);
    throw error;
  }
}

/**
 * `DateTime`, strict: the type name clients already use, with one parsing rule
 * for every date argument (common/date-time.ts). Answers are UTC (`…Z`).
 */
export const DateTimeScalar = new GraphQLScalarType<Date, string>({
  name: 'DateTime',
  description:
    'An instant. Sent: an RFC 3339 date-time with its offset, e.g. 2026-12-06T14:20:00+01:00 or 2026-12-06T13:20:00Z ' +
    '(a date that exists, year 2000 to 2999; no offset is refused). Answered in UTC, e.g. 2026-12-06T13:20:00.000Z.',
  specifiedByURL: 'https://datatracker.ietf.org/doc/html/rfc3339#section-5.6',
  serialize(value) {
    // Our own values: Dates, or timestamps read back from JSON as text.
    const date = value instanceof Date ? value : typeof value === 'string' || typeof value === 'number' ? new Date(value) : undefined;
    if (date && !Number.isNaN(date.getTime())) return date.toISOString();
    throw new GraphQLError(`DateTime cannot represent ${String(value)}`);
  },
  parseValue: (value) => parse(value),
  parseLiteral(node) {
    if (node.kind !== Kind.STRING) throw new InvalidScalarValue(DATE_TIME_FORMAT_MESSAGE, node);
    return parse(node.value, node);
  },
});
