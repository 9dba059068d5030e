/** The attendees table's filter as it lives in the address (?q=…&present=yes…), so a reload or a shared link keeps it. */
export interface AttendeeFilterState {
  search: string;
  present: '' | 'yes' | 'no';
  consent: '' | 'yes' | 'no';
  role: string;
  interest: string;
}

export const NO_FILTER: AttendeeFilterState = { search: '', present: '', consent: '', role: '', interest: '' };

const yesNo = (value: string | null): '' | 'yes' | 'no' => (value === 'yes' || value === 'no' ? value : '');

export function readFilter(search: string): AttendeeFilterState {
  const params = new URLSearchParams(search);
  return {
    search: params.get('q') ?? '',
    present: yesNo(params.get('present')),
    consent: yesNo(params.get('consent')),
    role: params.get('role') ?? '',
    interest: params.get('interest') ?? '',
  };
}

export function writeFilter(filter: AttendeeFilterState): string {
  const params = new URLSearchParams();
  if (filter.search.trim()) params.set('q', filter.search.trim());
  if (filter.present) params.set('present', filter.present);
  if (filter.consent) params.set('consent', filter.consent);
  if (filter.role.trim()) params.set('role', filter.role.trim());
  if (filter.interest.trim()) params.set('interest', filter.interest.trim());
  return params.toString();
}

/** The API's AttendeeFilter: only what is set (an empty text filters nothing). */
export function toApiFilter(filter: AttendeeFilterState): { search?: string; present?: boolean; consent?: boolean; role?: string; interest?: string } {
  return {
    ...(filter.search.trim() ? { search: filter.search.trim() } : {}),
    ...(filter.present ? { present: filter.present === 'yes' } : {}),
    ...(filter.consent ? { consent: filter.consent === 'yes' } : {}),
    ...(filter.role.trim() ? { role: filter.role.trim() } : {}),
    ...(filter.interest.trim() ? { interest: filter.interest.trim() } : {}),
  };
}

export const isFiltered = (filter: AttendeeFilterState) => writeFilter(filter) !== '';
