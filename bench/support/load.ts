// One bounded load run with autocannon 8 against a server on 127.0.0.1: a short warm-up (JIT, connection set-up),
// then the measured run. Every response is checked, so a fast wrong answer does not count as throughput.
import { Agent, request as httpRequest } from 'node:http';
import autocannon from 'autocannon';

/** What one measured run gives. Latencies in milliseconds. */
export interface LoadFigures {
  connections: number;
  rps: number;
  p50: number;
  p99: number;
  requests: number;
  /** Socket errors, timeouts, non-2xx answers and wrong bodies together. */
  failures: number;
}

/** The request to repeat. */
export interface LoadRequest {
  url: string;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
  /**
   * Requests to rotate through instead of one body: distinct users and channels, as real traffic has, so that the
   * service's per-user and per-channel rate limits see what they would see in production (each pair a few times).
   */
  pool?: ReadonlyArray<{ headers: Record<string, string>; body: string }>;
  /** Whether a response body is the right answer. */
  verify?: (body: string) => boolean;
}

/** Warms up (one pass through the pool, or `warmupSec`), then measures for `durationSec` at `connections`. */
export async function runLoad(
  request: LoadRequest,
  connections: number,
  durationSec: number,
  warmupSec = 2,
): Promise<LoadFigures> {
  const base = {
    url: request.url,
    method: request.method ?? 'POST',
    headers: request.headers ?? {},
    ...(request.body === undefined ? {} : { body: request.body }),
    ...(request.verify ? { verifyBody: request.verify } : {}),
    ...(request.pool ? { requests: [{ setupRequest: rotate(request.pool) }] } : {}),
    connections,
    timeout: 10,
  };
  // With a pool, the warm-up is one pass through it, so that every user and conversation has been seen once (a Teams
  // conversation's reference is stored on its first message) and the measured run is the steady state.
  if (request.pool) await autocannon({ ...base, amount: request.pool.length });
  else if (warmupSec > 0) await autocannon({ ...base, duration: warmupSec });
  const result = await autocannon({ ...base, duration: durationSec });
  return {
    connections,
    rps: result.requests.total / durationSec,
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests: result.requests.total,
    failures: result.errors + result.timeouts + result.non2xx + result.mismatches,
  };
}

function rotate(pool: ReadonlyArray<{ headers: Record<string, string>; body: string }>) {
  let next = 0;
  return (req: { headers: Record<string, string>; body?: string | Buffer }) => {
    const item = pool[next++ % pool.length]!;
    req.headers = { ...req.headers, ...item.headers };
    req.body = item.body;
    return req;
  };
}

/**
 * Latency at one connection, measured request by request with a keep-alive node:http client: autocannon's histogram
 * counts whole milliseconds, too coarse for answers that take a fraction of one. Same rotation and checks as runLoad.
 */
export async function runSequential(request: LoadRequest, durationSec: number, warmupSec = 1): Promise<LoadFigures> {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const url = new URL(request.url);
  const items = request.pool ?? [{ headers: request.headers ?? {}, body: request.body ?? '' }];
  let next = 0;
  const once = () =>
    new Promise<{ ok: boolean }>((resolve) => {
      const item = items[next++ % items.length]!;
      const req = httpRequest(
        {
          agent,
          host: url.hostname,
          port: url.port,
          path: url.pathname,
          method: request.method ?? 'POST',
          headers: { ...item.headers, 'content-length': Buffer.byteLength(item.body) },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            const ok =
              (res.statusCode ?? 0) >= 200 &&
              (res.statusCode ?? 0) < 300 &&
              (!request.verify || request.verify(Buffer.concat(chunks).toString('utf8')));
            resolve({ ok });
          });
          res.on('error', () => resolve({ ok: false }));
        },
      );
      req.on('error', () => resolve({ ok: false }));
      req.end(item.body);
    });
  const warmEnd = performance.now() + warmupSec * 1000;
  while (performance.now() < warmEnd) await once();
  const latencies: number[] = [];
  let failures = 0;
  const end = performance.now() + durationSec * 1000;
  while (performance.now() < end) {
    const t = performance.now();
    const { ok } = await once();
    latencies.push(performance.now() - t);
    if (!ok) failures += 1;
  }
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const at = (q: number) =>
    latencies[Math.min(latencies.length - 1, Math.max(0, Math.ceil(q * latencies.length) - 1))] ?? NaN;
  return {
    connections: 1,
    rps: latencies.length / durationSec,
    p50: at(0.5),
    p99: at(0.99),
    requests: latencies.length,
    failures,
  };
}
