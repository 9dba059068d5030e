import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { AttendeeEntity } from '../attendees/attendee.entity';
import { partnerProfileSql } from '../attendees/attendee-view';
import type { Actor } from '../auth/actor';
import { callerGone } from '../auth/auth.service';
import { badInput, conflict, forbidden, notFound } from '../common/domain-error';
import { entityFromJson, jsonObjectSql } from '../common/entity-json';
import { preparedQuery } from '../common/prepared-statement';
import { assertCanManage } from '../events/events.service';
import { FeedbackEntity } from '../networking/networking.entities';
import type { FeedbackInput } from './models/meeting-views.model';
import { MeetingsWhen } from './models/meeting-views.model';
import { MeetingEntity, MeetingParticipantEntity } from './meeting.entity';
import { RoundEntity } from './round.entity';
import { officeHoursOf } from '../talks/office-hours';

export interface AttendeeMeeting {
  /** A round's table, or a speaker's office-hour slot (then `meeting.roundId` is empty and `talkId` set). */
  kind: 'ROUND' | 'OFFICE_HOURS';
  talkId?: string;
  meeting: MeetingEntity;
  roundName: string;
  partners: AttendeeEntity[];
  feedback: FeedbackEntity | null;
}

export interface MeetingWithParticipants {
  meeting: MeetingEntity;
  participants: AttendeeEntity[];
}

const VISIBLE_ROUNDS = `('PUBLISHED', 'CLOSED')`;

