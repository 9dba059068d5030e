import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(__dirname, '../../..');

/**
 * The path of a built file (`built('apps/api/src/main.js')` is dist/apps/api/src/main.js). The e2e
 * global setup builds first; a suite run some other way fails here with the reason instead of being
 * skipped in silence.
 */
export function built(relative: string): string {
  const file = path.join(root, 'dist', relative);
  if (!fs.existsSync(file)) {
    throw new Error(`${path.relative(root, file)} is missing: run \`npm run build\` (the e2e global setup does it when the sources changed)`);
  }
  return file;
}
