import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { DomainError, INTERNAL_ERROR_MESSAGE, type ErrorCategory, type FieldError } from '../common/domain-error';

/** Codes of errors the client caused before any resolver ran (parse, validation, variables): safe to show as they are. */
const CLIENT_REQUEST_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'TOO_MANY_REQUESTS',
  'QUERY_TOO_COSTLY',
]);

/** The one mapping from our error categories to GraphQL codes; the compiler checks it covers them all. */
const GRAPHQL_CODE = {
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  CONFLICT: 'CONFLICT',
  TOO_MANY_REQUESTS: 'TOO_MANY_REQUESTS',
} as const satisfies Record<ErrorCategory, string>;

/**
 * graphql-js reports a variable that does not fit its type (a wrong enum
 * value, a missing required field) only in words:
 * `Variable "$input" got invalid value "X" at "input.oddPolicy"; Value "X" does not exist…`.
 * Clients get the same `fields` as for class-validator errors, with paths
 * relative to the variable (`oddPolicy`, `vocabulary.0.label`).
 */
function variableFields(message: string): FieldError[] | undefined {
  const match = /^Variable "\$(\w+)" got invalid value .*?(?: at "([\w.[\]]+)")?; (.*)$/s.exec(message);
  if (!match) return undefined;
  const [, variable, at, detail] = match as unknown as [string, string, string | undefined, string];
  const path = (at ?? variable).replace(/\[(\d+)\]/g, '.$1').split('.');
  const named = /^Field "(\w+)" (?:of required type .* was not provided|is not defined by type)/.exec(detail);
  if (named) path.push(named[1]!);
  return [{ field: (path.length > 1 ? path.slice(1) : path).join('.'), message: detail }];
}

function isRefusedScalarValue(error: unknown): boolean {
  const original = error instanceof GraphQLError ? error.originalError : undefined;
  return original instanceof GraphQLError && original.name === 'InvalidScalarValue';
}

/** Whether an error is one the client may see as it is (a domain error, a bad request); anything else is masked and logged. */
export function isClientFacing(error: unknown, code: unknown): boolean {
  return unwrapResolverError(error) instanceof DomainError || (typeof code === 'string' && CLIENT_REQUEST_CODES.has(code));
}

/**
 * Turns any error into what a client may see: domain errors keep their
 * message, code, reason and field details; anything unexpected becomes a
 * generic message (never SQL, constraint names or a stack). Logging the
 * unexpected ones is the caller's job, which knows the request.
 */
export function formatGraphqlError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  if (original instanceof DomainError) {
    return {
      message: original.message,
      locations: formatted.locations,
      path: formatted.path,
      extensions: {
        ...original.details,
        code: GRAPHQL_CODE[original.category],
        reason: original.reason,
        ...(original.fields ? { fields: original.fields } : {}),
      },
    };
  }
  // A value written inline that its scalar refuses (DateTime): Apollo files it as a validation failure; it is bad input.
  const code = isRefusedScalarValue(error) ? 'BAD_USER_INPUT' : formatted.extensions?.code;
  if (isClientFacing(error, code)) {
    const fields = code === 'BAD_USER_INPUT' ? variableFields(formatted.message) : undefined;
    return {
      message: formatted.message,
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: code as string, ...(fields ? { fields } : {}) },
    };
  }
  return { message: INTERNAL_ERROR_MESSAGE, path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
}
