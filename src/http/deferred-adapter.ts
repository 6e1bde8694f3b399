// A platform's place in the server before the platform is ready. The server listens as soon as the process starts,
// while the dataset loads, the migrations run and the platform's SDK is imported; a request for the platform that
// arrives meanwhile waits for it (bounded: Slack gives up on a slash command after 3 s) and is then answered by the
// real adapter, or gets 503 with Retry-After if the start takes longer or fails. Once ready, every call goes straight
// to the real adapter.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Delivery } from '../core/delivery.js';
import type { PlatformAdapter } from './platform-adapter.js';
import { sendJson } from './send-json.js';

/** A platform's routes, known before its adapter exists (the same whether it turns out on or off). */
export type PlatformRoutes = Pick<PlatformAdapter, 'handles' | 'methods'>;

/** An adapter standing in for one not built yet. */
export interface DeferredAdapter extends PlatformAdapter {
  /** The real adapter: waiting requests and every later call go to it. */
  resolve(adapter: PlatformAdapter): void;
  /** The start failed: waiting requests, and any later one, are answered 503. */
  fail(): void;
}

/** How long a request waits for the start by default: under Slack's 3 s, leaving time to answer. */
export const DEFAULT_START_WAIT_MS = 2_500;

/** Creates a stand-in for a platform adapter; `waitMs` bounds how long a request waits for the real one. */
export function deferredAdapter(routes: PlatformRoutes, waitMs = DEFAULT_START_WAIT_MS): DeferredAdapter {
  let real: PlatformAdapter | undefined;
  let failed = false;
  // Settled once, by resolve (the adapter) or fail (undefined): every waiting request races it against its own wait.
  let settle: (adapter: PlatformAdapter | undefined) => void = () => undefined;
  const ready = new Promise<PlatformAdapter | undefined>((resolve) => {
    settle = resolve;
  });
  const later = async (req: IncomingMessage, res: ServerResponse, path: string): Promise<void> => {
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<undefined>((resolve) => {
      timer = setTimeout(resolve, waitMs, undefined);
    });
    const adapter = await Promise.race([ready, timedOut]);
    clearTimeout(timer);
    return adapter ? adapter.handle(req, res, path) : notReady(res);
  };

  return {
    get enabled() {
      return real?.enabled ?? false;
    },
    // Nothing posts through the stand-in: the deliveries come from the platforms' connections, built before it.
    get delivery(): Delivery {
      if (!real) throw new Error("a platform's delivery is not available before the service has started");
      return real.delivery;
    },
    handles: routes.handles,
    methods: routes.methods,
    handle(req, res, path) {
      if (real) return real.handle(req, res, path);
      if (failed) return notReady(res);
      return later(req, res, path);
    },
    finished(path, status) {
      real?.finished?.(path, status);
    },
    start: () => real?.start() ?? Promise.resolve(),
    stop: () => real?.stop() ?? Promise.resolve(),
    resolve(adapter) {
      real = adapter;
      settle(adapter);
    },
    fail() {
      failed = true;
      settle(undefined);
    },
  };
}

// Not ready (still starting, or the start failed): a status the caller may retry, and when.
function notReady(res: ServerResponse): void {
  res.setHeader('retry-after', '1');
  sendJson(res, 503, { error: 'starting', message: 'the service is starting: try again in a moment' });
}
