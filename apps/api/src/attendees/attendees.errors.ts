import { defineErrorReasons, type ReasonOf } from '../common/domain-error';

/** Why an attendee's profile was refused. */
export const attendeesError = defineErrorReasons('AttendeesErrorReason', 'Why an attendee’s profile was refused.', {
  ATTENDEE_EMAIL_TAKEN: { category: 'CONFLICT', description: 'Another attendee of this event already has this email.' },
});
export const AttendeesErrorReason = attendeesError.reason;
export type AttendeesErrorReason = ReasonOf<typeof attendeesError>;
