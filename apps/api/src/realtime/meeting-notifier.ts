import { EventEmitter, on } from 'node:events';
import { Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import createSubscriber, { type Subscriber } from 'pg-listen';
import { AuthService } from '../auth/auth.service';
import type { AppConfig } from '../config/app-config';
import type { AttendeeMeeting, RoundTableMeeting } from '../rounds/attendee-meeting';
import { MeetingsRepository } from '../rounds/meetings.repository';
import { MeetingsService } from '../rounds/meetings.service';
import { MeetingsWhen, MyMeeting } from '../rounds/models/meeting-views.model';
import { toMyMeeting } from '../rounds/meeting-view';
import { ROUND_CHANNEL, type MeetingsPublishedNotice } from './round-notices';
import { TalksRepository } from '../talks/talks.repository';

/**
 * Fans "your meeting is published" (a round's table, or an office-hour slot
 * with a speaker) out to the attendees subscribed to this process. Every API
 * process LISTENs on one dedicated PostgreSQL connection,
 * so a round published through any process reaches subscribers on all of
 * them; the notice carries ids only and each process loads what its own
 * subscribers need.
 */
@Injectable()
export class MeetingNotifier implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(MeetingNotifier.name);
  private readonly subscribers = new EventEmitter().setMaxListeners(0);
  private listener?: Subscriber;

  constructor(
    private readonly config: ConfigService<AppConfig, true>,
    private readonly meetingsService: MeetingsService,
    private readonly meetingsRepository: MeetingsRepository,
    private readonly talks: TalksRepository,
    private readonly authService: AuthService,
  ) {}

  async onModuleInit(): Promise<void> {
    this.listener = createSubscriber({ connectionString: this.config.get('databaseUrl', { infer: true }) }, { retryTimeout: 60_000 });
    this.listener.notifications.on(ROUND_CHANNEL, (notice: MeetingsPublishedNotice) => {
      this.deliver(notice).catch((error) => this.logger.error({ err: error, notice }, 'Could not deliver meeting notifications'));
    });
    this.listener.events.on('error', (error) => this.logger.error({ err: error }, 'Lost the PostgreSQL notification connection'));
    await this.listener.connect();
    await this.listener.listenTo(ROUND_CHANNEL);
  }

  async onModuleDestroy(): Promise<void> {
    this.subscribers.removeAllListeners();
    await this.listener?.close().catch(() => undefined);
  }

  /**
   * The meetings assigned to one attendee from now on, as they are published, while their session
   * lasts: once it has ended (signed out, everywhere, erased, expired) the subscription ends at its
   * next delivery, delivering nothing more. With `since`, first the attendee's round meetings published
   * after it (what a client missed while reconnecting, possibly to another process): listening starts
   * before they are read, so a round published meanwhile is delivered once, not missed.
   */
  async *meetingsOf(attendeeId: string, eventId: string, sessionId: string, since?: Date, signal?: AbortSignal): AsyncGenerator<{ meetingAssigned: MyMeeting }> {
    const live = on(this.subscribers, key(attendeeId, eventId), { signal });
    const replayed = new Set<string>();
    if (since) {
      for (const meeting of await this.missedSince(attendeeId, eventId, since)) {
        replayed.add(meeting.id);
        yield { meetingAssigned: meeting };
      }
    }
    for await (const [meeting] of live) {
      if (replayed.has((meeting as MyMeeting).id)) continue;
      if (!(await this.authService.isSessionLive(sessionId))) return;
      yield { meetingAssigned: meeting as MyMeeting };
    }
  }

  /** The attendee's own round meetings published after `since`, oldest round first (myMeetings' view of them). */
  private async missedSince(attendeeId: string, eventId: string, since: Date): Promise<MyMeeting[]> {
    const rounds = await this.meetingsRepository.roundsPublishedSince(attendeeId, eventId, since);
    if (!rounds.length) return [];
    const actor = { kind: 'attendee' as const, attendeeId, eventId };
    const meetings = await this.meetingsService.myMeetings(actor, MeetingsWhen.ALL);
    const order = new Map(rounds.map((round, index) => [round.round_id, index]));
    return meetings
      .filter((meeting): meeting is RoundTableMeeting => meeting.kind === 'ROUND' && order.has(meeting.meeting.roundId))
      .sort((a, b) => order.get(a.meeting.roundId)! - order.get(b.meeting.roundId)!)
      .map((meeting) => toMyMeeting(meeting, attendeeId));
  }

  private async deliver(notice: MeetingsPublishedNotice): Promise<void> {
    const recipients = await this.recipientsOf(notice);
    const listening = recipients.filter((id) => this.subscribers.listenerCount(key(id, notice.eventId)) > 0);
    const isNew = (meeting: AttendeeMeeting) => {
      switch (notice.type) {
        case 'round-published':
          return meeting.kind === 'ROUND' && meeting.meeting.roundId === notice.roundId;
        case 'slots-published':
          return meeting.kind === 'OFFICE_HOURS' && meeting.talkId === notice.talkId;
        case 'slot-granted':
          return meeting.kind === 'OFFICE_HOURS' && meeting.meeting.id === `${notice.talkId}:${notice.slotIndex}`;
        case 'request-slot':
          return meeting.kind === 'MEETING_REQUEST' && meeting.meetingRequestId === notice.meetingRequestId;
      }
    };
    for (const attendeeId of listening) {
      const actor = { kind: 'attendee' as const, attendeeId, eventId: notice.eventId };
      const meetings = await this.meetingsService.myMeetings(actor, MeetingsWhen.ALL);
      for (const meeting of meetings.filter(isNew)) {
        this.subscribers.emit(key(attendeeId, notice.eventId), toMyMeeting(meeting, attendeeId));
      }
    }
  }

  /**
   * Who has a meeting in what was published: a round's participants, a talk's granted askers and its
   * speaker, or a slot's new holder and its speaker.
   */
  private async recipientsOf(notice: MeetingsPublishedNotice): Promise<string[]> {
    if (notice.type === 'request-slot') return notice.attendeeIds;
    if (notice.type === 'slot-granted') {
      const speaker = await this.talks.speakerOf(notice.talkId);
      return speaker === null ? [notice.attendeeId] : [notice.attendeeId, speaker];
    }
    if (notice.type === 'round-published') return this.meetingsRepository.attendeeIdsOfRound(notice.roundId);
    return this.talks.slotHoldersAndSpeaker(notice.talkId);
  }
}

const key = (attendeeId: string, eventId: string) => `${eventId}:${attendeeId}`;
