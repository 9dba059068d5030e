import { explainForAttendee, explainForStaff } from './meeting-explanation';
import { readStoredReasons } from './meeting-reasons';

const pair = (a: string, b: string, over: Record<string, unknown> = {}) => ({
  a, b, score: 1, sharedInterests: ['rag'], aSeeksBOffers: [], bSeeksAOffers: [], sharedStack: [], commonLanguages: ['en'],
  wish: 'none', roleMix: null, sameCompany: false, variant: 3, ...over,
});
const labels = new Map([['rag', 'RAG']]);
const everything = ['name', 'interests', 'lookingFor', 'canOffer', 'languages', 'stack', 'role', 'company'];

describe('readStoredReasons', () => {
  it('reads rows of any age or damage as data, never as an error', () => {
    // Keys renamed and values replaced by the text-replacing erasure of old; a scalar; no ids.
    const damaged = [{ a: 'x', b: 'y', 'Deleted attendee': 0.5, score: 'Deleted attendee', sharedInterests: 'rag', wish: 'maybe' }, 3, null, { a: 'x' }];
    expect(readStoredReasons(damaged)).toEqual([
      expect.objectContaining({ a: 'x', b: 'y', score: 0, sharedInterests: [], wish: 'none', roleMix: null, variant: expect.any(Number) }),
    ]);
    expect(readStoredReasons('not a list')).toEqual([]);
    // Rows from before variants were stored: a wording of each pair's own.
    const [xy, xz] = readStoredReasons([pair('x', 'y', { variant: undefined }), pair('x', 'z', { variant: undefined })]);
    expect(xy!.variant).not.toBe(xz!.variant);
  });
});

describe('explanations', () => {
  it('names people as they are now, for staff, with the vocabulary labels', () => {
    const text = explainForStaff([pair('ada', 'grace')], [{ id: 'ada', name: 'Ada', sharedFields: [] }, { id: 'grace', name: 'Grace', sharedFields: [] }], labels);
    expect(text.sentence).toBe('Ada and Grace both care about RAG.');
    expect(text.reasons).toEqual([expect.objectContaining({ attendeeA: 'ada', attendeeB: 'grace', sharedInterests: ['rag'] })]);
  });

  it('tells an attendee only what both share, and calls a partner who keeps their name private “a fellow attendee”', () => {
    const stored = [pair('ada', 'grace', { aSeeksBOffers: ['funding'] })];
    const open = explainForAttendee(stored, { id: 'ada', sharedFields: everything }, [{ id: 'grace', name: 'Grace', sharedFields: everything }], labels);
    expect(open.sentence).toBe('You and Grace both care about RAG, and you are looking for funding, which Grace offers.');
    const shy = explainForAttendee(stored, { id: 'ada', sharedFields: everything }, [{ id: 'grace', name: null, sharedFields: [] }], labels);
    expect(shy.sentence).toBe('You and a fellow attendee have not met yet and may find common ground.');
    expect(shy.reasons).toEqual([expect.objectContaining({ sharedInterests: [], aSeeksBOffers: [], commonLanguages: [] })]);
    // The reader's own choice counts too: what they keep private is not said to them about the pair either.
    const private_ = explainForAttendee(stored, { id: 'ada', sharedFields: ['name'] }, [{ id: 'grace', name: 'Grace', sharedFields: everything }], labels);
    expect(private_.reasons[0]!.sharedInterests).toEqual([]);
  });

  it('shows an attendee of a trio their own pairs only, and none of someone no longer seated', () => {
    const stored = [pair('ada', 'grace'), pair('carol', 'ada', { sharedInterests: [] }), pair('carol', 'grace', { sharedInterests: ['rag'] })];
    const partners = [{ id: 'ada', name: 'Ada', sharedFields: everything }, { id: 'grace', name: 'Grace', sharedFields: everything }];
    const carol = explainForAttendee(stored, { id: 'carol', sharedFields: everything }, partners, labels);
    expect(carol.reasons.map((r) => [r.attendeeA, r.attendeeB])).toEqual([['carol', 'ada'], ['carol', 'grace']]);
    expect(carol.sentence).toMatch(/^You join Ada and Grace at this table\. /);
    const left = explainForAttendee(stored, { id: 'ada', sharedFields: everything }, [{ id: 'grace', name: 'Grace', sharedFields: everything }], labels);
    expect(left.reasons.map((r) => [r.attendeeA, r.attendeeB])).toEqual([['ada', 'grace']]);
    expect(left.sentence).toBe('You and Grace both care about RAG.');
  });
});
