import type { Profile } from '@pairwise/matching';
import type { AttendeeEntity } from '../attendees/attendee.entity';

/**
 * Who a round is for, what the matching needs to know about them, and who is left out before
 * matching (read by RoundRosterRepository).
 */
export interface RoundRoster {
  profiles: Profile[];
  pastPairs: [string, string][];
  sitOutCounts: Record<string, number>;
  notEligible: { attendeeId: string; reason: NotEligibleReason }[];
  /** The eligible attendees' rows, by id (for statistics). */
  attendees: Map<string, Pick<AttendeeEntity, 'id' | 'company' | 'role'>>;
}

/** Why an attendee of the event may not be matched in a round: the first rule they break. */
export type NotEligibleReason = 'NOT_PRESENT' | 'NO_CONSENT' | 'OPTED_OUT';

/** How many attendees of the event may be matched in the round now, and why the others may not. */
export interface RosterCount {
  eligible: number;
  notEligible: Record<NotEligibleReason, number>;
}
