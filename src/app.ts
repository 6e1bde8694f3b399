// The one composition root: loads the dataset, opens the store, creates the core, the Slack adapter and the Teams
// handler, and serves them all from one node:http server with /healthz, /readyz and /metrics. Nothing else wires
// modules together; src/main.ts (the process) and the tests call createApp.
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import { PLATFORM_VARIABLES } from './config.js';
import type { Config } from './config.js';
import type { Answer } from './core/answer.js';
import type { Clock } from './core/clock.js';
import { systemClock } from './core/clock.js';
import { createCore } from './core/create-core.js';
import type { ReminderCommands } from './core/ports.js';
import { createDatasetHolder } from './dataset/dataset-holder.js';
import type { DatasetHolder } from './dataset/dataset-holder.js';
import { defaultDataDir } from './dataset/load-dataset.js';
import { prepareIndexes } from './dataset/resolver.js';
import { meterCore } from './http/meter-core.js';
import { createRateLimiter, limitCore } from './http/rate-limit.js';
import type { RateLimiter } from './http/rate-limit.js';
import { BODY_LIMITS, BodyTooLargeError, readBody, sendBodyTooLarge } from './http/read-body.js';
import { createReadinessCheck } from './http/readiness.js';
import { requestNote, setRequestLogger } from './http/request-logger.js';
import { configSecrets, createLogger } from './logging.js';
import { createMetrics } from './metrics.js';
import type { Metrics } from './metrics.js';
import { createSlackAdapter } from './platforms/slack/create-slack-adapter.js';
import type { SlackAdapter } from './platforms/slack/create-slack-adapter.js';
import { createTeamsHandler } from './platforms/teams/create-teams-handler.js';
import type { TeamsHandler, TeamsHandlerDeps } from './platforms/teams/create-teams-handler.js';
import { createReminderCommands } from './reminders/create-reminder-commands.js';
import type { Deliveries } from './core/delivery.js';
import { createReminderStore } from './reminders/kysely-reminder-store.js';
import type { ReminderRecords } from './reminders/reminder-records.js';
import { createScheduler } from './reminders/scheduler.js';
import type { Scheduler } from './reminders/scheduler.js';
import { openDatabase } from './storage/open-database.js';
import type { Storage } from './storage/open-database.js';
import { secretBoxFromKeys } from './storage/secret-box.js';

/** Optional dependencies: tests inject the clock, the logger and the platforms' stand-ins. */
export interface AppDeps {
  clock?: Clock;
  logger?: Logger;
  metrics?: Metrics;
  /** Run the reminder scheduler (default true; tests of other parts turn it off). */
  scheduler?: boolean;
  /** Bot Framework endpoints of a stand-in (tests) or a sovereign cloud. */
  teamsBotFramework?: TeamsHandlerDeps['botFramework'];
  /** Reload the dataset when its files change and on SIGHUP (main.ts turns it on). */
  watchDataset?: boolean;
  /** How long stop() waits for requests in flight before closing their connections; default 10 s. */
  shutdownGraceMs?: number;
  /** Command rate limiter; default per user and per channel token buckets. */
  rateLimiter?: RateLimiter;
  /** Waits between Slack auth.test retries after start-up (their number bounds the retries); default about two minutes. */
  slackBotIdRetryDelaysMs?: readonly number[];
  /** How long /readyz waits for the database before calling it unreachable; default 2 s. */
  readinessTimeoutMs?: number;
}

/** The service. */
export interface CaacApp {
  /** Loads, opens and listens; rejects with a readable message (dataset problems one per line) when it cannot. */
  start(): Promise<{ port: number }>;
  /** Stops taking requests, finishes those in flight, stops the scheduler and closes the database. Idempotent. */
  stop(): Promise<void>;
}

/** A start-up failure with the lines to print (dataset problems, database errors). */
export class StartupError extends Error {
  readonly code = 'startup_failed';
  constructor(
    message: string,
    readonly lines: string[],
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'StartupError';
  }
}

