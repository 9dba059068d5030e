import fs from 'node:fs';
import path from 'node:path';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { parse, validate } from 'graphql';
import { startTestApp, type TestApp } from '@pairwise/testing';

/** Every GraphQL example in the README, as written there. */
function readmeOperations(): string[] {
  const readme = fs.readFileSync(path.resolve(__dirname, '../README.md'), 'utf8');
  const spans = [...readme.matchAll(/`((?:mutation|query|subscription)?\s*\{[^`]*\})`/g)].map((match) => match[1]!);
  const fromCurl = [...readme.matchAll(/"query":"((?:[^"\\]|\\.)*)"/g)].map((match) => JSON.parse(`"${match[1]}"`) as string);
  return [...spans, ...fromCurl].filter((text) => /^(mutation|query|subscription)\b|^\{\s*[A-Za-z_]/.test(text.trim()));
}

describe('README examples', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t?.close());

  const operations = readmeOperations();

  it('has examples to check', () => {
    expect(operations.length).toBeGreaterThan(30);
  });

  it.each(operations.map((operation) => [operation.slice(0, 70), operation]))('is valid against the served schema: %s', (_label, operation) => {
    const schema = t.app.get(GraphQLSchemaHost).schema;
    const document = parse(operation.replace(/"…"/g, '"00000000-0000-4000-8000-000000000000"'));
    expect(validate(schema, document).map((error) => error.message)).toEqual([]);
  });
});
