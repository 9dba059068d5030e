import type { EntityMetadata } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';

/**
 * Rows of an entity nested in another query as JSON (e.g. a meeting's
 * partners, aggregated in the same statement), read back into entity
 * instances. The columns come from the entity's metadata, so the JSON holds
 * exactly what a repository `find` would select (never `select: false`
 * columns) and follows the entity when a column is added.
 */

const TIMESTAMP_TYPES = new Set<unknown>(['timestamptz', 'timestamp', 'timestamp with time zone', 'timestamp without time zone', Date]);

const selectable = (metadata: EntityMetadata): ColumnMetadata[] => metadata.columns.filter((column) => column.isSelect && !column.isVirtual);

/** `json_build_object('id', a."id", …)` over the entity's selectable columns, for the table aliased `alias`. */
export function jsonObjectSql(metadata: EntityMetadata, alias: string): string {
  const pairs = selectable(metadata).map((column) => `'${column.databaseName}', ${alias}."${column.databaseName}"`);
  return `json_build_object(${pairs.join(', ')})`;
}

/** The entity a `jsonObjectSql` object describes (timestamps back to `Date`). */
export function entityFromJson<T>(metadata: EntityMetadata, json: Record<string, unknown>): T {
  const entity = metadata.create() as T & object;
  for (const column of selectable(metadata)) {
    const value = json[column.databaseName];
    column.setEntityValue(entity, value !== null && value !== undefined && TIMESTAMP_TYPES.has(column.type) ? new Date(value as string) : value);
  }
  return entity;
}
