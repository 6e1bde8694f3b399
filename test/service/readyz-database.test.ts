// /readyz when the database cannot be reached: 503 with the reason in words. Through the running service on a real
// PostgreSQL reached through a loopback TCP proxy that the test partitions (no answer), shuts (connection refused)
// and reopens; and the check itself on a real SQLite file whose handle is closed.
import { mkdtempSync, rmSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import type { AddressInfo, Server, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.js';
import type { CaacApp } from '../../src/app.js';
import { readConfig } from '../../src/config/read-config.js';
import { createReadinessCheck } from '../../src/http/readiness.js';
import { createLogger } from '../../src/logging.js';
import { openDatabase } from '../../src/storage/open-database.js';
import { createTestSchema } from '../support/postgres-schema.js';
import type { TestSchema } from '../support/postgres-schema.js';
import { captureLogs } from '../support/capture-logs.js';
import { DATABASE_URL } from '../support/test-databases.js';

interface ReadyBody {
  status: string;
  database: string;
  reasons?: string[];
}

describe('the readiness check on SQLite', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'caac-readyz-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('is ready on an open file, and not ready, saying why, once its handle is closed', async () => {
    const storage = await openDatabase({ sqlitePath: join(dir, 'caac.sqlite') });
    const check = createReadinessCheck({
      datasetVersion: () => 'abc1234',
      storage: () => storage,
      stopping: () => false,
    });
    expect(await check()).toEqual({
      ok: true,
      body: { status: 'ready', dataset: { version: 'abc1234' }, database: 'sqlite: reachable' },
    });
    await storage.close();
    const closed = await check();
    expect(closed.ok).toBe(false);
    expect(closed.body.status).toBe('not ready');
    expect(closed.body.database).toBe('sqlite: unreachable (the database connection is closed)');
    expect(closed.body.reasons).toEqual(['database unreachable: the database connection is closed']);
  });

  it('names every reason at once: no dataset, no database, stopping', async () => {
    const check = createReadinessCheck({
      datasetVersion: () => undefined,
      storage: () => undefined,
      stopping: () => true,
    });
    const { ok, body } = await check();
    expect(ok).toBe(false);
    expect(body).toEqual({
      status: 'not ready',
      dataset: 'not loaded',
      database: 'not open',
      reasons: ['dataset not loaded', 'database not open', 'stopping: the service is shutting down'],
      stopping: true,
    });
  });
});

