import { parentPort, workerData } from 'node:worker_threads';
import { planRound, type PlanRoundInput } from '@pairwise/matching';

/** Runs one planRound off the main thread: the API keeps serving requests meanwhile. */
try {
  parentPort!.postMessage({ ok: true, plan: planRound(workerData as PlanRoundInput) });
} catch (error) {
  parentPort!.postMessage({ ok: false, name: (error as Error).name, message: (error as Error).message });
}
