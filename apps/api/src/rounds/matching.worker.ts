import { parentPort, workerData } from 'node:worker_threads';
import { MatchingInputError, planRound, type PlanRoundInput } from '@pairwise/matching';
import type { WorkerOutcome } from './matching-runner';

/** Runs one planRound off the main thread: the API keeps serving requests meanwhile. */
try {
  parentPort!.postMessage({ ok: true, plan: planRound(workerData as PlanRoundInput) } satisfies WorkerOutcome);
} catch (error) {
  // A class does not cross the thread boundary: an input the library refused is sent as its parts, by type.
  const outcome: WorkerOutcome =
    error instanceof MatchingInputError
      ? { ok: false, inputError: { field: error.field, problem: error.problem } }
      : { ok: false, message: error instanceof Error ? error.message : String(error) };
  parentPort!.postMessage(outcome);
}
