import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { AttendeeEntity } from '../attendees/attendee.entity';
import { partnerProfileSql } from '../attendees/attendee-view';
import { entityFromJson, jsonObjectSql } from '../common/entity-json';
import { preparedQuery } from '../common/prepared-statement';
import { isUuid } from '../common/sql';
import type { LimitHit } from '../rate-limit/counted-in-statement';
import type { LimitCount } from '../rate-limit/limit-store';
import { countHitsSql, limitCountOf, type CounterRow } from '../rate-limit/postgres-limit-store';
import { FeedbackEntity } from './feedback.entity';
import type { TagLabels } from './meeting-explanation';
import { MeetingEntity } from './meeting.entity';
import type { RoundTableMeeting } from './attendee-meeting';
import { MeetingsWhen } from './models/meeting-views.model';
import { sqlList, VISIBLE_TO_ATTENDEES } from './round-lifecycle';

/** An attendee's round tables, and what `myMeetings` needs to know besides. */
export interface RoundTables {
  tables: RoundTableMeeting[];
  /** Whether the attendee's event has talks (else there is no office hour to look for). */
  eventHasTalks: boolean;
  /** Whether the attendee has an accepted meeting request with a slot of its own (else there is none to look for). */
  hasRequestSlots: boolean;
  /** Whether the attendee still exists, unerased, in that event. */
  callerExists: boolean;
  /** Whether the caller's session is live (true when no session was given to check). */
  sessionLive: boolean;
  /** The event's vocabulary labels (office hours are shaped with them too). */
  labels: TagLabels;
  /** The caller's shared fields. */
  readerSharedFields: readonly string[];
  /** The count of the rate-limit hit the statement counted for this call; null when it was given none, or did not run. */
  limitCount: LimitCount | null;
}

interface Caller {
  attendeeId: string;
  eventId: string;
  /** The caller's session, to check in the same statement; null: not to be checked. */
  sessionId: string | null;
  /** A rate-limit hit to count in the same statement (see CountsLimitInStatement); null: none. */
  hit: LimitHit | null;
}

/** Callers per statement at most: a statement for 64 attendees still runs in a few milliseconds. */
const MAX_BATCH = 64;

/**
 * Reads attendees' published round tables for `myMeetings`, the hottest query of the API: every
 * attendee fetches it when a round is published. One prepared statement answers, as one JSON
 * value per attendee: the meetings, each with its other participants (what they share, read back
 * into entities) and this attendee's feedback, whether the event has talks, and whether the
 * attendee is still there (the caller's check, see ConfirmsAttendeeItself).
 *
 * Requests that arrive in the same turn of the event loop share one statement (a DataLoader
 * without cache, flushed by setImmediate): under load, when many attendees ask at once, the
 * database runs one statement for several of them, and each gets the same answer it would get
 * alone. Nothing is cached: every call reads the database.
 */
export class RoundTablesReader {
  private readonly loaders = new Map<MeetingsWhen, DataLoader<Caller, RoundTables>>();
  /** The statement per time filter and number of caller slots. */
  private readonly statements = new Map<string, string>();
  private readonly attendees = this.dataSource.getMetadata(AttendeeEntity);
  private readonly feedback = this.dataSource.getMetadata(FeedbackEntity);

  constructor(private readonly dataSource: DataSource) {}

  read(attendeeId: string, eventId: string, sessionId: string | null, when: MeetingsWhen, hit: LimitHit | null = null): Promise<RoundTables> {
    // Ids come from signed tokens; still, one that is not a UUID must not fail the statement it shares with others.
    if (!isUuid(attendeeId) || !isUuid(eventId) || (sessionId !== null && !isUuid(sessionId))) {
      return Promise.resolve({ tables: [], eventHasTalks: false, hasRequestSlots: false, callerExists: false, sessionLive: false, labels: new Map(), readerSharedFields: [], limitCount: null });
    }
    return this.loaderFor(when).load({ attendeeId, eventId, sessionId, hit });
  }

  private loaderFor(when: MeetingsWhen): DataLoader<Caller, RoundTables> {
    let loader = this.loaders.get(when);
    if (!loader) {
      loader = new DataLoader((callers) => this.readBatches(when, callers), { cache: false, maxBatchSize: MAX_BATCH, batchScheduleFn: (run) => setImmediate(run) });
      this.loaders.set(when, loader);
    }
    return loader;
  }

