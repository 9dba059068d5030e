import { Column, CreateDateColumn, JoinColumn, ManyToOne, UpdateDateColumn, type ObjectType } from 'typeorm';

/**
 * Property decorators for the columns every table spells the same way, so an entity reads as what is
 * particular to it. Each one declares exactly what its spelled-out form did: the schema the migrations
 * made, and the SQL the ORM writes (column order included), stay as they were.
 */

/** `created_at timestamptz NOT NULL DEFAULT now()`: when the row was inserted. */
export function CreatedAt(): PropertyDecorator {
  return CreateDateColumn({ name: 'created_at', type: 'timestamptz' });
}

/** `updated_at timestamptz NOT NULL DEFAULT now()`, moved forward by every ORM save. */
export function UpdatedAt(): PropertyDecorator {
  return UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' });
}

/** A `uuid` column holding another row's id, under its snake_case `name`; `nullable` for an optional reference. */
export function IdColumn(name: string, options: { nullable?: true } = {}): PropertyDecorator {
  return Column('uuid', { name, ...options });
}

export interface ReferenceOptions {
  /** What deleting the referenced row does to this one: goes with it (the default), or forgets it. */
  onDelete?: 'CASCADE' | 'SET NULL';
  /** The constraint's name where a migration named it (TypeORM derives one from table and column otherwise). */
  constraint?: string;
}

/**
 * The object side of the foreign key `column` → `target`'s id: a many-to-one relation joined on that
 * column. The id itself is declared beside it (`IdColumn`), so code reads it without loading the row.
 */
export function References<T>(target: () => ObjectType<T>, column: string, options: ReferenceOptions = {}): PropertyDecorator {
  const relation = ManyToOne(target, { onDelete: options.onDelete ?? 'CASCADE' });
  const joinColumn = JoinColumn(options.constraint ? { name: column, foreignKeyConstraintName: options.constraint } : { name: column });
  return (prototype, property) => {
    relation(prototype, property);
    joinColumn(prototype, property);
  };
}
