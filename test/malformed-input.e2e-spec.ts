import { randomUUID } from 'node:crypto';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLSchema,
} from 'graphql';
import { FILE_CONTENT_ARGUMENTS } from '../apps/api/src/graphql/argument-rules';
import {
  attendeeToken,
  createAttendee,
  expectData,
  runRound,
  startEventApp,
  type EventFixture,
  type GraphqlResponse,
  type OrganiserFixture,
  type TestApp,
} from '@pairwise/testing';

/**
 * Every argument of the served schema — of every query, mutation and field, nested input fields
 * included — receives malformed values: ids that are not ids, text with a NUL byte, impossible or
 * offset-less dates, `null` where the argument is optional (and where it is not), and values of the
 * wrong type, as variables and written inline. Nothing may answer INTERNAL_SERVER_ERROR or a 5xx,
 * and what must be refused is refused as BAD_USER_INPUT naming the field. The cases come from the
 * schema, so an argument added tomorrow is attacked too.
 */

type Kind = 'id' | 'nul' | 'date' | 'wrongType' | 'nullOptional' | 'nullRequired' | 'range';

interface Variant {
  /** Where the value goes: the argument, then input fields and list indexes. */
  path: (string | number)[];
  value: unknown;
  kind: Kind;
  label: string;
}

interface Target {
  /** Fields from the root down to the field's type (called with baseline arguments). */
  via: { field: GraphQLField<unknown, unknown>; owner: string }[];
  field: GraphQLField<unknown, unknown>;
  owner: string;
  operation: 'query' | 'mutation';
}

interface Fixtures {
  event: string;
  attendee: string;
  round: string;
  meeting: string;
  talk: string;
  account: string;
}

const NUL = '\u0000';
const LONG = 'x'.repeat(20_000);
const BAD_DATES = [
  '06/12/2026 14:00',
  '2026-02-30T10:00:00Z',
  '2026-12-03T10:00:00', // no offset
  '275760-09-13T00:00:00Z',
  '+275760-09-13T00:00:00.000Z',
  '2026-12-03T25:00:00Z',
  '',
];

/** A valid-looking value for a leaf, so that a call gets past the other arguments to the one under attack. */
function baselineLeaf(type: GraphQLNamedType, name: string, owner: string, fixtures: Fixtures): unknown {
  if (isEnumType(type)) return type.getValues()[0]!.value;
  switch (type.name) {
    case 'ID':
      return idFor(name, owner, fixtures);
    case 'DateTime':
      return '2026-12-03T11:00:00+01:00';
    case 'Int':
      return 5;
    case 'Float':
      return 1;
    case 'Boolean':
      return false;
    default:
      return stringFor(name);
  }
}

function idFor(name: string, owner: string, fixtures: Fixtures): string {
  const key = name.toLowerCase();
  if (key.includes('event')) return fixtures.event;
  if (key.includes('round')) return fixtures.round;
  if (key.includes('meeting')) return fixtures.meeting;
  if (key.includes('talk')) return fixtures.talk;
  if (key.includes('account')) return fixtures.account;
  if (key.includes('attendee') || key.includes('speaker')) return fixtures.attendee;
  if (key === 'id') {
    const field = owner.toLowerCase();
    if (field.includes('event')) return fixtures.event;
    if (field.includes('round')) return fixtures.round;
    if (field.includes('attendee')) return fixtures.attendee;
  }
  return randomUUID();
}

function stringFor(name: string): string {
  const key = name.toLowerCase();
  if (key.includes('email')) return 'someone@pairwise.test';
  if (key === 'timezone') return 'Europe/Paris';
  if (key === 'startson' || key === 'endson') return '2026-12-03';
  if (key === 'csv') return 'email,name\nsomeone-else@pairwise.test,Someone Else';
  if (key === 'slug') return 'some-slug';
  return 'Test';
}

