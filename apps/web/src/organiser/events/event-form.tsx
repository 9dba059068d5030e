import type { CombinedError } from '@urql/core';
import { useId, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { MailLanguage, OddPolicy } from '../../gql/graphql';
import { describeApiError } from '../../shared/api-error';
import { VocabularyEditor, vocabularyRows, vocabularyInput, type VocabularyRow } from './vocabulary-editor';
import { SubmitButton } from '../../shared/layout/submit-button';

/** What the form edits, as the API names it (strings as typed; the page turns them into the input). */
export interface EventFormValues {
  name: string;
  slug: string;
  startsOn: string;
  endsOn: string;
  timeZone: string;
  venue: string;
  language: MailLanguage | '';
  defaultRoundMinutes: string;
  oddPolicy: OddPolicy;
  retentionDays: string;
  vocabulary: { slug: string; label: string; synonyms: string[] }[];
}

/** The fields of CreateEventInput / UpdateEventInput the form fills; empty optional fields are null (cleared). */
export interface EventFormInput {
  name: string;
  slug: string;
  startsOn: string | null;
  endsOn: string | null;
  timeZone: string;
  venue: string | null;
  language: MailLanguage | null;
  defaultRoundMinutes: number;
  oddPolicy: OddPolicy;
  retentionDays: number | null;
  vocabulary: { slug?: string; label: string; synonyms: string[] }[];
}

export const EMPTY_EVENT: EventFormValues = {
  name: '',
  slug: '',
  startsOn: '',
  endsOn: '',
  // The organiser's own zone is the likeliest one for their event.
  timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC',
  venue: '',
  language: '',
  defaultRoundMinutes: '15',
  oddPolicy: 'TRIO',
  retentionDays: '',
  vocabulary: [],
};

/** A slug people can read from the name: "Paris AI Days 2027" → "paris-ai-days-2027". */
export function slugify(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 64)
    .replace(/-+$/, '');
}

const ZONES = (() => {
  try {
    return Intl.supportedValuesOf('timeZone');
  } catch {
    return ['UTC'];
  }
})();

/**
 * Create or edit an event: name and address, days and clock, venue, the language of mails, rounds'
 * defaults and the tag vocabulary. The API's refusal is said in words, on the fields it names too.
 */
