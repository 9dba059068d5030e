import { parentPort } from 'node:worker_threads';
import { MatchingInputError, planRound } from '@pairwise/matching';
import { epochNow } from './generation-clock';
import type { DraftRequest, WorkerOutcome } from './matching-runner';
import { packRoundPlan } from './round-plan-writer';

/**
 * Runs planRound off the main thread (the API keeps serving requests meanwhile), one request per message, and packs
 * each plan as the draft stores it, so that only a few strings travel back (round-plan-writer.ts). The thread serves
 * several generations one after the other (MatchingRunner keeps it warm): the library keeps no state between them.
 */
parentPort!.on('message', (request: DraftRequest) => {
  let outcome: WorkerOutcome;
  try {
    const planStartedAt = epochNow();
    const draft = packRoundPlan(planRound(request.input), request, request.input.profiles);
    outcome = { ok: true, draft, planStartedAt, planEndedAt: epochNow() };
  } catch (error) {
    // A class does not cross the thread boundary: an input the library refused is sent as its parts, by type.
    outcome =
      error instanceof MatchingInputError
        ? { ok: false, inputError: { field: error.field, problem: error.problem } }
        : { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
  parentPort!.postMessage(outcome);
});
