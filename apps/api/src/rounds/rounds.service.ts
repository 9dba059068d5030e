import { Injectable } from '@nestjs/common';
import { MeetingRequestsRepository } from '../meeting-requests/meeting-requests.repository';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Actor } from '../auth/actor';
import { assertCanManage, managedEvent } from '../auth/event-access';
import { RoundNoticesRepository } from '../realtime/round-notices.repository';
import { assertWithinEventDays } from '../events/event-days';
import { DEFAULT_ROUND_MINUTES } from '../events/events.service';
import { OddPolicy } from '../events/models/event.model';
import { findVisibleRound } from './round-visibility';
import type { CreateRoundInput } from './inputs/round.inputs';
import { Fairness } from './models/round.model';
import type { RoundEntity } from './round.entity';
import { DraftCheck, type DraftProblem } from './draft-check';
import { MeetingsRepository } from './meetings.repository';
import { RoundGenerationService } from './round-generation.service';
import { RoundsRepository } from './rounds.repository';
import { draftBreaksRules, roundEmpty, roundNotStarted, roundsError, RoundsErrorReason, roundsOverlap } from './rounds.errors';
import { EventsRepository } from '../events/events.repository';

/**
 * A round's life as organisers drive it (round-lifecycle.ts names the statuses and moves): create a
 * draft, publish the generated draft, cancel, close. Generating the draft is RoundGenerationService's.
 */
@Injectable()
export class RoundsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly rounds: RoundsRepository,
    private readonly meetings: MeetingsRepository,
    private readonly events: EventsRepository,
    private readonly draftCheck: DraftCheck,
    private readonly generation: RoundGenerationService,
    private readonly meetingRequests: MeetingRequestsRepository,
    private readonly notices: RoundNoticesRepository,
  ) {}

  async create(actor: Actor, input: CreateRoundInput): Promise<RoundEntity> {
    // The event's row is locked (FOR NO KEY UPDATE): its days cannot change (updateEvent) between the check and
    // the insert, and two rounds created at once for the event are checked for overlap one after the other.
    return this.dataSource.transaction(async (manager) => {
      const event = managedEvent(actor, await this.events.lockById(input.eventId, 'no key update', manager));
      if (input.tableSize != null && input.fairness === Fairness.MAXMIN) {
        throw roundsError(RoundsErrorReason.TABLES_WITH_MAXMIN, 'Fairness MAXMIN lifts the worst pair of a pairing: a table round maximises the total (choose NONE)', {
          fields: [{ field: 'fairness', message: 'must be NONE with tableSize' }],
        });
      }
      const durationMinutes = input.durationMinutes ?? event.matchingSettings.defaultRoundMinutes ?? DEFAULT_ROUND_MINUTES;
      const endsAt = new Date(input.startsAt.getTime() + durationMinutes * 60_000);
      assertWithinEventDays(event, 'This round', input.startsAt, endsAt);
      const overlapping = await this.rounds.firstOverlapping(event.id, input.startsAt, endsAt, manager);
      if (overlapping) throw roundsOverlap(overlapping);
      return this.rounds.insertDraft(
        {
          eventId: event.id,
          name: input.name.trim(),
          startsAt: input.startsAt,
          durationMinutes,
          tables: input.tables?.map((t) => t.trim()).filter(Boolean) ?? [],
          oddPolicy: input.oddPolicy ? (input.oddPolicy === OddPolicy.BYE ? 'bye' : 'trio') : null,
          fairness: input.fairness === Fairness.MAXMIN ? 'maxmin' : 'none',
          tableSize: input.tableSize ?? null,
        },
        manager,
      );
    });
  }

  get(actor: Actor, roundId: string): Promise<RoundEntity> {
    return findVisibleRound(this.rounds, actor, roundId);
  }

  /**
   * All or nothing, in one statement: attendees see either no meeting of the round or all of them.
   * The round row is locked while it is checked, so nothing changes it between the checks and the flip.
   * A draft that breaks a hard rule now (draft-check.ts) is refused with the offending pairs.
   */
  async publish(actor: Actor, roundId: string): Promise<RoundEntity> {
    const round = await this.get(actor, roundId);
    assertCanManage(actor, round.eventId, 'Round');
    await this.dataSource.transaction(async (manager) => {
      const current = await this.rounds.lockForPublishing(round.id, manager);
      if (current?.status !== 'GENERATED') {
        throw roundsError(RoundsErrorReason.ROUND_NOT_GENERATED, `Only a generated draft can be published; this round is ${current?.status ?? 'gone'}`);
      }
      if (!current.meetings) throw roundEmpty();
      // The draft is a snapshot: blocks, consent, opt-outs and presence may have changed since it was generated.
      const problems = await this.draftCheck.problemsOf(round, manager);
      if (problems.length) throw draftBreaksRules(problems);
      await this.rounds.markPublished(round.id, manager);
      // Accepted meeting requests whose two people now sit at one table are fulfilled: no later round is given them.
      await this.meetingRequests.fulfilInRound(round.id, manager);
      await this.notices.roundPublished({ roundId: round.id, eventId: round.eventId }, manager);
    });
    return this.rounds.getById(round.id);
  }

  /**
   * Cancels a round that is not closed: its meetings are cancelled and their pairs may meet in a
   * later round. A GENERATING round too: its lease is taken away in the same statement, so its run
   * writes no draft (here its worker is stopped at once; in another process, at its next renewal).
   */
  async cancel(actor: Actor, roundId: string): Promise<RoundEntity> {
    const round = await this.get(actor, roundId);
    assertCanManage(actor, round.eventId, 'Round');
    await this.dataSource.transaction(async (manager) => {
      const cancelled = await this.rounds.cancel(round.id, new Date().toISOString(), manager);
      if (!cancelled) throw roundsError(RoundsErrorReason.ROUND_NOT_CANCELLABLE, `A ${round.status} round cannot be cancelled`);
      await this.meetings.cancelOfRound(round.id, manager);
    });
    this.generation.stopRun(round.id);
    return this.rounds.getById(round.id);
  }

  /**
   * After the conversations: scheduled meetings count as held (no-shows stay no-shows). Refused
   * before the round starts (by the database's clock), when nothing can have been held yet.
   */
  async close(actor: Actor, roundId: string): Promise<RoundEntity> {
    const round = await this.get(actor, roundId);
    assertCanManage(actor, round.eventId, 'Round');
    await this.dataSource.transaction(async (manager) => {
      const current = await this.rounds.lockForClosing(round.id, manager);
      if (current?.status !== 'PUBLISHED') {
        throw roundsError(RoundsErrorReason.ROUND_NOT_PUBLISHED, `Only a published round can be closed; this round is ${current?.status ?? 'gone'}`);
      }
      if (!current.started) throw roundNotStarted(round.startsAt);
      await this.rounds.markClosed(round.id, manager);
      await this.meetings.holdScheduledOfRound(round.id, manager);
    });
    return this.rounds.getById(round.id);
  }

  /** Organisers' review: what the draft breaks now (empty unless the round is a generated draft). */
  async draftProblems(actor: Actor, round: { id: string; eventId: string; status: string }): Promise<DraftProblem[]> {
    assertCanManage(actor, round.eventId, 'Round');
    if (round.status !== 'GENERATED') return [];
    return this.draftCheck.problemsOf(round);
  }
}