function baselineInput(type: GraphQLInputType, name: string, owner: string, fixtures: Fixtures, depth = 0): unknown {
  if (isNonNullType(type)) return baselineInput(type.ofType, name, owner, fixtures, depth);
  if (isListType(type)) return [baselineInput(type.ofType, name, owner, fixtures, depth)];
  if (isInputObjectType(type)) {
    const value: Record<string, unknown> = {};
    for (const field of Object.values(type.getFields())) {
      if (isNonNullType(field.type) && field.defaultValue === undefined) value[field.name] = baselineInput(field.type, field.name, owner, fixtures, depth + 1);
    }
    return value;
  }
  return baselineLeaf(type, name, owner, fixtures);
}

/** Malformed values for one spot of type `type` (and, for input objects, for each of its fields in turn). */
function variantsAt(type: GraphQLInputType, path: (string | number)[], depth = 0): Variant[] {
  const variants: Variant[] = [];
  const at = (kind: Kind, value: unknown, label: string) => variants.push({ path, value, kind, label });
  if (isNonNullType(type)) at('nullRequired', null, 'null for a required value');
  else at('nullOptional', null, 'null for an optional value');
  const inner = isNonNullType(type) ? type.ofType : type;
  if (isListType(inner)) {
    at('wrongType', { not: 'a list' }, 'an object for a list');
    variants.push(...variantsAt(inner.ofType, [...path, 0], depth));
    return variants;
  }
  if (isInputObjectType(inner)) {
    at('wrongType', 'text', 'text for an input object');
    at('wrongType', [], 'a list for an input object');
    if (depth < 3) for (const field of Object.values(inner.getFields())) variants.push(...variantsAt(field.type, [...path, field.name], depth + 1));
    return variants;
  }
  if (isEnumType(inner)) {
    at('wrongType', 'NOT_A_VALUE', 'an unknown enum value');
    at('wrongType', 7, 'a number for an enum');
    return variants;
  }
  switch (inner.name) {
    case 'ID':
      for (const value of ['x', '', '42', `${randomUUID()}${NUL}`, '00000000-0000-4000-8000-00000000000g', "' OR 1=1 --"]) at('id', value, `id ${JSON.stringify(value)}`);
      at('id', 42, 'a number for an id');
      at('wrongType', { id: 1 }, 'an object for an id');
      break;
    case 'String':
      at('nul', `a${NUL}b`, 'text with a NUL');
      at('nul', NUL, 'a lone NUL');
      at('range', LONG, '20,000 characters');
      at('wrongType', 42, 'a number for text');
      at('wrongType', { text: 'x' }, 'an object for text');
      break;
    case 'DateTime':
      for (const value of BAD_DATES) at('date', value, `date ${JSON.stringify(value)}`);
      at('wrongType', 1_700_000_000_000, 'a number for a date');
      break;
    case 'Int':
      for (const value of [2 ** 31, -1, 0, -(2 ** 31)]) at('range', value, `int ${value}`);
      at('wrongType', 1.5, 'a fraction for an int');
      at('wrongType', '5', 'text for an int');
      break;
    case 'Float':
      at('range', -1e308, 'a huge negative float');
      at('wrongType', 'x', 'text for a float');
      break;
    case 'Boolean':
      at('wrongType', 'yes', 'text for a boolean');
      at('wrongType', 1, 'a number for a boolean');
      break;
    default:
      at('wrongType', { x: 1 }, `an object for ${inner.name}`);
  }
  return variants;
}

/** `base` with `value` placed at `path`; containers missing on the way are filled with baseline values. */
function withValueAt(base: unknown, type: GraphQLInputType, path: (string | number)[], value: unknown, owner: string, fixtures: Fixtures): unknown {
  if (!path.length) return value;
  const inner = isNonNullType(type) ? type.ofType : type;
  const [key, ...rest] = path as [string | number, ...(string | number)[]];
  if (isListType(inner)) {
    const list: unknown[] = Array.isArray(base) ? [...base] : [];
    while (list.length <= Number(key)) list.push(baselineInput(inner.ofType, String(key), owner, fixtures));
    list[Number(key)] = withValueAt(list[Number(key)], inner.ofType, rest, value, owner, fixtures);
    return list;
  }
  if (isInputObjectType(inner)) {
    const object = { ...((base && typeof base === 'object' ? base : baselineInput(inner, '', owner, fixtures)) as Record<string, unknown>) };
    const field = inner.getFields()[String(key)]!;
    object[key] = withValueAt(object[key] ?? baselineInput(field.type, field.name, owner, fixtures), field.type, rest, value, owner, fixtures);
    return object;
  }
  throw new Error(`no place for ${path.join('.')} in ${String(type)}`);
}

