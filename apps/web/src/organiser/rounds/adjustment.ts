/** Someone chosen in the review to be swapped or moved: where they sit, and with whom (to name them in a refusal). */
export interface Seat {
  attendeeId: string;
  name: string;
  /** Their table in this draft; none when they sit out. */
  meetingId?: string;
  table?: string;
  tablemates: { id: string; name: string }[];
}

/** A change by hand to a generated draft, as the organiser asked for it. */
export type Adjustment =
  | { kind: 'swap'; a: Seat; b: Seat }
  | { kind: 'move'; who: Seat; to: { meetingId: string; table: string; participants: { id: string; name: string }[] } };

/** A hard rule the change would break, as the API lists it in `extensions.violations` of a HARD_RULE refusal. */
export interface Violation {
  rule: string;
  attendeeA: string;
  attendeeB: string;
}

/** The violations of a refusal, or none when the error is another one (or not shaped as expected). */
export function violationsOf(extensions: Record<string, unknown> | undefined): Violation[] {
  const list = extensions?.violations;
  if (!Array.isArray(list)) return [];
  return list.filter(
    (entry): entry is Violation =>
      typeof entry === 'object' && entry !== null && typeof entry.rule === 'string' && typeof entry.attendeeA === 'string' && typeof entry.attendeeB === 'string',
  );
}

/** Every name the change involves, by attendee id: the people moved and those at the tables concerned. */
export function namesOf(adjustment: Adjustment): Map<string, string> {
  const names = new Map<string, string>();
  const add = (seat: Seat) => {
    names.set(seat.attendeeId, seat.name);
    for (const mate of seat.tablemates) names.set(mate.id, mate.name);
  };
  if (adjustment.kind === 'swap') {
    add(adjustment.a);
    add(adjustment.b);
  } else {
    add(adjustment.who);
    for (const person of adjustment.to.participants) names.set(person.id, person.name);
  }
  return names;
}
