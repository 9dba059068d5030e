import { randomUUID } from 'node:crypto';
import os from 'node:os';

/**
 * The lease a generation holds on its round (`rounds.lease_owner`, `rounds.lease_expires_at`),
 * so that a run whose process died never leaves a round GENERATING: the run renews the lease
 * while its process lives; any live process fails a round whose lease lapsed (see
 * GenerationLeaseSweeper). Expiry is read and written with the database's clock, so hosts with
 * different clocks agree. Every statement a run makes about its round names its owner id, and
 * the draft is written only if the run still owns the lease in that same transaction.
 */

/** SQL: the lease of a GENERATING round (in `rounds`) has lapsed, or was never taken. */
export const LEASE_LAPSED = `(lease_expires_at IS NULL OR lease_expires_at < now())`;

/** SQL: `lease_expires_at` for a lease of `$n` seconds from now. */
export const leaseUntil = (parameter: string) => `now() + make_interval(secs => ${parameter})`;

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

type Query = (sql: string, parameters: unknown[]) => Promise<{ rowCount: number | null }>;

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
    private readonly query: Query,
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
      const { rowCount } = await this.query(
        `UPDATE rounds SET lease_expires_at = ${leaseUntil('$3')} WHERE id = $1 AND lease_owner = $2 AND status = 'GENERATING'`,
        [this.roundId, this.owner, this.seconds],
      );
      if (!rowCount) this.abort('lease-lost');
    } catch (error) {
      // A missed renewal is not fatal: the next one may succeed, and the draft is written only if the lease is still ours.
      this.onRenewalError(error);
    }
  }
}

/** What `progress.error` says about a run whose process stopped. */
export const LAPSED_MESSAGE = 'The process generating this round stopped before it finished (it was killed or lost its database connection); generate it again';
export const SHUTDOWN_MESSAGE = 'The API was stopped while generating this round; generate it again';
