import type { TFunction } from 'i18next';

/**
 * Where a meeting takes place, in words: the API's rule (apps/api/src/rounds/table-place.ts, which the
 * mails and the calendar feed use; the web app reaches the API through GraphQL only, so it has its own
 * copy of these two lines, and a unit test each).
 *
 * A meeting's `table` is the organiser's label, or `Table <n>` when they typed none. A label that already
 * holds a word ("Table 7", "Speaker corner", "Salle Rouge") is shown as it is; a bare number or a code
 * ("7", "B12") after the word for a table (`numbered`, from the reader's catalogue): "Table B12". So the
 * screens never read "Table Table 1".
 */
export function tablePlace(label: string, numbered: (code: string) => string): string {
  const trimmed = label.trim();
  return HAS_A_WORD.test(trimmed) ? trimmed : numbered(trimmed);
}

const HAS_A_WORD = /\p{L}{2}/u;

/** `tablePlace` with the reader's catalogue: `const place = placeFor(t); place(meeting.table)`. */
export function placeFor(t: TFunction): (label: string) => string {
  return (label) => tablePlace(label, (table) => t('attendee.numberedTable', { table }));
}
