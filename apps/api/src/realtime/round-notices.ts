import type { EntityManager } from 'typeorm';
import { ROUND_CHANNEL, RoundNoticesRepository } from './round-notices.repository';

export { ROUND_CHANNEL };

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

/**
 * Queues the notice in the caller's transaction: PostgreSQL delivers it to
 * every listening process only if and when that transaction commits.
 */
export async function noticeRoundPublished(manager: EntityManager, notice: Omit<RoundPublishedNotice, 'type'>): Promise<void> {
  await send(manager, { type: 'round-published', ...notice });
}

export async function noticeSlotsPublished(manager: EntityManager, notice: Omit<SlotsPublishedNotice, 'type'>): Promise<void> {
  await send(manager, { type: 'slots-published', ...notice });
}

export async function noticeSlotGranted(manager: EntityManager, notice: Omit<SlotGrantedNotice, 'type'>): Promise<void> {
  await send(manager, { type: 'slot-granted', ...notice });
}

export async function noticeRequestSlot(manager: EntityManager, notice: Omit<RequestSlotNotice, 'type'>): Promise<void> {
  await send(manager, { type: 'request-slot', ...notice });
}

/** Stateless: the statement runs on the caller's manager, whichever module the caller is in. */
const notices = new RoundNoticesRepository();

async function send(manager: EntityManager, payload: MeetingsPublishedNotice): Promise<void> {
  await notices.notify(payload, manager);
}
