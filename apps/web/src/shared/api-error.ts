import type { CombinedError } from '@urql/core';
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
  reason?: string;
  fields: FieldProblem[];
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
  const reason = typeof first.extensions?.reason === 'string' ? first.extensions.reason : undefined;
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
