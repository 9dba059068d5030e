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
  /** Slots (0-based) this person cannot take — busy or not at the event then; they get another, or wait on standby. */
  readonly unavailableSlots?: readonly number[];
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
 * earliest slot). With `unavailableSlots`, each asker in that order gets a
 * slot whenever the slots can be rearranged so that they and everyone before
 * them who got one can take theirs (augmenting paths, as in bipartite
 * matching); who cannot waits on standby. Then the earlier slots go to the
 * more deserving wherever a swap keeps everyone on a slot they can take.
 *
 * Complexity: O(r log r + r·t) for r requests of t tags.
 * @throws {MatchingInputError} for a negative or non-integer slot count, a
 *   duplicate attendee, or a negative slotsAlreadyGranted.
 *   Complexity with `unavailableSlots`: O(r·s·(r + s)) more for s slots.
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
  const { granted, waiting } = grantInOrder(ranked, input.slots);
  return {
    granted,
    standby: waiting.map((r, i) => ({ attendeeId: r.attendeeId, rank: i + 1, relevance: r.relevance })),
  };
}

/** Who gets a slot, in priority order, keeping everyone granted so far on a slot they can take. */
function grantInOrder<R extends SlotRequest & { relevance: number }>(ranked: readonly R[], slots: number): { granted: GrantedSlot[]; waiting: R[] } {
  const holder = new Array<number>(slots).fill(-1); // slot -> index in ranked
  const slotOf = new Array<number>(ranked.length).fill(-1);
  const cannot = ranked.map((r) => new Set(r.unavailableSlots ?? []));
  const waiting: R[] = [];
  // Kuhn's augmenting path from asker `who`: a free slot they can take, or one whose holder can move.
  const place = (who: number, seen: boolean[]): boolean => {
    for (let slot = 0; slot < slots; slot++) {
      if (seen[slot] || cannot[who]!.has(slot)) continue;
      seen[slot] = true;
      if (holder[slot] === -1 || place(holder[slot]!, seen)) {
        holder[slot] = who;
        slotOf[who] = slot;
        return true;
      }
    }
    return false;
  };
  let count = 0;
  ranked.forEach((request, who) => {
    if (count < slots && place(who, new Array<boolean>(slots).fill(false))) count++;
    else waiting.push(request);
  });
  // Earlier slots to the more deserving, wherever both can take the other's slot.
  const grantedOrder = ranked.map((_, who) => who).filter((who) => slotOf[who]! >= 0);
  for (let changed = true; changed; ) {
    changed = false;
    for (let x = 0; x < grantedOrder.length; x++) {
      for (let y = x + 1; y < grantedOrder.length; y++) {
        const [a, b] = [grantedOrder[x]!, grantedOrder[y]!];
        if (slotOf[a]! > slotOf[b]! && !cannot[a]!.has(slotOf[b]!) && !cannot[b]!.has(slotOf[a]!)) {
          [slotOf[a], slotOf[b]] = [slotOf[b]!, slotOf[a]!];
          changed = true;
        }
      }
    }
  }
  return {
    granted: grantedOrder.map((who) => ({ attendeeId: ranked[who]!.attendeeId, slot: slotOf[who]!, relevance: ranked[who]!.relevance })),
    waiting,
  };
}
