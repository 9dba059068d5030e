import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { openLoopLoad, openLoopPool, rampSchedule } from './open-loop-load';

/** A server answering by the bearer token: `ok` → the expected body, `bad` → another body, `err` → 500; each after `delayMs`. */
function startServer(delayMs: number): Promise<{ server: Server; url: string }> {
  const server = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      const token = request.headers.authorization?.replace('Bearer ', '');
      setTimeout(() => {
        response.statusCode = token === 'err' ? 500 : 200;
        response.end(token === 'ok' ? '{"data":{"ok":true}}' : '{"data":null}');
      }, delayMs);
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql` })));
}

describe('openLoopLoad', () => {
  let server: Server | undefined;
  afterEach(() => new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined))));

  it('sends rate × seconds requests and counts HTTP errors and wrong bodies apart', async () => {
    let url: string;
    ({ server, url } = await startServer(0));
    const result = await openLoopLoad({ url, body: '{}', rate: 200, seconds: 1, tokens: ['ok', 'bad', 'err', 'ok'], verify: (body) => body.includes('"ok":true') });
    expect(result.requests).toBe(200);
    expect(result.errorsByKind).toEqual({ 'wrong body': 50, 'HTTP 500': 50 });
    expect(result.errors).toBe(100);
    expect(result.distinctTokens).toBe(4);
    expect(result.slowestBySecond).toHaveLength(1);
    expect(result.latency.p50).not.toBeNull();
  });

  it('counts the time a request waited for a busy server from when it was due (no coordinated omission)', async () => {
    let url: string;
    ({ server, url } = await startServer(20));
    // 50 requests due within 0.5 s over one connection that serves one per 20 ms: the last waits about 0.5 s.
    const result = await openLoopLoad({ url, body: '{}', rate: 100, seconds: 0.5, tokens: ['ok'], connections: 1, verify: () => true });
    expect(result.errors).toBe(0);
    expect(result.latency.max).toBeGreaterThanOrEqual(450);
    expect(result.latency.p50).toBeGreaterThanOrEqual(200);
    expect(result.achievedRate).toBeLessThan(60);
  });

  it('runs over connections it is given and leaves them open for the next run', async () => {
    let url: string;
    ({ server, url } = await startServer(0));
    const opened: Socket[] = [];
    server.on('connection', (socket) => opened.push(socket));
    const pool = openLoopPool(new URL(url).origin, 4);
    const run = () => openLoopLoad({ url, body: '{}', rate: 200, seconds: 0.5, tokens: ['ok'], pool, verify: () => true });
    expect((await run()).errors).toBe(0);
    const first = [...opened];
    expect(first.length).toBeGreaterThan(0);
    expect(first.every((socket) => !socket.destroyed)).toBe(true);
    expect((await run()).errors).toBe(0);
    // The first run's connections served the second; at most the pool's 4 were ever opened.
    expect(first.every((socket) => !socket.destroyed)).toBe(true);
    expect(opened.length).toBeLessThanOrEqual(4);
    await pool.close();
  });

  it('follows a ramp: the rate climbs from 0 to its peak, then holds until every request is due', async () => {
    const ramp = rampSchedule(100, 100, 1);
    // Half the requests arrive during the ramp (its area), the rest at the peak rate; the ramp's first are the sparsest.
    expect(ramp.dueAtMs(0)).toBe(0);
    expect(ramp.dueAtMs(1) - ramp.dueAtMs(0)).toBeGreaterThan(ramp.dueAtMs(49) - ramp.dueAtMs(48));
    expect(ramp.dueAtMs(49)).toBeLessThan(1000);
    expect(ramp.dueAtMs(50)).toBe(1000);
    expect(ramp.dueAtMs(99)).toBeCloseTo(1490);
    let url: string;
    ({ server, url } = await startServer(0));
    const result = await openLoopLoad({ url, body: '{}', rate: 100, seconds: 1.5, schedule: ramp, tokens: ['ok'], verify: () => true });
    expect(result.requests).toBe(100);
    expect(result.errors).toBe(0);
    expect(result.dueBySecond).toEqual([50, 50]);
    expect(result.slowestBySecond).toHaveLength(2);
  });
});
