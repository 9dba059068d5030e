import { registerEnumType } from '@nestjs/graphql';

/**
 * Every failure a client can cause or should know about. The category is the
 * stable `extensions.code` clients switch on; `reason` (`extensions.reason`) is a
 * finer code, one value of a feature's `…ErrorReason` enum published in the
 * schema; `fields` carries per-field validation messages.
 */
export const ERROR_CATEGORIES = [
  'BAD_USER_INPUT',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'TOO_MANY_REQUESTS',
] as const;
export type ErrorCategory = (typeof ERROR_CATEGORIES)[number];

export interface FieldError {
  field: string;
  message: string;
}

/** What a client sees of an unexpected failure (the full error is logged with the request's id). */
export const INTERNAL_ERROR_MESSAGE = 'Internal server error; it has been logged';

/** Built by a feature's factory (`defineErrorReasons`), so its reason is always a published enum value and its category the one that reason maps to. */
export class DomainError<Reason extends string = string> extends Error {
  constructor(
    readonly category: ErrorCategory,
    readonly reason: Reason,
    message: string,
    readonly fields?: FieldError[],
    /** Facts a client needs to say what went wrong in its own words (e.g. the rules a change breaks); never overrides code, reason or fields. */
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

/** What a reason means: the category it is reported under (`extensions.code`) and the words the schema documents it with. */
export interface ReasonSpec {
  category: ErrorCategory;
  description: string;
}

/** One feature's reasons as published: the schema name of its enum, the enum, and each reason's category and documentation. */
export interface ErrorReasonEnum {
  name: string;
  values: Readonly<Record<string, string>>;
  specs: Readonly<Record<string, ReasonSpec>>;
}

export interface ErrorExtras {
  fields?: FieldError[];
  details?: Record<string, unknown>;
}

/** A feature's reasons by name, each name its own value (`AuthErrorReason.SESSION_ENDED === 'SESSION_ENDED'`), as a string enum would hold them. */
export type ReasonValues<Reason extends string> = { readonly [R in Reason]: R };

export type ErrorFactory<Reason extends string> = ((reason: Reason, message: string, extras?: ErrorExtras) => DomainError<Reason>) & {
  readonly reasons: ErrorReasonEnum;
  /** The reasons by name: a feature exports it as its `…ErrorReason` const, with `ReasonOf` as the type of the same name. */
  readonly reason: ReasonValues<Reason>;
};

/** The union of a factory's reasons: `export type AuthErrorReason = ReasonOf<typeof authError>`. */
export type ReasonOf<Factory> = Factory extends ErrorFactory<infer Reason> ? Reason : never;

const defined: ErrorReasonEnum[] = [];

/** Every reason enum defined so far (each feature's `*.errors.ts` defines one when it is loaded); the schema must publish them all. */
export function definedErrorReasons(): readonly ErrorReasonEnum[] {
  return defined;
}

/**
 * A feature's reasons, written once: the table's keys are the reasons (their names and values, in the
 * schema's order), and each says its category and documentation, so the compiler refuses a reason
 * without them (the exhaustive mapping twenty writes as a switch). Registers the enum in the GraphQL
 * schema with each value documented (its category first), and returns the feature's one way to build
 * its errors, which carries the reasons by name (`.reason`).
 */
export function defineErrorReasons<Reason extends string>(
  name: string,
  description: string,
  specs: Readonly<Record<Reason, ReasonSpec>>,
): ErrorFactory<Reason> {
  const names = Object.keys(specs) as Reason[];
  const values = Object.fromEntries(names.map((reason) => [reason, reason])) as ReasonValues<Reason>;
  registerEnumType(values, {
    name,
    description: `${description} Sent as \`extensions.reason\`, beside the stable \`extensions.code\` (each value's category is named first).`,
    valuesMap: Object.fromEntries(names.map((reason) => [reason, { description: `${specs[reason].category}: ${specs[reason].description}` }])) as Partial<
      Record<string, { description: string }>
    >,
  });
  const reasons: ErrorReasonEnum = { name, values, specs };
  defined.push(reasons);
  const build = (reason: Reason, message: string, extras?: ErrorExtras) =>
    new DomainError(specs[reason].category, reason, message, extras?.fields, extras?.details);
  return Object.assign(build, { reasons, reason: values });
}

/** Reasons any feature may give: the generic ones (their value is the category's name) and the shared rules of lists and input. */
export const commonError = defineErrorReasons('CommonErrorReason', 'Why a request was refused, for reasons any feature may give.', {
  NOT_FOUND: { category: 'NOT_FOUND', description: 'The thing does not exist, or the caller may not know that it does.' },
  FORBIDDEN: { category: 'FORBIDDEN', description: 'The caller is signed in but may not do this.' },
  UNAUTHENTICATED: { category: 'UNAUTHENTICATED', description: 'No valid token, a wrong secret, or the person behind the token is gone: sign in (again).' },
  VALIDATION_FAILED: { category: 'BAD_USER_INPUT', description: 'The input breaks its rules; `extensions.fields` lists each field and what is wrong with it.' },
  RATE_LIMITED: { category: 'TOO_MANY_REQUESTS', description: 'Too many requests from this caller or address: the message says when to try again.' },
  PAGE_SIZE: { category: 'BAD_USER_INPUT', description: '`first` is outside the sizes this list allows (field `first`).' },
  INVALID_CURSOR: { category: 'BAD_USER_INPUT', description: 'The `after` cursor is not one this list produced (field `after`).' },
});
export const CommonErrorReason = commonError.reason;
export type CommonErrorReason = ReasonOf<typeof commonError>;

export const notFound = (what: string) => commonError(CommonErrorReason.NOT_FOUND, `${what} not found`);
export const forbidden = (message = 'You are not allowed to do this') => commonError(CommonErrorReason.FORBIDDEN, message);
export const unauthenticated = (message = 'Sign in first: send a valid token in the Authorization header') =>
  commonError(CommonErrorReason.UNAUTHENTICATED, message);
export const tooManyRequests = (message: string) => commonError(CommonErrorReason.RATE_LIMITED, message);
