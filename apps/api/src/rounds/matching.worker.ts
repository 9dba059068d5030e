import { parentPort, workerData } from 'node:worker_threads';
import { MatchingInputError, planRound } from '@pairwise/matching';
import { epochNow } from './generation-clock';
import type { DraftRequest, WorkerOutcome } from './matching-runner';
import { packRoundPlan } from './round-plan-writer';

/**
 * Runs one planRound off the main thread (the API keeps serving requests meanwhile) and packs the plan
 * as the draft stores it, so that only a few strings travel back (round-plan-writer.ts).
 */
try {
  const request = workerData as DraftRequest;
  const planStartedAt = epochNow();
  const draft = packRoundPlan(planRound(request.input), request, request.input.profiles);
  parentPort!.postMessage({ ok: true, draft, planStartedAt, planEndedAt: epochNow() } satisfies WorkerOutcome);
} catch (error) {
  // A class does not cross the thread boundary: an input the library refused is sent as its parts, by type.
  const outcome: WorkerOutcome =
    error instanceof MatchingInputError
      ? { ok: false, inputError: { field: error.field, problem: error.problem } }
      : { ok: false, message: error instanceof Error ? error.message : String(error) };
  parentPort!.postMessage(outcome);
}
