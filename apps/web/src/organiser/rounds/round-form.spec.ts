import { parseLabels, suggestedStart } from './round-form';

describe('the new-round form', () => {
  it('suggests a start on a five-minute mark, at least five minutes away and after the last round', () => {
    const now = new Date('2026-12-03T09:02:10Z');
    expect(suggestedStart(now).toISOString()).toBe('2026-12-03T09:10:00.000Z');
    expect(suggestedStart(new Date('2026-12-03T09:05:00Z')).toISOString()).toBe('2026-12-03T09:10:00.000Z');
    expect(suggestedStart(now, '2026-12-03T09:40:00Z').toISOString()).toBe('2026-12-03T09:45:00.000Z');
    // A last round long over does not pull the suggestion into the past.
    expect(suggestedStart(now, '2026-12-02T18:00:00Z').toISOString()).toBe('2026-12-03T09:10:00.000Z');
  });

  it('reads table labels separated by commas, semicolons or lines, spaces inside a label kept', () => {
    expect(parseLabels('A1, A2;A3\n Terrace East ,\n')).toEqual(['A1', 'A2', 'A3', 'Terrace East']);
    expect(parseLabels('  ')).toEqual([]);
  });
});
