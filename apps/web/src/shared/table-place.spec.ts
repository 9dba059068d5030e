import { tablePlace as apiTablePlace } from '../../../api/src/rounds/table-place';
import { tablePlace } from './table-place';

describe('tablePlace (the web app’s copy of the API’s rule)', () => {
  const french = (code: string) => `Table ${code}`;

  it('puts the word for a table before a bare number or a code', () => {
    expect(tablePlace('7', french)).toBe('Table 7');
    expect(tablePlace('B12', french)).toBe('Table B12');
  });

  it('shows the default "Table n" and named places as they are', () => {
    expect(tablePlace('Table 1', french)).toBe('Table 1');
    expect(tablePlace('Speaker corner', french)).toBe('Speaker corner');
    expect(tablePlace('Salle Rouge', french)).toBe('Salle Rouge');
  });

  it('words every label as the API does in mails and the calendar', () => {
    for (const label of ['1', '12', 'B12', 'A-1', ' T3 ', 'Table 1', 'Table B12', 'Speaker corner', 'Salle Rouge', 'Étage 2', '会议室 3', '']) {
      expect(tablePlace(label, french)).toBe(apiTablePlace(label, french));
    }
  });
});