@Injectable()
export class MeetingsService {
  /** The statement of `roundTablesOf` per time filter, built once from the entities' metadata. */
  private readonly myTablesSql: Partial<Record<MeetingsWhen, string>> = {};

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * An attendee's published meetings — round tables and office-hour slots — in time order.
   * `confirmCaller`: the caller's token was not yet checked against the attendees table (see
   * ConfirmsAttendeeItself); the same statement does it, and a caller who is gone is refused.
   */
  async myMeetings(actor: Actor, when: MeetingsWhen, { confirmCaller = false } = {}): Promise<AttendeeMeeting[]> {
    if (actor.kind !== 'attendee') throw forbidden('Only attendees have meetings of their own');
    const { tables, eventHasTalks, callerExists } = await this.roundTablesOf(actor.attendeeId, actor.eventId, when);
    if (confirmCaller && !callerExists) throw callerGone();
    // Most events have no talks: then there is no office hour to look for (one round trip fewer).
    const slots = eventHasTalks ? await officeHoursOf(this.dataSource, actor.attendeeId, when) : [];
    if (!slots.length) return tables;
    return [...tables, ...slots].sort((a, b) => a.meeting.startsAt.getTime() - b.meeting.startsAt.getTime());
  }

  /**
   * One prepared statement whatever the count, answering one JSON value: the meetings, each with
   * its other participants (what they share, read back into entities) and this attendee's
   * feedback, whether the event has talks at all, and whether the attendee still exists,
   * unerased, in that event. `myMeetings` is what every attendee fetches when a round is
   * published, so it costs one round trip, the caller's own check included, no planning, and
   * one value to parse rather than a dozen typed columns per meeting (bench/rounds).
   */
  private async roundTablesOf(attendeeId: string, eventId: string, when: MeetingsWhen): Promise<{ tables: AttendeeMeeting[]; eventHasTalks: boolean; callerExists: boolean }> {
    const attendees = this.dataSource.getMetadata(AttendeeEntity);
    const feedback = this.dataSource.getMetadata(FeedbackEntity);
    const sql = (this.myTablesSql[when] ??= myTablesSql(when, partnerProfileSql(attendees, 'a'), jsonObjectSql(feedback, 'f')));
    const [{ tables }] = await preparedQuery<{ tables: MyTables }>(this.dataSource, sql, [attendeeId, eventId]);
    return {
      eventHasTalks: tables.event_has_talks,
      callerExists: tables.caller_exists,
      tables: tables.meetings.map((row) => ({
        kind: 'ROUND' as const,
        meeting: meetingFromJson(row),
        roundName: row.round_name,
        partners: row.partners.map((partner) => entityFromJson<AttendeeEntity>(attendees, partner)),
        feedback: row.feedback ? entityFromJson<FeedbackEntity>(feedback, row.feedback) : null,
      })),
    };
  }

  /** The meetings of a round for its organisers, by table, a page at a time. */
  async roundMeetings(actor: Actor, roundId: string, first: number, afterTable = 0): Promise<MeetingWithParticipants[]> {
    const round = await this.dataSource.getRepository(RoundEntity).findOneBy({ id: roundId });
    if (!round) throw notFound('Round');
    assertCanManage(actor, round.eventId);
    const meetings = await this.dataSource
      .getRepository(MeetingEntity)
      .createQueryBuilder('m')
      .where('m.round_id = :roundId AND m.table_number > :afterTable', { roundId, afterTable })
      .orderBy('m.table_number', 'ASC')
      .take(first)
      .getMany();
    const participants = meetings.length
      ? await this.dataSource.getRepository(MeetingParticipantEntity).find({
          where: { meetingId: In(meetings.map((m) => m.id)) },
          relations: { attendee: true },
        })
      : [];
    return meetings.map((meeting) => ({
      meeting,
      participants: participants.filter((p) => p.meetingId === meeting.id && p.attendee).map((p) => p.attendee!),
    }));
  }

  async submitFeedback(actor: Actor, input: FeedbackInput): Promise<FeedbackEntity> {
    if (actor.kind !== 'attendee') throw forbidden('Only participants give feedback on a meeting');
    const participation = await this.participation(input.meetingId, actor.attendeeId);
    if (!participation) throw notFound('Meeting');
    const repository = this.dataSource.getRepository(FeedbackEntity);
    await repository.upsert(
      {
        meetingId: input.meetingId,
        attendeeId: actor.attendeeId,
        met: input.met,
        rating: input.rating ?? null,
        wouldMeetAgain: input.wouldMeetAgain ?? null,
        note: input.note?.trim() || null,
        updatedAt: new Date(),
      },
      ['meetingId', 'attendeeId'],
    );
    return repository.findOneByOrFail({ meetingId: input.meetingId, attendeeId: actor.attendeeId });
  }

  async feedbackOf(actor: Actor, meeting: Pick<MeetingEntity, 'id' | 'eventId'>): Promise<FeedbackEntity[]> {
    assertCanManage(actor, meeting.eventId);
    return this.dataSource.getRepository(FeedbackEntity).find({ where: { meetingId: meeting.id }, order: { attendeeId: 'ASC' } });
  }

  /**
   * Organisers mark who did not come. Their pairs at that table are released
   * (the next generation may pair them again); unmarking restores them.
   */
  async setNoShow(actor: Actor, meetingId: string, attendeeId: string, noShow: boolean): Promise<MeetingEntity> {
    return this.dataSource.transaction(async (manager) => {
      const meeting = await manager.getRepository(MeetingEntity).findOne({ where: { id: meetingId }, lock: { mode: 'pessimistic_write' } });
      if (!meeting) throw notFound('Meeting');
      assertCanManage(actor, meeting.eventId);
      const round = await manager.getRepository(RoundEntity).findOneByOrFail({ id: meeting.roundId });
      if (!['PUBLISHED', 'CLOSED'].includes(round.status)) {
        throw conflict('ROUND_NOT_PUBLISHED', 'No-shows are marked on published rounds');
      }
      const participants = await manager.getRepository(MeetingParticipantEntity).findBy({ meetingId });
      const participant = participants.find((p) => p.attendeeId === attendeeId);
      if (!participant) throw badInput('NOT_A_PARTICIPANT', 'This attendee is not at this meeting', [{ field: 'attendeeId', message: 'not at this meeting' }]);
      await manager.update(MeetingParticipantEntity, { meetingId, attendeeId }, { noShow });
      if (noShow) {
        await manager.query(
          `DELETE FROM event_pairs WHERE meeting_id = $1 AND (attendee_low = $2 OR attendee_high = $2)`,
          [meetingId, attendeeId],
        );
      } else {
        const others = participants.filter((p) => p.attendeeId !== attendeeId && !p.noShow).map((p) => p.attendeeId);
        for (const other of others) {
          const [low, high] = other < attendeeId ? [other, attendeeId] : [attendeeId, other];
          await manager.query(
            `INSERT INTO event_pairs (event_id, attendee_low, attendee_high, meeting_id) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`,
            [meeting.eventId, low, high, meetingId],
          );
        }
      }
      const present = participants.filter((p) => (p.attendeeId === attendeeId ? !noShow : !p.noShow)).length;
      const status = present >= 2 ? (round.status === 'CLOSED' ? 'HELD' : 'SCHEDULED') : 'NO_SHOW';
      await manager.update(MeetingEntity, { id: meetingId }, { status });
      return manager.getRepository(MeetingEntity).findOneByOrFail({ id: meetingId });
    });
  }

  private participation(meetingId: string, attendeeId: string): Promise<{ round_status: string } | undefined> {
    return this.dataSource
      .query(
        `SELECT r.status AS round_status FROM meeting_participants p JOIN rounds r ON r.id = p.round_id
          WHERE p.meeting_id = $1 AND p.attendee_id = $2 AND r.status IN ${VISIBLE_ROUNDS}`,
        [meetingId, attendeeId],
      )
      .then((rows: { round_status: string }[]) => rows[0]);
  }
}

