import iconv from 'iconv-lite';
import { importsError, ImportsErrorReason } from './imports.errors';

/** The text encodings spreadsheets write attendee lists in. */
export type CsvEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export const ENCODING_NAMES: Record<CsvEncoding, string> = {
  'utf-8': 'UTF-8',
  'utf-16le': 'UTF-16 LE',
  'utf-16be': 'UTF-16 BE',
  'windows-1252': 'Windows-1252',
};

export interface DecodedText {
  text: string;
  encoding: CsvEncoding;
}

/** How many leading bytes the UTF-16-without-BOM guess looks at. */
const SNIFFED_BYTES = 4096;

/**
 * A file's bytes as text, read the way the spreadsheet that wrote it meant:
 * - a byte-order mark names the encoding: EF BB BF UTF-8, FF FE UTF-16 LE (Excel's
 *   "Unicode text"), FE FF UTF-16 BE;
 * - without one, UTF-16 shows as a NUL byte in every other place of its mostly-ASCII text;
 * - otherwise bytes that are valid UTF-8 are UTF-8, and anything else is Windows-1252 (what
 *   Excel's plain "CSV" writes on Windows in western locales).
 * A zip archive (an .xlsx workbook saved as is) is refused with what to do instead.
 */
export function decodeCsvBytes(bytes: Uint8Array): DecodedText {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) {
    throw importsError(ImportsErrorReason.CSV_IS_WORKBOOK, 'This is a spreadsheet workbook (.xlsx), not a CSV file: save it as “CSV UTF-8” or “Unicode text” and import that');
  }
  const encoding = bomEncoding(bytes) ?? utf16WithoutBom(bytes) ?? (isUtf8(bytes) ? 'utf-8' : 'windows-1252');
  // iconv-lite, not TextDecoder: Node 20.18.3+ decodes windows-1252 as Latin-1 (0x80 is not €; nodejs/node#60888).
  // It drops the byte-order mark.
  return { text: iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), encoding), encoding };
}

/** Standard base64 (RFC 4648 §4) with its padding, as a browser's FileReader.readAsDataURL writes it; nothing else. */
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/**
 * The bytes of a file sent as base64 text (importAttendees' `csvBase64`, importAgenda's `fileBase64`,
 * named by `field`). Node's own decoder skips characters it does not know, so the text is checked
 * first: a damaged upload is refused, never half read.
 */
export function decodeBase64File(base64: string, field = 'csvBase64'): Uint8Array {
  if (!BASE64.test(base64)) {
    throw importsError(ImportsErrorReason.CSV_BASE64_INVALID, `${field} is not base64: send the file's bytes encoded in standard base64 (A–Z, a–z, 0–9, + and /, padded with =)`, {
      fields: [{ field, message: 'must be standard base64' }],
    });
  }
  return new Uint8Array(Buffer.from(base64, 'base64'));
}

function bomEncoding(bytes: Uint8Array): CsvEncoding | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return undefined;
}

function utf16WithoutBom(bytes: Uint8Array): CsvEncoding | undefined {
  const length = Math.min(bytes.length, SNIFFED_BYTES) & ~1;
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

/** The separators spreadsheets put between columns: comma, semicolon (French and German Excel), tab ("Unicode text"). */
export type CsvDelimiter = ',' | ';' | '\t';

export const DELIMITER_NAMES: Record<CsvDelimiter, string> = { ',': 'comma', ';': 'semicolon', '\t': 'tab' };

/**
 * The separator of a file, read from its header line: the candidate that occurs most often there
 * outside double quotes (a comma on a tie, or when the header is a single column).
 */
export function sniffDelimiter(text: string): CsvDelimiter {
  const counts: Record<CsvDelimiter, number> = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  let started = false;
  for (const char of text.startsWith('\ufeff') ? text.slice(1) : text) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === '\n' || char === '\r')) {
      if (started) break; // the end of the header line (blank lines before it are skipped)
    } else if (!quoted && (char === ',' || char === ';' || char === '\t')) counts[char]++;
    if (char.trim()) started = true;
  }
  return (Object.keys(counts) as CsvDelimiter[]).reduce((best, candidate) => (counts[candidate] > counts[best] ? candidate : best), ',');
}
