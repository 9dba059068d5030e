import type { Profile } from '@pairwise/matching';
import type { EntityManager } from 'typeorm';
import type { AttendeeEntity } from '../attendees/attendee.entity';
import { SEATED, sqlList } from './round-lifecycle';

/** Who a round is for, what the matching needs to know about them, and who is left out before matching. */
export interface RoundRoster {
  profiles: Profile[];
  pastPairs: [string, string][];
  sitOutCounts: Record<string, number>;
  notEligible: { attendeeId: string; reason: 'NOT_PRESENT' | 'NO_CONSENT' | 'OPTED_OUT' }[];
  /** The eligible attendees' rows, by id (for statistics). */
  attendees: Map<string, Pick<AttendeeEntity, 'id' | 'company' | 'role'>>;
}

type NotEligibleReason = RoundRoster['notEligible'][number]['reason'];

interface AttendeeRow {
  id: string;
  name: string;
  company: string | null;
  role: string | null;
  seniority: string | null;
  ticket_type: string | null;
  stack: string[];
  interests: string[];
  looking_for: string[];
  can_offer: string[];
  languages: string[];
  /** The free text the matcher reads (see README: the bio is the "what I'm building" text). */
  bio: string | null;
  /** Null when the attendee may be matched in the round. */
  not_eligible: NotEligibleReason | null;
}

/**
 * Who may be matched in a round, in one place: consenting, not opted out of
 * this round, present. A column expression over `attendees a` and
 * `round_opt_outs o` (joined for the round), naming the first rule broken.
 */
const NOT_ELIGIBLE_SQL = `CASE WHEN NOT a.consent_matchmaking THEN 'NO_CONSENT'
                               WHEN o.attendee_id IS NOT NULL THEN 'OPTED_OUT'
                               WHEN NOT a.present THEN 'NOT_PRESENT' END`;
const ROSTER_FROM_SQL = `FROM attendees a LEFT JOIN round_opt_outs o ON o.attendee_id = a.id AND o.round_id = $2 WHERE a.event_id = $1`;

/** How many attendees of the event may be matched in the round now, and why the others may not. */
export interface RosterCount {
  eligible: number;
  notEligible: Record<NotEligibleReason, number>;
}

export async function countRoundRoster(dataSource: Pick<EntityManager, 'query'>, eventId: string, roundId: string): Promise<RosterCount> {
  const rows: { reason: NotEligibleReason | null; count: number }[] = await dataSource.query(
    `SELECT ${NOT_ELIGIBLE_SQL} AS reason, count(*)::int AS count ${ROSTER_FROM_SQL} GROUP BY 1`,
    [eventId, roundId],
  );
  const of = (reason: NotEligibleReason | null) => rows.find((row) => row.reason === reason)?.count ?? 0;
  return { eligible: of(null), notEligible: { NOT_PRESENT: of('NOT_PRESENT'), NO_CONSENT: of('NO_CONSENT'), OPTED_OUT: of('OPTED_OUT') } };
}

/**
 * The event's conflicts of interest: the pairs its organisers imported (event_conflicts) and, when
 * the event opted in (`conflictsFromEarlierEvents`), the pairs that met in a published round of an
 * earlier event (by its first day, else its creation) run by one of the same organisers — the same
 * people being the attendees with the same email. Both as (low, high) attendee ids of this event.
 */
export const CONFLICTS_SQL = `SELECT attendee_low, attendee_high FROM event_conflicts WHERE event_id = $1
  UNION
  SELECT least(a1.id, a2.id), greatest(a1.id, a2.id)
    FROM events me
    JOIN event_organisers mine ON mine.event_id = me.id
    JOIN event_organisers theirs ON theirs.account_id = mine.account_id AND theirs.event_id <> me.id
    JOIN events earlier ON earlier.id = theirs.event_id
    JOIN event_pairs p ON p.event_id = earlier.id
    JOIN meetings m ON m.id = p.meeting_id
    JOIN rounds r ON r.id = m.round_id AND r.status IN ('PUBLISHED', 'CLOSED')
    JOIN attendees x ON x.id = p.attendee_low
    JOIN attendees y ON y.id = p.attendee_high
    JOIN attendees a1 ON a1.event_id = me.id AND a1.email = x.email
    JOIN attendees a2 ON a2.event_id = me.id AND a2.email = y.email
   WHERE me.id = $1 AND (me.matching_settings->>'conflictsFromEarlierEvents')::boolean IS TRUE
     AND coalesce(earlier.starts_on::timestamptz, earlier.created_at) < coalesce(me.starts_on::timestamptz, me.created_at)`;

/**
 * Loads everything a generation needs in a handful of queries: attendees
 * (with presence, consent and this round's opt-outs), wishes and blocks
 * among them, conflicts of interest (CONFLICTS_SQL), pairs met in other
 * rounds, and how often each sat out.
 */
