import { Injectable } from '@nestjs/common';
import type { Profile } from '@pairwise/matching';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { matchingProfileOf, type MatchingProfileRow } from '../attendees/matching-profile';
import { DummyValue, GenerateSql } from '../database/generate-sql';
import { SEATED, sqlList, VISIBLE_TO_ATTENDEES } from './round-lifecycle';
import type { NotEligibleReason, RosterCount, RoundRoster } from './round-roster';

interface AttendeeRow extends MatchingProfileRow {
  ticket_type: string | null;
  /** The free text the matcher reads (see README: the bio is the "what I'm building" text). */
  bio: string | null;
  /** Null when the attendee may be matched in the round. */
  not_eligible: NotEligibleReason | null;
}

/** One attendee's link to another: a wish, a block or a conflict of interest. */
interface Link {
  attendee_id: string;
  target_id: string;
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

/**
 * The event's conflicts of interest: the pairs its organisers imported (event_conflicts) and, when
 * the event opted in (`conflictsFromEarlierEvents`), the pairs that met in a published round of an
 * earlier event (by its first day, else its creation) run by one of the same organisers — the same
 * people being the attendees with the same email. Both as (low, high) attendee ids of this event.
 */
const CONFLICTS_SQL = `SELECT attendee_low, attendee_high FROM event_conflicts WHERE event_id = $1
  UNION
  SELECT least(a1.id, a2.id), greatest(a1.id, a2.id)
    FROM events me
    JOIN event_organisers mine ON mine.event_id = me.id
    JOIN event_organisers theirs ON theirs.account_id = mine.account_id AND theirs.event_id <> me.id
    JOIN events earlier ON earlier.id = theirs.event_id
    JOIN event_pairs p ON p.event_id = earlier.id
    JOIN meetings m ON m.id = p.meeting_id
    JOIN rounds r ON r.id = m.round_id AND r.status IN ${sqlList(VISIBLE_TO_ATTENDEES)}
    JOIN attendees x ON x.id = p.attendee_low
    JOIN attendees y ON y.id = p.attendee_high
    JOIN attendees a1 ON a1.event_id = me.id AND a1.email = x.email
    JOIN attendees a2 ON a2.event_id = me.id AND a2.email = y.email
   WHERE me.id = $1 AND (me.matching_settings->>'conflictsFromEarlierEvents')::boolean IS TRUE
     AND coalesce(earlier.starts_on::timestamptz, earlier.created_at) < coalesce(me.starts_on::timestamptz, me.created_at)`;

/**
 * A round's input as the matching reads it — a read model over several aggregates: the event's
 * attendees (with presence, consent and the round's opt-outs), their wishes, blocks and conflicts of
 * interest, the pairs met before, and who sat out before. Statements take the caller's `manager`
 * when they belong to its transaction (a change by hand, an erasure); each method's SQL is
 * snapshotted in queries/round-roster.repository.sql.
 */
@Injectable()
export class RoundRosterRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** How many attendees of the event may be matched in the round now, and why the others may not: one statement. */
  @GenerateSql({ params: [DummyValue.UUID, DummyValue.OTHER_UUID] })
  async count(eventId: string, roundId: string, manager: Pick<EntityManager, 'query'> = this.dataSource.manager): Promise<RosterCount> {
    const rows: { reason: NotEligibleReason | null; count: number }[] = await manager.query(
      `SELECT ${NOT_ELIGIBLE_SQL} AS reason, count(*)::int AS count ${ROSTER_FROM_SQL} GROUP BY 1`,
      [eventId, roundId],
    );
    const of = (reason: NotEligibleReason | null) => rows.find((row) => row.reason === reason)?.count ?? 0;
    return { eligible: of(null), notEligible: { NOT_PRESENT: of('NOT_PRESENT'), NO_CONSENT: of('NO_CONSENT'), OPTED_OUT: of('OPTED_OUT') } };
  }

