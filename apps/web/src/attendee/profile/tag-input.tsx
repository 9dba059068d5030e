import { useId, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';

export interface TagSuggestion {
  value: string;
  label: string;
}

/**
 * A list of tags: each shown by its label with a button to remove it, and a text box that suggests
 * what the event knows (a datalist: the browser's own autocomplete, on phones too). Enter, a comma,
 * picking a suggestion or "Add" adds what was typed.
 */
export function TagInput({
  legend,
  hint,
  addLabel,
  values,
  onChange,
  suggestions,
  label,
  resolve,
  max,
  invalid,
}: {
  legend: string;
  hint?: string;
  /** The text box's label ("Add an interest"). */
  addLabel: string;
  values: string[];
  onChange: (values: string[]) => void;
  suggestions: TagSuggestion[];
  label: (value: string) => string;
  /** What to store for a typed text (the vocabulary's slug, a language code, or the text). */
  resolve: (typed: string) => string;
  max: number;
  invalid?: boolean;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [typed, setTyped] = useState('');
  const add = (text: string) => {
    const value = resolve(text);
    if (value && !values.includes(value) && values.length < max) onChange([...values, value]);
    setTyped('');
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter' || event.key === ',') {
      event.preventDefault(); // Enter would submit the whole form
      if (typed.trim()) add(typed);
    } else if (event.key === 'Backspace' && !typed && values.length) {
      onChange(values.slice(0, -1));
    }
  };
  const offered = suggestions.filter((suggestion) => !values.includes(suggestion.value));
  return (
    <fieldset className="tag-field" aria-describedby={hint ? `${id}-hint` : undefined}>
      <legend>{legend}</legend>
      {hint ? (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {values.length ? (
        <ul className="chips">
          {values.map((value) => (
            <li key={value} className="chip">
              <span>{label(value)}</span>
              <button type="button" className="chip-remove" aria-label={t('attendee.profile.removeTag', { tag: label(value) })} onClick={() => onChange(values.filter((other) => other !== value))}>
                ×
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      {values.length < max ? (
        <div className="tag-add">
          <label htmlFor={`${id}-input`} className="visually-hidden">
            {addLabel}
          </label>
          <input
            id={`${id}-input`}
            list={`${id}-list`}
            value={typed}
            maxLength={80}
            placeholder={addLabel}
            autoComplete="off"
            enterKeyHint="done"
            aria-invalid={invalid || undefined}
            onChange={(event) => {
              const text = event.target.value;
              // Picking a suggestion replaces the text at once (no inputType): take it as chosen.
              const picked = !(event.nativeEvent as InputEvent).inputType && offered.some((suggestion) => suggestion.label === text);
              if (picked) add(text);
              else setTyped(text);
            }}
            onKeyDown={onKeyDown}
          />
          <button type="button" className="button-secondary" aria-label={t('attendee.profile.addTo', { field: legend })} onClick={() => add(typed)} disabled={!typed.trim()}>
            {t('attendee.profile.add')}
          </button>
          <datalist id={`${id}-list`}>
            {offered.map((suggestion) => (
              <option key={suggestion.value} value={suggestion.label} />
            ))}
          </datalist>
        </div>
      ) : null}
    </fieldset>
  );
}
