// The Teams side that needs no core: botbuilder's CloudAdapter with ConfigurationBotFrameworkAuthentication, the
// stored conversation references, and the Delivery that posts reminders through them. Built before the core (the
// reminder commands ask the delivery whether they can post), then handed to createTeamsAdapter.
//
// No open door: without MicrosoftAppId the Bot Framework skips authentication entirely, and a forged activity could
// make the bot post to any serviceUrl. So without an app id Teams is off (503), unless TEAMS_ALLOW_UNAUTHENTICATED=true
// is set for local use with the Emulator (a warning at start-up).
import { CloudAdapter, ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import type { Activity, ConfigurationBotFrameworkAuthenticationOptions } from 'botbuilder';
import { AuthenticationError } from 'botframework-connector';
import type { ClaimsIdentity, UserTokenClient } from 'botframework-connector';
import type { Logger } from 'pino';
import { PLATFORM_VARIABLES } from '../../config/platform-variables.js';
import type { Config } from '../../config/read-config.js';
import type { Clock } from '../../core/clock.js';
import type { Delivery } from '../../core/delivery.js';
import type { Storage } from '../../storage/open-database.js';
import { createTeamsConversationStore } from './teams-conversation-store.js';
import type { TeamsConversationStore } from './teams-conversation-store.js';
import { createTeamsDelivery } from './teams-delivery.js';
import { noteKeysUnavailable } from './teams-request-scope.js';
import { clientAppId, reusedBotClients } from './reused-bot-clients.js';
import { createWelcomeLedger } from './welcome.js';
import type { WelcomeLedger } from './welcome.js';

/** botbuilder's factory of outbound credentials (named through the constructor: botbuilder does not re-export it). */
type CredentialsFactory = NonNullable<ConstructorParameters<typeof ConfigurationBotFrameworkAuthentication>[1]>;

/** What connecting to Teams needs. */
export interface TeamsConnectionOptions {
  config: Pick<Config, 'teams'>;
  storage: Pick<Storage, 'db'>;
  logger: Logger;
  clock: Clock;
  /**
   * Bot Framework settings beyond the four variables (login and OpenID metadata URLs of a sovereign cloud, or of a
   * test's stand-in) and a credentials factory for outbound tokens. Not set in production.
   */
  botFramework?: { options?: ConfigurationBotFrameworkAuthenticationOptions; credentialsFactory?: CredentialsFactory };
}

/** Teams, connected: on (with its CloudAdapter) or off, and the Delivery either way. */
export type TeamsConnection = {
  /** The logger with `platform: 'teams'`. */
  log: Logger;
  delivery: Delivery;
} & (
  | { enabled: false }
  | {
      enabled: true;
      /** The bot's app id; '' when running unauthenticated for the Emulator. */
      appId: string;
      cloudAdapter: CloudAdapter;
      conversations: TeamsConversationStore;
      /** Which conversations have had the welcome card. */
      welcome: WelcomeLedger;
    }
);

/** Connects Teams; logs at once whether Teams is on, off, or (for the Emulator) unauthenticated. */
export function connectTeams(options: TeamsConnectionOptions): TeamsConnection {
  const teams = options.config.teams;
  const log = options.logger.child({ platform: 'teams' });
  const appId = teams.appId ?? '';
  if (appId === '' && !teams.allowUnauthenticated) {
    log.info(`Teams is off: POST /api/messages answers 503. To turn it on, ${PLATFORM_VARIABLES.teams}`);
    return { enabled: false, log, delivery: OFF_DELIVERY };
  }
  if (appId === '') {
    log.warn(
      'Teams runs WITHOUT authentication (TEAMS_ALLOW_UNAUTHENTICATED=true): anyone who reaches /api/messages can make ' +
        'the bot post to any serviceUrl. Use it only on your own machine with the Bot Framework Emulator.',
    );
  } else {
    if (teams.allowUnauthenticated)
      log.info('TEAMS_ALLOW_UNAUTHENTICATED is ignored: MicrosoftAppId is set, so every activity is authenticated');
    log.info({ appType: teams.appType }, 'Teams is on: POST /api/messages, authenticated by the Bot Framework');
  }
  const auth = new StrictBotFrameworkAuthentication(
    {
      ...(appId ? { MicrosoftAppId: appId } : {}),
      ...(teams.appPassword ? { MicrosoftAppPassword: teams.appPassword } : {}),
      MicrosoftAppType: teams.appType,
      ...(teams.appTenantId ? { MicrosoftAppTenantId: teams.appTenantId } : {}),
      ...options.botFramework?.options,
    },
    options.botFramework?.credentialsFactory,
  );
  const cloudAdapter = new CloudAdapter(auth);
  // Faults inside a turn are logged here; the user gets a short apology (see create-teams-bot.ts).
  cloudAdapter.onTurnError = async (context, err) => {
    log.error({ err, activityType: context.activity.type }, 'teams: unhandled error in a turn');
  };
  const conversations = createTeamsConversationStore(options.storage, options.clock);
  const delivery = createTeamsDelivery({ adapter: cloudAdapter, appId, store: conversations, logger: log });
  const welcome = createWelcomeLedger(options.storage, options.clock);
  return { enabled: true, log, delivery, appId, cloudAdapter, conversations, welcome };
}

// Teams off: the delivery refuses every channel, saying how to turn Teams on.
const OFF_DELIVERY: Delivery = {
  canPost: async () => ({ ok: false, problem: 'off', platform: 'teams', variables: PLATFORM_VARIABLES.teams }),
  deliver: async () => ({
    kind: 'retry',
    afterMs: 3_600_000,
    reason: 'Microsoft Teams is not configured on this service',
  }),
};

/**
 * botbuilder answers 500 when a token's signature does not verify (jsonwebtoken's JsonWebTokenError is not its
 * AuthenticationError); a bad token is the caller's fault, so every token failure becomes 401. The clients an
 * activity's turn gets are made once per key and reused (reused-bot-clients.ts).
 */
class StrictBotFrameworkAuthentication extends ConfigurationBotFrameworkAuthentication {
  private readonly clients = reusedBotClients();

  override async authenticateRequest(activity: Activity, authHeader: string) {
    const result = await this.strictlyAuthenticated(activity, authHeader);
    if (!result.connectorFactory) return result;
    const appId = clientAppId(result.claimsIdentity);
    return { ...result, connectorFactory: this.clients.connectorFactory(result.connectorFactory, appId) };
  }

  override createUserTokenClient(claimsIdentity: ClaimsIdentity): Promise<UserTokenClient> {
    return this.clients.userTokenClient(clientAppId(claimsIdentity), () => super.createUserTokenClient(claimsIdentity));
  }

  private async strictlyAuthenticated(activity: Activity, authHeader: string) {
    try {
      return await super.authenticateRequest(activity, authHeader);
    } catch (err) {
      const name = (err as { name?: unknown } | undefined)?.name;
      if (name === 'JsonWebTokenError' || name === 'NotBeforeError' || name === 'TokenExpiredError') {
        throw new AuthenticationError(`Unauthorized: ${(err as Error).message}`, 401);
      }
      if (err instanceof AuthenticationError && err.statusCode !== 500) throw err;
      // The SDK's 500 "Failed to load Keys", or a network error fetching them: not the caller's fault, and its text
      // (URLs, addresses) is not for the caller either.
      noteKeysUnavailable(err);
      throw new AuthenticationError('Bot Framework signing keys unavailable', 503);
    }
  }
}
