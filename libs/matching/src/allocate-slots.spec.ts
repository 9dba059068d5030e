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
