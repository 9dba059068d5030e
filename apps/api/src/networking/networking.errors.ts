import { defineErrorReasons } from '../common/domain-error';

/** Why an attendee's wish, block or opt-out was refused. */
export enum NetworkingErrorReason {
  SELF_TARGET = 'SELF_TARGET',
}

export const networkingError = defineErrorReasons(NetworkingErrorReason, 'NetworkingErrorReason', 'Why a wish, a block or an opt-out was refused.', {
  SELF_TARGET: { category: 'BAD_USER_INPUT', description: 'An attendee cannot name themselves (field `attendeeId`).' },
});
