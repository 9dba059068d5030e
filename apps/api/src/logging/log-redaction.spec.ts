import { EntityNotFoundError, QueryFailedError } from 'typeorm';
import { anonymiseAddress, redactUrl, serializeError } from './log-redaction';

describe('log redaction', () => {
  describe('redactUrl', () => {
    it.each([
      ['/attendees/me/meetings.ics?token=Zm9vYmFy', '/attendees/me/meetings.ics?token=[redacted]'],
      ['/sign-in?token=abc.def&next=%2Fmeetings', '/sign-in?token=[redacted]&next=%2Fmeetings'],
      ['/x?accessToken=1&api_key=2&client_secret=3&code=4&Password=5&sig=6', '/x?accessToken=[redacted]&api_key=[redacted]&client_secret=[redacted]&code=[redacted]&Password=[redacted]&sig=[redacted]'],
      ['/x?%74oken=hidden', '/x?%74oken=[redacted]'],
      ['/events/e1/reports/pairings.csv?round=r1', '/events/e1/reports/pairings.csv?round=r1'],
      ['/graphql', '/graphql'],
      ['/x?token', '/x?token'],
      ['/x?token=a#frag', '/x?token=[redacted]'],
    ])('%s → %s', (url, logged) => {
      expect(redactUrl(url)).toBe(logged);
    });
  });

  it('anonymises client addresses to their network', () => {
    expect(anonymiseAddress('203.0.113.77')).toBe('203.0.113.0');
    expect(anonymiseAddress('::ffff:203.0.113.77')).toBe('203.0.113.0');
    expect(anonymiseAddress('2001:db8:abcd:12:1:2:3:4')).toBe('2001:db8:abcd::/48');
    expect(anonymiseAddress(undefined)).toBeUndefined();
    expect(anonymiseAddress('garbage')).toBeUndefined();
  });

  describe('serializeError', () => {
    it('keeps what locates a failed statement, never its parameters, query, detail nor the values in its message', () => {
      const driverError = Object.assign(new Error('invalid input syntax for type uuid: "ada.lovelace@example.org"'), {
        code: '22P02',
        severity: 'ERROR',
        routine: 'string_to_uuid',
        detail: 'Key (email)=(ada.lovelace@example.org) already exists.',
        where: 'unnamed portal parameter $1 = \'Ada Lovelace\'',
      });
      const error = new QueryFailedError('SELECT * FROM attendees WHERE id = $1 AND name = $2', ['ada.lovelace@example.org', 'Ada Lovelace'], driverError);
      const logged = serializeError(error);
      expect(logged).toMatchObject({ type: 'QueryFailedError', message: 'invalid input syntax for type uuid: [redacted]', code: '22P02', routine: 'string_to_uuid' });
      expect(logged.stack).toMatch(/^QueryFailedError: invalid input syntax for type uuid: \[redacted\]\n {4}at /);
      expect(JSON.stringify(logged)).not.toMatch(/ada\.|lovelace|Key \(|portal|SELECT/i);
    });

    it('replaces the statement’s values where the message quotes them, and leaves the rest readable', () => {
      const error = new QueryFailedError('INSERT …', ['Zebedee Quux', 'en'], Object.assign(new Error('value "Zebedee Quux" is not allowed in relation "attendees"'), { code: '23514', table: 'attendees', constraint: 'ck_name' }));
      expect(serializeError(error)).toMatchObject({ message: 'value "[redacted]" is not allowed in relation "attendees"', table: 'attendees', constraint: 'ck_name' });
    });

    it('hides TypeORM’s search criteria and any email, in causes and aggregated errors too', () => {
      const notFound = new EntityNotFoundError('AttendeeEntity', { email: 'grace@example.org' });
      const wrapped = new Error('could not sign in grace@example.org', { cause: notFound });
      const logged = serializeError(new AggregateError([wrapped], 'two things failed'));
      expect(JSON.stringify(logged)).not.toContain('grace');
      expect(logged.errors?.[0]).toMatchObject({ message: 'could not sign in [redacted]', cause: { type: 'EntityNotFoundError', message: expect.stringMatching(/matching: \[redacted\]$/) } });
    });

    it('writes what is thrown that is not an Error as text, scrubbed too', () => {
      expect(serializeError('lost ada@example.org')).toEqual({ type: 'string', message: 'lost [redacted]' });
    });
  });
});
