import fc from 'fast-check';
import type { PairReasons } from './pair-reasons';
import { labelInSentence, meetingText, pairText, visibleReasons, type ReasonField } from './meeting-text';

const reasons = (over: Partial<PairReasons> = {}): PairReasons => ({
  a: 'ada',
  b: 'grace',
  sharedInterests: [],
  aSeeksBOffers: [],
  bSeeksAOffers: [],
  sharedStack: [],
  commonLanguages: [],
  wish: 'none',
  roleMix: null,
  sameCompany: false,
  variant: 7,
  ...over,
});
const names = new Map([['ada', 'Ada'], ['grace', 'Grace'], ['carol', 'Carol']]);
const nameOf = (id: string) => names.get(id) ?? id;
const labels = new Map([['rag', 'RAG'], ['funding', 'Funding'], ['speculative-decoding', 'Speculative decoding']]);
const labelOf = (slug: string) => labelInSentence(labels.get(slug) ?? slug);

describe('meeting text', () => {
  it('speaks of both in the third person to staff, and to each of them as “you”', () => {
    const r = reasons({ sharedInterests: ['rag', 'speculative-decoding'], aSeeksBOffers: ['funding'] });
    expect(pairText(r, { nameOf, labelOf }).sentence).toBe('Ada and Grace both care about RAG and speculative decoding, and Ada is looking for funding, which Grace offers.');
    expect(pairText(r, { nameOf, labelOf, reader: 'ada' }).sentence).toBe('You and Grace both care about RAG and speculative decoding, and you are looking for funding, which Grace offers.');
    expect(pairText(r, { nameOf, labelOf, reader: 'grace' }).sentence).toBe('You and Ada both care about RAG and speculative decoding, and Ada is looking for funding, which you offer.');
  });

  it('asks the reader’s question: the one who looks for help asks, the one who offers it asks back', () => {
    const r = reasons({ aSeeksBOffers: ['funding'] });
    const seeker = pairText(r, { nameOf, labelOf, reader: 'ada' }).openingQuestion;
    const offerer = pairText(r, { nameOf, labelOf, reader: 'grace' }).openingQuestion;
    const staff = pairText(r, { nameOf, labelOf }).openingQuestion;
    for (const question of [seeker, offerer, staff]) expect(question).toMatch(/funding.*\?$/);
    expect(seeker).not.toMatch(/Ada|Grace|you tell you/);
    expect(offerer).not.toMatch(/Ada|Grace/);
    expect(staff).toMatch(/Grace/);
  });

  it('reads the same every time: the wording comes from the stored variant', () => {
    const r = reasons({ sharedInterests: ['rag'] });
    expect(pairText(r, { nameOf })).toEqual(pairText({ ...r }, { nameOf }));
    const questions = new Set(Array.from({ length: 30 }, (_, variant) => pairText({ ...r, variant }, { nameOf }).openingQuestion));
    expect(questions.size).toBeGreaterThan(1);
  });

  it('says who joined a trio, to staff and to each of the three', () => {
    const pairs = [
      { ...reasons({ sharedInterests: ['rag'] }), score: 0.9 },
      { ...reasons({ a: 'ada', b: 'carol' }), score: 0.2 },
      { ...reasons({ a: 'carol', b: 'grace', sharedStack: ['rust'] }), score: 0.5 },
    ];
    expect(meetingText(pairs, { nameOf }).sentence).toBe('Carol joins this table. Ada and Grace both care about rag.');
    expect(meetingText(pairs, { nameOf, reader: 'ada' }).sentence).toBe('Carol joins you and Grace at this table. You and Grace both care about rag.');
    expect(meetingText(pairs, { nameOf, reader: 'carol' }).sentence).toBe('You join Ada and Grace at this table. You and Grace both build with rust.');
    // Someone taken out of a draft leaves no pair behind: the rest is a pair.
    expect(meetingText(pairs, { nameOf }, ['ada', 'grace']).sentence).toBe('Ada and Grace both care about rag.');
    expect(meetingText(pairs, { nameOf, reader: 'ada' }, ['ada', 'carol']).sentence).toBe('You and Carol have not met yet and may find common ground.');
  });

  it('does not say "have not met yet" of a meeting that took place', () => {
    const none = reasons({});
    expect(pairText(none, { nameOf, reader: 'ada' }).sentence).toBe('You and Grace have not met yet and may find common ground.');
    expect(pairText(none, { nameOf, reader: 'ada', past: true }).sentence).toBe('You and Grace were seated together to find common ground.');
    expect(pairText(none, { nameOf, past: true }).sentence).toBe('Ada and Grace were seated together to find common ground.');
    // A table with no pair left among its members (someone erased or taken out) reads the same.
    expect(meetingText([], { nameOf: () => 'Deleted attendee', reader: 'ada', past: true }, ['ada', 'gone']).sentence).toBe(
      'You and Deleted attendee were seated together to find common ground.',
    );
    // The reasons themselves read the same before and after.
    expect(pairText(reasons({ sharedInterests: ['rag'] }), { nameOf, past: true }).sentence).toBe('Ada and Grace both care about rag.');
  });

  it('keeps a one-way wish for the one who made it only; a mutual wish for both', () => {
    const everything = { shares: () => true };
    expect(visibleReasons(reasons({ wish: 'a' }), { ...everything, reader: 'ada' }).wish).toBe('a');
    expect(visibleReasons(reasons({ wish: 'a' }), { ...everything, reader: 'grace' }).wish).toBe('none');
    expect(visibleReasons(reasons({ wish: 'a' }), everything).wish).toBe('none');
    expect(visibleReasons(reasons({ wish: 'mutual' }), { ...everything, reader: 'grace' }).wish).toBe('mutual');
    expect(pairText(reasons({ wish: 'a' }), { nameOf, reader: 'ada' }).sentence).toBe('You asked to meet Grace.');
  });

  it('lowers a capitalised first word of a label, not acronyms or mixed case', () => {
    expect(labelInSentence('Mixture of experts')).toBe('mixture of experts');
    expect(labelInSentence('RAG')).toBe('RAG');
    expect(labelInSentence('LLM agents')).toBe('LLM agents');
    expect(labelInSentence('PyTorch')).toBe('PyTorch');
  });

  /**
   * Every tag of every field is a distinct word, so a sentence that mentions one can be caught:
   * whatever each of the two shares, and whoever reads, nothing from a field that is not shared by
   * the people it concerns appears in the sentence, the question or the reasons.
   */
  it('never mentions a field the people it concerns do not both share (property)', () => {
    const FIELDS: ReasonField[] = ['interests', 'lookingFor', 'canOffer', 'stack', 'languages', 'role', 'company'];
    const tags = (prefix: string) => fc.uniqueArray(fc.integer({ min: 0, max: 20 }), { maxLength: 4 }).map((ns) => ns.map((n) => `${prefix}${n}x`));
    fc.assert(
      fc.property(
        fc.record({
          sharedInterests: tags('interest'),
          aSeeksBOffers: tags('aneed'),
          bSeeksAOffers: tags('bneed'),
          sharedStack: tags('stack'),
          commonLanguages: tags('lang'),
          wish: fc.constantFrom('mutual', 'a', 'b', 'none') as fc.Arbitrary<PairReasons['wish']>,
          roleMix: fc.option(fc.record({ roles: fc.constant(['rolea', 'roleb'] as const), bonus: fc.double({ min: -1, max: 1, noNaN: true }) })),
          sameCompany: fc.boolean(),
          variant: fc.nat(),
        }),
        fc.subarray(FIELDS),
        fc.subarray(FIELDS),
        fc.constantFrom('ada', 'grace', null),
        (data, aShares, bShares, reader) => {
          const r: PairReasons = { a: 'ada', b: 'grace', ...data };
          const shares = (id: string, field: ReasonField) => (id === 'ada' ? aShares : bShares).includes(field);
          const shown = visibleReasons(r, { shares, reader });
          const text = pairText(shown, { nameOf, reader });
          const written = JSON.stringify({ text, shown });
          const hidden: string[] = [];
          const both = (field: ReasonField) => aShares.includes(field) && bShares.includes(field);
          if (!both('interests')) hidden.push(...r.sharedInterests);
          if (!(aShares.includes('lookingFor') && bShares.includes('canOffer'))) hidden.push(...r.aSeeksBOffers);
          if (!(bShares.includes('lookingFor') && aShares.includes('canOffer'))) hidden.push(...r.bSeeksAOffers);
          if (!both('stack')) hidden.push(...r.sharedStack);
          if (!both('languages')) hidden.push(...r.commonLanguages);
          if (!both('role')) hidden.push('rolea', 'roleb');
          for (const word of hidden) expect(written).not.toContain(word);
          if (!both('company')) expect(shown.sameCompany).toBe(false);
          const someoneElsesWish = (r.wish === 'a' && reader !== 'ada') || (r.wish === 'b' && reader !== 'grace');
          if (someoneElsesWish) expect(text.sentence).not.toMatch(/asked to meet/);
          expect(text.sentence).toMatch(/^[A-Z].*\.$/);
          expect(text.openingQuestion).toMatch(/\?$/);
          if (reader !== null) expect(text.sentence).toMatch(/\byou\b/i);
        },
      ),
      { numRuns: 500 },
    );
  });
});
