import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TYPING_PAUSE_MS } from '../../shared/use-settled-value';
import { NO_FILTER, isFiltered, type AttendeeFilterState } from './attendee-filter';

/** Roles people usually give (the field is free text: these are suggestions). */
const COMMON_ROLES = ['engineer', 'researcher', 'founder', 'investor', 'product', 'designer', 'student'];

/** The filters that are a choice of any, yes or no: present at the event, consent to matchmaking. */
const YES_NO_FILTERS = ['present', 'consent'] as const;
type YesNo = AttendeeFilterState[(typeof YES_NO_FILTERS)[number]];

/**
 * Search and filters of the attendees table. Choices apply at once; the search box after a short pause
 * (or at once with Enter).
 */
export function AttendeeFilters({
  filter,
  vocabulary,
  onChange,
}: {
  filter: AttendeeFilterState;
  vocabulary: readonly { slug: string; label: string }[];
  onChange: (filter: AttendeeFilterState) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [search, setSearch] = useState(filter.search);
  const [role, setRole] = useState(filter.role);
  const [interest, setInterest] = useState(filter.interest);

  // Typed text reaches the filter after a pause.
  useEffect(() => {
    if (search === filter.search && role === filter.role && interest === filter.interest) return;
    const timer = setTimeout(() => onChange({ ...filter, search, role, interest }), TYPING_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [search, role, interest, filter, onChange]);

  const clear = () => {
    setSearch('');
    setRole('');
    setInterest('');
    onChange(NO_FILTER);
  };

  return (
    <form
      className="filters"
      role="search"
      aria-label={t('organiser.attendees.filters')}
      onSubmit={(event) => {
        event.preventDefault();
        onChange({ ...filter, search, role, interest });
      }}
    >
      <div className="field grow">
        <label htmlFor={`${id}-search`}>{t('organiser.attendees.search')}</label>
        <input id={`${id}-search`} type="search" value={search} onChange={(event) => setSearch(event.target.value)} aria-describedby={`${id}-search-hint`} />
        <p id={`${id}-search-hint`} className="hint">
          {t('organiser.attendees.searchHint')}
        </p>
      </div>
      {YES_NO_FILTERS.map((name) => (
        <div className="field" key={name}>
          <label htmlFor={`${id}-${name}`}>{t(`organiser.attendees.${name}`)}</label>
          <select id={`${id}-${name}`} value={filter[name]} onChange={(event) => onChange({ ...filter, [name]: event.target.value as YesNo })}>
            <option value="">{t('organiser.attendees.any')}</option>
            <option value="yes">{t(`organiser.attendees.${name}Yes`)}</option>
            <option value="no">{t(`organiser.attendees.${name}No`)}</option>
          </select>
        </div>
      ))}
      <div className="field">
        <label htmlFor={`${id}-role`}>{t('organiser.attendees.role')}</label>
        <input id={`${id}-role`} list={`${id}-roles`} value={role} onChange={(event) => setRole(event.target.value)} autoCapitalize="none" />
        <datalist id={`${id}-roles`}>
          {COMMON_ROLES.map((common) => (
            <option key={common} value={common} />
          ))}
        </datalist>
      </div>
      <div className="field">
        <label htmlFor={`${id}-interest`}>{t('organiser.attendees.interest')}</label>
        <input id={`${id}-interest`} list={`${id}-interests`} value={interest} onChange={(event) => setInterest(event.target.value)} autoCapitalize="none" />
        <datalist id={`${id}-interests`}>
          {vocabulary.map((tag) => (
            <option key={tag.slug} value={tag.slug}>
              {tag.label}
            </option>
          ))}
        </datalist>
      </div>
      {/* Enter in a text box applies at once; this button does the same for those who look for one. */}
      <button type="submit" className="button-secondary">
        {t('organiser.attendees.apply')}
      </button>
      {isFiltered(filter) ? (
        <button type="button" className="button-secondary" onClick={clear}>
          {t('organiser.attendees.clear')}
        </button>
      ) : null}
    </form>
  );
}
