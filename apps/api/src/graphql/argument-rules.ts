import {
  defaultFieldResolver,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  type GraphQLArgument,
  type GraphQLFieldResolver,
  type GraphQLInputType,
  type GraphQLSchema,
} from 'graphql';
import type { FieldError } from '../common/domain-error';
import { isUuid } from '../common/sql';
import { invalidInput, NOT_AN_ID, NUL_IN_TEXT } from '../common/validation';

/**
 * Arguments that carry a file's content: its reader reports a bad line and goes on with the others
 * (an import does not fail for one NUL byte), so the text rule does not refuse them whole.
 * Written as schema coordinates.
 */
export const FILE_CONTENT_ARGUMENTS: ReadonlySet<string> = new Set(['Mutation.importAttendees(csv:)']);

type Args = Record<string, unknown>;

/**
 * The rules every argument of the served schema obeys, whoever wrote the resolver, checked from the
 * declared GraphQL types before the resolver (and its guards) runs — in arguments, in nested input
 * fields, in list items, for variables and inline values alike:
 *
 * - an `ID` is a UUID (every key in PostgreSQL is one; anything else would fail the statement);
 * - text holds no NUL character (PostgreSQL refuses it in `text` and `jsonb`);
 * - an optional argument given `null` counts as not given (its default applies): `after: null` is the first page.
 *
 * A breach is one BAD_USER_INPUT (reason VALIDATION_FAILED) naming each field, as class-validator's
 * errors do: relative to an `input` object, else from the argument's name (`filter.interest`).
 * `DateTime` is strict in its own scalar (date-time.scalar.ts).
 */
export function applyArgumentRules(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      if (!field.args.length) continue;
      const check = argumentsCheck(type.name, field.name, field.args);
      const resolve: GraphQLFieldResolver<unknown, unknown> = field.resolve ?? defaultFieldResolver;
      field.resolve = (source, args, context, info) => resolve(source, check(args), context, info);
      const subscribe = field.subscribe;
      if (subscribe) field.subscribe = (source, args, context, info) => subscribe(source, check(args), context, info);
    }
  }
  return schema;
}

function argumentsCheck(typeName: string, fieldName: string, declared: readonly GraphQLArgument[]): (args: Args) => Args {
  const fileContent = new Set(declared.filter((arg) => FILE_CONTENT_ARGUMENTS.has(`${typeName}.${fieldName}(${arg.name}:)`)).map((arg) => arg.name));
  return (args) => {
    const checked: Args = { ...args };
    const problems: FieldError[] = [];
    for (const arg of declared) {
      const value = checked[arg.name];
      if (value === null && !isNonNullType(arg.type)) {
        if (arg.defaultValue === undefined) delete checked[arg.name];
        else checked[arg.name] = arg.defaultValue;
        continue;
      }
      if (fileContent.has(arg.name)) continue;
      const relative = arg.name === 'input' && isInputObjectType(isNonNullType(arg.type) ? arg.type.ofType : arg.type);
      inspect(value, arg.type, relative ? '' : arg.name, problems);
    }
    if (problems.length) throw invalidInput(problems);
    return checked;
  };
}

function inspect(value: unknown, type: GraphQLInputType, path: string, problems: FieldError[]): void {
  if (value === null || value === undefined) return;
  const inner = isNonNullType(type) ? type.ofType : type;
  if (isListType(inner)) {
    if (Array.isArray(value)) value.forEach((item, index) => inspect(item, inner.ofType, join(path, index), problems));
    return;
  }
  if (isInputObjectType(inner)) {
    for (const field of Object.values(inner.getFields())) inspect((value as Args)[field.name], field.type, join(path, field.name), problems);
    return;
  }
  if (inner.name === 'ID') {
    if (typeof value !== 'string' || !isUuid(value)) problems.push({ field: path, message: NOT_AN_ID });
  } else if (typeof value === 'string' && value.includes('\u0000')) {
    problems.push({ field: path, message: NUL_IN_TEXT });
  }
}

const join = (path: string, key: string | number): string => (path ? `${path}.${key}` : String(key));
