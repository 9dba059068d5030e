/** What a ticketing export's bytes hold, read in the browser before it is sent as text to importAttendees. */
export type ReadCsv = { kind: 'text'; text: string; encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252' } | { kind: 'workbook' };

/**
 * The file's bytes as text, read the way the spreadsheet that wrote it meant (as the API's
 * `pairwise import` does): a byte-order mark names UTF-8 or UTF-16; UTF-16 without one shows as NUL
 * bytes in every other place; valid UTF-8 is UTF-8; anything else is Windows-1252 (Excel's plain "CSV"
 * on Windows). Browsers decode Windows-1252 properly (0x80 is €). A zip (an .xlsx saved as is) is a workbook.
 */
export function decodeCsvBytes(bytes: Uint8Array): ReadCsv {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) return { kind: 'workbook' };
  const encoding = bomEncoding(bytes) ?? utf16WithoutBom(bytes) ?? (isUtf8(bytes) ? 'utf-8' : 'windows-1252');
  // TextDecoder drops the byte-order mark of the encoding it decodes.
  return { kind: 'text', text: new TextDecoder(encoding).decode(bytes), encoding };
}

function bomEncoding(bytes: Uint8Array): 'utf-8' | 'utf-16le' | 'utf-16be' | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return undefined;
}

function utf16WithoutBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  const length = Math.min(bytes.length, 4096) & ~1;
  if (length < 4) return undefined;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < length; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  const pairs = length / 2;
  if (oddZeros > pairs * 0.4 && evenZeros < pairs * 0.05) return 'utf-16le';
  if (evenZeros > pairs * 0.4 && oddZeros < pairs * 0.05) return 'utf-16be';
  return undefined;
}

function isUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}