/** A GraphQL literal for a JSON value (enum names bare where the type is an enum). */
function literal(value: unknown, type: GraphQLInputType | undefined): string {
  const named = type ? getNamedType(type) : undefined;
  if (value === null) return 'null';
  if (Array.isArray(value)) {
    const itemType = type && isListType(isNonNullType(type) ? type.ofType : type) ? ((isNonNullType(type) ? type.ofType : type) as { ofType: GraphQLInputType }).ofType : undefined;
    return `[${value.map((item) => literal(item, itemType)).join(', ')}]`;
  }
  if (typeof value === 'object') {
    const fields = named && isInputObjectType(named) ? named.getFields() : {};
    return `{${Object.entries(value as Record<string, unknown>)
      .map(([key, item]) => `${key}: ${literal(item, fields[key]?.type)}`)
      .join(', ')}}`;
  }
  if (typeof value === 'string' && named && isEnumType(named) && /^[_A-Za-z][_0-9A-Za-z]*$/.test(value)) return value;
  return JSON.stringify(value);
}

function argumentType(arg: GraphQLArgument): string {
  return String(arg.type);
}

function selection(type: GraphQLNamedType): string {
  return isLeafType(type) ? '' : ' { __typename }';
}

/** Root fields, then fields with arguments on the types they return (reached from Query with baseline arguments). */
function targets(schema: GraphQLSchema): Target[] {
  const found: Target[] = [];
  const roots: [GraphQLObjectType | null | undefined, 'query' | 'mutation'][] = [
    [schema.getQueryType(), 'query'],
    [schema.getMutationType(), 'mutation'],
  ];
  for (const [root, operation] of roots) {
    if (!root) continue;
    for (const field of Object.values(root.getFields())) {
      if (field.args.length) found.push({ via: [], field, owner: root.name, operation });
    }
  }
  // Fields with arguments deeper down, reached through the first query that returns their type.
  const query = schema.getQueryType()!;
  const seen = new Set<string>([query.name]);
  const queue: { type: GraphQLObjectType; via: Target['via'] }[] = [{ type: query, via: [] }];
  while (queue.length) {
    const { type, via } = queue.shift()!;
    for (const field of Object.values(type.getFields())) {
      const named = getNamedType(field.type);
      if (!isObjectType(named) || named.name.startsWith('__')) continue;
      const next = [...via, { field, owner: type.name }];
      if (seen.has(named.name) || next.length > 3) continue;
      seen.add(named.name);
      for (const child of Object.values(named.getFields())) {
        if (child.args.length) found.push({ via: next, field: child, owner: named.name, operation: 'query' });
      }
      queue.push({ type: named, via: next });
    }
  }
  return found;
}

interface Call {
  query: string;
  variables: Record<string, unknown>;
}

/** The call for one variant: as variables (`inline: false`) or with every value written in the document. */
function callFor(target: Target, fixtures: Fixtures, variant: Variant | null, inline: boolean): Call {
  const variables: Record<string, unknown> = {};
  const definitions: string[] = [];
  let counter = 0;
  const argumentsOf = (field: GraphQLField<unknown, unknown>, attacked: boolean) => {
    const written: string[] = [];
    for (const arg of field.args) {
      const underAttack = attacked && variant?.path[0] === arg.name;
      const required = isNonNullType(arg.type) && arg.defaultValue === undefined;
      if (!required && !underAttack) continue;
      let value = required ? baselineInput(arg.type, arg.name, field.name, fixtures) : undefined;
      if (underAttack) value = withValueAt(value, arg.type, variant.path.slice(1), variant.value, field.name, fixtures);
      if (inline) written.push(`${arg.name}: ${literal(value, arg.type)}`);
      else {
        const name = `v${counter++}`;
        definitions.push(`$${name}: ${argumentType(arg)}`);
        variables[name] = value;
        written.push(`${arg.name}: $${name}`);
      }
    }
    return written.length ? `(${written.join(', ')})` : '';
  };
  let body = `${target.field.name}${argumentsOf(target.field, true)}${selection(getNamedType(target.field.type))}`;
  for (const step of [...target.via].reverse()) body = `${step.field.name}${argumentsOf(step.field, false)} { ${body} }`;
  const header = definitions.length ? `(${definitions.join(', ')})` : '';
  return { query: `${target.operation} Attack${header} { ${body} }`, variables };
}

