import { defineErrorReasons, type ReasonOf } from '../common/domain-error';

/** Why an event, its dates or its tag vocabulary were refused. */
export const eventsError = defineErrorReasons('EventsErrorReason', 'Why an event, its dates or its tag vocabulary were refused.', {
  EVENT_LOOKUP: { category: 'BAD_USER_INPUT', description: 'An event is looked up by exactly one of id or slug.' },
  EVENT_SLUG_TAKEN: { category: 'CONFLICT', description: 'Another event already uses this slug.' },
  EVENT_DATES: { category: 'BAD_USER_INPUT', description: 'The event would end before it starts (field `endsOn`).' },
  OUTSIDE_EVENT_DAYS: { category: 'BAD_USER_INPUT', description: 'A round or talk would start outside the event’s days (field `startsAt`).' },
  SCHEDULE_OUTSIDE_EVENT_DAYS: { category: 'BAD_USER_INPUT', description: 'New dates would leave some of the event’s rounds or talks outside its days.' },
  VOCABULARY_INVALID: { category: 'BAD_USER_INPUT', description: 'A tag of the vocabulary has no usable label.' },
  VOCABULARY_DUPLICATE: { category: 'BAD_USER_INPUT', description: 'A tag is listed twice in the vocabulary.' },
  VOCABULARY_AMBIGUOUS: { category: 'BAD_USER_INPUT', description: 'A spelling (label or synonym) would mean two different tags.' },
  REQUEST_SLOT_HOURS: { category: 'BAD_USER_INPUT', description: 'Meeting-request slots need dayEndsAt after dayStartsAt with room for at least one slot (field `meetingRequestSlots.dayEndsAt`).' },
});
export const EventsErrorReason = eventsError.reason;
export type EventsErrorReason = ReasonOf<typeof eventsError>;
