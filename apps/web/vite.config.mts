import process from 'node:process';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * The web app: `npm run build` (libs/build/src/build.js) writes it to dist/web, which the API serves at /;
 * `vite build` by hand writes apps/web/dist.
 * `npm run web:dev` serves it with hot reload on :5173 and sends /graphql (HTTP and WebSocket)
 * to the API on :3000, so the browser still sees one origin.
 */
// A build is the production bundle whatever NODE_ENV its caller runs with (jest's global setup builds
// with NODE_ENV=test): React's development build would be three times larger and slower.
if (process.argv.includes('build')) process.env.NODE_ENV = 'production';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [react()],
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
