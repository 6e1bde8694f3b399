// Microsoft Teams at POST /api/messages: botbuilder's CloudAdapter with ConfigurationBotFrameworkAuthentication,
// behind a small interface (handle + delivery) so that the rest of the service never sees botbuilder. Microsoft
// archived botbuilder in December 2025; moving to @microsoft/agents-hosting should touch src/platforms/teams/ only.
// https://learn.microsoft.com/azure/bot-service/bot-builder-basics
//
// No open door: without MicrosoftAppId the Bot Framework skips authentication entirely, and a forged activity could
// make the bot post to any serviceUrl. So without an app id the endpoint is off (503), unless
// TEAMS_ALLOW_UNAUTHENTICATED=true is set for local use with the Emulator (a warning at start-up).
import type { IncomingMessage, ServerResponse } from 'node:http';
import { CloudAdapter, ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import type { Activity, ConfigurationBotFrameworkAuthenticationOptions } from 'botbuilder';
import { AuthenticationError } from 'botframework-connector';
import type { Logger } from 'pino';
import { PLATFORM_VARIABLES } from '../../config.js';
import type { Config } from '../../config.js';
import type { Clock } from '../../core/clock.js';
import type { Core } from '../../core/create-core.js';
import type { Dataset } from '../../dataset/schema.js';
import type { Delivery } from '../../core/delivery.js';
import type { Storage } from '../../storage/open-database.js';
import { toBotRequest, toBotResponse } from './bot-http-shim.js';
import { createTeamsBot } from './create-teams-bot.js';
import { createTeamsConversationStore } from './teams-conversation-store.js';
import { createTeamsDelivery } from './teams-delivery.js';
import { createWelcomeLedger } from './welcome.js';

/** botbuilder's factory of outbound credentials (named through the constructor: botbuilder does not re-export it). */
type CredentialsFactory = NonNullable<ConstructorParameters<typeof ConfigurationBotFrameworkAuthentication>[1]>;

/** What the Teams handler needs from the composition root. */
export interface TeamsHandlerDeps {
  config: Pick<Config, 'teams'>;
  core: Core;
  storage: Pick<Storage, 'db'>;
  logger: Logger;
  clock: Clock;
  /** The dataset, for the messaging extension's name search (optional: without it, the query runs as a command). */
  dataset?: () => Dataset;
  /**
   * Bot Framework settings beyond the four variables (login and OpenID metadata URLs of a sovereign cloud, or of a
   * test's stand-in) and a credentials factory for outbound tokens. Not set in production.
   */
  botFramework?: { options?: ConfigurationBotFrameworkAuthenticationOptions; credentialsFactory?: CredentialsFactory };
}

/** The Teams endpoint as the HTTP server sees it, and the Delivery the reminder scheduler posts through. */
export interface TeamsHandler {
  /** Whether the endpoint answers activities (false: it answers 503). */
  readonly enabled: boolean;
  /** Handles POST /api/messages; `body` is the raw request body, already read. */
  handle(req: IncomingMessage, res: ServerResponse, body: Buffer): Promise<void>;
  delivery: Delivery;
}

/** Creates the Teams handler; logs at once whether Teams is on, off, or (for the Emulator) unauthenticated. */
export function createTeamsHandler(deps: TeamsHandlerDeps): TeamsHandler {
  const { config, logger } = deps;
  const teams = config.teams;
  const log = logger.child({ platform: 'teams' });
  const appId = teams.appId ?? '';
  const enabled = appId !== '' || teams.allowUnauthenticated;

  if (!enabled) {
    log.info(`Teams is off: POST /api/messages answers 503. To turn it on, ${PLATFORM_VARIABLES.teams}`);
    return {
      enabled,
      handle: async (_req, res) =>
        sendJson(res, 503, {
          error: 'teams_disabled',
          message: `Microsoft Teams is not configured on this service: ${PLATFORM_VARIABLES.teams}`,
        }),
      delivery: {
        canPost: async () => ({
          ok: false,
          reason: 'Microsoft Teams is not configured on this service',
          fix: PLATFORM_VARIABLES.teams,
        }),
        deliver: async () => ({
          kind: 'retry',
          afterMs: 3_600_000,
          reason: 'Microsoft Teams is not configured on this service',
        }),
      },
    };
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
      ...deps.botFramework?.options,
    },
    deps.botFramework?.credentialsFactory,
  );
  const adapter = new CloudAdapter(auth);
  // Faults inside a turn are logged here; the user gets a short apology (see create-teams-bot.ts).
  adapter.onTurnError = async (context, err) => {
    log.error({ err, activityType: context.activity.type }, 'teams: unhandled error in a turn');
  };

  const store = createTeamsConversationStore(deps.storage, deps.clock);
  const logic = createTeamsBot({
    core: deps.core,
    store,
    logger: log,
    ...(deps.dataset ? { dataset: deps.dataset } : {}),
    welcome: createWelcomeLedger(deps.storage, deps.clock),
  });

  return {
    enabled,
    async handle(req, res, body) {
      const parsed = toBotRequest(req, body);
      if (!parsed.ok) return sendJson(res, 400, { error: 'bad_request', message: parsed.message });
      // Unauthenticated, the bot would post wherever an activity's serviceUrl points; the Emulator's is on this
      // machine, so nothing else is served (a forged activity cannot aim the bot at another host).
      if (appId === '' && !isLoopbackUrl(parsed.request.body?.serviceUrl)) {
        log.warn('teams: unauthenticated activity with a serviceUrl off this machine refused (403)');
        return sendJson(res, 403, {
          error: 'teams_unauthenticated_remote',
          message:
            'without MicrosoftAppId only the Bot Framework Emulator on this machine (a loopback serviceUrl) is served',
        });
      }
      try {
        await adapter.process(parsed.request, toBotResponse(res), logic);
      } catch (err) {
        log.error({ err }, 'teams: could not process the activity');
        if (!res.headersSent) sendJson(res, 500, { error: 'internal', message: 'the activity could not be processed' });
      }
      if (res.statusCode === 401) log.warn('teams: activity rejected, no valid Bot Framework token (401)');
    },
    delivery: createTeamsDelivery({ adapter, appId, store, logger: log }),
  };
}

/**
 * botbuilder answers 500 when a token's signature does not verify (jsonwebtoken's JsonWebTokenError is not its
 * AuthenticationError); a bad token is the caller's fault, so every token failure becomes 401.
 */
class StrictBotFrameworkAuthentication extends ConfigurationBotFrameworkAuthentication {
  override async authenticateRequest(activity: Activity, authHeader: string) {
    try {
      return await super.authenticateRequest(activity, authHeader);
    } catch (err) {
      const name = (err as { name?: unknown } | undefined)?.name;
      if (name === 'JsonWebTokenError' || name === 'NotBeforeError' || name === 'TokenExpiredError') {
        throw new AuthenticationError(`Unauthorized: ${(err as Error).message}`, 401);
      }
      throw err;
    }
  }
}

/** Whether a serviceUrl points at this machine (localhost, 127.0.0.0/8, ::1). */
function isLoopbackUrl(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  try {
    const host = new URL(value).hostname.replace(/^\[|\]$/g, '');
    return host === 'localhost' || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host);
  } catch {
    return false;
  }
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}
