import fs from 'node:fs';
import path from 'node:path';
import en from './en.json';

/** Every file of the web app's sources. */
function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'gql' ? [] : sources(file);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.spec.ts') ? [file] : [];
  });
}

describe('the catalogues reach the browser', () => {
  it('every top-level section is loaded: imported by name in i18n.ts, or by a screen through virtual:i18n-section/<name>', () => {
    const src = path.resolve(__dirname, '../..');
    const first = fs.readFileSync(path.join(__dirname, 'i18n.ts'), 'utf8');
    const named = (file: string) =>
      [...first.matchAll(new RegExp(`import \\{([^}]*)\\} from '\\./${file}'`, 'g'))].flatMap((match) => match[1]!.split(',').map((part) => part.trim().split(/\s+as\s+/)[0]!));
    const onDemand = new Set(sources(src).flatMap((file) => [...fs.readFileSync(file, 'utf8').matchAll(/from 'virtual:i18n-section\/(\w+)'/g)].map((match) => match[1]!)));
    const sections = Object.keys(en).sort();
    expect([...new Set([...named('en.json'), ...onDemand])].sort()).toEqual(sections);
    expect([...new Set([...named('fr.json'), ...onDemand])].sort()).toEqual(sections);
  });
});
