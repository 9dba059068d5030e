import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { MatchingInputError, planRound, type PlanRoundInput } from '@pairwise/matching';
import { pinBuild } from '../common/build-pin';
import { epochNow } from './generation-clock';
import type { DomainError } from '../common/domain-error';
import { packRoundPlan, type PackedRoundPlan, type PackingContext } from './round-plan-writer';
import { roundsError, RoundsErrorReason } from './rounds.errors';

/** What the worker thread posts back: a plan, an input the library refused (by type, as its parts), or any other failure. */
export type WorkerOutcome =
  | { ok: true; draft: PackedRoundPlan; planStartedAt: number; planEndedAt: number }
  | { ok: false; inputError: Pick<MatchingInputError, 'field' | 'problem'> }
  | { ok: false; message: string };

/** The library refused the round's input (a profile, a weight): the API's own error, with the library's words (`field: problem`). */
function inputRefused({ field, problem }: Pick<MatchingInputError, 'field' | 'problem'>): DomainError {
  return roundsError(RoundsErrorReason.MATCHING_INPUT_INVALID, `${field}: ${problem}`);
}

/**
 * How long a worker thread that finished a plan is kept for the next one. A fresh thread loads the library and
 * runs it cold: at 2,000 attendees a first planRound costs about twice the CPU of the next ones in the same thread
 * (the JIT has not compiled the scoring and solver loops yet), and a day's rounds, or a draft generated again after
 * review, come minutes apart. After that the thread stops and the memory its heap still holds goes with it.
 */
const SPARE_WORKER_IDLE_MS = 5 * 60_000;

/**
 * Plans a round in a worker thread, so generating for thousands of people
 * never blocks the event loop. Under ts-based test runners the compiled
 * worker in dist/ is used (the e2e tests build first); without one it falls
 * back to planning inline and says so. The worker's path is resolved once, to
 * the build folder itself (not through the dist/ link), and that folder is
 * pinned: a build beside a running server never removes the worker it loads.
 * One thread that finished its plan is kept warm for the next generation
 * (SPARE_WORKER_IDLE_MS); it never keeps the process alive, and stops with the application.
 */
@Injectable()
export class MatchingRunner implements OnApplicationShutdown {
  private readonly logger = new Logger(MatchingRunner.name);
  private readonly workerScript = locateWorker();
  private spare: { worker: Worker; timer: NodeJS.Timeout; onExit: () => void } | undefined;
  private closed = false;

  /**
   * Plans the round and packs the plan as the draft stores it (round-plan-writer.ts), with how long the
   * worker's start (its code when no thread is warm, and the input), the planning and the way back took; `signal` stops the worker thread at once and rejects with the signal's reason.
   * An input the library refuses rejects with a DomainError (MATCHING_INPUT_INVALID), on either path.
   */
  plan(request: DraftRequest, signal?: AbortSignal): Promise<{ draft: PackedRoundPlan; timings: MatchingTimings }> {
    if (signal?.aborted) return Promise.reject(signal.reason);
    if (!this.workerScript) {
      this.logger.warn('No compiled matching worker found (run `npm run build`): planning on the main thread');
      const started = epochNow();
      return Promise.resolve()
        .then(() => ({ draft: packRoundPlan(planRound(request.input), request, request.input.profiles), timings: { workerStartMs: 0, planMs: Math.round(epochNow() - started), resultTransferMs: 0 } }))
        .catch((error: unknown) => {
          throw error instanceof MatchingInputError ? inputRefused(error) : error;
        });
    }
    return new Promise((resolve, reject) => {
      const sentAt = epochNow();
      const worker = this.takeSpare() ?? new Worker(this.workerScript!);
      const settle = () => {
        signal?.removeEventListener('abort', stop);
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
      };
      const stop = () => {
        settle();
        reject(signal!.reason);
        void worker.terminate();
      };
      const onMessage = (outcome: WorkerOutcome) => {
        settle();
        if (outcome.ok) {
          const timings = { workerStartMs: Math.round(outcome.planStartedAt - sentAt), planMs: Math.round(outcome.planEndedAt - outcome.planStartedAt), resultTransferMs: Math.round(epochNow() - outcome.planEndedAt) };
          resolve({ draft: outcome.draft, timings });
        } else reject('inputError' in outcome ? inputRefused(outcome.inputError) : new Error(outcome.message));
        // The thread caught whatever planRound threw and is fit for the next plan.
        this.keepSpare(worker);
      };
      const onError = (error: Error) => {
        settle();
        reject(error);
        void worker.terminate();
      };
      const onExit = (code: number) => {
        settle();
        reject(new Error(`matching worker stopped with exit code ${code}`));
      };
      signal?.addEventListener('abort', stop, { once: true });
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
      worker.postMessage(request);
    });
  }

  /** Stops the warm thread, if any (it would not keep the process alive, but a closed application holds no thread). */
  async onApplicationShutdown(): Promise<void> {
    this.closed = true;
    await this.takeSpare()?.terminate();
  }

  /** The warm thread, taken for a plan (it keeps the process alive again while it works). */
  private takeSpare(): Worker | undefined {
    const spare = this.spare;
    if (!spare) return undefined;
    this.spare = undefined;
    clearTimeout(spare.timer);
    spare.worker.off('exit', spare.onExit);
    spare.worker.ref();
    return spare.worker;
  }

  /** Keeps a thread that finished its plan for the next one, unless one is kept already or the application closed. */
  private keepSpare(worker: Worker): void {
    if (this.spare || this.closed) {
      void worker.terminate();
      return;
    }
    worker.unref();
    const onExit = () => {
      if (this.spare?.worker !== worker) return;
      clearTimeout(this.spare.timer);
      this.spare = undefined;
    };
    const timer = setTimeout(() => void this.takeSpare()?.terminate(), SPARE_WORKER_IDLE_MS).unref();
    worker.once('exit', onExit);
    this.spare = { worker, timer, onExit };
  }
}

/** What a generation asks of the worker: the library's input, and what packing the draft needs (round-plan-writer.ts). */
export interface DraftRequest extends PackingContext {
  input: PlanRoundInput;
}

/** Where a worker's time went, in milliseconds. */
export interface MatchingTimings {
  /** From sending the input to planRound's start: the thread's start and the library's loading when none was warm, and the input's transfer. */
  workerStartMs: number;
  /** planRound, then packing its plan as the draft stores it. */
  planMs: number;
  /** From planRound's end to the plan's arrival on the main thread. */
  resultTransferMs: number;
}

function locateWorker(): string | undefined {
  const compiledSibling = path.join(__dirname, 'matching.worker.js');
  const fromSource = path.resolve(__dirname, '../../../../dist/apps/api/src/rounds/matching.worker.js');
  const found = [compiledSibling, fromSource].find((file) => fs.existsSync(file));
  if (!found) return undefined;
  pinBuild(found);
  return fs.realpathSync(found);
}
