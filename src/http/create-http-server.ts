// The service's one node:http server: /healthz, /readyz and /metrics, the platforms' routes, one log line per
// request (with what the adapter noted: command kind, outcome), a request id, and a graceful stop. No platform
// knowledge: each PlatformAdapter says which requests are its.
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import type { Metrics } from '../metrics.js';
import type { PlatformAdapter } from './platform-adapter.js';
import type { Readiness } from './readiness.js';
import { requestNote, setRequestLogger } from './request-logger.js';
import { sendJson } from './send-json.js';

/** What the server serves. */
export interface HttpServerOptions {
  logger: Logger;
  metrics: Pick<Metrics, 'render'>;
  readiness: () => Promise<Readiness>;
  /** Asked in order; the first that `handles` a request answers it. */
  adapters: readonly PlatformAdapter[];
  /** How long stop() waits for requests in flight before closing their connections. */
  graceMs: number;
}

/** The running server. */
export interface HttpServer {
  /** Listens; resolves with the port (0 picks a free one). */
  listen(port: number, host: string): Promise<number>;
  /** Whether stop() has been called (readiness answers 503 from then on). */
  readonly stopping: boolean;
  /** Stops accepting, lets requests in flight finish (up to the grace period), then closes. */
  stop(): Promise<void>;
}

// Probes are logged at debug level: a load balancer calls them every few seconds.
const PROBES = new Set(['/healthz', '/readyz', '/metrics']);

// A path that URL parsing would give back unchanged (no dot segments, escapes, backslashes, nor a leading "//" that
// would read as a host): routed as it is, without building a URL for every request.
const PLAIN_PATH = /^\/(?!\/)[\w/-]*$/;

// The server's own routes and the methods each accepts.
const OWN_ROUTES: Readonly<Record<string, readonly string[]>> = {
  '/healthz': ['GET', 'HEAD'],
  '/readyz': ['GET', 'HEAD'],
  '/metrics': ['GET', 'HEAD'],
};

/** Creates the server; nothing listens until listen(). */
export function createHttpServer(options: HttpServerOptions): HttpServer {
  const state = { stopping: false };
  const server: Server = createServer((req, res) => serveRequest(options, state, req, res));
  // Slack retries after 3 s; a slow client must not hold a socket for ever.
  server.requestTimeout = 30_000;
  server.headersTimeout = 15_000;

  return {
    get stopping() {
      return state.stopping;
    },
    async listen(port, host) {
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          server.off('error', reject);
          resolve();
        });
      });
      return (server.address() as AddressInfo).port;
    },
    async stop() {
      state.stopping = true;
      if (!server.listening) return;
      // Stop accepting; let requests in flight finish (idle keep-alive sockets are closed at once), and after the
      // grace period close whatever is left.
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      // Idle keep-alive sockets close now; busy ones close once their response is sent (see serveRequest).
      server.closeIdleConnections();
      const timer = setTimeout(() => server.closeAllConnections(), options.graceMs);
      timer.unref();
      await closed;
      clearTimeout(timer);
    },
  };
}

// One request: its id and logger, its adapter (or a route of the server's own), and its one log line once sent.
function serveRequest(
  options: HttpServerOptions,
  state: { stopping: boolean },
  req: IncomingMessage,
  res: ServerResponse,
): void {
  const started = performance.now();
  const header = req.headers['x-request-id'];
  const reqId = typeof header === 'string' && /^[\w.-]{1,64}$/.test(header) ? header : randomUUID();
  const log = options.logger;
  setRequestLogger(req, log, reqId);
  res.setHeader('x-request-id', reqId);
  if (state.stopping) res.setHeader('connection', 'close');
  const path = (req.url ?? '/').split('?')[0] ?? '/';
  // Routing reads the normalised path ("/slack/../healthz" is /healthz); the log line shows the path as sent.
  const routed = PLAIN_PATH.test(path) ? path : new URL(req.url ?? '/', 'http://localhost').pathname;
  const method = (req.method ?? 'GET').toUpperCase();
  const adapter = options.adapters.find((a) => a.handles(method, routed));
  res.on('finish', () => {
    // While stopping, a keep-alive socket is not kept for another request: the server can close as soon as it is sent.
    if (state.stopping) req.socket.end();
    // One line per request: what the adapter noted (command kind, outcome) joins the HTTP fields.
    // The request's id first, where a child logger's binding would put it: the same line, without a child.
    const line = {
      reqId,
      method: req.method,
      path,
      status: res.statusCode,
      ms: Math.round(performance.now() - started),
      ...requestNote(req),
    };
    if (PROBES.has(path)) log.debug(line, 'request');
    else log.info(line, 'request');
    adapter?.finished?.(path, res.statusCode);
  });
  // A wrong method is the caller's mistake, whoever owns the path: 405 with what is allowed, never an error.
  const allowed = OWN_ROUTES[routed] ?? options.adapters.map((a) => a.methods(routed)).find((m) => m !== undefined);
  if (allowed && !allowed.includes(method)) {
    res.setHeader('allow', allowed.join(', '));
    sendJson(res, 405, { error: 'method_not_allowed', message: `use ${allowed.join(' or ')} here` });
    return;
  }
  const answered = adapter ? answerByAdapter(adapter, req, res, routed) : answerOwnRoute(options, res, routed, method);
  answered.catch((err: unknown) => {
    log.error({ reqId, err }, 'request failed');
    if (!res.headersSent) sendJson(res, 500, { error: 'internal' });
    else res.end();
  });
}

// An adapter's answer as a promise, a synchronous throw included.
async function answerByAdapter(
  adapter: PlatformAdapter,
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
): Promise<void> {
  await adapter.handle(req, res, path);
}

// Health, readiness and metrics; anything else is not found.
async function answerOwnRoute(
  options: HttpServerOptions,
  res: ServerResponse,
  path: string,
  method: string,
): Promise<void> {
  if (path === '/healthz' && (method === 'GET' || method === 'HEAD')) return sendJson(res, 200, { status: 'ok' });
  if (path === '/readyz' && (method === 'GET' || method === 'HEAD')) {
    const { ok, body } = await options.readiness();
    return sendJson(res, ok ? 200 : 503, body);
  }
  if (path === '/metrics' && (method === 'GET' || method === 'HEAD')) {
    const { contentType, body } = await options.metrics.render();
    res.writeHead(200, { 'content-type': contentType });
    res.end(body);
    return;
  }
  return sendJson(res, 404, { error: 'not_found' });
}
