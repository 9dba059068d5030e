/**
 * An open-loop HTTP load with `loadtest`: requests leave at a fixed arrival rate whether or not
 * earlier ones have been answered (a new keep-alive connection opens when none is free), so a
 * slow server meets a growing queue instead of a politely waiting client, and the latencies
 * are those a crowd of independent users would see. (autocannon's `overallRate` is not this:
 * each connection sends its share back to back at every one-second tick, then waits.)
 */
export interface OpenLoopOptions {
  url: string;
  /** The JSON body of every request. */
  body: string;
  /** Requests per second, and for how long. */
  rate: number;
  seconds: number;
  /** One bearer token per request, taken in turn. */
  tokens: readonly string[];
  /** False when a 200 response does not carry what it should (counted as an error). */
  verify: (body: string) => boolean;
}

export interface OpenLoopResult {
  requests: number;
  achievedRate: number;
  /** Milliseconds from sending to the whole response, at 1 ms resolution; null when too few requests completed to tell. */
  latency: { p50: number | null; p90: number | null; p99: number | null; max: number };
  errors: number;
  /** Errors by kind: an HTTP status, "wrong body" (a 200 that failed `verify`), or "network" (refused, reset, timed out). */
  errorsByKind: Record<string, number>;
  /** Connections the load needed at its peak (one request in flight on each). */
  connections: number;
  distinctTokens: number;
}

interface RequestParams {
  headers: Record<string, string | number>;
}
interface InspectedResult {
  body: string;
  statusCode: number;
  customError?: string;
}
interface LoadtestResult {
  totalRequests: number;
  totalErrors: number;
  elapsedSeconds: number;
  maxLatencyMs: number;
  clients: number;
  percentiles: Record<50 | 90 | 95 | 99, number | false>;
  errorCodes: Record<string, number>;
}
/** The part of loadtest 8's promise API used here (its bundled typings describe the older callback API). */
type LoadTest = (options: {
  url: string;
  method: 'POST';
  body: string;
  contentType: string;
  requestsPerSecond: number;
  maxSeconds: number;
  agentKeepAlive: boolean;
  timeout: number;
  quiet: boolean;
  requestGenerator: (loadOptions: unknown, params: RequestParams, request: (params: RequestParams, callback: unknown) => unknown, callback: unknown) => unknown;
  contentInspector: (result: InspectedResult) => void;
}) => Promise<LoadtestResult>;

const WRONG_BODY = 'wrong body';

export async function openLoopLoad(options: OpenLoopOptions): Promise<OpenLoopResult> {
  // loadtest is an ES module; this bench compiles to CommonJS, where import() stays a real import.
  const { loadTest } = (await import('loadtest')) as unknown as { loadTest: LoadTest };
  const contentLength = Buffer.byteLength(options.body);
  let next = 0;
  const result = await loadTest({
    url: options.url,
    method: 'POST',
    body: options.body,
    contentType: 'application/json',
    requestsPerSecond: options.rate,
    maxSeconds: options.seconds,
    agentKeepAlive: true,
    timeout: 10_000,
    quiet: true,
    requestGenerator: (_loadOptions, params, request, callback) => {
      params.headers.authorization = `Bearer ${options.tokens[next++ % options.tokens.length]}`;
      params.headers['content-length'] = contentLength;
      return request(params, callback);
    },
    contentInspector: (response) => {
      if (response.statusCode === 200 && !options.verify(response.body)) response.customError = WRONG_BODY;
    },
  });
  const percentile = (p: 50 | 90 | 99) => (result.percentiles[p] === false ? null : Number(result.percentiles[p]));
  return {
    requests: result.totalRequests,
    achievedRate: result.totalRequests / result.elapsedSeconds,
    latency: { p50: percentile(50), p90: percentile(90), p99: percentile(99), max: result.maxLatencyMs },
    errors: result.totalErrors,
    errorsByKind: Object.fromEntries(Object.entries(result.errorCodes).map(([code, count]) => [errorKind(code), count])),
    connections: result.clients,
    distinctTokens: Math.min(result.totalRequests, options.tokens.length),
  };
}

/** loadtest reports "-1" for network failures and the status (here 200) for a failed inspection. */
function errorKind(code: string): string {
  if (code === '-1') return 'network';
  if (code.startsWith('200')) return WRONG_BODY;
  return `HTTP ${code}`;
}
