/** What the new-round form fills in and reads, without React (tested in round-form.spec.ts). */

const FIVE_MINUTES = 5 * 60_000;

/** Where a new round most likely starts: five minutes after the last one ends, or from now, on a five-minute mark. */
export function suggestedStart(now: Date, previousEnd?: string): Date {
  const after = Math.max(now.getTime(), previousEnd ? Date.parse(previousEnd) : 0) + FIVE_MINUTES;
  return new Date(Math.ceil(after / FIVE_MINUTES) * FIVE_MINUTES);
}

/** Labels as typed (tables, topics): "A1, A2; A3" or one a line (a label may have spaces: "Terrace East"). */
export function parseLabels(text: string): string[] {
  return text
    .split(/[,;\n]+/)
    .map((label) => label.trim())
    .filter(Boolean);
}
