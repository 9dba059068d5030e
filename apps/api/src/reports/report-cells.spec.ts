import { neutralise, ZoneClock } from './report-cells';
import { topReasons } from './report-rows';
import { escapeXml } from './score-chart';
import { SheetNames, toXstring } from './writers/xlsx-writer';

describe('neutralise (formula injection)', () => {
  it.each([`=cmd|' /C calc'!A0`, '+1+1', '-2', '@SUM(1)', '\t=1', '\r=1'])('prefixes %j with an apostrophe', (text) => {
    expect(neutralise(text)).toBe(`'${text}`);
  });

  it.each(['Ada', '李小龍', ' =1', "'quoted", '1+1', ''])('leaves %j alone', (text) => {
    expect(neutralise(text)).toBe(text);
  });
});

describe('toXstring (OOXML escapes)', () => {
  it('escapes control characters XML cannot carry, and literal escapes, but not tabs and line feeds', () => {
    expect(toXstring('\rcmd')).toBe('_x000D_cmd');
    expect(toXstring('a\u0001b')).toBe('a_x0001_b');
    expect(toXstring('_x000D_')).toBe('_x005F_x000D_');
    expect(toXstring('tab\there\nnew line')).toBe('tab\there\nnew line');
    expect(toXstring('Zoë 李 🐉')).toBe('Zoë 李 🐉');
  });
});

describe('SheetNames', () => {
  it('keeps names legal, short and unique', () => {
    const names = new SheetNames(['Summary']);
    expect(names.claim('summary')).toBe('summary (2)');
    expect(names.claim('Round 1: A/B [main]?')).toBe('Round 1 A B main');
    expect(names.claim('Round 1 A B main')).toBe('Round 1 A B main (2)');
    expect(names.claim('')).toBe('Round');
    expect(names.claim('History')).toBe('Round History');
    const long = names.claim('A very long round name that goes on and on 🐉🐉');
    expect(long.length).toBeLessThanOrEqual(31);
    expect(names.claim("'quoted'")).toBe('quoted');
  });

  it('never cuts an emoji in half', () => {
    const name = new SheetNames().claim(`${'x'.repeat(30)}🐉`);
    expect(name).toBe('x'.repeat(30));
  });
});

describe('topReasons', () => {
  const stored = [
    { a: 'A', b: 'B', score: 0.4, sharedInterests: ['rag', 'evals'], aSeeksBOffers: ['funding'], bSeeksAOffers: [], wish: 'a', roleMix: { roles: ['founder', 'investor'] } },
    { a: 'A', b: 'C', score: 0.9, sharedInterests: ['agents'], wish: 'mutual' },
  ];

  it('orders by pair score and reports only what both people concerned share', () => {
    const everything = () => true;
    expect(topReasons(stored, everything)).toEqual(['both asked to meet', 'shared interests: agents', 'shared interests: rag, evals']);
    const onlyRolesAndNeeds = (id: string, field: string) => field === 'role' || (id === 'A' && field === 'lookingFor') || (id === 'B' && field === 'canOffer');
    expect(topReasons(stored, onlyRolesAndNeeds)).toEqual(['both asked to meet', 'offers what the other seeks: funding', 'roles: founder × investor']);
    expect(topReasons(stored, () => false)).toEqual(['both asked to meet']);
  });

  it('writes tags as the event vocabulary labels them', () => {
    expect(topReasons(stored, () => true, new Map([['rag', 'RAG'], ['agents', 'LLM agents']]))).toEqual([
      'both asked to meet',
      'shared interests: LLM agents',
      'shared interests: RAG, evals',
    ]);
  });

  it('keeps one-way wishes private and survives odd stored data', () => {
    expect(topReasons([{ a: 'A', b: 'B', wish: 'a' }], () => true)).toEqual([]);
    expect(topReasons(null, () => true)).toEqual([]);
    // A row damaged by the text-replacing erasure of old: a key renamed, a value of the wrong type.
    expect(topReasons([{ a: 'A', b: 'B', 'Deleted attendee': 0.4, sharedInterests: 'rag', wish: 'mutual' }], () => true)).toEqual(['both asked to meet']);
  });
});

describe('ZoneClock', () => {
  it('shows the venue’s wall clock, summer and winter', () => {
    const paris = new ZoneClock('Europe/Paris');
    expect(paris.of(new Date('2030-06-01T08:00:00Z')).text).toBe('2030-06-01 10:00');
    expect(paris.of(new Date('2030-12-01T08:00:00Z')).text).toBe('2030-12-01 09:00');
    expect(paris.of(new Date('2030-06-01T22:30:00Z')).date.toISOString()).toBe('2030-06-02T00:30:00.000Z');
  });
});

describe('escapeXml', () => {
  it('escapes the specials and drops what XML forbids', () => {
    expect(escapeXml(`<b>"Tom" & 'Jerry'</b>\u0001`)).toBe('&lt;b&gt;&quot;Tom&quot; &amp; &apos;Jerry&apos;&lt;/b&gt;');
  });
});
