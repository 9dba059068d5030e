import fc from 'fast-check';
import { allocateSpeakerSlots, tagRelevance, type SlotRequest } from './allocate-slots';
import { MatchingInputError } from './errors';

const TAGS = ['rag', 'agents', 'evals', 'inference', 'cuda', 'rust'];
const requestsArb = fc
  .uniqueArray(
    fc.record({
      attendeeId: fc.string({ minLength: 1, maxLength: 6 }),
      tags: fc.subarray(TAGS),
      slotsAlreadyGranted: fc.integer({ min: 0, max: 3 }),
      requestedAt: fc.integer({ min: 0, max: 50 }),
    }),
    { selector: (r) => r.attendeeId, maxLength: 30 },
  );
const inputArb = fc.record({ talkTags: fc.subarray(TAGS, { minLength: 1 }), slots: fc.integer({ min: 0, max: 12 }), requests: requestsArb });

/** How many a first-free-slot pass seats: a lower bound for the allocation. */
function greedyCount(input: { slots: number; requests: readonly SlotRequest[] }): number {
  const taken = new Set<number>();
  for (const request of input.requests) {
    const slot = [...Array(input.slots).keys()].find((s) => !taken.has(s) && !(request.unavailableSlots ?? []).includes(s));
    if (slot !== undefined) taken.add(slot);
  }
  return taken.size;
}

describe('allocateSpeakerSlots', () => {
  it('respects capacity, gives everyone exactly one outcome, and numbers slots and standby in order', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const { granted, standby } = allocateSpeakerSlots(input);
        expect(granted.length).toBe(Math.min(input.slots, input.requests.length));
        expect(granted.map((g) => g.slot)).toEqual(granted.map((_, i) => i));
        expect(standby.map((s) => s.rank)).toEqual(standby.map((_, i) => i + 1));
        const everyone = [...granted, ...standby].map((x) => x.attendeeId).sort();
        expect(everyone).toEqual(input.requests.map((r) => r.attendeeId).sort());
      }),
    );
  });

  it('never gives a slot to someone holding more slots while someone holding fewer waits', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const { granted, standby } = allocateSpeakerSlots(input);
        const held = new Map(input.requests.map((r) => [r.attendeeId, r.slotsAlreadyGranted]));
        const worstGranted = Math.max(-1, ...granted.map((g) => held.get(g.attendeeId)!));
        for (const waiting of standby) expect(held.get(waiting.attendeeId)!).toBeGreaterThanOrEqual(worstGranted);
      }),
    );
  });

  it('among equals, prefers the more relevant asker', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const { granted, standby } = allocateSpeakerSlots(input);
        const held = new Map(input.requests.map((r) => [r.attendeeId, r.slotsAlreadyGranted]));
        for (const g of granted) {
          for (const s of standby) {
            if (held.get(g.attendeeId) === held.get(s.attendeeId)) expect(g.relevance).toBeGreaterThanOrEqual(s.relevance);
          }
        }
      }),
    );
  });

  it('does not depend on the order of the requests', () => {
    fc.assert(
      fc.property(inputArb, fc.integer(), (input, salt) => {
        const shuffled = [...input.requests].sort((a, b) => ((a.attendeeId.charCodeAt(0) * salt) % 7) - ((b.attendeeId.charCodeAt(0) * salt) % 7));
        expect(allocateSpeakerSlots({ ...input, requests: shuffled })).toEqual(allocateSpeakerSlots(input));
      }),
    );
  });

  it('never grants a slot its holder cannot take, uses each slot once, and leaves nobody waiting for a free slot they could take', () => {
    const withUnavailable = inputArb.chain((input) =>
      fc.record({
        talkTags: fc.constant(input.talkTags),
        slots: fc.constant(input.slots),
        requests: fc.constant(input.requests).chain((requests) =>
          fc.tuple(...requests.map((r) => fc.subarray([...Array(input.slots).keys()]).map((unavailableSlots) => ({ ...r, unavailableSlots })))),
        ),
      }),
    );
    fc.assert(
      fc.property(withUnavailable, (input) => {
        const { granted, standby } = allocateSpeakerSlots(input);
        const cannot = new Map(input.requests.map((r) => [r.attendeeId, new Set(r.unavailableSlots)]));
        for (const g of granted) expect(cannot.get(g.attendeeId)!.has(g.slot)).toBe(false);
        expect(new Set(granted.map((g) => g.slot)).size).toBe(granted.length);
        const free = [...Array(input.slots).keys()].filter((slot) => !granted.some((g) => g.slot === slot));
        for (const waiting of standby) for (const slot of free) expect(cannot.get(waiting.attendeeId)!.has(slot)).toBe(true);
        // As many as possible get a slot: never fewer than a greedy pass in the same order would seat.
        expect(granted.length).toBeGreaterThanOrEqual(greedyCount(input));
        expect([...granted, ...standby].map((x) => x.attendeeId).sort()).toEqual(input.requests.map((r) => r.attendeeId).sort());
      }),
    );
  });

  it('moves the more deserving to a later slot so the next can have the one only they can take', () => {
    const ada: SlotRequest = { attendeeId: 'ada', tags: ['rag'], slotsAlreadyGranted: 0, requestedAt: 0 };
    const bob: SlotRequest = { attendeeId: 'bob', tags: [], slotsAlreadyGranted: 0, requestedAt: 1, unavailableSlots: [1] };
    const cy: SlotRequest = { attendeeId: 'cy', tags: [], slotsAlreadyGranted: 0, requestedAt: 2, unavailableSlots: [0, 1] };
    const dee: SlotRequest = { attendeeId: 'dee', tags: [], slotsAlreadyGranted: 0, requestedAt: 3 };
    expect(allocateSpeakerSlots({ talkTags: ['rag'], slots: 2, requests: [dee, cy, bob, ada] })).toEqual({
      granted: [
        { attendeeId: 'ada', slot: 1, relevance: 1 },
        { attendeeId: 'bob', slot: 0, relevance: 0 },
      ],
      standby: [
        { attendeeId: 'cy', rank: 1, relevance: 0 },
        { attendeeId: 'dee', rank: 2, relevance: 0 },
      ],
    });
    // Without constraints the most deserving keep the earliest slots.
    expect(allocateSpeakerSlots({ talkTags: ['rag'], slots: 2, requests: [dee, ada, { ...bob, unavailableSlots: [] }] }).granted.map((g) => [g.attendeeId, g.slot])).toEqual([
      ['ada', 0],
      ['bob', 1],
    ]);
  });

  it('refuses a duplicate asker or a bad slot count, naming the field', () => {
    const ada: SlotRequest = { attendeeId: 'ada', tags: [], slotsAlreadyGranted: 0, requestedAt: 0 };
    expect(() => allocateSpeakerSlots({ talkTags: [], slots: 1, requests: [ada, ada] })).toThrow(MatchingInputError);
    expect(() => allocateSpeakerSlots({ talkTags: [], slots: -1, requests: [] })).toThrow(/slots/);
  });

  it('measures relevance as tag overlap', () => {
    expect(tagRelevance(['rag', 'evals'], ['rag', 'evals'])).toBe(1);
    expect(tagRelevance(['rag'], ['evals'])).toBe(0);
    expect(tagRelevance([], ['rag'])).toBe(0);
    expect(tagRelevance(['RAG', 'agents'], ['rag'])).toBeCloseTo(1 / Math.sqrt(2));
  });
});
