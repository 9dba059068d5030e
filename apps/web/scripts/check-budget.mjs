// After `vite build`: the JavaScript an attendee's phone downloads for the attendee pages, gzipped,
// against the budget of issue 12 (150 KB). Exceeding it fails `npm run build`, and so CI.
// The attendee route is the entry chunk and everything it imports statically, plus any chunk loaded
// on demand from src/attendee/ (the organiser screens are loaded on demand and do not count).
import fs from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const BUDGET_BYTES = 150 * 1024;
// The build to read: the folder given (scripts/build.js passes <build>/web), else apps/web/dist (a `vite build` by hand).
const dist = process.argv[2] ? path.resolve(process.argv[2]) : path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../dist');
const manifest = JSON.parse(fs.readFileSync(path.join(dist, '.vite/manifest.json'), 'utf8'));

const files = new Set();
const visit = (key, followDynamic) => {
  const chunk = manifest[key];
  if (!chunk || files.has(chunk.file)) return;
  files.add(chunk.file);
  for (const imported of chunk.imports ?? []) visit(imported, followDynamic);
  for (const imported of chunk.dynamicImports ?? []) if (followDynamic(imported)) visit(imported, followDynamic);
};
visit('index.html', (key) => key.startsWith('src/attendee/'));

let total = 0;
const lines = [...files].filter((file) => file.endsWith('.js')).map((file) => {
  const gzipped = gzipSync(fs.readFileSync(path.join(dist, file))).length;
  total += gzipped;
  return `  ${file}: ${(gzipped / 1024).toFixed(1)} KB gzipped`;
});
process.stdout.write(`attendee route JavaScript:\n${lines.join('\n')}\n  total ${(total / 1024).toFixed(1)} KB of ${BUDGET_BYTES / 1024} KB\n`);
if (total > BUDGET_BYTES) {
  process.stderr.write(`The attendee route's JavaScript is ${(total / 1024).toFixed(1)} KB gzipped, over its budget of ${BUDGET_BYTES / 1024} KB (docs/benchmarks.md)\n`);
  process.exit(1);
}
