// Generates the typed GraphQL operations of the web app (apps/web/src/gql/, never edited by hand)
// from the API's committed schema (apps/api/schema.gql) and the `graphql(...)` documents written beside
// the components that use them. Documents are validated against the schema: an operation that a schema
// change broke fails here, and a changed type fails the web app's type check (`npm run typecheck`).
//
// GraphQL Code Generator's client preset, driven through @graphql-codegen/core: its CLI pulls loaders
// for URLs, GitHub and Apollo Studio that we do not use and that want Node 22.
import fs from 'node:fs/promises';
import path from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';
import { codegen } from '@graphql-codegen/core';
import * as clientPreset from '@graphql-codegen/client-preset';
import { CodeFileLoader } from '@graphql-tools/code-file-loader';
import { loadDocuments } from '@graphql-tools/load';
import { buildSchema, parse } from 'graphql';

const web = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const schemaFile = path.resolve(web, '../api/schema.gql');
const outDir = path.join(web, 'src/gql/');

/** Shared by every generated file: our scalars as the JSON they arrive as. Documents stay parsed ASTs: urql takes a DocumentNode or a plain string, not the preset's String subclass. */
const config = {
  enumsAsTypes: true,
  useTypeImports: true,
  skipTypename: true,
  strictScalars: true,
  scalars: { DateTime: 'string', JSONObject: 'Record<string, unknown>' },
};

async function main() {
  const schemaAst = buildSchema(await fs.readFile(schemaFile, 'utf8'));
  const documents = await loadDocuments([path.join(web, 'src/**/*.{ts,tsx}'), `!${outDir}**`], {
    loaders: [new CodeFileLoader({ pluckConfig: { skipIndent: true } })],
    ignore: [`${outDir}**`],
  }).catch((error) => {
    // No document yet is not an error for the loader's caller; anything else is.
    if (/Unable to find any GraphQL type definitions/.test(String(error))) return [];
    throw error;
  });
  const outputs = await clientPreset.preset.buildGeneratesSection({
    baseOutputDir: outDir,
    presetConfig: { fragmentMasking: { unmaskFunctionName: 'getFragmentData' } },
    plugins: [],
    pluginMap: {},
    schema: parse(await fs.readFile(schemaFile, 'utf8')),
    schemaAst,
    documents,
    config,
    documentTransforms: [],
  });
  await fs.rm(outDir, { recursive: true, force: true });
  await fs.mkdir(outDir, { recursive: true });
  for (const output of outputs) {
    const content = await codegen({ ...output, emitLegacyCommonJSImports: false });
    await fs.writeFile(output.filename, content);
  }
  process.stdout.write(`codegen: ${documents.length} document file(s) -> ${path.relative(process.cwd(), outDir)}\n`);
}

main().catch((error) => {
  process.stderr.write(`codegen failed: ${error?.stack ?? error}\n`);
  process.exit(1);
});
