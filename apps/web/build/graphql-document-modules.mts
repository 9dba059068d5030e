import fs from 'node:fs';
import path from 'node:path';
import babel, { transformAsync, type PluginObj } from '@babel/core';
import { babelOptimizerPlugin } from '@graphql-codegen/client-preset';
import type { Plugin } from 'vite';

/**
 * Each `graphql(\`…\`)` of the web app becomes an import of that one document, in a module of its own, so a
 * chunk carries the documents it uses and no others.
 *
 * Without it every caller of `graphql()` imports src/gql/gql.ts, whose map holds every document of the app,
 * the organiser's too: it cannot be tree-shaken, and it sat in the attendee's first chunk. The client
 * preset's own Babel plugin (`babelOptimizerPlugin`) replaces each call with an import of the typed document
 * from src/gql/graphql.ts, but that is still one module: the bundler keeps in it every document any chunk
 * uses and places it in the chunk they share, the attendee's. So its imports are pointed at one virtual
 * module per document (`virtual:gql-document/<Name>`), read from graphql.ts.
 *
 * Run through @babel/core here: @vitejs/plugin-react 6 no longer runs Babel, and @rolldown/plugin-babel
 * wants Node 22. Only our sources that call `graphql(` go through Babel; Oxc strips types and JSX afterwards.
 */
export function graphqlDocumentModules(gqlDir: string): Plugin {
  const graphqlModule = path.join(gqlDir, 'graphql');
  let documents: Map<string, string> | undefined;
  const documentSource = (name: string) => {
    documents ??= readDocuments(path.join(gqlDir, 'graphql.ts'));
    const source = documents.get(name);
    if (source === undefined) throw new Error(`${gqlDir}graphql.ts exports no document ${name}: run npm run web:codegen`);
    return source;
  };

  return {
    name: 'pairwise-graphql-document-modules',
    enforce: 'pre',
    buildStart() {
      documents = undefined; // codegen may have run since the last build (web:dev)
    },
    resolveId: (id) => (id.startsWith(PREFIX) ? `\0${id}` : undefined),
    load(id) {
      if (!id.startsWith(`\0${PREFIX}`)) return undefined;
      return `export const ${id.slice(PREFIX.length + 1)} = ${documentSource(id.slice(PREFIX.length + 1))};\n`;
    },
    transform: {
      filter: { id: { include: /\/src\/.*\.tsx?$/, exclude: /\/src\/gql\// }, code: 'graphql(' },
      async handler(code, id) {
        const result = await transformAsync(code, {
          filename: id,
          babelrc: false,
          configFile: false,
          sourceMaps: true,
          parserOpts: { plugins: id.endsWith('.tsx') ? ['typescript', 'jsx'] : ['typescript'] },
          plugins: [
            () => renameDocumentBindings,
            [babelOptimizerPlugin, { artifactDirectory: gqlDir, gqlTagName: 'graphql' }],
            importEachDocumentFromItsModule(graphqlModule),
          ],
        });
        return result?.code == null ? undefined : { code: result.code, map: result.map };
      },
    },
  };
}

const PREFIX = 'virtual:gql-document/';

/** The documents graphql.ts exports, by name: each is one line, `export const XDocument = {…} as unknown as DocumentNode<…>;`. */
function readDocuments(file: string): Map<string, string> {
  const documents = new Map<string, string>();
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    const match = /^export const (\w+) = (\{.*\}) as unknown as DocumentNode<.*>;$/.exec(line);
    if (match) documents.set(match[1], match[2]);
  }
  if (documents.size === 0) throw new Error(`${file} exports no document in the form this plugin reads; has the client preset changed its output?`);
  return documents;
}

/**
 * Gives each `const X = graphql(…)` a local name of its own before the preset's plugin runs: that plugin
 * imports the document under its generated name (`XDocument`, `X_YFragmentDoc`), which is the name our
 * modules export it under too, and two bindings of one name do not parse. Babel's rename keeps the export
 * (`export const X = …` becomes `const _X = …; export { _X as X }`).
 */
const renameDocumentBindings: PluginObj = {
  name: 'pairwise-rename-document-bindings',
  visitor: {
    Program(program) {
      for (const [name, binding] of Object.entries(program.scope.bindings)) {
        const declarator = binding.path.node;
        if (declarator.type !== 'VariableDeclarator' || declarator.init?.type !== 'CallExpression') continue;
        const callee = declarator.init.callee;
        if (callee.type === 'Identifier' && callee.name === 'graphql') program.scope.rename(name);
      }
    },
  },
};

/**
 * Points each value imported from …/gql/graphql (the preset plugin's `import { XDocument } from '…/gql/graphql'`)
 * at that document's own module; type imports stay where they are (they are erased).
 */
function importEachDocumentFromItsModule(graphqlModule: string) {
  return ({ types: t }: typeof babel): PluginObj => ({
    name: 'pairwise-import-each-document-from-its-module',
    visitor: {
      Program: {
        exit(program, state) {
          const dir = path.dirname(state.filename ?? '');
          for (const statement of program.get('body')) {
            if (!statement.isImportDeclaration() || statement.node.importKind === 'type') continue;
            if (path.resolve(dir, statement.node.source.value) !== graphqlModule) continue;
            if (statement.node.specifiers.some((specifier) => specifier.type !== 'ImportSpecifier')) {
              // A namespace or default import would bring every document back into one module.
              throw statement.buildCodeFrameError('import documents from src/gql/graphql by name');
            }
            const documents = statement.node.specifiers.filter(
              (specifier): specifier is babel.types.ImportSpecifier => specifier.type === 'ImportSpecifier' && specifier.importKind !== 'type',
            );
            const ownModules = documents.map((specifier) => {
              const name = t.isIdentifier(specifier.imported) ? specifier.imported.name : specifier.imported.value;
              return t.importDeclaration([t.importSpecifier(specifier.local, t.identifier(name))], t.stringLiteral(`${PREFIX}${name}`));
            });
            const rest = statement.node.specifiers.filter((specifier) => !documents.includes(specifier as babel.types.ImportSpecifier));
            if (rest.length) {
              statement.node.specifiers = rest;
              statement.insertAfter(ownModules);
            } else {
              statement.replaceWithMultiple(ownModules);
            }
          }
        },
      },
    },
  });
}
