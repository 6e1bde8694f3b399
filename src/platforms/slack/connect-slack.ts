// The Slack side that needs no core: the mode, the installation store (OAuth), the bot's identity (one workspace),
// Bolt's logger, and the Delivery that posts reminders. Built before the core (the reminder commands ask the delivery
// whether they can post), then handed to createSlackAdapter.
import type { Logger as BoltLogger } from '@slack/bolt';
import type { Logger } from 'pino';
import { PLATFORM_VARIABLES } from '../../config/platform-variables.js';
import type { SlackConfig } from '../../config/slack-config.js';
import type { Clock } from '../../core/clock.js';
import { systemClock } from '../../core/clock.js';
import type { Delivery } from '../../core/delivery.js';
import type { Storage } from '../../storage/open-database.js';
import type { SecretBox } from '../../storage/secret-box.js';
import { boltLogger } from './bolt-logger.js';
import { createBotIdentity } from './bot-identity.js';
import type { BotIdentity } from './bot-identity.js';
import { createSlackDelivery } from './slack-delivery.js';
import { createTokenRefresher } from './slack-token-refresher.js';
import { createSlackEventLedger } from './slack-event-ledger.js';
import type { SlackEventLedger } from './slack-event-ledger.js';
import { SqlInstallationStore } from './sql-installation-store.js';

/** What connecting to Slack needs. */
export interface SlackConnectionOptions {
  config: SlackConfig;
  logger: Logger;
  /** Needed for the OAuth install (installation store). */
  storage?: Storage;
  /** Needed for the OAuth install: seals the stored tokens (CAAC_SECRETS_KEY). */
  secrets?: SecretBox;
  /** For installation timestamps; default the system clock. */
  clock?: Clock;
  /** Waits between auth.test retries at start-up (their number bounds the retries); default about two minutes. */
  botIdRetryDelaysMs?: readonly number[];
}

/** Slack, connected (or off: mode 'off'). */
export interface SlackConnection {
  readonly config: SlackConfig;
  /** Whether Slack is configured (any mode but 'off'). */
  readonly enabled: boolean;
  /** The logger with `platform: 'slack'`, and the same for Bolt and the Web API client. */
  readonly log: Logger;
  readonly boltLogger: BoltLogger;
  /** The OAuth installations (mode 'oauth' only). */
  readonly installations?: SqlInstallationStore;
  /** The bot's ids, found in the background (one workspace: modes 'single' and 'socket'). */
  readonly identity?: BotIdentity;
  /** Slack event ids already taken, in the database every replica shares (absent without a database). */
  readonly events?: SlackEventLedger;
  /** Posts reminders to Slack channels; when Slack is off, refuses every channel. */
  readonly delivery: Delivery;
}

/** Connects Slack; logs at once whether Slack is on or off, and how to turn it on. */
export function connectSlack(options: SlackConnectionOptions): SlackConnection {
  const { config } = options;
  const log = options.logger.child({ platform: 'slack' });
  const bLogger = boltLogger(log);
  if (config.mode === 'off') {
    options.logger.info(`Slack is off: /slack/events answers 503. To turn it on, ${PLATFORM_VARIABLES.slack}`);
    return { config, enabled: false, log, boltLogger: bLogger, delivery: OFF_DELIVERY };
  }
  options.logger.info(
    { mode: config.mode },
    `Slack is on (${config.mode === 'socket' ? 'Socket Mode' : 'POST /slack/events'})`,
  );
  const clock = options.clock ?? systemClock;
  const installations =
    config.mode === 'oauth'
      ? new SqlInstallationStore(requireStorage(options.storage).db, clock, {
          secrets: requireSecrets(options.secrets),
          logger: log,
        })
      : undefined;
  // OAuth tokens rotate: the refresher hands out a valid bot token, refreshing it when it is about to expire.
  const refresher = installations
    ? createTokenRefresher({
        store: installations,
        clientId: config.clientId!,
        clientSecret: config.clientSecret!,
        clock,
        logger: log,
        clientLogger: bLogger,
        ...(config.apiUrl ? { apiUrl: config.apiUrl } : {}),
      })
    : undefined;
  // One workspace: the bot ids are found by auth.test in the background, with bounded retries, so that neither the
  // start nor any request waits for Slack.
  const identity =
    config.mode === 'single' || config.mode === 'socket'
      ? createBotIdentity({
          token: config.botToken!,
          ...(config.apiUrl ? { apiUrl: config.apiUrl } : {}),
          logger: log,
          clientLogger: bLogger,
          ...(options.botIdRetryDelaysMs ? { retryDelaysMs: options.botIdRetryDelaysMs } : {}),
        })
      : undefined;
  const delivery = createSlackDelivery({
    tokenFor: async (channel) =>
      refresher ? refresher.botToken(channel.workspaceId, channel.enterpriseId) : config.botToken,
    ...(config.apiUrl ? { apiUrl: config.apiUrl } : {}),
    logger: bLogger,
  });
  return {
    config,
    enabled: true,
    log,
    boltLogger: bLogger,
    delivery,
    ...(installations ? { installations } : {}),
    ...(identity ? { identity } : {}),
    ...(options.storage ? { events: createSlackEventLedger(options.storage.db, clock) } : {}),
  };
}

// Slack off: the delivery refuses every channel, saying how to turn Slack on.
const OFF_DELIVERY: Delivery = {
  canPost: async () => ({ ok: false, problem: 'off', platform: 'slack', variables: PLATFORM_VARIABLES.slack }),
  deliver: async () => ({ kind: 'retry', afterMs: 3_600_000, reason: 'Slack is not configured on this service' }),
};

function requireSecrets(secrets: SecretBox | undefined): SecretBox {
  if (!secrets) throw new Error('the Slack OAuth install needs CAAC_SECRETS_KEY (it encrypts the stored tokens)');
  return secrets;
}

function requireStorage(storage: Storage | undefined): Storage {
  if (!storage) throw new Error('the Slack OAuth install needs the database (installation store)');
  return storage;
}
