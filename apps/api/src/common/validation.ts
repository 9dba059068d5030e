import { ParseUUIDPipe, ValidationError, ValidationPipe } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { isISO8601, ValidateBy, type ValidationOptions } from 'class-validator';
import { DATE_TIME_YEARS } from './date-time';
import { commonError, CommonErrorReason, type FieldError } from './domain-error';

function flatten(errors: ValidationError[], prefix = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({ field, message }));
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

export function invalidInput(fields: FieldError[], reason: CommonErrorReason = CommonErrorReason.VALIDATION_FAILED) {
  const summary = fields.map((f) => `${f.field}: ${f.message}`).join('; ');
  return commonError(reason, `Invalid input: ${summary}`, { fields });
}

/**
 * A constraint may name a finer reason than VALIDATION_FAILED in its context (`{ context: { reason } }`, as the
 * paging arguments do for PAGE_SIZE); it is the error's reason when every failed constraint names it.
 */
function finerReason(errors: ValidationError[]): CommonErrorReason | undefined {
  const named = new Set<unknown>();
  const visit = (list: ValidationError[]) => {
    for (const error of list) {
      for (const constraint of Object.keys(error.constraints ?? {})) named.add((error.contexts?.[constraint] as { reason?: unknown } | undefined)?.reason);
      visit(error.children ?? []);
    }
  };
  visit(errors);
  const [only] = named;
  return named.size === 1 && Object.values(CommonErrorReason).includes(only as CommonErrorReason) ? (only as CommonErrorReason) : undefined;
}

/** class-validator on every input type; failures become one BAD_USER_INPUT error listing each field. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    transform: true,
    whitelist: true,
    forbidUnknownValues: false,
    exceptionFactory: (errors) => invalidInput(flatten(errors), finerReason(errors)),
  });
}

export const NOT_AN_ID = 'must be an id';
export const NUL_IN_TEXT = 'must not contain the NUL character (U+0000)';

/**
 * For an id in an HTTP path or query string: a value that is not a UUID is the client's
 * mistake (BAD_USER_INPUT naming the parameter), not a query PostgreSQL fails on.
 * (GraphQL arguments are checked by graphql/argument-rules.ts, all at once.)
 */
export function idArg(field: string, options: { optional?: boolean } = {}): ParseUUIDPipe {
  return new ParseUUIDPipe({
    version: 'all',
    optional: options.optional,
    exceptionFactory: () => invalidInput([{ field, message: NOT_AN_ID }]),
  });
}

/**
 * Partial updates: an absent field is left as it is and `null` clears a
 * nullable one; for a field that cannot be empty, `null` is a validation error
 * (class-validator's IsOptional, which PartialType adds, lets null through).
 */
export function rejectNulls<T extends object>(input: T, fields: readonly (keyof T & string)[]): void {
  const nulls = fields.filter((field) => (input as Record<string, unknown>)[field] === null);
  if (nulls.length) throw invalidInput(nulls.map((field) => ({ field, message: 'must not be null' })));
}

/** A calendar date written `YYYY-MM-DD` that exists (no time part, no 30 February), in the years date-times may have. */
export function IsCalendarDate(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isCalendarDate',
      validator: {
        validate: (value: unknown) =>
          typeof value === 'string' &&
          /^\d{4}-\d{2}-\d{2}$/.test(value) &&
          isISO8601(value, { strict: true }) &&
          Number(value.slice(0, 4)) >= DATE_TIME_YEARS.min &&
          Number(value.slice(0, 4)) <= DATE_TIME_YEARS.max,
        defaultMessage: () => `must be a date YYYY-MM-DD (years ${DATE_TIME_YEARS.min} to ${DATE_TIME_YEARS.max})`,
      },
    },
    options,
  );
}

/** Required text: at least one character that is not white space. */
export function IsNotBlank(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isNotBlank',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && value.trim().length > 0,
        defaultMessage: () => 'must not be blank',
      },
    },
    options,
  );
}

/** Drops the spaces around a string before it is validated: a pasted email often brings some along. */
export function Trimmed(): PropertyDecorator {
  return Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value));
}