/** Creates the service from a validated config. Nothing happens until start(). */
export function createApp(config: Config, deps: AppDeps = {}): CaacApp {
  const clock = deps.clock ?? systemClock;
  const logger = deps.logger ?? createLogger({ level: config.logLevel, secrets: configSecrets(config) });
  const metrics = deps.metrics ?? createMetrics({ clock });
  const limiter = deps.rateLimiter ?? createRateLimiter({ clock });
  const graceMs = deps.shutdownGraceMs ?? 10_000;

  let holder: DatasetHolder | undefined;
  let storage: Storage | undefined;
  let slack: SlackAdapter | undefined;
  let teams: TeamsHandler | undefined;
  let scheduler: Scheduler | undefined;
  let server: Server | undefined;
  let stopping: Promise<void> | undefined;
  let stopWatch: (() => void) | undefined;

  const readiness = createReadinessCheck({
    datasetVersion: () => holder?.version(),
    storage: () => storage,
    stopping: () => stopping !== undefined,
    secrets: configSecrets(config),
    ...(deps.readinessTimeoutMs !== undefined ? { timeoutMs: deps.readinessTimeoutMs } : {}),
  });

  const route = async (req: IncomingMessage, res: ServerResponse, log: Logger): Promise<void> => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    const method = (req.method ?? 'GET').toUpperCase();

    if (path === '/healthz' && (method === 'GET' || method === 'HEAD')) return sendJson(res, 200, { status: 'ok' });
    if (path === '/readyz' && (method === 'GET' || method === 'HEAD')) {
      const { ok, body } = await readiness();
      return sendJson(res, ok ? 200 : 503, body);
    }
    if (path === '/metrics' && method === 'GET') {
      const { contentType, body } = await metrics.render();
      res.writeHead(200, { 'content-type': contentType });
      res.end(body);
      return;
    }
    if (slack?.handles(method, path)) {
      slack.requestListener(req, res);
      return;
    }
    if (path.startsWith('/slack/')) {
      return sendJson(res, 503, { error: 'slack_disabled', message: slackOffMessage(config) });
    }
    if (path === '/api/messages') {
      if (method !== 'POST') return sendJson(res, 405, { error: 'method_not_allowed' });
      let body: Buffer;
      try {
        body = await readBody(req, { limit: BODY_LIMITS.teams });
      } catch (err) {
        if (err instanceof BodyTooLargeError) {
          metrics.refused('body-too-large', 'teams');
          return sendBodyTooLarge(res, err.limit);
        }
        log.warn({ err }, 'teams: request body could not be read');
        return sendJson(res, 400, { error: 'bad_request' });
      }
      await teams!.handle(req, res, body);
      if (res.statusCode === 401) metrics.refused('unauthenticated', 'teams');
      return;
    }
    return sendJson(res, 404, { error: 'not_found' });
  };

  const onRequest = (req: IncomingMessage, res: ServerResponse): void => {
    const started = performance.now();
    const header = req.headers['x-request-id'];
    const reqId = typeof header === 'string' && /^[\w.-]{1,64}$/.test(header) ? header : randomUUID();
    const log = logger.child({ reqId });
    setRequestLogger(req, log);
    res.setHeader('x-request-id', reqId);
    if (stopping) res.setHeader('connection', 'close');
    const path = (req.url ?? '/').split('?')[0];
    res.on('finish', () => {
      // While stopping, a keep-alive socket is not kept for another request: the server can close as soon as it is sent.
      if (stopping) req.socket.end();
      // One line per request: what the adapter noted (command kind, outcome) joins the HTTP fields.
      const line = {
        method: req.method,
        path,
        status: res.statusCode,
        ms: Math.round(performance.now() - started),
        ...requestNote(req),
      };
      if (path === '/healthz' || path === '/readyz' || path === '/metrics') log.debug(line, 'request');
      else log.info(line, 'request');
      if (path === '/slack/events' && res.statusCode === 401) metrics.refused('bad-signature', 'slack');
      if (path === '/slack/events' && res.statusCode === 413) metrics.refused('body-too-large', 'slack');
    });
    route(req, res, log).catch((err: unknown) => {
      log.error({ err }, 'request failed');
      if (!res.headersSent) sendJson(res, 500, { error: 'internal' });
      else res.end();
    });
  };

  return {
    async start() {
      // 1. The dataset: the service never starts on a half-loaded or invalid one.
      const dir = config.dataDir ?? defaultDataDir();
      holder = createDatasetHolder({
        dir,
        logger,
        // The name and search indexes are built before the swap, so the first request after a reload finds them.
        prepare: prepareIndexes,
        onChange: (next, previous) => {
          metrics.setDataset(next);
          if (previous) metrics.reload('ok');
        },
        onRefused: () => metrics.reload('refused'),
      });
      const loaded = await holder.reload('start-up');
      if (!loaded.ok) throw new StartupError(`the dataset in ${dir} is invalid`, loaded.problems);
      metrics.setDataset(holder.current());
      logger.info({ dataset: loaded.version, dir }, 'dataset loaded');
      if (deps.watchDataset) {
        const stopFiles = holder.watch();
        const stopSignal = holder.reloadOnSignal('SIGHUP');
        stopWatch = () => {
          stopFiles();
          stopSignal();
        };
      }
      const dataset = () => holder!.current();

      // 2. The store (its migrations seal, with the secrets key, Slack tokens an earlier release left in plaintext).
      const secrets = secretBoxFromKeys(config.secretsKey, config.secretsKeyPrevious);
      try {
        storage = await openDatabase({
          ...(secrets ? { secrets } : {}),
          ...(config.databaseUrl ? { databaseUrl: config.databaseUrl } : { sqlitePath: config.dbPath }),
          logger,
        });
      } catch (err) {
        const where = config.databaseUrl ? 'DATABASE_URL' : `CAAC_DB_PATH (${config.dbPath})`;
        throw new StartupError(
          'the database could not be opened',
          [`${where}: ${err instanceof Error ? err.message : String(err)}`],
          { cause: err },
        );
      }
      logger.info({ dialect: storage.dialect }, 'database open');

      // 3. The core, behind the rate limiter, with the reminder commands when the reminders module is plugged in.
      // The deliveries are filled in below, once the platforms exist; the plugin reads the object when it posts.
      const deliveries: Deliveries = {};
      const store = createReminderStore(storage);
      const reminderCommands = createReminderCommands({
        records: store.records,
        dataset,
        clock,
        deliveries,
        defaultTz: config.defaultTz,
      });
      const core = createCore({ dataset, clock, defaultTz: config.defaultTz, reminders: reminderCommands });
      // Every platform's commands pass here: the request metrics (command kind and outcome only), then the rate
      // limits (a refused command never reaches the core).
      const guardedCore = meterCore(
        limitCore(core, limiter, (context) => metrics.refused('rate-limited', context.platform)),
        metrics,
      );

      // 4. The platforms.
      if (config.slack.mode === 'off') {
        logger.info(`Slack is off: /slack/events answers 503. To turn it on, ${PLATFORM_VARIABLES.slack}`);
      } else {
        slack = createSlackAdapter({
          config: config.slack,
          core: guardedCore,
          logger,
          storage,
          ...(secrets ? { secrets } : {}),
          clock,
          homeAnswers: (team: string) => workspaceReminders(store.records, reminderCommands, 'slack', team),
          ...(deps.slackBotIdRetryDelaysMs ? { botIdRetryDelaysMs: deps.slackBotIdRetryDelaysMs } : {}),
        });
        deliveries.slack = slack.delivery;
        logger.info(
          { mode: config.slack.mode },
          `Slack is on (${config.slack.mode === 'socket' ? 'Socket Mode' : 'POST /slack/events'})`,
        );
      }
      teams = createTeamsHandler({
        config,
        core: guardedCore,
        storage,
        logger,
        clock,
        dataset,
        ...(deps.teamsBotFramework ? { botFramework: deps.teamsBotFramework } : {}),
      });
      if (teams.enabled) deliveries.teams = teams.delivery;

      // 5. The server, then the scheduler.
      server = createServer(onRequest);
      // Slack retries after 3 s; a slow client must not hold a socket for ever.
      server.requestTimeout = 30_000;
      server.headersTimeout = 15_000;
      await new Promise<void>((resolve, reject) => {
        server!.once('error', reject);
        server!.listen(config.port, config.host, () => {
          server!.off('error', reject);
          resolve();
        });
      });
      const port = (server.address() as AddressInfo).port;
      logger.info({ port, host: config.host }, 'listening');
      // Only once health answers: Slack is reached in the background (bot ids, Socket Mode), never waited for, so an
      // unreachable SLACK_API_URL delays neither the start nor any answer.
      await slack?.start();
      if (deps.scheduler !== false) {
        scheduler = createScheduler({
          store,
          dataset,
          deliveries,
          clock,
          logger: logger.child({ component: 'scheduler' }),
          pollMs: config.schedulerPollMs,
          // A late delivery is a delivery too: it counts under both (see Metrics.reminder).
          onOutcome: (outcome) => {
            metrics.reminder(outcome);
            if (outcome === 'late') metrics.reminder('delivered');
          },
        });
        scheduler.start();
      }
      return { port };
    },

    stop() {
      stopping ??= (async () => {
        stopWatch?.();
        holder?.close();
        if (server) {
          // Stop accepting; let requests in flight finish (idle keep-alive sockets are closed at once), and after the
          // grace period close whatever is left.
          const closed = new Promise<void>((resolve) => server!.close(() => resolve()));
          // Idle keep-alive sockets close now; busy ones close once their response is sent (see onRequest).
          server.closeIdleConnections();
          const timer = setTimeout(() => server?.closeAllConnections(), graceMs);
          timer.unref();
          await closed;
          clearTimeout(timer);
        }
        await scheduler?.stop().catch((err: unknown) => logger.error({ err }, 'scheduler did not stop cleanly'));
        await slack?.stop().catch((err: unknown) => logger.error({ err }, 'slack did not stop cleanly'));
        await storage?.close();
        logger.info('stopped');
      })();
      return stopping;
    },
  };
}

// A workspace's reminders for its Home tab: the `reminders` answer of each of its channels (the first few).
async function workspaceReminders(
  records: ReminderRecords,
  commands: ReminderCommands,
  platform: 'slack' | 'teams',
  workspaceId: string,
): Promise<Answer[]> {
  const reminders = await records.listByWorkspace(platform, workspaceId);
  const channels = new Map(reminders.map((r) => [r.channelKey, r.channel]));
  const answers: Answer[] = [];
  for (const channel of [...channels.values()].slice(0, 5)) {
    const answer = await commands.handle({ kind: 'reminders' }, { platform, channel });
    // On the Home tab "this channel" means nothing: name the channel instead.
    answers.push({ ...answer, title: `Reminders in ${channel.name ?? channel.channelId}` });
  }
  return answers;
}

function slackOffMessage(config: Config): string {
  return config.slack.mode === 'socket'
    ? 'Slack runs in Socket Mode (SLACK_APP_TOKEN is set): there is no HTTP endpoint'
    : `Slack is not configured on this service: ${PLATFORM_VARIABLES.slack}`;
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}
