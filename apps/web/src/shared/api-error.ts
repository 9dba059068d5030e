import type { CombinedError } from '@urql/core';
import { ERROR_REASONS, type ErrorReason } from '../gql/error-reasons';
import { errors } from './i18n/en.json';

export interface FieldProblem {
  field: string;
  message: string;
}

/** What the app tells a person about a failed operation: a catalogue key, and which fields to mark. */
export interface ApiProblem {
  /** A key of the i18n catalogue (`errors.reason.X`, `errors.code.X`, `errors.network` or an override). */
  messageKey: string;
  code?: string;
  /** One value of the schema's `…ErrorReason` enums; a reason this build does not know (a newer API) is left out. */
  reason?: ErrorReason;
  fields: FieldProblem[];
}

const knownReasons: ReadonlySet<string> = new Set(ERROR_REASONS);

/** `extensions.reason` of an API error, when it is one the schema publishes. */
export function reasonOf(extensions: Record<string, unknown> | undefined): ErrorReason | undefined {
  const reason = extensions?.reason;
  return typeof reason === 'string' && knownReasons.has(reason) ? (reason as ErrorReason) : undefined;
}

const reasons: Record<string, string> = errors.reason;
const codes: Record<string, string> = errors.code;

/**
 * The one table from API errors to words: the finer `reason` when the catalogue has it, else the
 * stable `code`; anything unknown reads as an internal error. `overrides` lets a screen say it
 * better in its own context (a refused sign-in is UNAUTHENTICATED too).
 */
export function describeApiError(error: CombinedError, overrides: Partial<Record<string, string>> = {}): ApiProblem {
  const first = error.graphQLErrors[0];
  if (!first) return { messageKey: 'errors.network', fields: [] };
  const code = typeof first.extensions?.code === 'string' ? first.extensions.code : 'INTERNAL_SERVER_ERROR';
  const reason = reasonOf(first.extensions);
  const fields = Array.isArray(first.extensions?.fields) ? (first.extensions.fields as FieldProblem[]) : [];
  // A finer reason the catalogue knows beats a screen's words for the whole code (a used access code is UNAUTHENTICATED too).
  const finer = reason && reason !== code && reason in reasons ? `errors.reason.${reason}` : undefined;
  const messageKey =
    (reason && overrides[reason]) ??
    finer ??
    overrides[code] ??
    (reason && reason in reasons ? `errors.reason.${reason}` : code in codes ? `errors.code.${code}` : 'errors.code.INTERNAL_SERVER_ERROR');
  return { messageKey, code, reason, fields };
}
