import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { AttendeeEntity } from '../attendees/attendee.entity';
import { partnerProfileSql } from '../attendees/attendee-view';
import { entityFromJson, jsonObjectSql } from '../common/entity-json';
import { preparedQuery } from '../common/prepared-statement';
import { isUuid } from '../common/sql';
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
  /** Whether the attendee still exists, unerased, in that event. */
  callerExists: boolean;
  /** Whether the caller's session is live (true when no session was given to check). */
  sessionLive: boolean;
  /** The event's vocabulary labels (office hours are shaped with them too). */
  labels: TagLabels;
  /** The caller's shared fields. */
  readerSharedFields: readonly string[];
}

interface Caller {
  attendeeId: string;
  eventId: string;
  /** The caller's session, to check in the same statement; null: not to be checked. */
  sessionId: string | null;
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

  read(attendeeId: string, eventId: string, sessionId: string | null, when: MeetingsWhen): Promise<RoundTables> {
    // Ids come from signed tokens; still, one that is not a UUID must not fail the statement it shares with others.
    if (!isUuid(attendeeId) || !isUuid(eventId) || (sessionId !== null && !isUuid(sessionId))) {
      return Promise.resolve({ tables: [], eventHasTalks: false, callerExists: false, sessionLive: false, labels: new Map(), readerSharedFields: [] });
    }
    return this.loaderFor(when).load({ attendeeId, eventId, sessionId });
  }

  private loaderFor(when: MeetingsWhen): DataLoader<Caller, RoundTables> {
    let loader = this.loaders.get(when);
    if (!loader) {
      loader = new DataLoader((callers) => this.readBatch(when, callers), { cache: false, maxBatchSize: MAX_BATCH, batchScheduleFn: (run) => setImmediate(run) });
      this.loaders.set(when, loader);
    }
    return loader;
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
    const values: (string | null)[] = callers.flatMap((caller) => [caller.attendeeId, caller.eventId, caller.sessionId]);
    while (values.length < slots * 3) values.push(null);
    const rows = await preparedQuery<{ tables: StoredTables }>(this.dataSource, sql, values);
    return rows.map(({ tables }) => {
      const labels: TagLabels = new Map(Object.entries(tables.labels ?? {}));
      const readerSharedFields = tables.shared_fields ?? [];
      return {
        eventHasTalks: tables.event_has_talks,
        callerExists: tables.caller_exists,
        sessionLive: tables.session_live,
        labels,
        readerSharedFields,
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
  /** The event's time zone (local times are written in it); null when the event is gone. */
  time_zone: string | null;
  caller_exists: boolean;
  session_live: boolean;
  /** The caller's shared fields (what the texts about their meetings may say depends on them); null when gone. */
  shared_fields: string[] | null;
  /** The event's vocabulary, slug → label; null when it has none. */
  labels: Record<string, string> | null;
  meetings: (Record<string, unknown> & { round_name: string; partners: Record<string, unknown>[]; feedback: Record<string, unknown> | null })[];
}

/**
 * One row per caller, in the order given (`slots` triples of parameters: an attendee id, their
 * event and their session, null in unused slots): the meetings in time order (none: an empty
 * list), whether the event has talks and its time zone, whether the caller is there, whether
 * their session is live.
 */
function roundTablesSql(when: MeetingsWhen, slots: number, partnerJson: string, feedbackJson: string): string {
  const callers = Array.from({ length: slots }, (_, i) => `($${3 * i + 1}::uuid, $${3 * i + 2}::uuid, $${3 * i + 3}::uuid, ${i + 1})`).join(', ');
  const timeFilter = when === MeetingsWhen.UPCOMING ? 'AND m.ends_at > now()' : when === MeetingsWhen.PAST ? 'AND m.ends_at <= now()' : '';
  return `SELECT json_build_object(
            'event_has_talks', EXISTS (SELECT 1 FROM talks k WHERE k.event_id = c.event_id),
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
     FROM (VALUES ${callers}) AS c (attendee_id, event_id, session_id, position)
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