  /**
   * One statement counts a rate-limit key at most once and with one window, limit and block (see countHitsSql):
   * a caller whose key is already in a statement, or whose limits differ, goes to the next one, run after it
   * (the same attendee asking twice in one turn is counted twice, in order). Usually there is one.
   */
  private async readBatches(when: MeetingsWhen, callers: readonly Caller[]): Promise<RoundTables[]> {
    const statements: { callers: Caller[]; at: number[]; keys: Set<string>; limits: string | null }[] = [];
    callers.forEach((caller, at) => {
      const limits = caller.hit && `${caller.hit.ttl}:${caller.hit.limit}:${caller.hit.blockDuration}`;
      let statement = statements.find((s) => !caller.hit || (!s.keys.has(caller.hit.key) && (s.limits === null || s.limits === limits)));
      if (!statement) statements.push((statement = { callers: [], at: [], keys: new Set(), limits: null }));
      statement.callers.push(caller);
      statement.at.push(at);
      if (caller.hit) {
        statement.keys.add(caller.hit.key);
        statement.limits = limits;
      }
    });
    if (statements.length === 1) return this.readBatch(when, callers);
    const answers = new Array<RoundTables>(callers.length);
    for (const statement of statements) {
      const read = await this.readBatch(when, statement.callers);
      statement.at.forEach((at, i) => (answers[at] = read[i]!));
    }
    return answers;
  }

  /**
   * The callers go in a VALUES list of 1, 2, 4 … 64 slots (the rest null), not in an array: PostgreSQL
   * cannot tell an array parameter's length when it plans, so it re-planned the statement on every
   * execution (0.5 ms); a list of known length is planned once per connection, like any prepared
   * statement, and there are seven per time filter.
   */
  private async readBatch(when: MeetingsWhen, callers: readonly Caller[]): Promise<RoundTables[]> {
    let slots = 1;
    while (slots < callers.length) slots *= 2;
    const key = `${when}:${slots}`;
    let sql = this.statements.get(key);
    if (!sql) {
      sql = roundTablesSql(when, slots, partnerProfileSql(this.attendees, 'a'), jsonObjectSql(this.feedback, 'f'));
      this.statements.set(key, sql);
    }
    // The throttler's window, limit and block (the same for every hit of a statement), then four per caller.
    const hit = callers.find((caller) => caller.hit)?.hit;
    const values: (string | number | null)[] = [hit?.ttl ?? null, hit?.limit ?? null, hit?.blockDuration ?? null];
    for (const caller of callers) values.push(caller.attendeeId, caller.eventId, caller.sessionId, caller.hit?.key ?? null);
    while (values.length < 3 + slots * 4) values.push(null);
    const rows = await preparedQuery<{ tables: StoredTables }>(this.dataSource, sql, values);
    return rows.map(({ tables }) => {
      const labels: TagLabels = new Map(Object.entries(tables.labels ?? {}));
      const readerSharedFields = tables.shared_fields ?? [];
      return {
        eventHasTalks: tables.event_has_talks,
        hasRequestSlots: tables.has_request_slots,
        callerExists: tables.caller_exists,
        sessionLive: tables.session_live,
        labels,
        readerSharedFields,
        limitCount: tables.limit_count ? limitCountOf(tables.limit_count) : null,
        tables: tables.meetings.map((row) => ({
          kind: 'ROUND' as const,
          meeting: meetingFromJson(row),
          roundName: row.round_name,
          timeZone: tables.time_zone ?? 'UTC',
          partners: row.partners.map((partner) => entityFromJson<AttendeeEntity>(this.attendees, partner)),
          feedback: row.feedback ? entityFromJson<FeedbackEntity>(this.feedback, row.feedback) : null,
          readerSharedFields,
          labels,
        })),
      };
    });
  }
}

/** What `roundTablesSql` answers per caller, as JSON (timestamps as ISO strings). */
interface StoredTables {
  event_has_talks: boolean;
  has_request_slots: boolean;
  /** The event's time zone (local times are written in it); null when the event is gone. */
  time_zone: string | null;
  caller_exists: boolean;
  session_live: boolean;
  /** The caller's shared fields (what the texts about their meetings may say depends on them); null when gone. */
  shared_fields: string[] | null;
  /** The event's vocabulary, slug → label; null when it has none. */
  labels: Record<string, string> | null;
  meetings: (Record<string, unknown> & { round_name: string; partners: Record<string, unknown>[]; feedback: Record<string, unknown> | null })[];
  /** The caller's rate-limit count, when the statement counted a hit for them. */
  limit_count: CounterRow | null;
}

