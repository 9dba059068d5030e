import { NO_FILTER, readFilter, toApiFilter, writeFilter } from './attendee-filter';

describe('the attendees filter in the address', () => {
  it('reads back what it writes', () => {
    const filter = { search: 'Lovelace & co', present: 'yes', consent: 'no', role: 'founder', interest: 'rag' } as const;
    expect(readFilter(writeFilter(filter))).toEqual(filter);
    expect(writeFilter(NO_FILTER)).toBe('');
    expect(readFilter('')).toEqual(NO_FILTER);
  });

  it('ignores what it does not know, and sends the API only what is set', () => {
    expect(readFilter('?present=maybe&consent=1&other=x')).toEqual(NO_FILTER);
    expect(toApiFilter({ ...NO_FILTER, search: '  ', present: 'no' })).toEqual({ present: false });
    expect(toApiFilter({ ...NO_FILTER, consent: 'yes', interest: ' LLM ' })).toEqual({ consent: true, interest: 'LLM' });
  });
});
