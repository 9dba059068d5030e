import { defineErrorReasons, type ReasonOf } from '../common/domain-error';

/** Why availability windows were refused. */
export const availabilityError = defineErrorReasons('AvailabilityErrorReason', 'Why availability windows were refused.', {
  WINDOW_EMPTY: { category: 'BAD_USER_INPUT', description: 'A window ends at or before it starts (the field names which).' },
  TOO_MANY_WINDOWS: { category: 'BAD_USER_INPUT', description: 'At most 50 windows per attendee.' },
});
export const AvailabilityErrorReason = availabilityError.reason;
export type AvailabilityErrorReason = ReasonOf<typeof availabilityError>;
