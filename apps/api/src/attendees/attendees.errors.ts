import { defineErrorReasons } from '../common/domain-error';

/** Why an attendee's profile was refused. */
export enum AttendeesErrorReason {
  ATTENDEE_EMAIL_TAKEN = 'ATTENDEE_EMAIL_TAKEN',
}

export const attendeesError = defineErrorReasons(AttendeesErrorReason, 'AttendeesErrorReason', 'Why an attendee’s profile was refused.', {
  ATTENDEE_EMAIL_TAKEN: { category: 'CONFLICT', description: 'Another attendee of this event already has this email.' },
});