/**
 * One row per caller, in the order given (the throttler's window, limit and block, then `slots` groups of
 * parameters: an attendee id, their event, their session and a rate-limit key to count, null in unused
 * slots): the meetings in time order (none: an empty list), whether the event has talks and its time zone,
 * whether the caller is there, whether their session is live, and the caller's rate-limit count when a key
 * was given (counted first, in the same statement: see CountsLimitInStatement; keys unique per statement).
 */
function roundTablesSql(when: MeetingsWhen, slots: number, partnerJson: string, feedbackJson: string): string {
  const callers = Array.from({ length: slots }, (_, i) => `($${4 * i + 4}::uuid, $${4 * i + 5}::uuid, $${4 * i + 6}::uuid, $${4 * i + 7}::text, ${i + 1})`).join(', ');
  const timeFilter = when === MeetingsWhen.UPCOMING ? 'AND m.ends_at > now()' : when === MeetingsWhen.PAST ? 'AND m.ends_at <= now()' : '';
  return `WITH c (attendee_id, event_id, session_id, limit_key, position) AS (VALUES ${callers}),
     counted AS (${countHitsSql('SELECT limit_key FROM c WHERE limit_key IS NOT NULL ORDER BY limit_key', { ttl: '$1', limit: '$2', block: '$3' })})
   SELECT json_build_object(
            'limit_count', (SELECT row_to_json(n) FROM counted n WHERE n.key = c.limit_key),
            'event_has_talks', EXISTS (SELECT 1 FROM talks k WHERE k.event_id = c.event_id),
            'has_request_slots', EXISTS (SELECT 1 FROM meeting_requests q WHERE (q.requester_id = c.attendee_id OR q.recipient_id = c.attendee_id)
                                           AND q.status = 'ACCEPTED' AND q.slot_starts_at IS NOT NULL),
            'time_zone', (SELECT e.time_zone FROM events e WHERE e.id = c.event_id),
            'caller_exists', EXISTS (SELECT 1 FROM attendees s WHERE s.id = c.attendee_id AND s.event_id = c.event_id AND s.erased_at IS NULL),
            'shared_fields', (SELECT s.shared_fields FROM attendees s WHERE s.id = c.attendee_id),
            'labels', (SELECT json_object_agg(g.slug, g.label) FROM event_tags g WHERE g.event_id = c.event_id),
            'session_live', c.session_id IS NULL
                            OR EXISTS (SELECT 1 FROM sessions v WHERE v.id = c.session_id AND v.attendee_id = c.attendee_id AND v.expires_at > now()),
            'meetings', coalesce((
              SELECT json_agg(t ORDER BY t.starts_at, t.table_number) FROM (
                SELECT m.id, m.round_id, m.event_id, m.table_number, m.table_label, m.starts_at, m.ends_at, m.score, m.reasons,
                       m.status, r.name AS round_name,
                       (SELECT coalesce(json_agg(${partnerJson} ORDER BY a.id), '[]'::json)
                          FROM meeting_participants o JOIN attendees a ON a.id = o.attendee_id
                         WHERE o.meeting_id = m.id AND o.attendee_id <> p.attendee_id) AS partners,
                       CASE WHEN f.meeting_id IS NULL THEN NULL ELSE ${feedbackJson} END AS feedback
                  FROM meeting_participants p
                  JOIN meetings m ON m.id = p.meeting_id
                  JOIN rounds r ON r.id = p.round_id
                  LEFT JOIN feedback f ON f.meeting_id = p.meeting_id AND f.attendee_id = p.attendee_id
                 WHERE p.attendee_id = c.attendee_id AND r.status IN ${sqlList(VISIBLE_TO_ATTENDEES)} ${timeFilter}
              ) t), '[]'::json)
          ) AS tables
     FROM c
    WHERE c.attendee_id IS NOT NULL
    ORDER BY c.position`;
}

function meetingFromJson(row: Record<string, unknown>): MeetingEntity {
  return Object.assign(new MeetingEntity(), {
    id: row.id,
    roundId: row.round_id,
    eventId: row.event_id,
    tableNumber: row.table_number,
    tableLabel: row.table_label,
    startsAt: new Date(row.starts_at as string),
    endsAt: new Date(row.ends_at as string),
    score: row.score,
    reasons: row.reasons,
    status: row.status,
  });
}
