import { ArgsType, Field, Int } from '@nestjs/graphql';
import { IsInt, IsOptional, Max, MaxLength, Min, type ValidationOptions } from 'class-validator';
import { commonError, CommonErrorReason } from './domain-error';

/** What a page size out of range is reported as: PAGE_SIZE on the field `first` (see validation.ts). */
const pageSize = (max: number): ValidationOptions => ({ message: `must be between 1 and ${max}`, context: { reason: CommonErrorReason.PAGE_SIZE } });

/**
 * The paging arguments of every list (Relay-style: `first`, `after`), declared and validated once; a list
 * extends it with its own default and largest page size, and adds its own arguments
 * (`class AttendeesArgs extends PageArgs({ first: 20, max: 100 }) { … }`).
 */
export function PageArgs(size: { first: number; max: number }) {
  @ArgsType()
  abstract class PageArgsOfSize {
    @Field(() => Int, { nullable: true, defaultValue: size.first, description: `Page size, 1 to ${size.max}` })
    @IsInt(pageSize(size.max))
    @Min(1, pageSize(size.max))
    @Max(size.max, pageSize(size.max))
    first!: number;

    @Field(() => String, { nullable: true, description: 'The endCursor of the previous page' })
    @IsOptional()
    @MaxLength(500)
    after?: string;
  }
  return PageArgsOfSize;
}

/** A row's position in its list's order, as the values of its sort key (e.g. `[name, id]`). */
export type CursorKey = readonly (string | number)[];

/** An opaque cursor for a row: its sort key as base64url JSON. */
export function encodeCursor(key: CursorKey): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

/**
 * The sort key inside a cursor this list produced; `read` checks its shape (and returns it typed), so
 * anything else — a cursor of another list, of another order, or made up — is INVALID_CURSOR, never a
 * query PostgreSQL fails on.
 */
export function decodeCursor<Key>(cursor: string, read: (parts: readonly unknown[]) => Key | undefined): Key {
  let key: Key | undefined;
  try {
    const parts: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    key = Array.isArray(parts) ? read(parts) : undefined;
  } catch {
    key = undefined;
  }
  if (key === undefined) {
    throw commonError(CommonErrorReason.INVALID_CURSOR, 'The `after` cursor is not one this list produced', { fields: [{ field: 'after', message: 'unknown cursor' }] });
  }
  return key;
}

/** One page of rows, read with `first + 1` as the limit: the extra row only tells that a next page exists. */
export interface Page<Row> {
  rows: Row[];
  hasNextPage: boolean;
}

export function pageOf<Row>(rows: readonly Row[], first: number): Page<Row> {
  return { rows: rows.slice(0, first), hasNextPage: rows.length > first };
}

/** A page that knows each row's sort key, i.e. the order it was read in (a list may have several: attendees by name for staff, by id for attendees). */
export interface KeyedPage<Row> extends Page<Row> {
  keyOf: (row: Row) => CursorKey;
}

export interface Connection<Node> {
  edges: { cursor: string; node: Node }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

/** A page as a Relay connection: each row's cursor from its sort key, its node from the list's mapper. */
export function toConnection<Row, Node>(page: KeyedPage<Row>, nodeOf: (row: Row) => Node): Connection<Node> {
  const edges = page.rows.map((row) => ({ cursor: encodeCursor(page.keyOf(row)), node: nodeOf(row) }));
  return { edges, pageInfo: { hasNextPage: page.hasNextPage, endCursor: edges.at(-1)?.cursor ?? null } };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** For cursor readers: a value that is a row id. */
export const isCursorId = (value: unknown): value is string => typeof value === 'string' && UUID.test(value);
