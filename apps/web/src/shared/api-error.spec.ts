import { CombinedError } from '@urql/core';
import { GraphQLError } from 'graphql';
import { describeApiError } from './api-error';

const graphqlError = (extensions: Record<string, unknown>) => new CombinedError({ graphQLErrors: [new GraphQLError('m', { extensions })] });

describe('describeApiError', () => {
  it('prefers the reason when the catalogue has words for it, else the code', () => {
    expect(describeApiError(graphqlError({ code: 'TOO_MANY_REQUESTS', reason: 'SIGN_IN_DELAYED' })).messageKey).toBe('errors.reason.SIGN_IN_DELAYED');
    expect(describeApiError(graphqlError({ code: 'NOT_FOUND', reason: 'NOT_FOUND' })).messageKey).toBe('errors.code.NOT_FOUND');
    expect(describeApiError(graphqlError({ code: 'CONFLICT', reason: 'SOMETHING_NEW' })).messageKey).toBe('errors.code.CONFLICT');
  });

  it('reads an unknown or missing code as an internal error, and a network failure as such', () => {
    expect(describeApiError(graphqlError({ code: 'WHAT' })).messageKey).toBe('errors.code.INTERNAL_SERVER_ERROR');
    expect(describeApiError(graphqlError({})).messageKey).toBe('errors.code.INTERNAL_SERVER_ERROR');
    expect(describeApiError(new CombinedError({ networkError: new Error('offline') })).messageKey).toBe('errors.network');
  });

  it('lets a screen say it in its own words, and passes the fields on', () => {
    const refused = graphqlError({ code: 'UNAUTHENTICATED', reason: 'UNAUTHENTICATED' });
    expect(describeApiError(refused, { UNAUTHENTICATED: 'errors.signInFailed' }).messageKey).toBe('errors.signInFailed');
    // …but a finer reason the catalogue has words for is said as such.
    const used = graphqlError({ code: 'UNAUTHENTICATED', reason: 'ACCESS_CODE_USED' });
    expect(describeApiError(used, { UNAUTHENTICATED: 'errors.signInFailed' }).messageKey).toBe('errors.reason.ACCESS_CODE_USED');
    const invalid = graphqlError({ code: 'BAD_USER_INPUT', reason: 'VALIDATION_FAILED', fields: [{ field: 'email', message: 'must be an email address' }] });
    expect(describeApiError(invalid)).toEqual({
      messageKey: 'errors.reason.VALIDATION_FAILED',
      code: 'BAD_USER_INPUT',
      reason: 'VALIDATION_FAILED',
      fields: [{ field: 'email', message: 'must be an email address' }],
    });
  });
});
