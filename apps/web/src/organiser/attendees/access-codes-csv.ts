/** One issued code, with what a mail merge needs beside it. */
export interface IssuedCode {
  name?: string | null;
  email?: string | null;
  code: string;
  expiresAt: string;
}

/**
 * A cell as spreadsheets read it safely: quoted when it holds a separator, a quote or a line break, and
 * text that starts like a formula (= + - @, or a tab or carriage return before one) prefixed with a
 * quote mark, so a name such as `=HYPERLINK(…)` stays text when the file is opened (CSV injection).
 */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",;\r\n\t]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/**
 * The codes as a CSV file for a mail merge: stable English column names (merge fields), one line per
 * attendee, the sign-in page's address, a byte-order mark so Excel reads the names' accents as UTF-8.
 */
export function accessCodesCsv(codes: readonly IssuedCode[], signInUrl: string): string {
  const header = ['email', 'name', 'access_code', 'expires_at', 'sign_in_url'];
  const lines = codes.map((code) => [code.email ?? '', code.name ?? '', code.code, code.expiresAt, signInUrl].map(csvCell).join(','));
  return `\uFEFF${[header.join(','), ...lines].join('\r\n')}\r\n`;
}
