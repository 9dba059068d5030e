import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { Injectable, Logger } from '@nestjs/common';
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
 * Plans a round in a worker thread, so generating for thousands of people
 * never blocks the event loop. Under ts-based test runners the compiled
 * worker in dist/ is used (the e2e tests build first); without one it falls
 * back to planning inline and says so. The worker's path is resolved once, to
 * the build folder itself (not through the dist/ link), and that folder is
 * pinned: a build beside a running server never removes the worker it loads.
 */
@Injectable()
export class MatchingRunner {
  private readonly logger = new Logger(MatchingRunner.name);
  private readonly workerScript = locateWorker();

  /**
   * Plans the round and packs the plan as the draft stores it (round-plan-writer.ts), with how long the
   * worker's start (its code and the input), the planning and the way back took; `signal` stops the worker thread at once and rejects with the signal's reason.
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
      const spawnedAt = epochNow();
      const worker = new Worker(this.workerScript!, { workerData: request });
      const stop = () => {
        reject(signal!.reason);
        void worker.terminate();
      };
      signal?.addEventListener('abort', stop, { once: true });
      const settle = () => signal?.removeEventListener('abort', stop);
      worker.once('message', (outcome: WorkerOutcome) => {
        settle();
        if (outcome.ok) {
          const timings = { workerStartMs: Math.round(outcome.planStartedAt - spawnedAt), planMs: Math.round(outcome.planEndedAt - outcome.planStartedAt), resultTransferMs: Math.round(epochNow() - outcome.planEndedAt) };
          resolve({ draft: outcome.draft, timings });
        }
        else reject('inputError' in outcome ? inputRefused(outcome.inputError) : new Error(outcome.message));
        void worker.terminate();
      });
      worker.once('error', (error) => {
        settle();
        reject(error);
      });
      worker.once('exit', (code) => {
        settle();
        if (code !== 0) reject(new Error(`matching worker stopped with exit code ${code}`));
      });
    });
  }
}

/** What a generation asks of the worker: the library's input, and what packing the draft needs (round-plan-writer.ts). */
export interface DraftRequest extends PackingContext {
  input: PlanRoundInput;
}

/** Where a worker's time went, in milliseconds. */
export interface MatchingTimings {
  /** From spawning the thread to planRound's start: loading the code and receiving the input. */
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
