import { defineErrorReasons, type ReasonOf } from '../common/domain-error';

/** Why the calendar feed (an HTTP route, whose JSON error body carries the same `code` and `reason`) was refused. */
export const calendarError = defineErrorReasons('CalendarErrorReason', 'Why the calendar feed was refused (HTTP: the JSON body’s `reason`).', {
  CALENDAR_TOKEN: { category: 'BAD_USER_INPUT', description: 'The feed URL lacks its token, or the token is malformed.' },
});
export const CalendarErrorReason = calendarError.reason;
export type CalendarErrorReason = ReasonOf<typeof calendarError>;
