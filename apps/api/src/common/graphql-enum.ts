import { registerEnumType, type EnumOptions } from '@nestjs/graphql';

/** An enum's values by name, each name its own value (`RoundStatus.DRAFT === 'DRAFT'`), as a string enum holds them. */
export type EnumValues<Value extends string> = { readonly [V in Value]: V };

/** The union of an enum's values: `export type RoundStatus = EnumValue<typeof RoundStatus>`. */
export type EnumValue<Values> = Values[keyof Values];

/**
 * A GraphQL enum whose values are their own names, each name written once: registers it in the
 * schema with its options and returns its values by name, which a model exports as a const and,
 * with `EnumValue`, a type of the same name.
 */
export function defineEnum<const Value extends string>(values: readonly Value[], options: EnumOptions<EnumValues<Value>>): EnumValues<Value> {
  const byName = Object.fromEntries(values.map((value) => [value, value])) as EnumValues<Value>;
  registerEnumType(byName, options);
  return byName;
}
