import { attendeesError } from '../attendees/attendees.errors';
import { authError } from '../auth/auth.errors';
import { availabilityError } from '../availability/availability.errors';
import { calendarError } from '../calendar/calendar.errors';
import { checkInError } from '../check-in/check-in.errors';
import { commonError, type ErrorReasonEnum } from '../common/domain-error';
import { eventsError } from '../events/events.errors';
import { importsError } from '../imports/imports.errors';
import { mailError } from '../mail/mail.errors';
import { meetingRequestsError } from '../meeting-requests/meeting-requests.errors';
import { matchingRulesError } from '../matching-rules/matching-rules.errors';
import { networkingError } from '../networking/networking.errors';
import { roundsError } from '../rounds/rounds.errors';
import { talksError } from '../talks/talks.errors';

/**
 * Every feature's reason enum, published in the schema whether or not a field returns it: errors
 * carry the values in `extensions.reason`, and clients generate their types from the schema.
 */
export const ERROR_REASON_ENUMS: readonly ErrorReasonEnum[] = [
  commonError,
  authError,
  mailError,
  eventsError,
  attendeesError,
  importsError,
  roundsError,
  matchingRulesError,
  networkingError,
  talksError,
  calendarError,
  availabilityError,
  checkInError,
  meetingRequestsError,
].map((factory) => factory.reasons);
