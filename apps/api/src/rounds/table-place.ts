/**
 * Where a meeting takes place, in words a person reads. One rule for every surface (the attendee's screens
 * in apps/web/src/shared/table-place.ts, mails, the calendar feed):
 *
 * - a meeting stores its label as the organiser typed it (`createRound`'s `tables`, a talk's location for
 *   office hours), or `Table <n>` when they typed none (round-plan-writer.ts `tableLabel`);
 * - a label that already holds a word — two letters in a row: "Table 7", "Speaker corner", "Salle Rouge" —
 *   is shown as it is;
 * - a bare number or a code ("7", "B12", "A1") is shown after the reader's word for a table ("Table B12").
 *
 * So nothing ever reads "Table Table 1", and a named place never becomes "Table Speaker corner".
 */
export function tablePlace(label: string, numbered: (code: string) => string): string {
  const trimmed = label.trim();
  return HAS_A_WORD.test(trimmed) ? trimmed : numbered(trimmed);
}

const HAS_A_WORD = /\p{L}{2}/u;
