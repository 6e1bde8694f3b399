// The one composition root, wiring only: the dataset holder, the store, the platforms' connections (their deliveries),
// the reminder commands, the core (metered and rate limited), the platform adapters, the HTTP server (src/http/) and
// the scheduler, in that order, so that nothing is filled in after it is built. src/main.ts (the process) and the
// tests call createApp.
import type { Logger } from 'pino';
import type { Config } from './config/read-config.js';
import type { Clock } from './core/clock.js';
import { systemClock } from './core/clock.js';
import { createCore } from './core/create-core.js';
import type { Core } from './core/create-core.js';
import type { Deliveries } from './core/delivery.js';
import { createDatasetHolder } from './dataset/dataset-holder.js';
import type { DatasetHolder } from './dataset/dataset-holder.js';
import { defaultDataDir } from './dataset/load-dataset.js';
import { prepareIndexes } from './dataset/resolver.js';
import type { Dataset } from './dataset/schema.js';
import { createHttpServer } from './http/create-http-server.js';
import type { HttpServer } from './http/create-http-server.js';
import { meterCore } from './http/meter-core.js';
import type { PlatformAdapter } from './http/platform-adapter.js';
import { createRateLimiter, limitCore } from './http/rate-limit.js';
import type { RateLimiter } from './http/rate-limit.js';
import { createReadinessCheck } from './http/readiness.js';
import { configSecrets, createLogger } from './logging.js';
import { createMetrics } from './metrics.js';
import type { Metrics } from './metrics.js';
import { connectSlack } from './platforms/slack/connect-slack.js';
import { createSlackAdapter } from './platforms/slack/create-slack-adapter.js';
import { connectTeams } from './platforms/teams/connect-teams.js';
import type { TeamsConnectionOptions } from './platforms/teams/connect-teams.js';
import { createTeamsAdapter } from './platforms/teams/create-teams-adapter.js';
import { createReminderCommands } from './reminders/create-reminder-commands.js';
import { createReminderStore } from './reminders/kysely-reminder-store.js';
import type { ReminderStore } from './reminders/reminder-store.js';
import { createScheduler } from './reminders/scheduler.js';
import type { Scheduler } from './reminders/scheduler.js';
import { workspaceReminders } from './reminders/workspace-reminders.js';
import { type ChannelLanguageStore, createChannelLanguageStore } from './storage/channel-languages.js';
import { openDatabase } from './storage/open-database.js';
import type { Storage } from './storage/open-database.js';
import { secretBoxFromKeys } from './storage/secret-box.js';
import type { SecretBox } from './storage/secret-box.js';

/** Optional dependencies: tests inject the clock, the logger and the platforms' stand-ins. */
export interface AppDeps {
  clock?: Clock;
  logger?: Logger;
  metrics?: Metrics;
  /** Run the reminder scheduler (default true; tests of other parts turn it off). */
  scheduler?: boolean;
  /** Bot Framework endpoints of a stand-in (tests) or a sovereign cloud. */
  teamsBotFramework?: TeamsConnectionOptions['botFramework'];
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
  const shared: Shared = { config, deps, clock, logger, metrics, limiter };

  let holder: DatasetHolder | undefined;
  let storage: Storage | undefined;
  let adapters: readonly PlatformAdapter[] = [];
  let server: HttpServer | undefined;
  let scheduler: Scheduler | undefined;
  let stopping: Promise<void> | undefined;
  let stopWatch: (() => void) | undefined;

  return {
    async start() {
      holder = await openDataset(config, logger, metrics);
      if (deps.watchDataset) stopWatch = watchDataset(holder);
      const dataset = () => holder!.current();
      const secrets = secretBoxFromKeys(config.secretsKey, config.secretsKeyPrevious);
      storage = await openStorage(config, logger, secrets);
      const wired = wireService(shared, storage, dataset, secrets);
      adapters = wired.adapters;
      server = createHttpServer({
        logger,
        metrics,
        readiness: createReadinessCheck({
          datasetVersion: () => holder?.version(),
          storage: () => storage,
          stopping: () => stopping !== undefined,
          secrets: configSecrets(config),
          ...(deps.readinessTimeoutMs !== undefined ? { timeoutMs: deps.readinessTimeoutMs } : {}),
        }),
        adapters,
        graceMs: deps.shutdownGraceMs ?? 10_000,
      });
      const port = await server.listen(config.port, config.host);
      logger.info({ port, host: config.host }, 'listening');
      // Only once health answers: Slack is reached in the background (bot ids, Socket Mode), never waited for, so an
      // unreachable SLACK_API_URL delays neither the start nor any answer.
      for (const adapter of adapters) await adapter.start();
      if (deps.scheduler !== false) scheduler = startScheduler(shared, wired, dataset);
      return { port };
    },

    stop() {
      stopping ??= (async () => {
        stopWatch?.();
        holder?.close();
        await server?.stop();
        await scheduler?.stop().catch((err: unknown) => logger.error({ err }, 'scheduler did not stop cleanly'));
        for (const adapter of adapters) {
          await adapter.stop().catch((err: unknown) => logger.error({ err }, 'a platform did not stop cleanly'));
        }
        await storage?.close();
        logger.info('stopped');
      })();
      return stopping;
    },
  };
}

