import { decodeCsvBytes } from './read-csv-file';

const utf16le = (text: string, bom: boolean) => {
  const bytes = Buffer.from(text, 'utf16le');
  return new Uint8Array(bom ? Buffer.concat([Buffer.from([0xff, 0xfe]), bytes]) : bytes);
};
const utf16be = (text: string) => {
  const le = Buffer.from(text, 'utf16le');
  const be = Buffer.alloc(le.length);
  for (let i = 0; i < le.length; i += 2) [be[i], be[i + 1]] = [le[i + 1]!, le[i]!];
  return new Uint8Array(Buffer.concat([Buffer.from([0xfe, 0xff]), be]));
};

describe('reading a ticketing export in the browser', () => {
  const csv = 'Email\tName\nelise@example.fr\tÉlise Dupont\n';

  it('reads UTF-8 with and without a byte-order mark', () => {
    expect(decodeCsvBytes(new Uint8Array(Buffer.from(csv)))).toEqual({ kind: 'text', text: csv, encoding: 'utf-8' });
    expect(decodeCsvBytes(new Uint8Array(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(csv)])))).toEqual({ kind: 'text', text: csv, encoding: 'utf-8' });
  });

  it('reads UTF-16 as Excel\'s "Unicode text" writes it (LE with a mark), without a mark, and big-endian', () => {
    expect(decodeCsvBytes(utf16le(csv, true))).toEqual({ kind: 'text', text: csv, encoding: 'utf-16le' });
    expect(decodeCsvBytes(utf16le(csv, false))).toEqual({ kind: 'text', text: csv, encoding: 'utf-16le' });
    expect(decodeCsvBytes(utf16be(csv))).toEqual({ kind: 'text', text: csv, encoding: 'utf-16be' });
  });

  it('reads bytes that are not UTF-8 as Windows-1252, and knows a workbook', () => {
    // "Élise;Café" in Windows-1252: É is 0xC9, é is 0xE9.
    const latin = new Uint8Array([0xc9, 0x6c, 0x69, 0x73, 0x65, 0x3b, 0x43, 0x61, 0x66, 0xe9]);
    expect(decodeCsvBytes(latin)).toMatchObject({ kind: 'text', text: 'Élise;Café', encoding: 'windows-1252' });
    expect(decodeCsvBytes(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]))).toEqual({ kind: 'workbook' });
  });
});
