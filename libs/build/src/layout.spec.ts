import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(__dirname, '../../..');

/** The fixed top level of the repository (docs/architecture.md); `.gitignore` is git's own. */
const ALLOWED = ['.ci', '.gitignore', 'README.md', 'apps', 'bench', 'docs', 'libs', 'migrations', 'nest-cli.json', 'package-lock.json', 'package.json', 'test', 'tsconfig.base.json'];

describe('the top level of the repository', () => {
  it('holds only the fixed entries, nest-cli.json included', () => {
    // What git tracks (builds, node_modules and local data are ignored files, not part of the layout).
    const tracked = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], { cwd: root, encoding: 'utf8' })
      .split('\n')
      .filter(Boolean)
      .map((file) => file.split('/')[0]!);
    const entries = [...new Set(tracked)].filter((entry) => fs.existsSync(path.join(root, entry))).sort();
    expect(entries.filter((entry) => !ALLOWED.includes(entry))).toEqual([]);
    expect(entries).toEqual(expect.arrayContaining(['nest-cli.json', 'package.json', 'tsconfig.base.json', 'README.md']));
  });
});
