import fs from 'node:fs';
import path from 'node:path';

/**
 * The version in Pairwise's package.json: the first one found going up from `from` (the CLI runs
 * from its sources in tests, from a `.dist-…` build folder in the project otherwise).
 */
export function pairwiseVersion(from: string = __dirname): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    try {
      const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string };
      if (manifest.name === 'pairwise' && manifest.version) return manifest.version;
    } catch {
      // no package.json here (or not ours): keep going up
    }
    if (path.dirname(dir) === dir) return 'unknown';
  }
}