export function EventForm({
  initial,
  submitLabel,
  busy,
  error,
  onSubmit,
}: {
  initial: EventFormValues;
  submitLabel: string;
  busy: boolean;
  error?: CombinedError;
  onSubmit: (input: EventFormInput) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [slugTouched, setSlugTouched] = useState(Boolean(initial.slug));
  const [name, setName] = useState(initial.name);
  const [slug, setSlug] = useState(initial.slug);
  const [rows, setRows] = useState<VocabularyRow[]>(() => vocabularyRows(initial.vocabulary));
  const problem = error ? describeApiError(error) : undefined;
  const invalidFields = useMemo(() => new Set(problem?.fields.map((field) => field.field.split('.')[0])), [problem]);
  const invalid = (field: string) => invalidFields.has(field) || undefined;
  const fieldError = (field: string) =>
    invalidFields.has(field) ? (
      <p id={`${id}-${field}-error`} className="field-error">
        {t('errors.fieldInvalid')} <span lang="en">{problem?.fields.find((entry) => entry.field.split('.')[0] === field)?.message}</span>
      </p>
    ) : null;
  const describedBy = (field: string, hint?: boolean) =>
    [hint ? `${id}-${field}-hint` : '', invalidFields.has(field) ? `${id}-${field}-error` : ''].filter(Boolean).join(' ') || undefined;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (field: string) => String(form.get(field) ?? '').trim();
    const optionalNumber = (field: string) => (text(field) === '' ? null : Number(text(field)));
    onSubmit({
      name: name.trim(),
      slug: slug.trim(),
      startsOn: text('startsOn') || null,
      endsOn: text('endsOn') || text('startsOn') || null,
      timeZone: text('timeZone'),
      venue: text('venue') || null,
      language: (text('language') || null) as MailLanguage | null,
      defaultRoundMinutes: Number(text('defaultRoundMinutes')),
      oddPolicy: text('oddPolicy') as OddPolicy,
      retentionDays: optionalNumber('retentionDays'),
      vocabulary: vocabularyInput(rows),
    });
  };

  return (
    <form className="form form-wide" onSubmit={submit}>
      {problem ? (
        <div className="notice notice-error" role="alert">
          {t(problem.messageKey as 'errors.network')}
        </div>
      ) : null}
      <fieldset>
        <legend>{t('organiser.eventForm.identity')}</legend>
        <div className="field">
          <label htmlFor={`${id}-name`}>{t('organiser.eventForm.name')}</label>
          <input
            id={`${id}-name`}
            name="name"
            required
            maxLength={200}
            value={name}
            onChange={(event) => {
              setName(event.target.value);
              if (!slugTouched) setSlug(slugify(event.target.value));
            }}
            aria-invalid={invalid('name')}
            aria-describedby={describedBy('name')}
          />
          {fieldError('name')}
        </div>
        <div className="field">
          <label htmlFor={`${id}-slug`}>{t('organiser.eventForm.slug')}</label>
          <input
            id={`${id}-slug`}
            name="slug"
            required
            maxLength={64}
            pattern="[a-z0-9]+(-[a-z0-9]+)*"
            spellCheck={false}
            autoCapitalize="none"
            value={slug}
            onChange={(event) => {
              setSlugTouched(true);
              setSlug(event.target.value);
            }}
            aria-invalid={invalid('slug')}
            aria-describedby={describedBy('slug', true)}
          />
          <p id={`${id}-slug-hint`} className="hint">
            {t('organiser.eventForm.slugHint')}
          </p>
          {fieldError('slug')}
        </div>
      </fieldset>

      <fieldset>
        <legend>{t('organiser.eventForm.when')}</legend>
        <div className="field-row">
          <div className="field">
            <label htmlFor={`${id}-startsOn`}>{t('organiser.eventForm.startsOn')}</label>
            <input id={`${id}-startsOn`} name="startsOn" type="date" min="2000-01-01" max="2999-12-31" defaultValue={initial.startsOn} aria-invalid={invalid('startsOn')} aria-describedby={describedBy('startsOn')} />
            {fieldError('startsOn')}
          </div>
          <div className="field">
            <label htmlFor={`${id}-endsOn`}>{t('organiser.eventForm.endsOn')}</label>
            <input id={`${id}-endsOn`} name="endsOn" type="date" min="2000-01-01" max="2999-12-31" defaultValue={initial.endsOn} aria-invalid={invalid('endsOn')} aria-describedby={describedBy('endsOn')} />
            {fieldError('endsOn')}
          </div>
        </div>
        <div className="field">
          <label htmlFor={`${id}-timeZone`}>{t('organiser.eventForm.timeZone')}</label>
          <input
            id={`${id}-timeZone`}
            name="timeZone"
            required
            list={`${id}-zones`}
            spellCheck={false}
            autoCapitalize="none"
            defaultValue={initial.timeZone}
            aria-invalid={invalid('timeZone')}
            aria-describedby={describedBy('timeZone', true)}
          />
          <datalist id={`${id}-zones`}>
            {ZONES.map((zone) => (
              <option key={zone} value={zone} />
            ))}
          </datalist>
          <p id={`${id}-timeZone-hint`} className="hint">
            {t('organiser.eventForm.timeZoneHint')}
          </p>
          {fieldError('timeZone')}
        </div>
        <div className="field">
          <label htmlFor={`${id}-venue`}>{t('organiser.eventForm.venue')}</label>
          <input id={`${id}-venue`} name="venue" maxLength={300} defaultValue={initial.venue} aria-invalid={invalid('venue')} aria-describedby={describedBy('venue')} />
          {fieldError('venue')}
        </div>
      </fieldset>

      <fieldset>
        <legend>{t('organiser.eventForm.rounds')}</legend>
        <div className="field">
          <label htmlFor={`${id}-language`}>{t('organiser.eventForm.language')}</label>
          <select id={`${id}-language`} name="language" defaultValue={initial.language} aria-describedby={`${id}-language-hint`}>
            <option value="">{t('organiser.eventForm.languageEach')}</option>
            <option value="EN">{t('language.en')}</option>
            <option value="FR">{t('language.fr')}</option>
          </select>
          <p id={`${id}-language-hint`} className="hint">
            {t('organiser.eventForm.languageHint')}
          </p>
        </div>
        <div className="field-row">
          <div className="field">
            <label htmlFor={`${id}-defaultRoundMinutes`}>{t('organiser.eventForm.defaultRoundMinutes')}</label>
            <input
              id={`${id}-defaultRoundMinutes`}
              name="defaultRoundMinutes"
              type="number"
              inputMode="numeric"
              required
              min={3}
              max={120}
              defaultValue={initial.defaultRoundMinutes}
              aria-invalid={invalid('defaultRoundMinutes')}
              aria-describedby={describedBy('defaultRoundMinutes')}
            />
            {fieldError('defaultRoundMinutes')}
          </div>
          <div className="field">
            <label htmlFor={`${id}-oddPolicy`}>{t('organiser.eventForm.oddPolicy')}</label>
            <select id={`${id}-oddPolicy`} name="oddPolicy" defaultValue={initial.oddPolicy}>
              <option value="TRIO">{t('organiser.eventForm.oddTrio')}</option>
              <option value="BYE">{t('organiser.eventForm.oddBye')}</option>
            </select>
          </div>
        </div>
        <div className="field">
          <label htmlFor={`${id}-retentionDays`}>{t('organiser.eventForm.retentionDays')}</label>
          <input
            id={`${id}-retentionDays`}
            name="retentionDays"
            type="number"
            inputMode="numeric"
            min={1}
            max={3650}
            defaultValue={initial.retentionDays}
            aria-invalid={invalid('retentionDays')}
            aria-describedby={describedBy('retentionDays', true)}
          />
          <p id={`${id}-retentionDays-hint`} className="hint">
            {t('organiser.eventForm.retentionDaysHint')}
          </p>
          {fieldError('retentionDays')}
        </div>
      </fieldset>

      <VocabularyEditor rows={rows} onChange={setRows} invalid={invalidFields.has('vocabulary')} />

      <div className="form-actions">
        <SubmitButton busy={busy} busyLabel={t('organiser.eventForm.saving')}>
          {submitLabel}
        </SubmitButton>
      </div>
    </form>
  );
}
