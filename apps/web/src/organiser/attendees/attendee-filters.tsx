import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TYPING_PAUSE_MS } from '../../shared/use-settled-value';
import { NO_FILTER, isFiltered, type AttendeeFilterState } from './attendee-filter';

/** Roles people usually give (the field is free text: these are suggestions). */
const COMMON_ROLES = ['engineer', 'researcher', 'founder', 'investor', 'product', 'designer', 'student'];

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
      <div className="field">
        <label htmlFor={`${id}-present`}>{t('organiser.attendees.present')}</label>
        <select id={`${id}-present`} value={filter.present} onChange={(event) => onChange({ ...filter, present: event.target.value as AttendeeFilterState['present'] })}>
          <option value="">{t('organiser.attendees.any')}</option>
          <option value="yes">{t('organiser.attendees.presentYes')}</option>
          <option value="no">{t('organiser.attendees.presentNo')}</option>
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-consent`}>{t('organiser.attendees.consent')}</label>
        <select id={`${id}-consent`} value={filter.consent} onChange={(event) => onChange({ ...filter, consent: event.target.value as AttendeeFilterState['consent'] })}>
          <option value="">{t('organiser.attendees.any')}</option>
          <option value="yes">{t('organiser.attendees.consentYes')}</option>
          <option value="no">{t('organiser.attendees.consentNo')}</option>
        </select>
      </div>
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
