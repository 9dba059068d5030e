// After `vite build`: a Brotli and a gzip copy of every text file of the build, which the API serves
// to browsers that accept them (@fastify/static `preCompressed`): a phone on venue Wi-Fi downloads the
// attendee route in about a third of its size, and the API spends no CPU compressing per request.
import fs from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

// The build to read: the folder given (scripts/build.js passes <build>/web), else apps/web/dist (a `vite build` by hand).
const dist = process.argv[2] ? path.resolve(process.argv[2]) : path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../dist');
const TEXT = /\.(?:js|css|html|svg|json|txt|map)$/;

for (const entry of fs.readdirSync(dist, { recursive: true, withFileTypes: true })) {
  const file = path.join(entry.parentPath, entry.name);
  if (!entry.isFile() || !TEXT.test(entry.name) || file.includes(`${path.sep}.vite${path.sep}`)) continue;
  const content = fs.readFileSync(file);
  fs.writeFileSync(`${file}.br`, brotliCompressSync(content, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: content.length } }));
  fs.writeFileSync(`${file}.gz`, gzipSync(content, { level: 9 }));
}
