import { Injectable, Logger, type BeforeApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { resolveRules } from '@pairwise/matching';
import { DataSource } from 'typeorm';
import type { Actor } from '../auth/actor';
import { assertCanManage } from '../auth/event-access';
import { DomainError } from '../common/domain-error';
import { isUniqueViolation } from '../common/postgres-errors';
import type { AppConfig } from '../config/app-config';
import { eventRules } from '../matching-rules/event-rules';
import { GenerationLease, GenerationStopped, newLeaseOwner, SHUTDOWN_MESSAGE } from './generation-lease';
import { phaseClock } from './generation-clock';
import { provenGapFor } from './proven-gap';
import { GenerationLock } from './generation-lock';
import type { GenerateRoundInput } from './inputs/round.inputs';
import { MatchingRunner } from './matching-runner';
import { MeetingsRepository } from './meetings.repository';
import type { GenerationProgress, RoundEntity } from './round.entity';
import { claimableForGeneration } from './round-lifecycle';
import { TalksRepository } from '../talks/talks.repository';
import { AvailabilityRepository } from '../availability/availability.repository';
import { MeetingRequestsRepository } from '../meeting-requests/meeting-requests.repository';
import { outcomeOf } from '../meeting-requests/meeting-requests.service';
import { pairKey, writeRoundPlan } from './round-plan-writer';
import { RoundRosterRepository } from './round-roster.repository';
import { findVisibleRound } from './round-visibility';
import { RoundsRepository } from './rounds.repository';
import { notEnoughAttendees, roundsError, RoundsErrorReason } from './rounds.errors';
import { EventsRepository } from '../events/events.repository';

interface RunningGeneration {
  lease: GenerationLease;
  job: Promise<void>;
}

/**
 * Generating a round's draft: the claim (advisory lock per event, conditional UPDATE, lease), the
 * matching in a worker thread, and the draft written only while the run still holds the lease
 * (docs/architecture.md, "A round's generation"). The rest of a round's life is RoundsService's.
 */
@Injectable()
export class RoundGenerationService implements BeforeApplicationShutdown {
  private readonly logger = new Logger(RoundGenerationService.name);
  /** Generations under way in this process, by round (awaited by `settled()`; stopped at shutdown). */
  private readonly running = new Map<string, RunningGeneration>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly rounds: RoundsRepository,
    private readonly meetings: MeetingsRepository,
    private readonly rosters: RoundRosterRepository,
    private readonly matching: MatchingRunner,
    private readonly talks: TalksRepository,
    private readonly availability: AvailabilityRepository,
    private readonly meetingRequests: MeetingRequestsRepository,
    private readonly events: EventsRepository,
    private readonly config: ConfigService<AppConfig, true>,
  ) {}

  /**
   * Claims the round (DRAFT, or GENERATED with `regenerate`) and starts the
   * matching in the background; the round comes back GENERATING at once.
   * A second call while one runs — from anyone, in any process — gets
   * CONFLICT: the claim is an advisory lock per event plus a conditional
   * UPDATE. The claim takes the round's generation lease (generation-lease.ts);
   * a GENERATING round whose lease lapsed (its process died) may be claimed
   * again at once, without waiting for a sweep to fail it.
   */
  async generate(actor: Actor, input: GenerateRoundInput): Promise<RoundEntity> {
    const round = await findVisibleRound(this.rounds, actor, input.roundId);
    assertCanManage(actor, round.eventId, 'Round');
    // Said now, not as a failed generation later; checked again on the roster the generation loads.
    const count = await this.rosters.count(round.eventId, round.id);
    if (count.eligible < 2) throw notEnoughAttendees(count);
    // One generation per event at a time: pairs drafted by one must be visible to the next.
    const lock = await GenerationLock.tryAcquire(this.config.get('databaseUrl', { infer: true })!, this.rounds, round.eventId);
    if (!lock) throw roundsError(RoundsErrorReason.GENERATION_IN_PROGRESS, 'A round of this event is being generated right now; try again when it is done');
    let claimed = false;
    try {
      const claimable = claimableForGeneration(input.regenerate ?? false);
      const seed = input.seed ?? round.seed ?? round.id;
      const progress: GenerationProgress = { phase: 'queued', startedAt: new Date().toISOString() };
      const leaseSeconds = this.config.get('generation', { infer: true }).leaseSeconds;
      const owner = newLeaseOwner();
      if (!(await this.rounds.claimForGeneration(round.id, { seed, progress, claimable, owner, leaseSeconds }))) {
        const status = await this.rounds.statusOf(round.id);
        if (status === 'GENERATING') throw roundsError(RoundsErrorReason.GENERATION_IN_PROGRESS, 'This round is being generated right now: poll it until it is no longer GENERATING');
        throw roundsError(
          status === 'GENERATED' ? RoundsErrorReason.ROUND_ALREADY_GENERATED : RoundsErrorReason.ROUND_NOT_DRAFT,
          status === 'GENERATED'
            ? 'This round already has a draft: review it, or generate again with regenerate: true'
            : `This round is ${status ?? 'gone'}: only a draft can be generated`,
        );
      }
      claimed = true;
      const renew = () => this.rounds.renewLease(round.id, owner, leaseSeconds, lock.connection);
      const lease = new GenerationLease(round.id, owner, leaseSeconds, renew, (error) =>
        this.logger.warn({ err: error, roundId: round.id }, 'Could not renew a generation lease; trying again'),
      );
      lease.keepAlive();
      const job = this.runGeneration(round.id, seed, lease)
        .finally(() => lease.stop())
        .finally(() => lock.release())
        .finally(() => this.running.delete(round.id));
      this.running.set(round.id, { lease, job });
    } finally {
      if (!claimed) await lock.release();
    }
    return this.rounds.getById(round.id);
  }

  /** Resolves when every generation started by this process has finished. */
  async settled(): Promise<void> {
    while (this.running.size) await Promise.allSettled([...this.running.values()].map((run) => run.job));
  }

  /** Stops this process's run of the round at once, if there is one (a cancel: its lease is already gone). */
  stopRun(roundId: string): void {
    this.running.get(roundId)?.lease.abort('cancelled');
  }

  /**
   * Before the database connections close: generations under way stop their worker and record
   * that the API stopped (the round goes back to its draft), rather than wait for a sweep.
   */
  async beforeApplicationShutdown(): Promise<void> {
    for (const run of this.running.values()) run.lease.abort('shutdown');
    await this.settled();
  }

  private async runGeneration(roundId: string, seed: string, lease: GenerationLease): Promise<void> {
    const startedAt = new Date().toISOString();
    // Only while the run still holds the lease: a cancelled or failed round keeps what was said about it.
    const setProgress = (progress: Omit<GenerationProgress, 'startedAt'>) =>
      this.rounds.setProgress(roundId, lease.owner, { ...progress, startedAt });
    const clock = phaseClock();
    try {
      const round = await this.rounds.getById(roundId);
      const event = await this.events.getById(round.eventId);
      await setProgress({ phase: 'loading' });
      const roster = await this.rosters.load(round.eventId, round.id);
      if (roster.profiles.length < 2) throw notEnoughAttendees(await this.rosters.count(round.eventId, round.id));
      // Speakers during their talk and office hours, and attendees during a slot granted to them, sit this round out.
      const endsAt = new Date(round.startsAt.getTime() + round.durationMinutes * 60_000);
      const talkBusy = await this.talks.busyDuring(round.eventId, round.startsAt, endsAt);
      // So do both people of an accepted meeting request whose slot of its own falls in the round.
      const requestBusy = await this.meetingRequests.slotHoldersDuring(round.eventId, round.startsAt, endsAt);
      // And whoever is not at the event for the whole round (availability windows) sits it out too, as UNAVAILABLE.
      const unavailable = await this.availability.unavailableDuring(round.eventId, round.startsAt, endsAt);
      const busy = [...new Set([...talkBusy, ...requestBusy, ...unavailable])].sort();
      // Accepted meeting requests not yet fulfilled: must-meet pairs, oldest acceptance first.
      const requests = await this.meetingRequests.acceptedForMatching(round.eventId);
      const loadingMs = clock.lap();
      await setProgress({ phase: 'matching', attendees: roster.profiles.length });
      const policy = round.oddPolicy ?? event.matchingSettings.oddPolicy ?? 'trio';
      const weights = event.matchingSettings.weights ?? {};
      // The organisers' rules as they are now, stored with the draft: the review shows them, publishing re-checks with them.
      const rules = eventRules(event.matchingSettings);
      const { draft, timings: matchingTimings } = await this.matching.plan(
        {
          tables: round.tables,
          unavailable,
          requesters: requests.map((request) => [pairKey(request.requesterId, request.recipientId), request.requesterId] as const),
          input: {
            profiles: roster.profiles,
            pastPairs: roster.pastPairs,
            sitOutCounts: roster.sitOutCounts,
            busy,
            mustMeet: requests.map((request) => [request.requesterId, request.recipientId] as const),
            seed,
            policy,
            fairness: round.fairness,
            rules,
            tableSize: round.tableSize,
            maxGap: provenGapFor(roster.profiles.length),
          },
        },
        lease.signal,
      );
      const matchingMs = clock.lap();
      await setProgress({ phase: 'storing', attendees: roster.profiles.length });
      const stored = await this.dataSource.transaction(async (manager) => {
        // The round's row lock, then the lease check: a cancel or a sweep either came first (and the plan is
        // dropped) or waits for this transaction (and then finds the round GENERATED, not GENERATING).
        const current = await this.rounds.lockById(roundId, manager);
        if (current?.status !== 'GENERATING' || current.leaseOwner !== lease.owner) return false;
        const stats = { ...(await writeRoundPlan(this.meetings, manager, current, draft, roster)), meetingRequests: outcomeOf(requests, draft.mustMeet) };
        const timings = { loadingMs, matchingMs, ...matchingTimings, storingMs: clock.lap(), totalMs: clock.total() };
        await this.rounds.storeDraft(
          roundId,
          { stats, weights, rules: resolveRules(rules), progress: { phase: 'done', attendees: roster.profiles.length, startedAt, finishedAt: new Date().toISOString(), timings } },
          manager,
        );
        this.logger.log({ roundId, attendees: roster.profiles.length, ...timings }, 'Round generated');
        return true;
      });
      if (!stored) this.logger.log({ roundId }, 'Round generation dropped its plan: the round was cancelled or failed meanwhile');
    } catch (error) {
      const stopped = error instanceof GenerationStopped ? error.reason : undefined;
      if (stopped === 'cancelled' || stopped === 'lease-lost') {
        this.logger.log({ roundId, reason: stopped }, 'Round generation stopped without a draft');
        return;
      }
      const message =
        stopped === 'shutdown'
          ? SHUTDOWN_MESSAGE
          : error instanceof DomainError
            ? error.message
            : isUniqueViolation(error)
              ? 'Two rounds tried to pair the same people at once; generate again'
              : 'The matching failed unexpectedly; it has been logged';
      if (stopped) this.logger.warn({ roundId }, 'Round generation stopped: the API is shutting down');
      else this.logger.error({ err: error, roundId }, 'Round generation failed');
      await this.rounds
        .failGeneration(roundId, lease.owner, { phase: 'failed', startedAt, finishedAt: new Date().toISOString(), error: message })
        .catch((cause) => this.logger.error({ err: cause, roundId }, 'Could not record the failed generation'));
    }
  }
}
