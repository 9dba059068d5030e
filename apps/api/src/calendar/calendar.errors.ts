import { defineErrorReasons } from '../common/domain-error';

/** Why the calendar feed (an HTTP route, whose JSON error body carries the same `code` and `reason`) was refused. */
export enum CalendarErrorReason {
  CALENDAR_TOKEN = 'CALENDAR_TOKEN',
}

export const calendarError = defineErrorReasons(CalendarErrorReason, 'CalendarErrorReason', 'Why the calendar feed was refused (HTTP: the JSON body’s `reason`).', {
  CALENDAR_TOKEN: { category: 'BAD_USER_INPUT', description: 'The feed URL lacks its token, or the token is malformed.' },
});
