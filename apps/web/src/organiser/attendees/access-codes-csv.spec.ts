import { accessCodesCsv, csvCell } from './access-codes-csv';

describe('the access codes CSV', () => {
  it('has a byte-order mark, merge-field headers and one CRLF line per code', () => {
    const csv = accessCodesCsv(
      [
        { name: 'Ada Lovelace', email: 'ada@example.com', code: 'ABCD-EFGH-JKLM', expiresAt: '2027-06-20T10:00:00.000Z' },
        { name: 'Élise Dupont, PhD', email: 'elise@example.fr', code: 'NPQR-STUV-WXYZ', expiresAt: '2027-06-20T10:00:00.000Z' },
      ],
      'https://pairwise.example/sign-in',
    );
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv.slice(1).split('\r\n')).toEqual([
      'email,name,access_code,expires_at,sign_in_url',
      'ada@example.com,Ada Lovelace,ABCD-EFGH-JKLM,2027-06-20T10:00:00.000Z,https://pairwise.example/sign-in',
      'elise@example.fr,"Élise Dupont, PhD",NPQR-STUV-WXYZ,2027-06-20T10:00:00.000Z,https://pairwise.example/sign-in',
      '',
    ]);
  });

  it('keeps formulas as text and quotes what would break a line', () => {
    expect(csvCell('=HYPERLINK("http://evil.example","x")')).toBe(`"'=HYPERLINK(""http://evil.example"",""x"")"`);
    expect(csvCell('+33 6 12')).toBe("'+33 6 12");
    expect(csvCell('-1')).toBe("'-1");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('semi;colon')).toBe('"semi;colon"');
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('')).toBe('');
  });
});
