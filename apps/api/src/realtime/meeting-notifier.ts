import { EventEmitter, on } from 'node:events';
import { Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import createSubscriber, { type Subscriber } from 'pg-listen';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../config/app-config';
import { MeetingsService } from '../rounds/meetings.service';
import { MeetingsWhen, MyMeeting } from '../rounds/models/meeting-views.model';
import { toMyMeeting } from '../rounds/meeting-view';
import { ROUND_CHANNEL, type RoundPublishedNotice } from './round-notices';

/**
 * Fans "your meeting is published" out to the attendees subscribed to this
 * process. Every API process LISTENs on one dedicated PostgreSQL connection,
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
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly meetingsService: MeetingsService,
  ) {}

  async onModuleInit(): Promise<void> {
    this.listener = createSubscriber({ connectionString: this.config.get('databaseUrl', { infer: true }) }, { retryTimeout: 60_000 });
    this.listener.notifications.on(ROUND_CHANNEL, (notice: RoundPublishedNotice) => {
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

  /** The meetings assigned to one attendee from now on, as they are published. */
  async *meetingsOf(attendeeId: string, eventId: string, signal?: AbortSignal): AsyncGenerator<{ meetingAssigned: MyMeeting }> {
    for await (const [meeting] of on(this.subscribers, key(attendeeId, eventId), { signal })) {
      yield { meetingAssigned: meeting as MyMeeting };
    }
  }

  private async deliver(notice: RoundPublishedNotice): Promise<void> {
    const rows: { attendee_id: string }[] = await this.dataSource.query(
      `SELECT attendee_id FROM meeting_participants WHERE round_id = $1`,
      [notice.roundId],
    );
    const listening = rows.map((row) => row.attendee_id).filter((id) => this.subscribers.listenerCount(key(id, notice.eventId)) > 0);
    for (const attendeeId of listening) {
      const actor = { kind: 'attendee' as const, attendeeId, eventId: notice.eventId };
      const meetings = await this.meetingsService.myMeetings(actor, MeetingsWhen.ALL);
      for (const meeting of meetings.filter((m) => m.meeting.roundId === notice.roundId)) {
        this.subscribers.emit(key(attendeeId, notice.eventId), toMyMeeting(meeting, attendeeId));
      }
    }
  }
}

const key = (attendeeId: string, eventId: string) => `${eventId}:${attendeeId}`;
