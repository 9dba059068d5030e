import fs from 'node:fs';
import path from 'node:path';
import { ERROR_CATEGORIES } from '../../../../api/src/common/domain-error';
import en from './en.json';
import fr from './fr.json';

type Catalogue = { [key: string]: string | Catalogue };

function flatten(catalogue: Catalogue, prefix = ''): Map<string, string> {
  const entries = new Map<string, string>();
  for (const [key, value] of Object.entries(catalogue)) {
    if (typeof value === 'string') entries.set(prefix + key, value);
    else for (const [inner, text] of flatten(value, `${prefix}${key}.`)) entries.set(inner, text);
  }
  return entries;
}

const variables = (text: string) => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((match) => match[1]).sort();

/** Every `reason` the API can send, read from its source: `badInput('X'`, `conflict('X'`, `new DomainError('C', 'X'`, `forbidden(…, 'X')`, `notFound(…, 'X')`. */
function apiReasons(): Set<string> {
  const reasons = new Set<string>();
  const visit = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) visit(file);
      else if (file.endsWith('.ts') && !file.endsWith('.spec.ts')) {
        const source = fs.readFileSync(file, 'utf8');
        for (const match of source.matchAll(/\b(?:badInput|conflict)\(\s*'([A-Z][A-Z0-9_]+)'/g)) reasons.add(match[1]!);
        // A reason chosen by a condition: `conflict(status === 'X' ? 'A' : 'B', …)`.
        for (const match of source.matchAll(/\b(?:badInput|conflict)\(\s*[^()?,;]*?\?\s*'([A-Z][A-Z0-9_]+)'\s*:\s*'([A-Z][A-Z0-9_]+)'/g)) {
          reasons.add(match[1]!);
          reasons.add(match[2]!);
        }
        for (const match of source.matchAll(/new DomainError\(\s*'[A-Z_]+',\s*'([A-Z][A-Z0-9_]+)'/g)) reasons.add(match[1]!);
        for (const match of source.matchAll(/\b(?:forbidden|notFound)\([^()]*,\s*'([A-Z][A-Z0-9_]+)'\s*\)/g)) reasons.add(match[1]!);
        // A feature's own helper that throws with a reason union: `(reason: 'A' | 'B') =>`.
        for (const match of source.matchAll(/\breason: ((?:'[A-Z][A-Z0-9_]+'\s*\|\s*)*'[A-Z][A-Z0-9_]+')\s*\)\s*=>/g)) {
          for (const literal of match[1]!.matchAll(/'([A-Z][A-Z0-9_]+)'/g)) reasons.add(literal[1]!);
        }
      }
    }
  };
  visit(path.resolve(__dirname, '../../../../api/src'));
  return reasons;
}

describe('the i18n catalogues', () => {
  const english = flatten(en);
  const french = flatten(fr);

  it('have the same keys in English and French, none empty, with the same {{variables}}', () => {
    expect([...french.keys()].sort()).toEqual([...english.keys()].sort());
    for (const [key, text] of english) {
      expect({ key, empty: text.trim() === '' || french.get(key)!.trim() === '' }).toEqual({ key, empty: false });
      expect({ key, variables: variables(french.get(key)!) }).toEqual({ key, variables: variables(text) });
    }
  });

  it('have words for every error code the API sends', () => {
    const clientCodes = ['INTERNAL_SERVER_ERROR', 'QUERY_TOO_COSTLY', 'GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_REQUEST'];
    for (const code of [...ERROR_CATEGORIES, ...clientCodes]) {
      expect({ code, english: english.has(`errors.code.${code}`), french: french.has(`errors.code.${code}`) }).toEqual({ code, english: true, french: true });
    }
  });

  it('have words for every reason the API sends (add errors.reason.<REASON> to en.json and fr.json)', () => {
    const reasons = apiReasons();
    expect(reasons.size).toBeGreaterThan(20); // the scan itself works
    const generic = new Set<string>(ERROR_CATEGORIES);
    const missing = [...reasons].filter((reason) => !generic.has(reason) && !english.has(`errors.reason.${reason}`));
    expect(missing).toEqual([]);
  });
});
