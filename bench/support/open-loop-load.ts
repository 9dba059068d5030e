import { performance } from 'node:perf_hooks';
import { Pool } from 'undici';

/**
 * An open-loop HTTP load, as wrk2 does it: request i is due at start + i/rate whether or not
 * earlier ones were answered; it goes out on a free keep-alive connection of a fixed pool, or
 * waits in the pool's queue when all are busy; its latency runs from when it was due, so time
 * spent queued behind a slow server counts (no coordinated omission).
 *
 * Why not a load-testing package: autocannon's `overallRate` sends each connection's share of a
 * second back to back at every one-second tick (bursts, not a rate), and loadtest 8 (open loop)
 * spent 35–60% of a core at 1,000 req/s with Node's http client and opened a new connection for
 * every request that found none free, on a 2-core machine shared with the server it measures.
 * undici, Node's own HTTP client, costs a fraction of that.
 */
export interface OpenLoopOptions {
  url: string;
  /** The JSON body of every request. */
  body: string;
  /** Requests per second, and for how long. */
  rate: number;
  seconds: number;
  /**
   * Another schedule than a constant rate: `requests` requests, the i-th due `dueAtMs(i)` ms after the start
   * (non-decreasing in i; e.g. `rampSchedule`). `rate` and `seconds` then only describe it (the run's length
   * for the per-second figures is its last request's second).
   */
  schedule?: { requests: number; dueAtMs: (index: number) => number };
  /** One bearer token per request, taken in turn. */
  tokens: readonly string[];
  /** False when a 200 response does not carry what it should (counted as an error). */
  verify: (body: string) => boolean;
  /** Keep-alive connections (default 100); requests beyond them queue, and the queue time counts. */
  connections?: number;
  /**
   * Connections already open (from `openLoopPool`), used and left open: a warm-up and the measurement
   * then run over the same connections, as a reverse proxy keeps its upstream connections. By
   * default the run opens its own and closes them at the end.
   */
  pool?: Pool;
}

/** A keep-alive pool for `openLoopLoad`'s `pool` option; its owner closes it. */
export function openLoopPool(origin: string, connections = 100): Pool {
  return new Pool(origin, { connections, pipelining: 1, headersTimeout: TIMEOUT_MS, bodyTimeout: TIMEOUT_MS });
}

export interface OpenLoopResult {
  requests: number;
  achievedRate: number;
  /** Milliseconds from when each request was due to its whole response; null when none completed. */
  latency: { p50: number | null; p90: number | null; p99: number | null; max: number };
  /** The slowest response among the requests due in each second of the run (ms). */
  slowestBySecond: number[];
  /** How many requests were due in each second of the run. */
  dueBySecond: number[];
  errors: number;
  /** Errors by kind: an HTTP status, "wrong body" (a 200 that failed `verify`), or "network" (refused, reset, timed out). */
  errorsByKind: Record<string, number>;
  /** The pool's connections, and the most requests in flight or queued at once. */
  connections: number;
  peakOutstanding: number;
  distinctTokens: number;
}

const TIMEOUT_MS = 10_000;

