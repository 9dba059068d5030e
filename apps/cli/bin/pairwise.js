#!/usr/bin/env node
'use strict';
// The compiled CLI lives in dist/ (built by `npm install` through the prepare script).
const path = require('node:path');
const entry = path.join(__dirname, '..', '..', '..', 'dist', 'apps', 'cli', 'src', 'main.js');
try {
  require.resolve(entry);
} catch {
  process.stderr.write('pairwise: not built yet; run `npm run build` in the project folder first\n');
  process.exit(1);
}
require(entry);
