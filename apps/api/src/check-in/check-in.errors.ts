import { defineErrorReasons, type ReasonOf } from '../common/domain-error';

/** Why a check-in code was refused. */
export const checkInError = defineErrorReasons('CheckInErrorReason', 'Why a check-in code was refused.', {
  CHECK_IN_CODE_INVALID: { category: 'BAD_USER_INPUT', description: 'Not a Pairwise check-in code, mistyped, or forged (its signature does not match).' },
  CHECK_IN_OTHER_EVENT: { category: 'BAD_USER_INPUT', description: 'A genuine check-in code, but of another event: the attendee is not registered at this one.' },
});
export const CheckInErrorReason = checkInError.reason;
export type CheckInErrorReason = ReasonOf<typeof checkInError>;
