import { useDeferredValue, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { ErrorNotice } from '../../shared/layout/error-notice';
import { SpeakerSearchDocument } from './talks.documents';

export interface Speaker {
  id: string;
  name: string;
}

/**
 * The speaker of a new talk, an attendee of the event: a search box (name, email or company) and the
 * first matches as radio buttons — the keyboard moves through them with the arrows, as any radio group.
 */
export function SpeakerPicker({ eventId, value, onChange, invalid }: { eventId: string; value?: Speaker; onChange: (speaker: Speaker) => void; invalid?: boolean }) {
  const { t } = useTranslation();
  const id = useId();
  const [search, setSearch] = useState('');
  const deferred = useDeferredValue(search.trim());
  const [result] = useQuery({ query: SpeakerSearchDocument, variables: { eventId, search: deferred }, pause: deferred.length < 2 });
  const matches = deferred.length >= 2 ? (result.data?.attendees.edges.map((edge) => edge.node) ?? []) : [];
  const shown = value && !matches.some((match) => match.id === value.id) ? [{ id: value.id, name: value.name, email: null, company: null }, ...matches] : matches;
  return (
    <fieldset className="speaker-picker" aria-describedby={`${id}-hint`}>
      <legend>{t('organiser.talks.create.speaker')}</legend>
      <div className="field">
        <label htmlFor={`${id}-search`}>{t('organiser.talks.create.speakerSearch')}</label>
        <input id={`${id}-search`} type="search" value={search} onChange={(event) => setSearch(event.target.value)} autoComplete="off" />
      </div>
      <p id={`${id}-hint`} className={invalid && !value ? 'field-error' : 'hint'} aria-live="polite">
        {invalid && !value
          ? t('organiser.talks.create.speakerMissing')
          : value
          ? t('organiser.talks.create.speakerChosen', { name: value.name })
          : deferred.length < 2
            ? t('organiser.talks.create.speakerHint')
            : result.fetching
              ? t('app.loading')
              : matches.length === 0
                ? t('organiser.talks.create.speakerNone')
                : t('organiser.talks.create.speakerPick')}
      </p>
      {result.error ? <ErrorNotice error={result.error} /> : null}
      {shown.length ? (
        <ul className="speaker-matches">
          {shown.map((person) => (
            <li key={person.id}>
              <input
                type="radio"
                id={`${id}-${person.id}`}
                name={`${id}-speaker`}
                checked={value?.id === person.id}
                onChange={() => onChange({ id: person.id, name: person.name ?? person.email ?? person.id })}
              />
              <label htmlFor={`${id}-${person.id}`}>
                {person.name ?? t('organiser.meetings.unnamed')}
                {person.company || person.email ? <span className="person-detail"> · {[person.company, person.email].filter(Boolean).join(' · ')}</span> : null}
              </label>
            </li>
          ))}
        </ul>
      ) : null}
    </fieldset>
  );
}
