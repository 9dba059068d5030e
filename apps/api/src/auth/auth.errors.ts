import { defineErrorReasons, type ReasonOf } from '../common/domain-error';

/** Why signing in or using a session was refused, finer than the generic UNAUTHENTICATED. */
export const authError = defineErrorReasons('AuthErrorReason', 'Why signing in or a session was refused.', {
  LOGIN_NEEDS_ONE_SECRET: { category: 'BAD_USER_INPUT', description: '`login` takes either a password or an access code, not both and not neither.' },
  SESSION_ENDED: { category: 'UNAUTHENTICATED', description: 'The session was signed out or expired: sign in again.' },
  ACCESS_CODE_REPLACED: { category: 'UNAUTHENTICATED', description: 'A newer access code was issued after this one: use the latest.' },
  ACCESS_CODE_EXPIRED: { category: 'UNAUTHENTICATED', description: 'The access code has expired: ask for a new one.' },
  ACCESS_CODE_USED: { category: 'UNAUTHENTICATED', description: 'The access code was already used: ask for a new one.' },
  SIGN_IN_NETWORK_THROTTLED: { category: 'TOO_MANY_REQUESTS', description: 'Too many failed sign-ins from this network address: the message says when to try again.' },
  SIGN_IN_DELAYED: { category: 'TOO_MANY_REQUESTS', description: 'Too many failed sign-ins for this email from this address: the message says when to try again.' },
});
export const AuthErrorReason = authError.reason;
export type AuthErrorReason = ReasonOf<typeof authError>;
