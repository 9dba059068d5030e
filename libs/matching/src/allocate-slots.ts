import { MatchingInputError } from './errors';

/** Someone asking for a short 1:1 with a speaker after their talk. */
export interface SlotRequest {
  readonly attendeeId: string;
  /** The asker's interests (and stack, if you like): matched against the talk's tags. */
  readonly tags: readonly string[];
  /** Office-hour slots this person already holds at the event (other talks). */
  readonly slotsAlreadyGranted: number;
  /** When they asked (any monotonic number, e.g. epoch ms): the last tie-break before the id. */
  readonly requestedAt: number;
}

export interface SlotAllocationInput {
  readonly talkTags: readonly string[];
  /** How many slots the speaker offers. */
  readonly slots: number;
  readonly requests: readonly SlotRequest[];
}

export interface GrantedSlot {
  readonly attendeeId: string;
  /** 0-based slot number, in time order. */
  readonly slot: number;
  readonly relevance: number;
}

export interface StandbyPlace {
  readonly attendeeId: string;
  /** 1-based place on the standby list. */
  readonly rank: number;
  readonly relevance: number;
}

export interface SlotAllocation {
  readonly granted: readonly GrantedSlot[];
  readonly standby: readonly StandbyPlace[];
}

/** Ochiai similarity of two tag sets: |A ∩ B| / √(|A|·|B|), 0 when either is empty. */
export function tagRelevance(tags: readonly string[], talkTags: readonly string[]): number {
  const mine = new Set(tags.map((t) => t.toLowerCase()));
  const theirs = new Set(talkTags.map((t) => t.toLowerCase()));
  if (!mine.size || !theirs.size) return 0;
  let shared = 0;
  for (const tag of mine) if (theirs.has(tag)) shared++;
  return shared / Math.sqrt(mine.size * theirs.size);
}

/**
 * Gives a speaker's office-hour slots to the people who asked. Fairness
 * first: nobody gets a second slot at the event while someone who asked
 * has none (fewest slots already held goes first); then relevance of the
 * asker's tags to the talk; then who asked first; then the id, so the result
 * never depends on input order. The rest form the standby list, in the
 * same order. Slots go out in that order too (the most deserving get the
 * earliest slot).
 *
 * Complexity: O(r log r + r·t) for r requests of t tags.
 * @throws {MatchingInputError} for a negative or non-integer slot count, a
 *   duplicate attendee, or a negative slotsAlreadyGranted.
 * @example
 * allocateSpeakerSlots({ talkTags: ['rag'], slots: 1, requests: [
 *   { attendeeId: 'ada', tags: ['rag'], slotsAlreadyGranted: 0, requestedAt: 2 },
 *   { attendeeId: 'bob', tags: ['web'], slotsAlreadyGranted: 0, requestedAt: 1 },
 * ] }).granted // [{ attendeeId: 'ada', slot: 0, relevance: 1 }]
 */
export function allocateSpeakerSlots(input: SlotAllocationInput): SlotAllocation {
  if (!Number.isInteger(input.slots) || input.slots < 0) throw new MatchingInputError('slots', 'must be a non-negative integer');
  const seen = new Set<string>();
  const ranked = input.requests.map((request, i) => {
    if (seen.has(request.attendeeId)) throw new MatchingInputError(`requests[${i}].attendeeId`, `"${request.attendeeId}" asked twice`);
    seen.add(request.attendeeId);
    if (!Number.isInteger(request.slotsAlreadyGranted) || request.slotsAlreadyGranted < 0) {
      throw new MatchingInputError(`requests[${i}].slotsAlreadyGranted`, 'must be a non-negative integer');
    }
    return { ...request, relevance: tagRelevance(request.tags, input.talkTags) };
  });
  ranked.sort(
    (a, b) =>
      a.slotsAlreadyGranted - b.slotsAlreadyGranted ||
      b.relevance - a.relevance ||
      a.requestedAt - b.requestedAt ||
      (a.attendeeId < b.attendeeId ? -1 : a.attendeeId > b.attendeeId ? 1 : 0),
  );
  return {
    granted: ranked.slice(0, input.slots).map((r, slot) => ({ attendeeId: r.attendeeId, slot, relevance: r.relevance })),
    standby: ranked.slice(input.slots).map((r, i) => ({ attendeeId: r.attendeeId, rank: i + 1, relevance: r.relevance })),
  };
}
