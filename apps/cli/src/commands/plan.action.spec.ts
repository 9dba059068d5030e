import { generateConference } from '@pairwise/matching';
import { CliUsageError } from '../cli-errors';
import { captureOutput, tempFiles } from './matching/test-files';
import { runPlan, type PlanOptions } from './plan.action';

const files = tempFiles();
afterAll(() => files.cleanup());
const profilesFile = files.write('p.json', generateConference(9, 'cli'));

function plan(options: Omit<PlanOptions, 'profiles'>): string {
  const out = captureOutput();
  runPlan({ profiles: profilesFile, ...options }, out);
  return out.text();
}

interface PlanJson {
  attendees: number;
  rounds: { round: number; meetings: { kind: string; members: string[]; score: number; sentence: string }[]; byes: { id: string }[]; stats: { pairs: number } }[];
  sitOutCounts: Record<string, number>;
}

describe('pairwise plan', () => {
  it('prints K rounds as JSON with meetings, byes, reasons and statistics, no pair twice', () => {
    const result = JSON.parse(plan({ rounds: '3', seed: '42', policy: 'bye' })) as PlanJson;
    expect(result.attendees).toBe(9);
    expect(result.rounds.map((r) => r.round)).toEqual([1, 2, 3]);
    const seen = new Set<string>();
    for (const round of result.rounds) {
      expect(round.byes).toHaveLength(1);
      expect(round.meetings).toHaveLength(4);
      for (const m of round.meetings) {
        const key = [...m.members].sort().join('+');
        expect(seen.has(key)).toBe(false);
        seen.add(key);
        expect(m.sentence.length).toBeGreaterThan(0);
      }
    }
    expect(Object.values(result.sitOutCounts).reduce((a, b) => a + b, 0)).toBe(3);
  });

  it('is deterministic for a seed and seats the odd one out in a trio by default', () => {
    const a = plan({ seed: '7' });
    expect(plan({ seed: '7' })).toBe(a);
    const result = JSON.parse(a) as PlanJson;
    expect(result.rounds[0]!.meetings.filter((m) => m.kind === 'trio')).toHaveLength(1);
  });

  it('says who sits out because nobody may meet them (no shared language), not "odd count"', () => {
    const people = generateConference(5, 'isolated').map((p, i) => ({ ...p, languages: i === 0 ? ['ja'] : ['en'] }));
    const file = files.write('isolated.json', people);
    for (const policy of ['trio', 'bye']) {
      const out = captureOutput();
      runPlan({ profiles: file, policy }, out);
      expect((JSON.parse(out.text()) as { rounds: { byes: unknown[] }[] }).rounds[0]!.byes).toEqual([{ id: people[0]!.id, reason: 'no-compatible-partner' }]);
    }
  });

  it('with --table-size, says who sits out because no table can take them ("no-compatible-table"), not "odd-count", in JSON and CSV', () => {
    // One other person speaks their language: at tables of 4 (or 3) they would need two table-mates.
    const people = generateConference(12, 'no-table').map((p, i) => ({ ...p, languages: i === 0 ? ['ja'] : i === 1 ? ['en', 'ja'] : ['en'] }));
    const file = files.write('no-table.json', people);
    const out = captureOutput();
    runPlan({ profiles: file, tableSize: '4', seed: '1' }, out);
    expect((JSON.parse(out.text()) as PlanJson).rounds[0]!.byes).toEqual([{ id: people[0]!.id, reason: 'no-compatible-table' }]);
    const csv = captureOutput();
    runPlan({ profiles: file, tableSize: '4', seed: '1', format: 'csv' }, csv);
    expect(csv.text()).toContain(`,bye,${people[0]!.id},`);
    expect(csv.text()).toMatch(/,bye,[^\n]*,no-compatible-table,/);
  });

  it('plans tables with --table-size: kind table, K members (K − 1 where the count forces it), no pair twice', () => {
    const file = files.write('tables.json', generateConference(23, 'tables').map((p) => ({ ...p, languages: ['en'] })));
    const out = captureOutput();
    runPlan({ profiles: file, rounds: '2', seed: '3', tableSize: '5' }, out);
    const result = JSON.parse(out.text()) as PlanJson & { tableSize: number };
    expect(result.tableSize).toBe(5);
    const seen = new Set<string>();
    for (const round of result.rounds) {
      expect(round.byes).toEqual([]);
      expect(round.meetings.map((m) => m.kind)).toEqual(['table', 'table', 'table', 'table', 'table']);
      expect(round.meetings.map((m) => m.members.length).sort()).toEqual([4, 4, 5, 5, 5]);
      for (const m of round.meetings) {
        for (const a of m.members) for (const b of m.members) if (a < b) {
          expect(seen.has(`${a}+${b}`)).toBe(false);
          seen.add(`${a}+${b}`);
        }
      }
    }
    for (const bad of ['2', '9', '4.5', 'six']) expect(() => plan({ tableSize: bad })).toThrow(CliUsageError);
    expect(() => plan({ tableSize: '4', fairness: 'maxmin' })).toThrow(/fairness/);
  });

  it('prints CSV with one row per meeting, bye and round statistics', () => {
    const csv = plan({ rounds: '2', policy: 'bye', format: 'csv' }).trimEnd().split('\n');
    expect(csv[0]).toBe('round,table,kind,members,names,score,reasons,sentence,opening_question');
    expect(csv.filter((l) => /^\d+,\d+,pair,/.test(l))).toHaveLength(8);
    expect(csv.filter((l) => /^\d+,,bye,/.test(l))).toHaveLength(2);
    expect(csv.filter((l) => /^\d+,,stats,/.test(l))).toHaveLength(2);
  });

  it.each([
    [{ rounds: '0' }, '--rounds must be an integer between 1 and 100'],
    [{ rounds: '2.5' }, '--rounds must be an integer'],
    [{ policy: 'pairs' }, '--policy must be one of trio, bye'],
    [{ format: 'xml' }, '--format must be one of json, csv'],
    [{ fairness: 'max' }, '--fairness must be one of none, maxmin'],
  ])('rejects %j', (options, expected) => {
    expect(() => plan(options)).toThrow(CliUsageError);
    expect(() => plan(options)).toThrow(expected);
  });

  it('applies a --rules file (who can meet whom, same company forbidden) and conflicts, and prints the rules it used', () => {
    const people = [
      { id: 'vc1', role: 'investor', interests: ['rag'], languages: ['en'] },
      { id: 'vc2', role: 'investor', interests: ['rag'], languages: ['en'] },
      { id: 'f1', role: 'founder', company: 'Acme', interests: ['rag'], languages: ['en'] },
      { id: 'f2', role: 'founder', company: 'acme', interests: ['rag'], languages: ['en'] },
      { id: 's1', ticketType: 'student', interests: ['rag'], languages: ['en'], conflicts: ['s2'] },
      { id: 's2', ticketType: 'student', interests: ['rag'], languages: ['en'] },
    ];
    const profiles = files.write('ruled.json', people);
    const rules = files.write('rules.json', {
      version: 1,
      sameCompany: 'forbid',
      whoCanMeet: [{ who: { role: 'investor' }, onlyWith: [{ role: 'founder' }] }, { who: { ticketType: 'Student' }, notWith: [{ role: 'investor' }] }],
    });
    const out = captureOutput();
    runPlan({ profiles, rules, rounds: '2', policy: 'bye' }, out);
    const result = JSON.parse(out.text()) as PlanJson & { rules: { sameCompany: string; whoCanMeet: unknown[] } };
    expect(result.rules.sameCompany).toBe('forbid');
    expect(result.rules.whoCanMeet).toEqual([
      { who: { role: 'investor' }, onlyWith: [{ role: 'founder' }] },
      { who: { ticketType: 'student' }, notWith: [{ role: 'investor' }] },
    ]);
    const pairs = result.rounds.flatMap((r) => r.meetings.map((m) => [...m.members].sort().join('+')));
    // Investors meet founders only, students never meet investors, the founders are colleagues, the students know each other:
    // founders are the only partners anyone has, so each round seats two pairs, all with a founder.
    const allowed = ['f1+vc1', 'f1+vc2', 'f2+vc1', 'f2+vc2', 'f1+s1', 'f1+s2', 'f2+s1', 'f2+s2'];
    for (const pair of pairs) expect(allowed).toContain(pair);
    expect(pairs).toHaveLength(4);
    expect(new Set(pairs).size).toBe(4);
  });

  it.each([
    [{ sameCompany: 'never' }, /rules\.json: rules\.sameCompany: must be "penalty" or "forbid"/],
    [{ whoCanMeet: [{ who: { role: 'investor' } }] }, /rules\.whoCanMeet\[0\]: must have exactly one of "onlyWith" or "notWith"/],
    [{ weights: { interest: 'high' } }, /weights\.interest: must be a finite number/],
  ])('refuses a bad --rules file %j naming the file and the field', (document, expected) => {
    const rules = files.write('rules.json', document);
    expect(() => runPlan({ profiles: profilesFile, rules }, captureOutput())).toThrow(expected);
  });

  it('names the file for library input errors', () => {
    const file = files.write('b.json', [{ id: 'a', blocks: [3] }]);
    expect(() => runPlan({ profiles: file }, captureOutput())).toThrow(/b\.json: profiles\[0\]\.blocks\[0\]/);
  });
});