/** What `myTablesSql` answers, as JSON (timestamps as ISO strings). */
interface MyTables {
  event_has_talks: boolean;
  caller_exists: boolean;
  meetings: (Record<string, unknown> & { round_name: string; partners: Record<string, unknown>[]; feedback: Record<string, unknown> | null })[];
}

/** One JSON value: the meetings in time order (none: an empty list), whether the event has talks, whether the caller is there. */
function myTablesSql(when: MeetingsWhen, partnerJson: string, feedbackJson: string): string {
  const timeFilter = when === MeetingsWhen.UPCOMING ? 'AND m.ends_at > now()' : when === MeetingsWhen.PAST ? 'AND m.ends_at <= now()' : '';
  return `SELECT json_build_object(
            'event_has_talks', EXISTS (SELECT 1 FROM talks k WHERE k.event_id = $2),
            'caller_exists', EXISTS (SELECT 1 FROM attendees c WHERE c.id = $1 AND c.event_id = $2 AND c.erased_at IS NULL),
            'meetings', coalesce((
              SELECT json_agg(t ORDER BY t.starts_at, t.table_number) FROM (
                SELECT m.id, m.round_id, m.event_id, m.table_number, m.table_label, m.starts_at, m.ends_at, m.score, m.reasons,
                       m.sentence, m.opening_question, m.status, r.name AS round_name,
                       (SELECT coalesce(json_agg(${partnerJson} ORDER BY a.id), '[]'::json)
                          FROM meeting_participants o JOIN attendees a ON a.id = o.attendee_id
                         WHERE o.meeting_id = m.id AND o.attendee_id <> p.attendee_id) AS partners,
                       CASE WHEN f.meeting_id IS NULL THEN NULL ELSE ${feedbackJson} END AS feedback
                  FROM meeting_participants p
                  JOIN meetings m ON m.id = p.meeting_id
                  JOIN rounds r ON r.id = p.round_id
                  LEFT JOIN feedback f ON f.meeting_id = p.meeting_id AND f.attendee_id = p.attendee_id
                 WHERE p.attendee_id = $1 AND r.status IN ${VISIBLE_ROUNDS} ${timeFilter}
              ) t), '[]'::json)
          ) AS tables`;
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
    sentence: row.sentence,
    openingQuestion: row.opening_question,
    status: row.status,
  });
}
