import { defineErrorReasons, type ReasonOf } from '../common/domain-error';

/** Why asking to meet someone, answering or withdrawing a request was refused. */
export const meetingRequestsError = defineErrorReasons('MeetingRequestsErrorReason', 'Why a meeting request was refused.', {
  SELF_REQUEST: { category: 'BAD_USER_INPUT', description: 'An attendee cannot ask to meet themselves (field `attendeeId`).' },
  MESSAGE_TOO_LONG: { category: 'BAD_USER_INPUT', description: 'The message is longer than 280 characters (field `message`).' },
  CONSENT_REQUIRED: { category: 'FORBIDDEN', description: 'Only an attendee who consents to matchmaking may ask to meet someone (the other would not see who asks).' },
  DAILY_QUOTA_REACHED: {
    category: 'TOO_MANY_REQUESTS',
    description: 'The attendee has sent as many requests today (the event’s day, in its time zone) as the event allows (`Event.meetingRequestsPerDay`).',
  },
  REQUESTS_CLOSED: { category: 'CONFLICT', description: 'The event takes no meeting requests: it is over, or its organisers set `meetingRequestsPerDay` to 0.' },
  ALREADY_ASKED_YOU: { category: 'CONFLICT', description: 'The other attendee has already asked to meet you: answer their request instead.' },
  ALREADY_MET: { category: 'CONFLICT', description: 'The two have already met in a published round of the event: no round seats them together again.' },
  WRONG_SIDE: {
    category: 'FORBIDDEN',
    description: 'Only the attendee asked answers a request, and only the one who asked withdraws it while it is pending (the other declines it); either may withdraw an accepted one.',
  },
  REQUEST_NOT_PENDING: { category: 'CONFLICT', description: 'The request was already answered the other way, withdrawn or has expired: it can no longer be answered.' },
  REQUEST_CLOSED: { category: 'CONFLICT', description: 'The request was declined, already fulfilled (the two were seated together) or has expired: there is nothing to withdraw.' },
});
export const MeetingRequestsErrorReason = meetingRequestsError.reason;
export type MeetingRequestsErrorReason = ReasonOf<typeof meetingRequestsError>;
