import { randomUUID } from 'node:crypto';
import os from 'node:os';

/**
 * The lease a generation holds on its round (`rounds.lease_owner`, `rounds.lease_expires_at`),
 * so that a run whose process died never leaves a round GENERATING: the run renews the lease
 * while its process lives; any live process fails a round whose lease lapsed (see
 * GenerationLeaseSweeper). Expiry is read and written with the database's clock (in
 * RoundsRepository's statements), so hosts with different clocks agree. Every statement a run
 * makes about its round names its owner id, and the draft is written only if the run still owns
 * the lease in that same transaction.
 */

/** Who holds a lease: readable in the database (host and pid), unique per run. */
export function newLeaseOwner(): string {
  return `${os.hostname()}/${process.pid}/${randomUUID()}`;
}

/** Why a run stopped before writing its draft. */
export type StopReason = 'cancelled' | 'lease-lost' | 'shutdown';

export class GenerationStopped extends Error {
  constructor(readonly reason: StopReason) {
    super(`generation stopped: ${reason}`);
    this.name = 'GenerationStopped';
  }
}

/** One renewal of the run's lease for its length from now: false when the round is no longer the run's. */
type Renewal = () => Promise<boolean>;

/**
 * A run's lease, kept alive: renewed three times per lease length on the run's own connection
 * (never waiting for the pool). When a renewal finds the round no longer the run's (cancelled,
 * or failed by a sweep after a stall), or the process stops, `signal` aborts: the worker thread
 * is stopped and nothing is written.
 */
export class GenerationLease {
  private readonly controller = new AbortController();
  private timer: NodeJS.Timeout | undefined;
  private renewing: Promise<void> = Promise.resolve();
  private stopped = false;

  constructor(
    readonly roundId: string,
    readonly owner: string,
    private readonly seconds: number,
    private readonly renewal: Renewal,
    private readonly onRenewalError: (error: unknown) => void,
  ) {}

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  /** Starts renewing; each renewal is scheduled when the previous one is done, so they never overlap. */
  keepAlive(): void {
    const next = () => {
      if (this.stopped) return;
      this.timer = setTimeout(() => {
        this.renewing = this.renew().finally(next);
      }, (this.seconds * 1000) / 3);
    };
    next();
  }

  abort(reason: StopReason): void {
    if (!this.signal.aborted) this.controller.abort(new GenerationStopped(reason));
  }

  /** Stops renewing and waits for a renewal under way (the connection is then free to close). */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.renewing;
  }

  private async renew(): Promise<void> {
    try {
      if (!(await this.renewal())) this.abort('lease-lost');
    } catch (error) {
      // A missed renewal is not fatal: the next one may succeed, and the draft is written only if the lease is still ours.
      this.onRenewalError(error);
    }
  }
}

/** What `progress.error` says about a run whose process stopped. */
export const LAPSED_MESSAGE = 'The process generating this round stopped before it finished (it was killed or lost its database connection); generate it again';
export const SHUTDOWN_MESSAGE = 'The API was stopped while generating this round; generate it again';
