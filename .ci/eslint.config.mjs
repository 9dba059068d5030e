// Lint for the whole monorepo (`npm run lint`), including the import
// boundaries of docs/architecture.md: libs/matching and libs/vocabulary stay
// pure, apps reach libraries only through their @pairwise/<lib> index, the web
// app reaches no code of ours but @pairwise/vocabulary, the API never reaches
// the CLI or the tests, the tests' harness never reaches test/, and no import
// goes round in a circle.
import js from '@eslint/js';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import importX from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

/** Apps and benches reach a library only through its index (the first boundary of every app). */
const throughLibraryIndex = { group: ['**/libs/*', '**/libs/*/**'], message: 'Import a library through its @pairwise/<lib> index.' };

const nodeIo = ['fs', 'fs/promises', 'child_process', 'net', 'http', 'https', 'worker_threads', 'os', 'path', 'process', 'dgram', 'dns', 'tls', 'cluster']
  .flatMap((name) => [name, `node:${name}`]);

/** A pure library: no framework, no I/O, no clock or randomness, nothing of ours. */
function pureLibrary(dir, noRandomness) {
  return {
    files: [`${dir}/**/*.ts`],
    rules: {
      'no-restricted-imports': ['error', {
        paths: nodeIo.map((name) => ({ name, message: `${dir} does no I/O.` })),
        patterns: [
          { group: ['@nestjs/*', 'typeorm', 'pg', 'express', '@apollo/*', 'graphql'], message: `${dir} is framework-free.` },
          { group: ['**/apps/**', '@pairwise/*'], message: `${dir} depends on nothing of ours.` },
        ],
      }],
      'no-restricted-properties': ['error',
        { object: 'Math', property: 'random', message: noRandomness },
        { object: 'Date', property: 'now', message: `${dir} has no clock: pass time in.` },
        { object: 'process', message: `${dir} does no I/O.` },
      ],
      'no-restricted-syntax': ['error', { selector: "NewExpression[callee.name='Date']", message: `${dir} has no clock: pass time in.` }],
    },
  };
}

export default tseslint.config(
  { ignores: ['dist/**', '.dist-*/**', 'node_modules/**', 'coverage/**', '.pairwise/**', 'migrations/*-*.ts', 'apps/web/dist/**', 'apps/web/src/gql/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['apps/cli/bin/*.js', 'libs/build/src/*.js'],
    languageOptions: { sourceType: 'commonjs', globals: { require: 'readonly', __dirname: 'readonly', process: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // A command's work is required when the command runs, so `pairwise --help` and the offline
    // commands never load the API (docs/benchmarks.md, CLI start-up); the API's services load
    // the same way, through its public entry's loadApi().
    files: ['apps/cli/src/commands/*.command.ts', 'apps/api/src/public-api.ts'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }],
      '@typescript-eslint/no-explicit-any': 'error',
      'no-console': 'error',
    },
  },
  {
    // The web app: React's rules of hooks; it talks to the API only through GraphQL, never its code; of our
    // libraries it imports only @pairwise/vocabulary, which spells tags as the API does.
    files: ['apps/web/src/**/*.{ts,tsx}'],
    ...reactHooks.configs.flat.recommended,
  },
  {
    files: ['apps/web/src/**/*.{ts,tsx}'],
    ignores: ['apps/web/src/**/*.spec.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{
          group: ['**/api/**', '**/cli/**', '**/libs/**', '@pairwise/*', '!@pairwise/vocabulary', '@nestjs/*', 'typeorm'],
          message: 'The web app reaches the API through GraphQL only (of our libraries it imports @pairwise/vocabulary alone).',
        }],
      }],
    },
  },
  {
    // Import cycles: a module and what it imports never import each other, however far round
    // (type-only imports are erased at run time and not counted).
    files: ['**/*.ts', '**/*.tsx'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/extensions': ['.ts', '.tsx', '.js'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: ['tsconfig.base.json', 'apps/web/tsconfig.json'], noWarnOnMultipleProjects: true })],
    },
    rules: { 'import-x/no-cycle': ['error', { ignoreExternal: true }] },
  },
  {
    // Not the web app: its own rule above (which this one, coming later, would replace for its .ts files).
    files: ['apps/**/*.ts', 'bench/**/*.ts'],
    ignores: ['apps/web/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [throughLibraryIndex] }],
    },
  },
  {
    // The CLI uses the API through one door, apps/api/src/public-api.ts, never its files one by one.
    files: ['apps/cli/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          throughLibraryIndex,
          { group: ['**/api/src/**', '!**/api/src/public-api'], message: 'The CLI imports the API only through apps/api/src/public-api.ts.' },
        ],
      }],
    },
  },
  {
    // The API is deployed alone: it needs nothing of the CLI, the tests or their harness.
    files: ['apps/api/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          throughLibraryIndex,
          { group: ['@pairwise/testing', '@pairwise/testing/*'], message: 'The API never imports the tests’ harness (@pairwise/testing).' },
          { group: ['**/cli', '**/cli/**', '**/apps/cli/**'], message: 'The API never imports the CLI: the CLI imports the API.' },
          { group: ['**/test', '**/test/**'], message: 'The API never imports the tests (test/).' },
        ],
      }],
    },
  },
  pureLibrary('libs/matching', 'Randomness comes from a seed (see prng.ts).'),
  // Imported by the API and the web app alike: it must run in both, and bring neither the other's code.
  pureLibrary('libs/vocabulary', 'libs/vocabulary is deterministic: the same text, the same slug.'),
  {
    files: ['**/*.spec.ts', '**/*.spec-manual.ts', '**/*.e2e-spec.ts', 'libs/testing/**/*.ts', 'test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      'no-restricted-imports': 'off',
      'no-restricted-properties': 'off',
      // Nothing is skipped in silence: a test that needs something (a build, a tool) gets it or fails saying why.
      'no-restricted-syntax': ['error',
        { selector: "MemberExpression[object.name=/^(describe|it|test)$/][property.name='skip']", message: 'Do not skip tests: provide what the test needs, or let it fail with the reason.' },
        { selector: "CallExpression[callee.name=/^(xdescribe|xit|xtest)$/]", message: 'Do not skip tests: provide what the test needs, or let it fail with the reason.' },
      ],
    },
  },
  {
    // The harness serves test/, never the other way round: what global setup and the harness share lives here.
    files: ['libs/testing/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{ group: ['**/test', '**/test/**'], message: 'libs/testing does not import test/: move what both need into libs/testing.' }],
      }],
    },
  },
);
