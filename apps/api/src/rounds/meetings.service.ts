import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { AttendeeEntity } from '../attendees/attendee.entity';
import type { Actor } from '../auth/actor';
import { callerGone, sessionEnded } from '../auth/auth.service';
import { assertCanManage } from '../auth/event-access';
import { badInput, conflict, forbidden, notFound } from '../common/domain-error';
import { assertCanSeeRound, canSeeRound } from './round-visibility';
import { FeedbackEntity } from './feedback.entity';
import type { FeedbackInput } from './models/meeting-views.model';
import { MeetingsWhen } from './models/meeting-views.model';
import type { TagLabels } from './meeting-explanation';
import { MeetingEntity, MeetingParticipantEntity } from './meeting.entity';
import { RoundEntity } from './round.entity';
import { officeHoursOf } from '../talks/office-hours';
import { sqlList, VISIBLE_TO_ATTENDEES } from './round-lifecycle';
import { RoundTablesReader } from './round-tables-reader';

export interface AttendeeMeeting {
  /** A round's table, or a speaker's office-hour slot (then `meeting.roundId` is empty and `talkId` set). */
  kind: 'ROUND' | 'OFFICE_HOURS';
  talkId?: string;
  meeting: MeetingEntity;
  roundName: string;
  /** The event's time zone, in which its local times are written. */
  timeZone: string;
  partners: AttendeeEntity[];
  feedback: FeedbackEntity | null;
  /** The fields the attendee reading it shares: with each partner's, they decide what the texts may say. */
  readerSharedFields: readonly string[];
  /** The event's vocabulary labels, for the texts. */
  labels: TagLabels;
  /** Texts that are not rendered from reasons (an office-hour slot: the talk, and the question asked). */
  fixedText?: { sentence: string; openingQuestion: string };
}

export interface MeetingWithParticipants {
  meeting: MeetingEntity;
  participants: AttendeeEntity[];
}

@Injectable()
export class MeetingsService {
  private readonly roundTables: RoundTablesReader;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    this.roundTables = new RoundTablesReader(dataSource);
  }

  /**
   * An attendee's published meetings — round tables and office-hour slots — in time order.
   * `confirmSession`: the caller's token was not yet checked against the attendees and sessions
   * tables (see ConfirmsAttendeeItself); the same statement does it, and a caller who is gone or
   * whose session has ended is refused.
   */
  async myMeetings(actor: Actor, when: MeetingsWhen, { confirmSession }: { confirmSession?: string } = {}): Promise<AttendeeMeeting[]> {
    if (actor.kind !== 'attendee') throw forbidden('Only attendees have meetings of their own');
    const { tables, eventHasTalks, callerExists, sessionLive } = await this.roundTables.read(actor.attendeeId, actor.eventId, confirmSession ?? null, when);
    if (confirmSession && !callerExists) throw callerGone();
    if (confirmSession && !sessionLive) throw sessionEnded();
    // Most events have no talks: then there is no office hour to look for (one round trip fewer).
    const slots = eventHasTalks ? await officeHoursOf(this.dataSource, actor.attendeeId, when) : [];
    if (!slots.length) return tables;
    return [...tables, ...slots].sort((a, b) => a.meeting.startsAt.getTime() - b.meeting.startsAt.getTime());
  }

  /** The meetings of a round for its organisers, by table, a page at a time. */
  async roundMeetings(actor: Actor, roundId: string, first: number, afterTable = 0): Promise<MeetingWithParticipants[]> {
    const round = await this.dataSource.getRepository(RoundEntity).findOneBy({ id: roundId });
    if (!round) throw notFound('Round');
    assertCanSeeRound(actor, round);
    assertCanManage(actor, round.eventId, 'Round');
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
          // One order for every read: a table's members must not shuffle between two looks at the same round.
          order: { attendeeId: 'ASC' },
        })
      : [];
    const membersOf = new Map<string, AttendeeEntity[]>();
    for (const p of participants) if (p.attendee) membersOf.set(p.meetingId, [...(membersOf.get(p.meetingId) ?? []), p.attendee]);
    return meetings.map((meeting) => ({ meeting, participants: membersOf.get(meeting.id) ?? [] }));
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
    assertCanManage(actor, meeting.eventId, 'Meeting');
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
      const round = await manager.getRepository(RoundEntity).findOneByOrFail({ id: meeting.roundId });
      // A meeting of a round the caller may not see (another event's, a draft for an attendee) is not found.
      if (!canSeeRound(actor, round)) throw notFound('Meeting');
      assertCanManage(actor, meeting.eventId, 'Meeting');
      if (!VISIBLE_TO_ATTENDEES.includes(round.status)) {
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
          WHERE p.meeting_id = $1 AND p.attendee_id = $2 AND r.status IN ${sqlList(VISIBLE_TO_ATTENDEES)}`,
        [meetingId, attendeeId],
      )
      .then((rows: { round_status: string }[]) => rows[0]);
  }
}
