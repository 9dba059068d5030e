import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { SchedulerRegistry } from '@nestjs/schedule';
import type { AppConfig } from '../config/app-config';
import { RoundsRepository } from './rounds.repository';

/** Longest wait between two sweeps, whatever the lease: a dead run is failed within a minute with the default lease. */
const MAX_SWEEP_INTERVAL_MS = 30_000;

/**
 * Fails rounds whose generation died with its process (see generation-lease.ts): once at
 * start-up, then every half lease (at most every 30 s), in every API process — the statement is
 * one conditional UPDATE, so processes sweeping at once do no harm.
 */
@Injectable()
export class GenerationLeaseSweeper implements OnApplicationBootstrap {
  private readonly logger = new Logger(GenerationLeaseSweeper.name);

  constructor(
    private readonly rounds: RoundsRepository,
    private readonly config: ConfigService<AppConfig, true>,
    private readonly scheduler: SchedulerRegistry,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.sweep();
    const every = Math.min(MAX_SWEEP_INTERVAL_MS, (this.config.get('generation', { infer: true }).leaseSeconds * 1000) / 2);
    // Cleared by the schedule module when the application shuts down.
    this.scheduler.addInterval(GenerationLeaseSweeper.name, setInterval(() => void this.sweep(), every));
  }

  /** Returns the rounds failed now. */
  async sweep(): Promise<string[]> {
    try {
      const failed = await this.rounds.failLapsedGenerations(new Date().toISOString());
      for (const roundId of failed) this.logger.warn({ roundId }, 'Round generation failed: the process running it stopped (its lease lapsed)');
      return failed;
    } catch (error) {
      this.logger.error({ err: error }, 'Could not sweep lapsed round generations');
      return [];
    }
  }
}
