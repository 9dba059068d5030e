/**
 * What API processes tell each other when meetings went public: the channel and its notices (ids only),
 * sent by RoundNoticesRepository in the publishing transaction, read by MeetingNotifier in every process.
 */

/** The PostgreSQL channel on which API processes tell each other that meetings went public (ids only). */
export const ROUND_CHANNEL = 'pairwise_rounds';

export interface RoundPublishedNotice {
  type: 'round-published';
  roundId: string;
  eventId: string;
}

/** A talk's office-hour slots were published: its granted attendees and its speaker have a meeting. */
export interface SlotsPublishedNotice {
  type: 'slots-published';
  talkId: string;
  eventId: string;
}

/**
 * One slot of a published talk changed hands (a holder withdrew, the first free one on standby took it):
 * the new holder and the speaker have a new meeting.
 */
export interface SlotGrantedNotice {
  type: 'slot-granted';
  talkId: string;
  eventId: string;
  slotIndex: number;
  attendeeId: string;
}

/** An accepted meeting request was given a slot of its own: its two people have a new meeting. */
export interface RequestSlotNotice {
  type: 'request-slot';
  meetingRequestId: string;
  eventId: string;
  attendeeIds: [string, string];
}

export type MeetingsPublishedNotice = RoundPublishedNotice | SlotsPublishedNotice | SlotGrantedNotice | RequestSlotNotice;
