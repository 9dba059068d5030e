import { tablePlace } from './table-place';

describe('tablePlace', () => {
  const english = (code: string) => `Table ${code}`;

  it('puts the word for a table before a bare number or a code', () => {
    expect(tablePlace('7', english)).toBe('Table 7');
    expect(tablePlace('B12', english)).toBe('Table B12');
    expect(tablePlace(' A1 ', english)).toBe('Table A1');
  });

  it('shows a label that holds a word as it is: the default "Table n" and named places', () => {
    expect(tablePlace('Table 1', english)).toBe('Table 1');
    expect(tablePlace('Speaker corner', english)).toBe('Speaker corner');
    expect(tablePlace('Salle Rouge', english)).toBe('Salle Rouge');
    expect(tablePlace('Étage 2', english)).toBe('Étage 2');
  });

  it('is idempotent, so no surface can say "table" twice', () => {
    for (const label of ['7', 'B12', 'Table 7', 'Speaker corner']) {
      const once = tablePlace(label, english);
      expect(tablePlace(once, english)).toBe(once);
    }
  });
});
