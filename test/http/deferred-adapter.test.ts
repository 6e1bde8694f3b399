// A platform's requests during the start (issue 13): the server listens before the dataset, the database and the
// platform's SDK are ready; a request that comes meanwhile waits for the platform and gets its real answer, or, when
// the start takes longer than the wait or fails, a 503 with Retry-After. Through the real server (createHttpServer);
// the platform here is a small adapter of the test's own (what the platform's SDK would answer is not the point).
import { mkdtempSync, rmSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createHttpServer } from '../../src/http/create-http-server.js';
import type { HttpServer } from '../../src/http/create-http-server.js';
import { deferredAdapter } from '../../src/http/deferred-adapter.js';
import type { PlatformAdapter } from '../../src/http/platform-adapter.js';
import { createReadinessCheck } from '../../src/http/readiness.js';
import { createLogger } from '../../src/logging.js';
import { openDatabase } from '../../src/storage/open-database.js';

const ROUTES: Pick<PlatformAdapter, 'handles' | 'methods'> = {
  handles: (_method, path) => path === '/platform',
  methods: (path) => (path === '/platform' ? ['POST'] : undefined),
};

/** The platform once ready: answers 200 with what it read, and records what the server told it afterwards. */
function readyPlatform(): PlatformAdapter & { finishedWith: number[] } {
  const finishedWith: number[] = [];
  return {
    enabled: true,
    delivery: {
      canPost: async () => ({ ok: true }),
      deliver: async () => ({ kind: 'delivered' }),
    },
    ...ROUTES,
    finishedWith,
    handle(req, res: ServerResponse) {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        res.writeHead(200, { 'content-type': 'text/plain' });
        res.end(`answered: ${body}`);
      });
    },
    finished: (_path, status) => void finishedWith.push(status),
    start: async () => undefined,
    stop: async () => undefined,
  };
}

let server: HttpServer | undefined;
afterEach(async () => {
  await server?.stop();
  server = undefined;
});

async function serve(adapter: PlatformAdapter): Promise<string> {
  server = createHttpServer({
    logger: createLogger({ level: 'silent' }),
    metrics: { render: async () => ({ contentType: 'text/plain', body: '' }) },
    readiness: async () => ({ ok: true, body: { status: 'ready', dataset: { version: 'x' }, database: 'none' } }),
    adapters: [adapter],
    graceMs: 1_000,
  });
  return `http://127.0.0.1:${await server.listen(0, '127.0.0.1')}`;
}

const post = (base: string) => fetch(`${base}/platform`, { method: 'POST', body: 'mali' });

describe('a platform request that comes during the start', () => {
  it('waits for the platform, then gets its real answer; later requests go straight to it', async () => {
    const deferred = deferredAdapter(ROUTES, 20_000);
    const base = await serve(deferred);
    const early = post(base);
    // The request is in the server (its socket accepted, its route found) before the platform is ready.
    await new Promise((r) => setTimeout(r, 50));
    const platform = readyPlatform();
    deferred.resolve(platform);
    const res = await early;
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('answered: mali');
    const later = await post(base);
    expect(await later.text()).toBe('answered: mali');
    expect(platform.finishedWith).toEqual([200, 200]);
    expect(deferred.enabled).toBe(true);
  });

  it('gets 503 with Retry-After when the platform is not ready within the wait', async () => {
    const base = await serve(deferredAdapter(ROUTES, 30));
    const res = await post(base);
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('1');
    expect(await res.json()).toEqual({ error: 'starting', message: 'the service is starting: try again in a moment' });
  });

  it('gets 503 with Retry-After when the start fails, waiting or not', async () => {
    const deferred = deferredAdapter(ROUTES, 20_000);
    const base = await serve(deferred);
    const waiting = post(base);
    await new Promise((r) => setTimeout(r, 50));
    deferred.fail();
    expect((await waiting).status).toBe(503);
    const after = await post(base);
    expect(after.status).toBe(503);
    expect(after.headers.get('retry-after')).toBe('1');
  });

  it('keeps the routes and methods of the platform before it is ready (405 with Allow, 404 elsewhere)', async () => {
    const base = await serve(deferredAdapter(ROUTES, 30));
    const wrong = await fetch(`${base}/platform`);
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get('allow')).toBe('POST');
    expect((await fetch(`${base}/elsewhere`, { method: 'POST' })).status).toBe(404);
  });
});

describe('/readyz during the start', () => {
  it('is not ready while the platforms are being connected, though the dataset and database are', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'caac-deferred-'));
    const storage = await openDatabase({ sqlitePath: join(dir, 'caac.sqlite') });
    try {
      let starting = true;
      const check = createReadinessCheck({
        datasetVersion: () => 'abc1234',
        storage: () => storage,
        stopping: () => false,
        starting: () => starting,
      });
      const during = await check();
      expect(during.ok).toBe(false);
      expect(during.body.reasons).toEqual(['starting: the platforms are being connected']);
      starting = false;
      expect((await check()).ok).toBe(true);
    } finally {
      await storage.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
