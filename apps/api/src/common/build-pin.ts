import fs from 'node:fs';
import path from 'node:path';

/** Kept in step with libs/build/src/build.js, which reads them when it removes old builds. */
const INFO_FILE = 'build-info.json';
const PINS = '.in-use';

const pinned = new Set<string>();

/**
 * Marks the build folder that `file` belongs to as in use by this process (`<build>/.in-use/<pid>`,
 * removed at exit), so `npm run build` — which compiles into a new folder and points dist/ at it —
 * leaves this one in place while the process may still load files from it (libs/build/src/build.js).
 * Returns the build folder, or undefined when `file` is not in one (TypeScript run by jest).
 * Never throws: a read-only install simply has nothing to protect.
 */
export function pinBuild(file: string): string | undefined {
  try {
    const build = buildFolderOf(fs.realpathSync(file));
    if (!build || pinned.has(build)) return build;
    const pin = path.join(build, PINS, String(process.pid));
    fs.mkdirSync(path.dirname(pin), { recursive: true });
    fs.writeFileSync(pin, '');
    pinned.add(build);
    process.once('exit', () => fs.rmSync(pin, { force: true }));
    return build;
  } catch {
    return undefined;
  }
}

/** The build folder `file` belongs to (the nearest folder above it with a build-info.json), if any. */
export function buildFolderOf(file: string): string | undefined {
  for (let dir = path.dirname(file); ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, INFO_FILE))) return dir;
    if (path.dirname(dir) === dir) return undefined;
  }
}
