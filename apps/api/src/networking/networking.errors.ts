import { defineErrorReasons, type ReasonOf } from '../common/domain-error';

/** Why an attendee's wish, block or opt-out was refused. */
export const networkingError = defineErrorReasons('NetworkingErrorReason', 'Why a wish, a block or an opt-out was refused.', {
  SELF_TARGET: { category: 'BAD_USER_INPUT', description: 'An attendee cannot name themselves (field `attendeeId`).' },
});
export const NetworkingErrorReason = networkingError.reason;
export type NetworkingErrorReason = ReasonOf<typeof networkingError>;
