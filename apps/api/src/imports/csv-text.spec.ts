import { DomainError } from '../common/domain-error';
import { decodeCsvBytes, sniffDelimiter } from './csv-text';

const TEXT = 'Email\tName\nzoe@example.com\tZoë Ünal\n';

function utf16be(text: string): Buffer {
  return Buffer.from(text, 'utf16le').swap16();
}

describe('decodeCsvBytes (what spreadsheets write)', () => {
  it.each([
    ['UTF-8', Buffer.from(TEXT, 'utf8'), 'utf-8'],
    ['UTF-8 with a byte-order mark (Excel "CSV UTF-8")', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(TEXT, 'utf8')]), 'utf-8'],
    ['UTF-16 LE with a byte-order mark (Excel "Unicode text")', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(TEXT, 'utf16le')]), 'utf-16le'],
    ['UTF-16 BE with a byte-order mark', Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(TEXT)]), 'utf-16be'],
    ['UTF-16 LE without a mark', Buffer.from(TEXT, 'utf16le'), 'utf-16le'],
    ['UTF-16 BE without a mark', utf16be(TEXT), 'utf-16be'],
    ['Windows-1252 (Excel "CSV" on Windows)', Buffer.from(TEXT, 'latin1'), 'windows-1252'],
  ])('%s', (_, bytes, encoding) => {
    expect(decodeCsvBytes(bytes)).toEqual({ text: TEXT, encoding });
  });

  it('reads the euro sign and curly quotes of Windows-1252, which Latin-1 does not have', () => {
    expect(decodeCsvBytes(Buffer.from([0x80, 0x20, 0x93, 0x61, 0x94])).text).toBe('€ “a”');
  });

  it('refuses an .xlsx workbook with what to do instead', () => {
    const zip = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]);
    expect(() => decodeCsvBytes(zip)).toThrow(DomainError);
    expect(() => decodeCsvBytes(zip)).toThrow(/save it as “CSV UTF-8” or “Unicode text”/);
  });

  it('takes an empty file as empty UTF-8', () => {
    expect(decodeCsvBytes(Buffer.alloc(0))).toEqual({ text: '', encoding: 'utf-8' });
  });
});

describe('sniffDelimiter (from the header line)', () => {
  it.each([
    ['Email,Name,Company\na;b;c;d;e', ','],
    ['Email;Nom;Société\nx@example.com;A, B;C', ';'],
    ['Email\tName\tCompany\n', '\t'],
    ['"Name, full";Email\n', ';'],
    ['\n\n  \nEmail;Name\n', ';'],
    ['\ufeffEmail;Name', ';'],
    ['Email\nx@example.com', ','],
    ['', ','],
  ])('%j → %j', (text, delimiter) => {
    expect(sniffDelimiter(text)).toBe(delimiter);
  });
});
