/**
 * A round's life, named once: its statuses, the moves between them, and the groups of statuses the
 * rest of the API asks about (what attendees see, what may be cancelled, what is still to come).
 * Code and SQL take the groups from here — SQL through `sqlList`, so a statement's text shows the
 * statuses it means (in the SQL snapshots too) and stays the same text from call to call (the
 * prepared statements of the hot paths are planned once per connection).
 *
 *   DRAFT → GENERATING → GENERATED → PUBLISHED → CLOSED, or CANCELLED from any state before CLOSED.
 *
 * A failed or lapsed generation goes back to DRAFT, or to GENERATED when it was replacing a draft;
 * a GENERATED draft may be generated again; a GENERATING round whose lease lapsed may be claimed again.
 */
export const ROUND_STATUSES = ['DRAFT', 'GENERATING', 'GENERATED', 'PUBLISHED', 'CLOSED', 'CANCELLED'] as const;
export type RoundStatusValue = (typeof ROUND_STATUSES)[number];

/** Where a round may go from each status (the service checks each move in the statement that makes it). */
export const ROUND_TRANSITIONS: { readonly [from in RoundStatusValue]: readonly RoundStatusValue[] } = {
  DRAFT: ['GENERATING', 'CANCELLED'],
  GENERATING: ['GENERATED', 'DRAFT', 'GENERATING', 'CANCELLED'],
  GENERATED: ['GENERATING', 'PUBLISHED', 'CANCELLED'],
  PUBLISHED: ['CLOSED', 'CANCELLED'],
  CLOSED: [],
  CANCELLED: [],
};

/** Whether a round may move from `from` to `to`. */
export function canMove(from: RoundStatusValue, to: RoundStatusValue): boolean {
  return ROUND_TRANSITIONS[from].includes(to);
}

/** The statuses from which a round may move to `to`, in lifecycle order. */
export function statusesLeadingTo(to: RoundStatusValue): readonly RoundStatusValue[] {
  return ROUND_STATUSES.filter((from) => canMove(from, to));
}

/** Published: attendees see the round and its meetings. Drafts are the organisers' alone. */
export const VISIBLE_TO_ATTENDEES: readonly RoundStatusValue[] = ['PUBLISHED', 'CLOSED'];

/** Still to be published: attendees may opt out of it, and one who withdraws leaves its draft. */
export const NOT_YET_PUBLISHED: readonly RoundStatusValue[] = ['DRAFT', 'GENERATING', 'GENERATED'];

/** A round that may be cancelled: any before it is closed (a generation under way loses its lease). */
export const CANCELLABLE: readonly RoundStatusValue[] = statusesLeadingTo('CANCELLED');

/**
 * Rounds whose seating is decided, drafted or held: they make the history the next generation is
 * fair against (who sat out before). A round being generated has no seating yet; a cancelled one never will.
 */
export const SEATED: readonly RoundStatusValue[] = ['GENERATED', 'PUBLISHED', 'CLOSED'];

/** Rounds on the event's schedule (not cancelled): they must stay inside the event's days. */
export const SCHEDULED: readonly RoundStatusValue[] = ROUND_STATUSES.filter((status) => status !== 'CANCELLED');

/** The statuses a generation may claim a round in: a draft to generate, or (`regenerate`) a generated one to redo. */
export function claimableForGeneration(regenerate: boolean): readonly RoundStatusValue[] {
  return regenerate ? ['DRAFT', 'GENERATED'] : ['DRAFT'];
}

/**
 * A list of statuses as an SQL list literal, `('PUBLISHED', 'CLOSED')`, for `status IN …`. The
 * statuses are the constants above, never input, so the literal is safe to write into a statement.
 */
export function sqlList(statuses: readonly RoundStatusValue[]): string {
  for (const status of statuses) if (!ROUND_STATUSES.includes(status)) throw new Error(`Not a round status: ${String(status)}`);
  return `(${statuses.map((status) => `'${status}'`).join(', ')})`;
}
