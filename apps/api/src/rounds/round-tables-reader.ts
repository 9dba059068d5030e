import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { AttendeeEntity } from '../attendees/attendee.entity';
import { entityFromJson } from '../common/entity-json';
import { isUuid } from '../common/sql';
import type { LimitHit } from '../rate-limit/counted-in-statement';
import type { LimitCount } from '../rate-limit/limit-store';
import { limitCountOf, type CounterRow } from '../rate-limit/postgres-limit-store';
import { FeedbackEntity } from './feedback.entity';
import type { TagLabels } from './meeting-explanation';
import { MeetingEntity } from './meeting.entity';
import type { RoundTableMeeting } from './attendee-meeting';
import { MeetingsWhen } from './models/meeting-views.model';

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

/** One caller of `myMeetings`, as the statement takes it. */
export interface RoundTablesCaller {
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
 * One turn's rows of the round-tables statement (MeetingsRepository's roundTablesSql), for these
 * callers (at most one statement's worth), one per caller in their order.
 */
export type RunRoundTables = (when: MeetingsWhen, callers: readonly RoundTablesCaller[]) => Promise<{ tables: StoredTables }[]>;

/**
 * Reads attendees' published round tables for `myMeetings`, the hottest query of the API: every
 * attendee fetches it when a round is published. One prepared statement answers (MeetingsRepository
 * owns and runs it), as one JSON value per attendee: the meetings, each with its other participants
 * (what they share, read back here into entities) and this attendee's feedback, whether the event has
 * talks, and whether the attendee is still there (the caller's check, see ConfirmsAttendeeItself).
 *
 * Requests that arrive in the same turn of the event loop share one statement (a DataLoader
 * without cache, flushed by setImmediate): under load, when many attendees ask at once, the
 * database runs one statement for several of them, and each gets the same answer it would get
 * alone. Nothing is cached: every call reads the database.
 */
export class RoundTablesReader {
  private readonly loaders = new Map<MeetingsWhen, DataLoader<RoundTablesCaller, RoundTables>>();
  private readonly attendees = this.dataSource.getMetadata(AttendeeEntity);
  private readonly feedback = this.dataSource.getMetadata(FeedbackEntity);

  constructor(
    private readonly dataSource: DataSource,
    private readonly run: RunRoundTables,
  ) {}

  read(attendeeId: string, eventId: string, sessionId: string | null, when: MeetingsWhen, hit: LimitHit | null = null): Promise<RoundTables> {
    // Ids come from signed tokens; still, one that is not a UUID must not fail the statement it shares with others.
    if (!isUuid(attendeeId) || !isUuid(eventId) || (sessionId !== null && !isUuid(sessionId))) {
      return Promise.resolve({ tables: [], eventHasTalks: false, hasRequestSlots: false, callerExists: false, sessionLive: false, labels: new Map(), readerSharedFields: [], limitCount: null });
    }
    return this.loaderFor(when).load({ attendeeId, eventId, sessionId, hit });
  }

  private loaderFor(when: MeetingsWhen): DataLoader<RoundTablesCaller, RoundTables> {
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
  private async readBatches(when: MeetingsWhen, callers: readonly RoundTablesCaller[]): Promise<RoundTables[]> {
    const statements: { callers: RoundTablesCaller[]; at: number[]; keys: Set<string>; limits: string | null }[] = [];
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

  private async readBatch(when: MeetingsWhen, callers: readonly RoundTablesCaller[]): Promise<RoundTables[]> {
    const rows = await this.run(when, callers);
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

/** What the round-tables statement answers per caller, as JSON (timestamps as ISO strings). */
export interface StoredTables {
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
