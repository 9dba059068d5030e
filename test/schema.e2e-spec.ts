import fs from 'node:fs';
import path from 'node:path';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { startTestApp, type TestApp } from '@pairwise/testing';

describe('committed schema.gql', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t?.close());

  it('is the schema the API serves (start the API once in development to regenerate it)', () => {
    const served = printSchema(lexicographicSortSchema(t.app.get(GraphQLSchemaHost).schema));
    const committed = fs.readFileSync(path.resolve(__dirname, '../apps/api/schema.gql'), 'utf8');
    const withoutHeader = (text: string) => text.replace(/^# -{10,}[\s\S]*?# -{10,}\n\n/, '').trim();
    expect(withoutHeader(committed)).toBe(withoutHeader(served));
  });
});
