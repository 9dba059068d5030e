import fs from 'node:fs';
import process from 'node:process';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { graphqlDocumentModules } from './build/graphql-document-modules.mjs';

/**
 * The web app: `npm run build` (libs/build/src/build.js) writes it to dist/web, which the API serves at /;
 * `vite build` by hand writes apps/web/dist.
 * `npm run web:dev` serves it with hot reload on :5173 and sends /graphql (HTTP and WebSocket)
 * to the API on :3000, so the browser still sees one origin.
 */
// A build is the production bundle whatever NODE_ENV its caller runs with (jest's global setup builds
// with NODE_ENV=test): React's development build would be three times larger and slower.
if (process.argv.includes('build')) process.env.NODE_ENV = 'production';

const I18N_DIR = fileURLToPath(new URL('./src/shared/i18n/', import.meta.url));
const SECTION_PREFIX = 'virtual:i18n-section/';

/**
 * `import { en, fr } from 'virtual:i18n-section/<name>'`: one top-level section of en.json and fr.json as
 * a module of its own, so a screen loaded on demand brings its words along (organiser/organiser-strings.ts)
 * while the first chunk, which imports the other sections by name, leaves that section out.
 */
function i18nSections(): Plugin {
  return {
    name: 'pairwise-i18n-sections',
    resolveId: (id) => (id.startsWith(SECTION_PREFIX) ? `\0${id}` : undefined),
    load(id) {
      if (!id.startsWith(`\0${SECTION_PREFIX}`)) return undefined;
      const section = id.slice(SECTION_PREFIX.length + 1);
      const read = (language: string) => {
        const file = `${I18N_DIR}${language}.json`;
        this.addWatchFile(file);
        const catalogue = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
        if (!(section in catalogue)) throw new Error(`${file} has no section "${section}"`);
        return JSON.stringify(catalogue[section]);
      };
      return `export const en = ${read('en')};\nexport const fr = ${read('fr')};\n`;
    },
  };
}

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [graphqlDocumentModules(fileURLToPath(new URL('./src/gql/', import.meta.url))), react(), i18nSections()],
  // The one library of ours the web app may import (lint allows no other): as tsconfig.json's `paths` say.
  resolve: {
    alias: [{ find: /^@pairwise\/vocabulary$/, replacement: fileURLToPath(new URL('../../libs/vocabulary/src/index.ts', import.meta.url)) }],
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    assetsDir: 'assets',
    target: 'es2022',
    // Read by scripts/check-budget.mjs (under .vite/, which is not served).
    manifest: true,
    // The attendee route's budget is 150 KB of gzipped JavaScript (docs/benchmarks.md): say so when a chunk grows.
    chunkSizeWarningLimit: 450,
  },
  server: {
    proxy: { '/graphql': { target: 'http://localhost:3000', ws: true } },
  },
});