/** The field name a refusal should carry: relative to an `input` object, else from the argument. */
function expectedField(variant: Variant): string {
  const path = variant.path[0] === 'input' ? variant.path.slice(1) : variant.path;
  return path.join('.');
}

async function inPool<T>(items: readonly T[], size: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: size }, async () => {
      while (next < items.length) await work(items[next++]!);
    }),
  );
}

describe('malformed input, generated from the served schema', () => {
  let t: TestApp;
  let fixtures: Fixtures;
  const tokens: Record<'organiser' | 'attendee', string> = { organiser: '', attendee: '' };

  beforeAll(async () => {
    let event: EventFixture;
    let organiser: OrganiserFixture;
    ({ t, event, organiser } = await startEventApp({ event: { startsOn: '2026-12-03', endsOn: '2026-12-04' } }));
    tokens.organiser = organiser.token;
    const people = [];
    for (let i = 0; i < 4; i++) people.push(await createAttendee(t, event.id, { name: `Person ${i}`, present: true }));
    tokens.attendee = await attendeeToken(t, people[0]!);
    const round = await runRound(t, organiser.token, { eventId: event.id, name: 'Round 1', startsAt: '2026-12-03T10:00:00+01:00' });
    const meeting = expectData(await t.gql(`query ($r: ID!) { round(id: $r) { meetings(first: 1) { edges { node { id } } } } }`, { r: round }, organiser.token)).round
      .meetings.edges[0].node.id;
    const talk = expectData(
      await t.gql(
        `mutation ($input: CreateTalkInput!) { createTalk(input: $input) { id } }`,
        { input: { eventId: event.id, title: 'A talk', speakerId: people[3]!.id, startsAt: '2026-12-03T14:00:00+01:00' } },
        organiser.token,
      ),
    ).createTalk.id;
    fixtures = { event: event.id, attendee: people[1]!.id, round, meeting, talk, account: organiser.accountId };
  }, 300_000);
  afterAll(async () => {
    await t?.close();
  });

  it.each(['organiser', 'attendee'] as const)(
    'as %s: no malformed argument gets INTERNAL_SERVER_ERROR or a 5xx, and ids, text and dates are refused as BAD_USER_INPUT',
    async (role) => {
      const schema = t.app.get(GraphQLSchemaHost).schema;
      const all = targets(schema);
      // Every root field with arguments is attacked, and at least the nested `Round.meetings`.
      expect(all.some((target) => target.owner === 'Round' && target.field.name === 'meetings')).toBe(true);
      const calls: { target: Target; variant: Variant; inline: boolean }[] = [];
      for (const target of all) {
        for (const arg of target.field.args) {
          for (const variant of variantsAt(arg.type, [arg.name])) {
            calls.push({ target, variant, inline: false });
            // Inline literals go through other code (parseLiteral, validation): one of each kind per argument.
            if (variant.kind !== 'range') calls.push({ target, variant, inline: true });
          }
        }
      }
      const failures: string[] = [];
      let refusedAsBadInput = 0;
      await inPool(calls, 4, async ({ target, variant, inline }) => {
        const call = callFor(target, fixtures, variant, inline);
        let response: GraphqlResponse;
        try {
          response = await t.gql(call.query, call.variables, tokens[role]);
        } catch (error) {
          failures.push(`${target.owner}.${target.field.name} ${variant.path.join('.')} ← ${variant.label}${inline ? ' (inline)' : ''}: request failed: ${String(error)}`);
          return;
        }
        const where = `${target.owner}.${target.field.name} ${variant.path.join('.')} ← ${variant.label}${inline ? ' (inline)' : ''}`;
        const codes = (response.errors ?? []).map((error) => error.extensions?.code);
        if (response.status >= 500) failures.push(`${where}: HTTP ${response.status}`);
        if (codes.includes('INTERNAL_SERVER_ERROR')) failures.push(`${where}: INTERNAL_SERVER_ERROR`);
        if (codes.some((code) => !code)) failures.push(`${where}: an error without a code`);
        const exempt = FILE_CONTENT_ARGUMENTS.has(`${target.owner}.${target.field.name}(${variant.path[0]}:)`);
        // Values the API itself refuses: always BAD_USER_INPUT. A document that breaks GraphQL's own typing
        // (null for a required argument, a wrong type written inline) may be GRAPHQL_VALIDATION_FAILED.
        const accepted =
          ['id', 'nul', 'date'].includes(variant.kind) && !exempt
            ? ['BAD_USER_INPUT']
            : ['nullRequired', 'wrongType'].includes(variant.kind)
              ? inline
                ? ['BAD_USER_INPUT', 'GRAPHQL_VALIDATION_FAILED']
                : ['BAD_USER_INPUT']
              : null;
        if (accepted) {
          const first = response.errors?.[0];
          if (!first) failures.push(`${where}: accepted`);
          else if (!accepted.includes(first.extensions?.code ?? '')) failures.push(`${where}: ${first.extensions?.code} instead of ${accepted.join(' or ')} (${first.message})`);
          else if (first.extensions?.code === 'BAD_USER_INPUT') {
            refusedAsBadInput++;
            const named = first.extensions.fields?.some((field) => field.field === expectedField(variant));
            if ((variant.kind === 'id' || variant.kind === 'nul') && !named) {
              failures.push(`${where}: the refusal does not name ${expectedField(variant)}: ${JSON.stringify(first.extensions)}`);
            }
          }
        }
      });
      expect(failures).toEqual([]);
      expect(refusedAsBadInput).toBeGreaterThan(200);
    },
    900_000,
  );

  it('an optional argument sent as null is the same as not sent: meetings(first: 1, after: null) is the first page', async () => {
    const response = await t.gql(`query ($r: ID!) { round(id: $r) { meetings(first: 1, after: null) { edges { node { id } } } } }`, { r: fixtures.round }, tokens.organiser);
    expect(expectData(response).round.meetings.edges.map((edge: { node: { id: string } }) => edge.node.id)).toEqual([fixtures.meeting]);
  });

  it.each([
    ['round', 'id', `query ($id: ID!) { round(id: $id) { id } }`],
    ['publishRound', 'roundId', `mutation ($id: ID!) { publishRound(roundId: $id) { id } }`],
    ['closeRound', 'roundId', `mutation ($id: ID!) { closeRound(roundId: $id) { id } }`],
    ['rounds', 'eventId', `query ($id: ID!) { rounds(eventId: $id) { id } }`],
  ])('%s with %s "x" is BAD_USER_INPUT naming it, not an error from PostgreSQL', async (_, field, query) => {
    const response = await t.gql(query, { id: 'x' }, tokens.organiser);
    expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'VALIDATION_FAILED', fields: [{ field, message: 'must be an id' }] });
  });

  it('a NUL byte in any text of an input is refused naming each field, and nothing is written', async () => {
    const response = await t.gql(
      `mutation ($input: UpdateEventInput!) { updateEvent(input: $input) { id } }`,
      { input: { id: fixtures.event, venue: `Hall${NUL}B`, vocabulary: [{ label: 'Agents', synonyms: ['ok', `bad${NUL}`] }] } },
      tokens.organiser,
    );
    expect(response.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [
        { field: 'venue', message: 'must not contain the NUL character (U+0000)' },
        { field: 'vocabulary.0.synonyms.1', message: 'must not contain the NUL character (U+0000)' },
      ],
    });
    const event = expectData(await t.gql(`query ($id: ID) { event(id: $id) { venue vocabulary { label } } }`, { id: fixtures.event }, tokens.organiser)).event;
    expect(event.venue).toBeNull();
    expect(event.vocabulary.map((tag: { label: string }) => tag.label)).not.toContain('Agents');
  });
});