  /**
   * Everything a generation needs, in six statements one after the other (inside a transaction they
   * share a single connection): attendees, wishes and blocks among the eligible, conflicts of
   * interest (CONFLICTS_SQL), pairs met in other rounds or given a request's slot of their own, and
   * how often each sat out.
   */
  @GenerateSql({ params: [DummyValue.UUID, DummyValue.OTHER_UUID] })
  async load(eventId: string, roundId: string, manager: Pick<EntityManager, 'query'> = this.dataSource.manager): Promise<RoundRoster> {
    const rows: AttendeeRow[] = await manager.query(
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
    const wishes: Link[] = await manager.query(`SELECT attendee_id, target_id FROM wishes WHERE attendee_id = ANY($1::uuid[])`, [ids]);
    const blocks: Link[] = await manager.query(`SELECT attendee_id, target_id FROM blocks WHERE attendee_id = ANY($1::uuid[])`, [ids]);
    const conflicts: { attendee_low: string; attendee_high: string }[] = await manager.query(CONFLICTS_SQL, [eventId]);
    // Two people given an accepted request's slot of their own have met as surely as at a round's table:
    // no round seats them again, until the slot is withdrawn (CANCELLED) — or erased with the request.
    const pairs: { attendee_low: string; attendee_high: string }[] = await manager.query(
      `SELECT p.attendee_low, p.attendee_high FROM event_pairs p JOIN meetings m ON m.id = p.meeting_id
        WHERE p.event_id = $1 AND m.round_id <> $2
       UNION
       SELECT least(q.requester_id, q.recipient_id), greatest(q.requester_id, q.recipient_id) FROM meeting_requests q
        WHERE q.event_id = $1 AND q.status = 'ACCEPTED' AND q.slot_starts_at IS NOT NULL`,
      [eventId, roundId],
    );
    const byes: { attendee_id: string; count: number }[] = await manager.query(
      `SELECT bye->>'attendeeId' AS attendee_id, count(*)::int AS count
         FROM rounds r, jsonb_array_elements(coalesce(r.stats->'leftOut', '[]'::jsonb)) bye
        WHERE r.event_id = $1 AND r.id <> $2 AND r.status IN ${sqlList(SEATED)}
          AND bye->>'reason' IN ('ODD_COUNT', 'NO_COMPATIBLE_PARTNER', 'NO_COMPATIBLE_TABLE')
        GROUP BY 1`,
      [eventId, roundId],
    );
    const wishesOf = targetsByAttendee(wishes);
    const blocksOf = targetsByAttendee(blocks);
    const conflictsOf = targetsByAttendee(conflicts.map((c) => ({ attendee_id: c.attendee_low, target_id: c.attendee_high })));
    return {
      // Fields added to the shared part one by one: spreading it into a new literal cost 120 ms of CPU per
      // 10,000 attendees (bench:rounds, the roster read by generation and by publish's draft check).
      profiles: eligible.map((row) => {
        const profile: { -readonly [Field in keyof Profile]: Profile[Field] } = matchingProfileOf(row);
        profile.ticketType = row.ticket_type ?? undefined;
        // The bio is the free text: scored for everyone, whatever they share; what a partner reads of it
        // (the key terms two bios share) follows the sharing of the bio (shareableFieldOf).
        if (row.bio !== null && row.bio.trim().length > 0) profile.text = row.bio;
        profile.wishes = wishesOf.get(row.id) ?? [];
        profile.blocks = blocksOf.get(row.id) ?? [];
        profile.conflicts = conflictsOf.get(row.id) ?? [];
        return profile;
      }),
      pastPairs: pairs.map((p) => [p.attendee_low, p.attendee_high]),
      sitOutCounts: Object.fromEntries(byes.map((b) => [b.attendee_id, b.count])),
      notEligible,
      attendees: new Map(eligible.map((row) => [row.id, { id: row.id, company: row.company, role: row.role }])),
    };
  }
}

function targetsByAttendee(links: readonly Link[]): Map<string, string[]> {
  const byAttendee = new Map<string, string[]>();
  for (const link of links) byAttendee.set(link.attendee_id, [...(byAttendee.get(link.attendee_id) ?? []), link.target_id]);
  return byAttendee;
}
