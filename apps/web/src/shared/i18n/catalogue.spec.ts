import { ERROR_CATEGORIES } from '../../../../api/src/common/domain-error';
import { ERROR_REASONS } from '../../gql/error-reasons';
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

  it('have words for every reason the API sends: every value of the schema\'s …ErrorReason enums (add errors.reason.<REASON> to en.json and fr.json)', () => {
    expect(ERROR_REASONS.length).toBeGreaterThan(20); // the generated list is there
    const generic = new Set<string>(ERROR_CATEGORIES);
    const missing = ERROR_REASONS.filter((reason) => !generic.has(reason) && !english.has(`errors.reason.${reason}`));
    expect(missing).toEqual([]);
  });
});