describe.skipIf(DATABASE_URL === undefined)('/readyz on PostgreSQL through a proxy the test controls', () => {
  let schema: TestSchema;
  let proxy: Awaited<ReturnType<typeof startProxy>>;
  let app: CaacApp;
  let base: string;
  let dir: string;
  const logs = captureLogs();

  beforeAll(async () => {
    schema = await createTestSchema(DATABASE_URL!);
    const target = new URL(schema.databaseUrl);
    proxy = await startProxy(target.hostname, Number(target.port || 5432));
    const viaProxy = new URL(schema.databaseUrl);
    viaProxy.hostname = '127.0.0.1';
    viaProxy.port = String(proxy.port);
    dir = mkdtempSync(join(tmpdir(), 'caac-readyz-pg-'));
    const read = readConfig({ DATABASE_URL: viaProxy.toString(), CAAC_DB_PATH: join(dir, 'unused.sqlite') });
    if (!read.ok) throw new Error(read.problems.join('\n'));
    app = createApp(
      { ...read.config, port: 0, host: '127.0.0.1' },
      { logger: createLogger({ level: 'warn', destination: logs }), scheduler: false, readinessTimeoutMs: 300 },
    );
    base = `http://127.0.0.1:${(await app.start()).port}`;
  });
  afterAll(async () => {
    proxy?.shut();
    await app?.stop();
    await proxy?.close();
    await schema?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  const readyz = async () => {
    const res = await fetch(`${base}/readyz`);
    return { status: res.status, body: (await res.json()) as ReadyBody };
  };

  it('is ready while the database answers', async () => {
    expect(await readyz()).toMatchObject({ status: 200, body: { status: 'ready', database: 'postgres: reachable' } });
  });

  it('answers 503 within its time limit when the database stops answering (a network partition)', async () => {
    proxy.partition();
    const { status, body } = await readyz();
    expect(status).toBe(503);
    expect(body.database).toBe('postgres: unreachable (no answer within 300 ms)');
    expect(body.reasons).toEqual(['database unreachable: no answer within 300 ms']);
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
  });

  it('is ready again when the partition heals', async () => {
    // The probe still waiting from the partition completes too. (Were the connection to die instead, pg would emit
    // the error on the checked-out client, which src/storage/open-database.ts logs rather than crash on.)
    proxy.heal();
    expect(await readyz()).toMatchObject({ status: 200, body: { status: 'ready', database: 'postgres: reachable' } });
  });

  it('answers 503 "connection refused" when nothing listens at the database\'s port', async () => {
    const connections = proxy.shut();
    // The pool's idle connections die with the proxy; the pool drops each with a log line. Probing before it has
    // would check out a dead connection, whose error pg throws outside any query.
    const dropped = () => logs.lines().filter((l) => l.msg === 'postgres pool: idle client error').length;
    for (let i = 0; i < 500 && dropped() < connections; i++) await new Promise((r) => setTimeout(r, 10));
    expect(dropped()).toBe(connections);
    let last: ReadyBody | undefined;
    for (let i = 0; i < 50 && !/connection refused/.test(last?.database ?? ''); i++) {
      const { status, body } = await readyz();
      expect(status).toBe(503);
      expect(body.database).toMatch(/^postgres: unreachable \(/);
      last = body;
    }
    expect(last!.database).toBe(`postgres: unreachable (connection refused at 127.0.0.1:${proxy.port})`);
    expect(last!.reasons).toEqual([`database unreachable: connection refused at 127.0.0.1:${proxy.port}`]);
  });

  it('is ready again once the database is back', async () => {
    await proxy.reopen();
    expect(await readyz()).toMatchObject({ status: 200, body: { status: 'ready', database: 'postgres: reachable' } });
  });
});

// A TCP proxy on 127.0.0.1 to the real PostgreSQL: `partition` stops forwarding on every connection, old and new
// (nothing is refused, nothing answers) and `heal` resumes it; `shut` closes the port and every connection;
// `reopen` listens again.
async function startProxy(host: string, port: number) {
  const sockets = new Set<Socket>();
  const pairs: Array<[Socket, Socket]> = [];
  let held: Socket[] = [];
  let partitioned = false;
  let server: Server;
  const track = (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
    s.on('error', () => s.destroy());
  };
  const forward = (client: Socket) => {
    const upstream = createConnection({ host, port });
    track(upstream);
    pairs.push([client, upstream]);
    client.pipe(upstream).pipe(client);
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  };
  const listen = (onPort: number) =>
    new Promise<number>((resolve, reject) => {
      server = createServer((client) => {
        track(client);
        if (partitioned)
          held.push(client); // accepted, not answered until the partition heals
        else forward(client);
      });
      server.once('error', reject);
      server.listen(onPort, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
    });
  const boundPort = await listen(0);
  const closeServer = () =>
    new Promise<void>((resolve) => (server.listening ? server.close(() => resolve()) : resolve()));
  return {
    port: boundPort,
    partition() {
      partitioned = true;
      for (const [a, b] of pairs) {
        a.unpipe(b);
        b.unpipe(a);
        a.pause();
        b.pause();
      }
    },
    heal() {
      partitioned = false;
      for (const [a, b] of pairs) {
        a.pipe(b);
        b.pipe(a);
      }
      for (const client of held) forward(client);
      held = [];
    },
    /** Closes the port and every connection; returns how many connections the database client had open. */
    shut(): number {
      if (server.listening) server.close();
      const clients = pairs.filter(([client]) => !client.destroyed).length + held.length;
      for (const s of sockets) s.destroy();
      pairs.length = 0;
      held = [];
      return clients;
    },
    async reopen() {
      await closeServer();
      await listen(boundPort);
    },
    async close() {
      for (const s of sockets) s.destroy();
      await closeServer();
    },
  };
}