// What every part of the wiring reads.
interface Shared {
  config: Config;
  deps: AppDeps;
  clock: Clock;
  logger: Logger;
  metrics: Metrics;
  limiter: RateLimiter;
}

/**
 * The platforms' connections first (their deliveries exist before anything that posts), then the reminder commands,
 * the core (metered, then rate limited: a refused command never reaches it) and the platform adapters over it.
 */
function wireService(shared: Shared, storage: Storage, dataset: () => Dataset, secrets: SecretBox | undefined) {
  const { config, deps, clock, logger, metrics, limiter } = shared;
  const slackConnection = connectSlack({
    config: config.slack,
    logger,
    storage,
    ...(secrets ? { secrets } : {}),
    clock,
    ...(deps.slackBotIdRetryDelaysMs ? { botIdRetryDelaysMs: deps.slackBotIdRetryDelaysMs } : {}),
  });
  const teamsConnection = connectTeams({
    config,
    storage,
    logger,
    clock,
    ...(deps.teamsBotFramework ? { botFramework: deps.teamsBotFramework } : {}),
  });
  const deliveries: Deliveries = {
    ...(slackConnection.enabled ? { slack: slackConnection.delivery } : {}),
    ...(teamsConnection.enabled ? { teams: teamsConnection.delivery } : {}),
  };
  const store = createReminderStore(storage);
  // Channels' languages (`lang fr`): the core answers in them, the scheduler posts in them.
  const languages = createChannelLanguageStore(storage.db, () => clock.now());
  const reminders = createReminderCommands({
    records: store.records,
    dataset,
    clock,
    deliveries,
    defaultTz: config.defaultTz,
  });
  const core: Core = meterCore(
    limitCore(createCore({ dataset, clock, defaultTz: config.defaultTz, reminders, languages }), limiter, (context) =>
      metrics.refused('rate-limited', context.platform),
    ),
    metrics,
  );
  const adapters: readonly PlatformAdapter[] = [
    createSlackAdapter({
      connection: slackConnection,
      core,
      onRefused: (reason) => metrics.refused(reason, 'slack'),
      homeAnswers: (team, lang) => workspaceReminders(store.records, reminders, 'slack', team, lang),
    }),
    createTeamsAdapter({ connection: teamsConnection, core, onRefused: (reason) => metrics.refused(reason, 'teams') }),
  ];
  return { adapters, store, deliveries, languages };
}

// The scheduler, started: it posts due reminders through the deliveries and counts what became of each.
function startScheduler(
  shared: Shared,
  wired: { store: ReminderStore; deliveries: Deliveries; languages: ChannelLanguageStore },
  dataset: () => Dataset,
): Scheduler {
  const { config, clock, logger, metrics } = shared;
  const scheduler = createScheduler({
    store: wired.store,
    dataset,
    deliveries: wired.deliveries,
    languages: wired.languages,
    clock,
    logger: logger.child({ component: 'scheduler' }),
    pollMs: config.schedulerPollMs,
    leaseMs: config.schedulerLeaseMs,
    // A late delivery is a delivery too: it counts under both (see Metrics.reminder).
    onOutcome: (outcome) => {
      metrics.reminder(outcome);
      if (outcome === 'late') metrics.reminder('delivered');
    },
  });
  scheduler.start();
  return scheduler;
}

// The dataset: the service never starts on a half-loaded or invalid one.
async function openDataset(config: Config, logger: Logger, metrics: Metrics): Promise<DatasetHolder> {
  const dir = config.dataDir ?? defaultDataDir();
  const holder = createDatasetHolder({
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
  return holder;
}

// Reloads on file changes and on SIGHUP; returns how to stop both.
function watchDataset(holder: DatasetHolder): () => void {
  const stopFiles = holder.watch();
  const stopSignal = holder.reloadOnSignal('SIGHUP');
  return () => {
    stopFiles();
    stopSignal();
  };
}

// The database named by the config, or a start-up error that says which variable to fix. Its migrations seal, with
// the secrets key, Slack tokens an earlier release left in plaintext.
async function openStorage(config: Config, logger: Logger, secrets: SecretBox | undefined): Promise<Storage> {
  try {
    const storage = await openDatabase({
      ...(secrets ? { secrets } : {}),
      ...(config.databaseUrl ? { databaseUrl: config.databaseUrl } : { sqlitePath: config.dbPath }),
      logger,
    });
    logger.info({ dialect: storage.dialect }, 'database open');
    return storage;
  } catch (err) {
    const where = config.databaseUrl ? 'DATABASE_URL' : `CAAC_DB_PATH (${config.dbPath})`;
    throw new StartupError(
      'the database could not be opened',
      [`${where}: ${err instanceof Error ? err.message : String(err)}`],
      { cause: err },
    );
  }
}
