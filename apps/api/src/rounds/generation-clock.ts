import { performance } from 'node:perf_hooks';

/**
 * Milliseconds since the epoch, with sub-millisecond precision, comparable across threads (each thread has its
 * own `performance.timeOrigin`): the matching worker stamps its start and end with it, the runner compares.
 */
export const epochNow = (): number => performance.timeOrigin + performance.now();

/** Milliseconds since the last lap (and since the start), for a generation's phase timings. */
export function phaseClock(): { lap(): number; total(): number } {
  const start = performance.now();
  let last = start;
  return {
    lap() {
      const now = performance.now();
      const lap = Math.round(now - last);
      last = now;
      return lap;
    },
    total: () => Math.round(performance.now() - start),
  };
}