export async function loadRoundRoster(dataSource: Pick<EntityManager, 'query'>, eventId: string, roundId: string): Promise<RoundRoster> {
  const rows: AttendeeRow[] = await dataSource.query(
    // The tag lists as JSON: JSON.parse reads them several times faster than node-postgres's text[] parser (10,000 rows × 5 lists).
    `SELECT a.id, a.name, a.company, a.role, a.seniority, a.ticket_type, array_to_json(a.stack) AS stack, array_to_json(a.interests) AS interests,
            array_to_json(a.looking_for) AS looking_for, array_to_json(a.can_offer) AS can_offer, array_to_json(a.languages) AS languages, a.bio,
            ${NOT_ELIGIBLE_SQL} AS not_eligible
       ${ROSTER_FROM_SQL}`,
    [eventId, roundId],
  );
  const notEligible: RoundRoster['notEligible'] = [];
  const eligible = rows.filter((row) => {
    if (row.not_eligible) notEligible.push({ attendeeId: row.id, reason: row.not_eligible });
    return !row.not_eligible;
  });
  const ids = eligible.map((row) => row.id);
  // One after the other: inside a transaction they share a single connection.
  const wishes = await dataSource.query(`SELECT attendee_id, target_id FROM wishes WHERE attendee_id = ANY($1::uuid[])`, [ids]);
  const blocks = await dataSource.query(`SELECT attendee_id, target_id FROM blocks WHERE attendee_id = ANY($1::uuid[])`, [ids]);
  const conflicts: { attendee_low: string; attendee_high: string }[] = await dataSource.query(CONFLICTS_SQL, [eventId]);
  // Two people given an accepted request's slot of their own have met as surely as at a round's table:
  // no round seats them again, until the slot is withdrawn (CANCELLED) — or erased with the request.
  const pairs = await dataSource.query(
    `SELECT p.attendee_low, p.attendee_high FROM event_pairs p JOIN meetings m ON m.id = p.meeting_id
      WHERE p.event_id = $1 AND m.round_id <> $2
     UNION
     SELECT least(q.requester_id, q.recipient_id), greatest(q.requester_id, q.recipient_id) FROM meeting_requests q
      WHERE q.event_id = $1 AND q.status = 'ACCEPTED' AND q.slot_starts_at IS NOT NULL`,
    [eventId, roundId],
  );
  const byes = await dataSource.query(
    `SELECT bye->>'attendeeId' AS attendee_id, count(*)::int AS count
       FROM rounds r, jsonb_array_elements(coalesce(r.stats->'leftOut', '[]'::jsonb)) bye
      WHERE r.event_id = $1 AND r.id <> $2 AND r.status IN ${sqlList(SEATED)}
        AND bye->>'reason' IN ('ODD_COUNT', 'NO_COMPATIBLE_PARTNER', 'NO_COMPATIBLE_TABLE')
      GROUP BY 1`,
    [eventId, roundId],
  );
  const listOf = (links: { attendee_id: string; target_id: string }[]) => {
    const byAttendee = new Map<string, string[]>();
    for (const link of links) byAttendee.set(link.attendee_id, [...(byAttendee.get(link.attendee_id) ?? []), link.target_id]);
    return byAttendee;
  };
  const wishesOf = listOf(wishes);
  const blocksOf = listOf(blocks);
  const conflictsOf = listOf(conflicts.map((c) => ({ attendee_id: c.attendee_low, target_id: c.attendee_high })));
  return {
    profiles: eligible.map((row) => ({
      id: row.id,
      name: row.name,
      role: row.role ?? undefined,
      company: row.company ?? undefined,
      seniority: row.seniority ?? undefined,
      ticketType: row.ticket_type ?? undefined,
      stack: row.stack,
      interests: row.interests,
      lookingFor: row.looking_for,
      canOffer: row.can_offer,
      languages: row.languages,
      // The bio is the free text: scored for everyone, whatever they share; what a partner reads of it
      // (the key terms two bios share) follows the sharing of the bio (shareableFieldOf).
      ...(row.bio !== null && row.bio.trim().length > 0 ? { text: row.bio } : {}),
      wishes: wishesOf.get(row.id) ?? [],
      blocks: blocksOf.get(row.id) ?? [],
      conflicts: conflictsOf.get(row.id) ?? [],
    })),
    pastPairs: (pairs as { attendee_low: string; attendee_high: string }[]).map((p) => [p.attendee_low, p.attendee_high]),
    sitOutCounts: Object.fromEntries((byes as { attendee_id: string; count: number }[]).map((b) => [b.attendee_id, b.count])),
    notEligible,
    attendees: new Map(eligible.map((row) => [row.id, { id: row.id, company: row.company, role: row.role }])),
  };
}