export async function openLoopLoad(options: OpenLoopOptions): Promise<OpenLoopResult> {
  const url = new URL(options.url);
  const connections = options.connections ?? 100;
  const pool = options.pool ?? openLoopPool(url.origin, connections);
  const total = options.schedule?.requests ?? Math.round(options.rate * options.seconds);
  const intervalMs = 1000 / options.rate;
  // Due times computed once, before the clock starts (a schedule's function may cost a square root).
  const dueAt = new Float64Array(total);
  for (let i = 0; i < total; i++) dueAt[i] = options.schedule ? options.schedule.dueAtMs(i) : i * intervalMs;
  const seconds = total ? Math.max(options.schedule ? Math.floor(dueAt[total - 1]! / 1000) + 1 : Math.ceil(options.seconds), 1) : 0;
  const latencies = new Float64Array(total);
  // By request (NaN when it failed): the tail second by second tells a stall from a saturated machine.
  const byRequest = new Float64Array(total).fill(Number.NaN);
  const errorsByKind: Record<string, number> = {};
  let completed = 0;
  let outstanding = 0;
  let peakOutstanding = 0;
  const inFlight = new Set<Promise<void>>();

  // Built once: the generator shares the machine with the server it measures, so each request costs it as little as it can.
  const headersOf = options.tokens.map((token) => ['content-type', 'application/json', 'authorization', `Bearer ${token}`]);
  const done = (index: number, dueAt: number, failure: string | undefined) => {
    outstanding--;
    if (failure) errorsByKind[failure] = (errorsByKind[failure] ?? 0) + 1;
    else latencies[completed++] = byRequest[index] = performance.now() - dueAt;
  };

  // undici's low-level dispatch: no body stream and no promise chain per response, only these callbacks.
  const send = (index: number, dueAt: number) =>
    new Promise<void>((resolve) => {
      outstanding++;
      peakOutstanding = Math.max(peakOutstanding, outstanding);
      let status = 0;
      const chunks: Buffer[] = [];
      pool.dispatch(
        { origin: url.origin, path: url.pathname, method: 'POST', headers: headersOf[index % headersOf.length]!, body: options.body },
        // The handler interface a Pool's clients take (undici 7's newer one is only adapted for an Agent).
        {
          onConnect: () => undefined,
          onHeaders: (statusCode) => {
            status = statusCode;
            return true;
          },
          onData: (chunk) => {
            chunks.push(chunk);
            return true;
          },
          onComplete: () => {
            if (status !== 200) done(index, dueAt, `HTTP ${status}`);
            else done(index, dueAt, options.verify(Buffer.concat(chunks).toString('utf8')) ? undefined : 'wrong body');
            resolve();
          },
          onError: () => {
            done(index, dueAt, 'network');
            resolve();
          },
        },
      );
    });

  const start = performance.now();
  await new Promise<void>((resolve) => {
    let next = 0;
    // Timers fire late by a millisecond or more: each tick sends everything that has come due.
    const tick = () => {
      const now = performance.now();
      while (next < total && start + dueAt[next]! <= now) {
        const sending = send(next, start + dueAt[next]!);
        inFlight.add(sending);
        void sending.finally(() => inFlight.delete(sending));
        next++;
      }
      if (next < total) setTimeout(tick, Math.max(0, start + dueAt[next]! - performance.now()));
      else resolve();
    };
    tick();
  });
  await Promise.all(inFlight);
  const elapsedSeconds = (performance.now() - start) / 1000;
  if (!options.pool) await pool.close();

  const sorted = latencies.subarray(0, completed).sort();
  const percentile = (p: number) => (completed ? Math.round(sorted[Math.min(completed - 1, Math.ceil((p / 100) * completed) - 1)]!) : null);
  const errors = Object.values(errorsByKind).reduce((sum, count) => sum + count, 0);
  return {
    requests: total,
    achievedRate: completed / elapsedSeconds,
    latency: { p50: percentile(50), p90: percentile(90), p99: percentile(99), max: completed ? Math.round(sorted[completed - 1]!) : 0 },
    slowestBySecond: slowestBySecond(byRequest, dueAt, seconds),
    dueBySecond: Array.from({ length: seconds }, (_, second) => dueAt.filter((due) => Math.floor(due / 1000) === second).length),
    errors,
    errorsByKind,
    connections,
    peakOutstanding,
    distinctTokens: Math.min(total, options.tokens.length),
  };
}

/** The slowest completed request among those due in each second (0 for a second with none completed). */
function slowestBySecond(byRequest: Float64Array, dueAt: Float64Array, seconds: number): number[] {
  const slowest = new Array<number>(seconds).fill(0);
  for (let i = 0; i < dueAt.length; i++) {
    const second = Math.min(seconds - 1, Math.floor(dueAt[i]! / 1000));
    if (byRequest[i]! > slowest[second]!) slowest[second] = byRequest[i]!;
  }
  return slowest.map(Math.round);
}

/**
 * A herd's arrivals: the rate climbs linearly from 0 to `peakRate` over `rampSeconds`, then holds, until
 * `requests` are due. Under a linear ramp the i-th request is due when the area under the rate reaches i:
 * t = √(2·T·i / R) within the ramp, then one every 1/R s.
 */
export function rampSchedule(requests: number, peakRate: number, rampSeconds: number): { requests: number; dueAtMs: (index: number) => number } {
  const inRamp = (peakRate * rampSeconds) / 2;
  return {
    requests,
    dueAtMs: (i) => 1000 * (i < inRamp ? Math.sqrt((2 * rampSeconds * i) / peakRate) : rampSeconds + (i - inRamp) / peakRate),
  };
}
