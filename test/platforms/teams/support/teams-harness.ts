// The Teams adapter as the service mounts it, with real parts: the real dataset, the real core, a real SQLite file,
// botbuilder's real CloudAdapter, served by a node:http server on 127.0.0.1 at POST /api/messages. Log lines are
// captured as objects so tests can assert on them.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TeamsConfig } from '../../../../src/config/teams-config.js';
import { fixedClock } from '../../../../src/core/clock.js';
import { createCore } from '../../../../src/core/create-core.js';
import type { Core } from '../../../../src/core/create-core.js';
import { defaultDataDir, loadDataset } from '../../../../src/dataset/load-dataset.js';
import type { Dataset } from '../../../../src/dataset/schema.js';
import { createLogger } from '../../../../src/logging.js';
import { limitCore } from '../../../../src/http/rate-limit.js';
import type { RateLimiter } from '../../../../src/http/rate-limit.js';
import { createReminderCommands } from '../../../../src/reminders/create-reminder-commands.js';
import { createReminderStore } from '../../../../src/reminders/kysely-reminder-store.js';
import type { PlatformAdapter } from '../../../../src/http/platform-adapter.js';
import { connectTeams } from '../../../../src/platforms/teams/connect-teams.js';
import type { TeamsConnectionOptions } from '../../../../src/platforms/teams/connect-teams.js';
import { createTeamsAdapter } from '../../../../src/platforms/teams/create-teams-adapter.js';
import { createChannelLanguageStore } from '../../../../src/storage/channel-languages.js';
import { openDatabase } from '../../../../src/storage/open-database.js';
import type { Storage } from '../../../../src/storage/open-database.js';

/** "Now" for every Teams test. */
export const NOW = new Date('2026-11-28T10:00:00.000Z');

/** A fixture activity from test/fixtures/teams/, with its serviceUrl pointed at a stand-in and fields overridden. */
export function fixture(name: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const path = new URL(`../../../fixtures/teams/${name}.json`, import.meta.url);
  return { ...(JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>), ...overrides };
}

let datasetPromise: Promise<Dataset> | undefined;
/** The real dataset, loaded once per test file. */
export function realDataset(): Promise<Dataset> {
  datasetPromise ??= loadDataset(defaultDataDir()).then((r) => {
    if (!r.ok) throw new Error(`the dataset does not load: ${JSON.stringify(r.problems.slice(0, 3))}`);
    return r.dataset;
  });
  return datasetPromise;
}

/** A running Teams endpoint and what it is made of. */
export interface TeamsHarness {
  url: string;
  handler: PlatformAdapter;
  storage: Storage;
  core: Core;
  logs: Record<string, unknown>[];
  /** POSTs an activity to /api/messages. */
  post(
    activity: unknown,
    headers?: Record<string, string>,
  ): Promise<{ status: number; text: string; json: () => unknown }>;
  close(): Promise<void>;
}

/** Starts the handler with the given Teams settings (default: no app id, unauthenticated allowed, as with the Emulator). */
export async function startTeamsHarness(
  options: {
    teams?: Partial<TeamsConfig>;
    botFramework?: TeamsConnectionOptions['botFramework'];
    storage?: Storage;
    /** Wire the reminder commands (the real store on this database, the Teams delivery), as the service does. */
    reminders?: boolean;
    /** Put the core behind this rate limiter, as the service does. */
    rateLimiter?: RateLimiter;
  } = {},
): Promise<TeamsHarness> {
  const dir = mkdtempSync(join(tmpdir(), 'caac-teams-'));
  // A given storage is shared with another harness (a second replica) and stays open when this one closes.
  const storage = options.storage ?? (await openDatabase({ sqlitePath: join(dir, 'caac.sqlite') }));
  const dataset = await realDataset();
  const clock = fixedClock(NOW);
  // Channels' languages on the same database, as the service wires them (`lang fr`).
  const languages = createChannelLanguageStore(storage.db, () => clock.now());
  const logs: Record<string, unknown>[] = [];
  const logger = createLogger({
    level: 'debug',
    destination: { write: (line: string) => void logs.push(JSON.parse(line)) },
  });
  const teams: TeamsConfig = { enabled: true, appType: 'MultiTenant', allowUnauthenticated: true, ...options.teams };
  const connection = connectTeams({
    config: { teams },
    storage,
    logger,
    clock,
    ...(options.botFramework ? { botFramework: options.botFramework } : {}),
  });
  const reminders = options.reminders
    ? createReminderCommands({
        records: createReminderStore(storage).records,
        dataset: () => dataset,
        clock,
        deliveries: { teams: connection.delivery },
      })
    : undefined;
  const bare = createCore({ dataset: () => dataset, clock, languages, ...(reminders ? { reminders } : {}) });
  const core = options.rateLimiter ? limitCore(bare, options.rateLimiter) : bare;
  const handler = createTeamsAdapter({ connection, core });
  const server = createServer((req, res) => {
    if (!handler.handles(req.method ?? 'GET', req.url ?? '/')) {
      res.writeHead(404).end();
      return;
    }
    Promise.resolve(handler.handle(req, res, req.url ?? '/')).catch((err: unknown) => {
      res.writeHead(599).end(String(err));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    handler,
    storage,
    core,
    logs,
    async post(activity, headers = {}) {
      const res = await fetch(`${url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: typeof activity === 'string' ? activity : JSON.stringify(activity),
      });
      const text = await res.text();
      return { status: res.status, text, json: () => JSON.parse(text) as unknown };
    },
    async close() {
      await new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      });
      if (!options.storage) await storage.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
