// After `vite build`: the JavaScript an attendee's phone downloads for the attendee pages, gzipped,
// against the budget of issue 12 (150 KB). Exceeding it fails `npm run build`, and so CI.
// The attendee route is the entry chunk and everything it imports statically, plus any chunk loaded
// on demand from src/attendee/ (the organiser screens are loaded on demand and do not count).
// It also fails when the staff screens' words (the catalogues' `organiser` section) reach those files.
import fs from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const BUDGET_BYTES = 150 * 1024;
const CATALOGUES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../src/shared/i18n');
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

/** Texts of a catalogue section, flattened. */
const texts = (value) => (typeof value === 'string' ? [value] : Object.values(value).flatMap(texts));

// The staff screens' words come with their chunk (virtual:i18n-section/organiser), never with the
// attendee's. Checked on the texts a bundle keeps as written: long, plain ASCII, found in no other section.
const leaked = ['en', 'fr'].flatMap((language) => {
  const { organiser, ...others } = JSON.parse(fs.readFileSync(path.join(CATALOGUES, `${language}.json`), 'utf8'));
  const elsewhere = texts(others).join('\n');
  const distinctive = texts(organiser).filter((text) => text.length >= 24 && /^[\x20-\x7e]+$/.test(text) && !/["'\\]/.test(text) && !elsewhere.includes(text));
  if (distinctive.length < 10) throw new Error(`check-budget: too few ${language} organiser texts to look for (${distinctive.length}); is the catalogue where it should be?`);
  const bundle = [...files].filter((file) => file.endsWith('.js')).map((file) => fs.readFileSync(path.join(dist, file), 'utf8')).join('\n');
  return distinctive.filter((text) => bundle.includes(text)).map((text) => `${language}: ${text}`);
});
if (leaked.length) {
  process.stderr.write(`The attendee route's JavaScript holds ${leaked.length} text(s) of the staff screens (the catalogues' organiser section), e.g. ${leaked.slice(0, 3).join(' | ')}\n`);
  process.exit(1);
}
