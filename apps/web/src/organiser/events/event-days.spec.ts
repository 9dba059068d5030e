import { formatEventDays } from './event-days';

describe('formatEventDays', () => {
  // ICU versions differ on the spaces around the dash (Node's and Chromium's), not on the words.
  it('writes one day, a range in one month and a range across months, in English and French', () => {
    expect(formatEventDays({ startsOn: '2027-06-12', endsOn: '2027-06-12' }, 'en-GB')).toBe('12 June 2027');
    expect(formatEventDays({ startsOn: '2027-06-12', endsOn: '2027-06-13' }, 'en-GB')).toMatch(/^12\s?–\s?13 June 2027$/);
    expect(formatEventDays({ startsOn: '2027-06-30', endsOn: '2027-07-01' }, 'fr')).toMatch(/^30 juin\s–\s1(er)? juillet 2027$/);
    expect(formatEventDays({ startsOn: '2027-06-12', endsOn: null }, 'fr')).toBe('12 juin 2027');
  });

  it('is empty without dates, and keeps the calendar day whatever the zone (days are not instants)', () => {
    expect(formatEventDays({ startsOn: null, endsOn: null }, 'en')).toBe('');
    expect(formatEventDays({ startsOn: '2027-01-01' }, 'en-US')).toBe('January 1, 2027');
  });
});
