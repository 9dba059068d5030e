import { defineErrorReasons } from '../common/domain-error';

/** Why availability windows were refused. */
export enum AvailabilityErrorReason {
  WINDOW_EMPTY = 'WINDOW_EMPTY',
  TOO_MANY_WINDOWS = 'TOO_MANY_WINDOWS',
}

export const availabilityError = defineErrorReasons(AvailabilityErrorReason, 'AvailabilityErrorReason', 'Why availability windows were refused.', {
  WINDOW_EMPTY: { category: 'BAD_USER_INPUT', description: 'A window ends at or before it starts (the field names which).' },
  TOO_MANY_WINDOWS: { category: 'BAD_USER_INPUT', description: 'At most 50 windows per attendee.' },
});
