import { planRound, type Profile } from '@pairwise/matching';
import { readStoredReasons } from './meeting-reasons';
import { pairKey, packRoundPlan } from './round-plan-writer';

const profile = (id: string, name: string, company: string, role: string, interests: string[]): Profile => ({
  id,
  name,
  company,
  role,
  stack: ['python'],
  interests,
  lookingFor: ['mentor'],
  canOffer: ['mentor'],
  languages: ['en'],
});

// Five people (one trio), one of them a company pair, names that appear nowhere else.
const profiles = [
  profile('a1', 'Zelda Quist', 'Acme', 'engineer', ['rag', 'evals']),
  profile('b2', 'Yorick Pell', 'Acme', 'researcher', ['rag']),
  profile('c3', 'Xavia Lund', 'Initech', 'engineer', ['evals']),
  profile('d4', 'Wren Abbot', 'Globex', 'founder', ['rag', 'agents']),
  profile('e5', 'Vera Moss', 'Umbrella', 'engineer', ['agents']),
];

describe('packRoundPlan (the draft as the matching worker hands it over)', () => {
  const plan = planRound({ profiles, seed: 'pack', policy: 'trio' });
  const packed = packRoundPlan(plan, { tables: ['Window'], unavailable: [], requesters: [] }, profiles);
  const meetings = JSON.parse(packed.meetings) as { id: string; table_number: number; table_label: string; score: number; reasons: unknown }[];
  const participants = JSON.parse(packed.participants) as { m: string; a: string }[];
  const pairs = JSON.parse(packed.pairs) as { l: string; h: string; m: string }[];

  it('holds every meeting of the plan, its members and its pairs, under one new id per meeting', () => {
    expect(packed.meetingCount).toBe(plan.meetings.length);
    expect(meetings.map((m) => [m.table_number, m.score])).toEqual(plan.meetings.map((m) => [m.table, m.score]));
    expect(new Set(meetings.map((m) => m.id)).size).toBe(meetings.length);
    meetings.forEach((meeting, index) => {
      expect(meeting.id).toMatch(/^[0-9a-f-]{36}$/);
      expect(participants.filter((p) => p.m === meeting.id).map((p) => p.a)).toEqual(plan.meetings[index]!.members);
      const own = pairs.filter((p) => p.m === meeting.id);
      expect(own).toHaveLength(plan.meetings[index]!.edges.length);
      for (const pair of own) expect(pair.l < pair.h).toBe(true);
    });
    expect(participants.map((p) => p.a).sort()).toEqual(profiles.map((p) => p.id).sort());
  });

  it('labels tables from the round’s pool, then by number', () => {
    expect(meetings.map((m) => m.table_label)).toEqual(meetings.map((m) => (m.table_number === 1 ? 'Window' : `Table ${m.table_number}`)));
  });

  it('stores reasons as data naming people by id: no name, no sentence', () => {
    for (const [index, meeting] of meetings.entries()) {
      expect(readStoredReasons(meeting.reasons)).toEqual(meeting.reasons);
      expect((meeting.reasons as { a: string; b: string }[]).map(({ a, b }) => [a, b])).toEqual(plan.meetings[index]!.edges.map(({ a, b }) => [a, b]));
    }
    const stored = packed.meetings + packed.participants + packed.pairs;
    for (const p of profiles) expect(stored).not.toContain(p.name!);
    for (const m of plan.meetings) expect(stored).not.toContain(m.sentence);
  });

  it('carries the round’s figures, with the meetings’ mix from the profiles', () => {
    expect(packed.stats).toMatchObject({ eligible: 5, matched: 5, pairs: plan.stats.pairs, trios: plan.stats.trios, totalScore: plan.stats.totalScore, leftOut: [] });
    expect(packed.stats.crossCompanyShare).not.toBeNull();
    expect(packed.stats.crossRoleShare).not.toBeNull();
  });

  it('says who asked, at a table seated for an accepted request, and UNAVAILABLE for who is not there', () => {
    const constrained = planRound({ profiles, seed: 'pack', policy: 'trio', busy: ['e5'], mustMeet: [['c3', 'a1']] });
    const context = { tables: [], unavailable: ['e5'], requesters: [[pairKey('c3', 'a1'), 'c3'] as const] };
    const out = packRoundPlan(constrained, context, profiles);
    const tables = JSON.parse(out.meetings) as { reasons: { a: string; b: string; requestedBy: string | null }[] }[];
    const requested = tables.flatMap((t) => t.reasons).filter((r) => r.requestedBy !== null);
    expect(requested).toEqual([expect.objectContaining({ a: 'a1', b: 'c3', requestedBy: 'c3' })]);
    expect(out.mustMeet.seated).toEqual([['a1', 'c3']]);
    expect(out.stats.leftOut).toEqual([{ attendeeId: 'e5', reason: 'UNAVAILABLE' }]);
    expect(JSON.parse(out.participants).map((p: { a: string }) => p.a)).not.toContain('e5');
  });
});
