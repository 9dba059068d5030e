import fs from 'node:fs';
import path from 'node:path';
import semver from 'semver';

const root = path.resolve(__dirname, '../../..');
const read = (file: string) => JSON.parse(fs.readFileSync(path.join(root, file), 'utf8'));

describe('the Node version we promise', () => {
  const promised: string = read('package.json').engines.node;
  const oldest = semver.minVersion(promised)!.version;

  it('is what the README states', () => {
    expect(oldest).toBe('20.19.0');
    expect(fs.readFileSync(path.join(root, 'README.md'), 'utf8')).toContain('Node 20.19+');
  });

  it('is supported by every package npm installs, so `npm install` prints no EBADENGINE warning', () => {
    const packages: Record<string, { version?: string; engines?: { node?: string } }> = read('package-lock.json').packages;
    const refusing = Object.entries(packages)
      .filter(([where, entry]) => where !== '' && entry.engines?.node && !semver.satisfies(oldest, entry.engines.node))
      .map(([where, entry]) => `${where.replace(/^.*node_modules\//, '')}@${entry.version} wants Node ${entry.engines!.node}`);
    expect(refusing).toEqual([]);
  });
});
