import { useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';

/** One tag as the editor holds it: the slug stays as it was (profiles store it), synonyms as typed. */
export interface VocabularyRow {
  key: number;
  label: string;
  slug: string;
  synonyms: string;
}

let nextKey = 1;

export function vocabularyRows(tags: readonly { slug: string; label: string; synonyms: readonly string[] }[]): VocabularyRow[] {
  return tags.map((tag) => ({ key: nextKey++, label: tag.label, slug: tag.slug, synonyms: tag.synonyms.join(', ') }));
}

/** The vocabulary as the API takes it: blank rows dropped, the slug derived by the API when left empty. */
export function vocabularyInput(rows: readonly VocabularyRow[]): { slug?: string; label: string; synonyms: string[] }[] {
  return rows
    .filter((row) => row.label.trim() !== '' || row.slug.trim() !== '')
    .map((row) => ({
      ...(row.slug.trim() ? { slug: row.slug.trim() } : {}),
      label: row.label.trim(),
      synonyms: row.synonyms
        .split(',')
        .map((synonym) => synonym.trim())
        .filter(Boolean),
    }));
}

/**
 * The event's tags (what interests and stacks are normalised to): a row per tag with its label, its slug
 * and the other spellings that mean it. Each control is labelled with its row, for screen readers.
 */
export function VocabularyEditor({ rows, onChange, invalid }: { rows: VocabularyRow[]; onChange: (rows: VocabularyRow[]) => void; invalid: boolean }) {
  const { t } = useTranslation();
  const id = useId();
  const table = useRef<HTMLTableElement>(null);
  const update = (key: number, change: Partial<VocabularyRow>) => onChange(rows.map((row) => (row.key === key ? { ...row, ...change } : row)));
  const add = () => {
    onChange([...rows, { key: nextKey++, label: '', slug: '', synonyms: '' }]);
    // The new row's first field, for keyboard users.
    requestAnimationFrame(() => table.current?.querySelector<HTMLInputElement>('tbody tr:last-child input')?.focus());
  };
  return (
    <fieldset aria-describedby={`${id}-hint`} aria-invalid={invalid || undefined}>
      <legend>{t('organiser.vocabulary.title')}</legend>
      <p id={`${id}-hint`} className="hint">
        {t('organiser.vocabulary.hint')}
      </p>
      {rows.length ? (
        <div className="table-scroll" role="region" aria-label={t('organiser.vocabulary.title')} tabIndex={0}>
          <table ref={table} className="data-table">
            <thead>
              <tr>
                <th scope="col">{t('organiser.vocabulary.label')}</th>
                <th scope="col">{t('organiser.vocabulary.slug')}</th>
                <th scope="col">{t('organiser.vocabulary.synonyms')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('organiser.vocabulary.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row, index) => (
                <tr key={row.key}>
                  <td>
                    <input
                      aria-label={t('organiser.vocabulary.labelOf', { number: index + 1 })}
                      value={row.label}
                      maxLength={80}
                      onChange={(event) => update(row.key, { label: event.target.value })}
                    />
                  </td>
                  <td>
                    <input
                      aria-label={t('organiser.vocabulary.slugOf', { number: index + 1 })}
                      value={row.slug}
                      maxLength={60}
                      spellCheck={false}
                      autoCapitalize="none"
                      placeholder={t('organiser.vocabulary.slugAuto')}
                      onChange={(event) => update(row.key, { slug: event.target.value })}
                    />
                  </td>
                  <td>
                    <input
                      aria-label={t('organiser.vocabulary.synonymsOf', { number: index + 1 })}
                      value={row.synonyms}
                      onChange={(event) => update(row.key, { synonyms: event.target.value })}
                    />
                  </td>
                  <td>
                    <button type="button" className="button-secondary" onClick={() => onChange(rows.filter((other) => other.key !== row.key))}>
                      {t('organiser.vocabulary.remove', { label: row.label || index + 1 })}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p>{t('organiser.vocabulary.empty')}</p>
      )}
      <button type="button" className="button-secondary" onClick={add}>
        {t('organiser.vocabulary.add')}
      </button>
    </fieldset>
  );
}
